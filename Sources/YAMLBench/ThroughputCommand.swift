import Foundation
import InfraYAML
import YAMLTestSupport

/// `yaml-bench throughput`: median emit and parse throughput on a CloudFormation-like tree.
///
/// MB is 10^6 bytes of YAML text (the emitted output, which is also the parser's input).
/// Emitting is measured from the tree to a `String`, parsing from that `String` to a tree.
struct ThroughputCommand {
    let sizeInMB: Double
    let runs: Int
    let outputPath: String
    let seed: UInt64

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, knownOptions: ["size-mb", "runs", "output", "seed"])
        guard parsed.positional.isEmpty else { throw UsageError("throughput takes no positional arguments") }
        sizeInMB = try parsed.number("size-mb", default: 10)
        runs = try parsed.integer("runs", default: 5)
        outputPath = parsed.string("output") ?? "yaml-bench-throughput.yaml"
        seed = try parsed.unsigned("seed", default: 42)
    }

    func run() throws {
        let tree = try SyntheticTemplate.build(approximateBytes: Int(sizeInMB * 1_000_000), seed: seed)
        let emitter = Emitter()

        let (emitSeconds, text) = try medianSeconds(runs) { () throws(YAMLError) in try emitter.emit(tree) }
        let megabytes = Double(text.utf8.count) / 1_000_000
        try Data(text.utf8).write(to: URL(fileURLWithPath: outputPath))

        let (parseSeconds, parsed) = try medianSeconds(runs) { () throws(YAMLError) in try Parser.parse(text) }

        // Not timed: the parsed tree must write back to the very same text.
        guard try emitter.emit(parsed) == text else {
            throw UsageError("round trip failed: the parsed tree does not emit the same YAML")
        }

        let emitRate = megabytes / emitSeconds
        let parseRate = megabytes / parseSeconds
        print(String(format: "yaml: %.2f MB written to %@", megabytes, outputPath))
        print(String(format: "emit:  %.4f s  %.1f MB/s  (median of %d)", emitSeconds, emitRate, runs))
        print(String(format: "parse: %.4f s  %.1f MB/s  (median of %d)", parseSeconds, parseRate, runs))
        print(String(format: "RESULT swift emit_mb_s=%.2f parse_mb_s=%.2f size_mb=%.2f", emitRate, parseRate, megabytes))
    }

    /// The median time of `runs` calls after a warm-up, and the last result. Only the call is
    /// timed: the previous run's result is released after the clock stops.
    private func medianSeconds<Result>(
        _ runs: Int,
        _ body: () throws(YAMLError) -> Result
    ) throws(YAMLError) -> (seconds: Double, result: Result) {
        let clock = ContinuousClock()
        var samples: [Double] = []
        // One untimed warm-up call first; bench/yaml/pyyaml_bench.py does the same.
        var last = try body()
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = clock.now
            let result = try body()
            let elapsed = start.duration(to: clock.now).components
            samples.append(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
            last = result
        }
        samples.sort()
        return (samples[samples.count / 2], last)
    }
}
