import ArgumentParser

/// `infra synth` without swift-argument-parser, for the plain command lines that need none of
/// it: parsing with ArgumentParser builds every command's argument set through reflection,
/// whose first-time type and conformance lookups cost 9.8 M instructions, a quarter of a
/// Cruddur synth (bench/PROFILE.md). Only `synth` followed by `--root`, `--env`, `--stack`,
/// `--out` (each with a value that is not an option) and `--check`, each at most once but
/// `--stack`, is taken here; anything else (help, `--opt=value`, an unknown or repeated
/// option, a missing value) goes to ArgumentParser, which also reports every usage error.
/// `QuickSynthTests` checks that both parsers read every such line the same way.
enum QuickSynth {
    /// The request, or nil when ArgumentParser must parse `arguments` (program name excluded).
    static func request(_ arguments: [String]) -> SynthRequest? {
        guard arguments.first == SynthCommand.configuration.commandName else { return nil }
        var request = SynthRequest()
        var given = Set<String>()
        var index = 1
        while index < arguments.count {
            let name = arguments[index]
            if name == "--check" {
                guard given.insert(name).inserted else { return nil }
                request.check = true
                index += 1
                continue
            }
            guard index + 1 < arguments.count else { return nil }
            let value = arguments[index + 1]
            guard !value.hasPrefix("-") else { return nil }
            switch name {
            case "--stack": request.selection.stacks.append(value)
            case "--root": request.selection.root = value
            case "--env": request.selection.env = value
            case "--out": request.out = value
            default: return nil
            }
            guard name == "--stack" || given.insert(name).inserted else { return nil }
            index += 2
        }
        return request
    }

    /// Runs `request`; nil when it stopped at a usage error, which ArgumentParser reports
    /// (with the command's usage) when it parses and runs the command again: such an error
    /// comes before anything is printed or written.
    static func run(_ request: SynthRequest) -> ExitCode? {
        do {
            try request.run()
            return .success
        } catch let code as ExitCode {
            return code
        } catch {
            return nil
        }
    }
}
