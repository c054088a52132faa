import Foundation

// yaml-bench: the YAML layer's corpus writer and throughput benchmark.
// Plain argument parsing on purpose: a benchmark of the YAML layer should load nothing
// beyond it (and the test corpus it shares with the tests).

let usage = """
    usage:
      yaml-bench corpus DIR [--count N] [--seed S]
          Writes DIR/strings.yaml (one block sequence of the generated strings, in order) and
          DIR/strings.json (a JSON array of the same strings), plus DIR/keys.yaml and
          DIR/keys.json (each distinct string as a mapping key whose value is [its index]).
      yaml-bench throughput [--size-mb 10] [--runs 5] [--output FILE] [--seed S]
          Builds a CloudFormation-like tree of about that many MB of YAML, reports the median
          emit and parse throughput, and writes the emitted YAML to FILE.
    """

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "corpus":
        try CorpusCommand(arguments: Array(arguments.dropFirst())).run()
    case "throughput":
        try ThroughputCommand(arguments: Array(arguments.dropFirst())).run()
    case "-h", "--help", "help":
        print(usage)
    default:
        FileHandle.standardError.write(Data((usage + "\n").utf8))
        exit(2)
    }
} catch {
    FileHandle.standardError.write(Data("yaml-bench: \(error)\n".utf8))
    exit(1)
}
