import ArgumentParser
@testable import InfraCLI
import Testing

/// `synth` parsed without ArgumentParser must mean what ArgumentParser makes of the same line,
/// and leave to it every line it does not take.
@Suite("synth without ArgumentParser")
struct QuickSynthTests {
    static let taken: [[String]] = [
        ["synth"],
        ["synth", "--check"],
        ["synth", "--env", "prod"],
        ["synth", "--env", "prod", "--root", "/tmp", "--out", "build/out"],
        ["synth", "--stack", "b", "--check", "--stack", "a", "--env", "dev"],
        ["synth", "--out", "/elsewhere", "--check", "--root", "."],
        ["synth", "--env", "é"],
    ]

    @Test("reads each plain command line as ArgumentParser does", arguments: taken)
    func sameRequest(_ arguments: [String]) throws {
        let quick = try #require(QuickSynth.request(arguments))
        guard case let parsed as SynthCommand = try InfraCommand.parseAsRoot(arguments) else {
            Issue.record("ArgumentParser did not parse \(arguments) as synth")
            return
        }
        #expect(quick == parsed.request)
    }

    @Test("leaves help, other spellings, repeats, missing values and other commands to ArgumentParser", arguments: [
        ["synth", "--help"], ["synth", "-h"], ["synth", "help"], ["synth", "--env=prod"], ["synth", "--env"],
        ["synth", "--env", "--check"], ["synth", "--out", "-x"], ["synth", "--env", "a", "--env", "b"],
        ["synth", "--check", "--check"], ["synth", "--root", "a", "--root", "a"], ["synth", "--bogus", "x"],
        ["synth", "extra"], ["synth", "--", "--check"], ["list"], ["validate", "--env", "prod"], [],
    ])
    func deferred(_ arguments: [String]) {
        #expect(QuickSynth.request(arguments) == nil)
    }

    /// A new synth option must be taught to QuickSynth (or it sends every line with it to ArgumentParser).
    @Test("knows every option synth has")
    func everyOption() {
        // The names at the start of the lines of the OPTIONS section.
        let help = SynthCommand.helpMessage(columns: 200)
        let lines = help.split(separator: "\n").drop { !$0.hasPrefix("OPTIONS:") }.dropFirst()
        let options = Set(lines.compactMap { line -> String? in
            let first = line.drop { $0 == " " }.prefix { $0 != " " && $0 != "," }
            return first.hasPrefix("--") ? String(first) : line.contains(", --") ? String(line.split(separator: " ").first { $0.hasPrefix("--") } ?? "") : nil
        })
        #expect(options == ["--root", "--env", "--stack", "--out", "--check", "--help"])
    }
}
