// synth-bench: the `infra` command line for a generated app whose one stack holds N copies of
// Cruddur's pattern (a table with a GSI and a NEW_IMAGE stream, a function with its role and
// log group, and the stream trigger): 5 resources a copy. bench/run times its `synth`.
//
//     synth-bench [--copies N] [--code inline|s3] [--app copies|cruddur] [--allow-large-body] <infra command...>
//     synth-bench --copies 80 synth --out /tmp/x
//
// The options before the command are synth-bench's own (N may also come from the
// SYNTH_BENCH_COPIES environment variable); the rest goes to `InfraCLI.main(app:)` unchanged.
import Cruddur
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Infra

let usage = """
    usage: synth-bench [--copies N] [--code inline|s3] [--app copies|cruddur] [--allow-large-body] <infra command and options>

      --copies N           copies of (table + GSI + stream, log group, role, function, trigger);
                           default: $SYNTH_BENCH_COPIES, else 1
      --code inline|s3     the functions' code: inline from bench/synth/handler.py under --root
                           (default), or an S3 object (a smaller template)
      --app cruddur        the Cruddur app instead of the generated stack (as `infra`), to compare
                           the two ways of running synth below on it
      --allow-large-body   BENCHMARK ONLY, with `synth --out DIR [--root DIR] [--env NAME]` and
                           nothing else: runs SynthesisPipeline itself (not through the CLI's argument
                           parsing) and writes the templates even when they exceed CloudFormation's
                           51,200-byte template-body quota (reported as a note). Every other
                           diagnostic still fails the run with exit 2.
    """

enum CodeSource: String, Sendable {
    case inline, s3
}

/// The stack of `copies` copies; logical IDs and names are numbered from 1.
func benchApp(copies: Int, code: CodeSource) -> App {
    let stack = Stack(
        "synth-bench",
        description: "synth-bench: \(copies) cop\(copies == 1 ? "y" : "ies") of a table with a GSI and a stream, and its stream processor"
    ) { stack in
        for copy in 1...copies {
            addCopy(copy, to: stack, code: code)
        }
    }
    return App("synth-bench", stacks: [stack])
}

/// One copy: the same typed resources and settings as Cruddur's messaging stack, without the
/// VPC (and so without the gateway endpoint and the ENI policy) and without the failure queue.
func addCopy(_ copy: Int, to stack: StackBuilder, code: CodeSource) {
    let tableName = "bench-messages-\(copy)"
    let table = stack.add(Table(
        "Messages\(copy)",
        tableName: Value(tableName),
        partitionKey: .string("pk"),
        sortKey: .string("sk"),
        billing: .provisioned(read: 5, write: 5),
        stream: .newImage
    ))
    let byGroup = table.globalIndex(
        "message-group-sk-index",
        partitionKey: .string("message_group_uuid"),
        sortKey: .string("sk"),
        projection: .all,
        throughput: Throughput(read: 5, write: 5)
    )
    let functionCode: FunctionCode = switch code {
    case .inline: .inline(file: "bench/synth/handler.py")
    case .s3: .s3(bucket: "synth-bench-artifacts", key: Value("processor-\(copy).zip" as String))
    }
    let processor = stack.add(Function(
        "Processor\(copy)",
        functionName: Value("bench-processor-\(copy)" as String),
        description: "Processes the stream of \(tableName)",
        runtime: .python3_13,
        architecture: .x86_64,
        handler: "index.lambda_handler",
        code: functionCode,
        environment: ["TABLE_NAME": table.name, "INDEX_NAME": Value(byGroup.name)]
    ))
    byGroup.grant(processor, .query, sid: "QueryMessageGroupIndex")
    table.grant(processor, .putItem, .deleteItem)
    stack.add(processor.trigger(
        on: table.stream,
        batchSize: 1,
        startingPosition: .latest,
        filters: [StreamFilter(.eventName(.insert), .key("pk", .prefix("MSG#")))],
        reportBatchItemFailures: true,
        maximumRetryAttempts: 5,
        alarms: .none  // 5 resources a copy, as the recorded figures count them
    ))
}

/// Writes a line to standard error, unbuffered. (FileHandle is in full Foundation, which
/// synth-bench doesn't load, so that its process start is the same as `infra`'s.)
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    bytes.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

func fail(_ message: String, code: Int32 = 64) -> Never {
    printError("synth-bench: \(message)")
    exit(code)
}

// MARK: - synth-bench's own options, then the infra CLI

// Read from argv itself: CommandLine.arguments is read-only, and the swift runtime builds it
// from argv on first use, so the options are taken out of argv (below) before that happens.
let argc = Int(CommandLine.argc)
let argv = CommandLine.unsafeArgv
var arguments = (1..<argc).map { String(cString: argv[$0]!) }
var copies = 1
if let value = ProcessInfo.processInfo.environment["SYNTH_BENCH_COPIES"] {
    guard let number = Int(value) else { fail("SYNTH_BENCH_COPIES must be a whole number, not '\(value)'") }
    copies = number
}
var code = CodeSource.inline
var cruddur = false
var allowLargeBody = false

parsing: while let option = arguments.first {
    switch option {
    case "--copies":
        guard arguments.count > 1, let value = Int(arguments[1]) else { fail("--copies needs a whole number\n\(usage)") }
        copies = value
        arguments.removeFirst(2)
    case "--code":
        guard arguments.count > 1, let value = CodeSource(rawValue: arguments[1]) else { fail("--code is inline or s3\n\(usage)") }
        code = value
        arguments.removeFirst(2)
    case "--app":
        guard arguments.count > 1, ["copies", "cruddur"].contains(arguments[1]) else { fail("--app is copies or cruddur\n\(usage)") }
        cruddur = arguments[1] == "cruddur"
        arguments.removeFirst(2)
    case "--allow-large-body":
        allowLargeBody = true
        arguments.removeFirst()
    case "--bench-help":
        print(usage)
        exit(0)
    default:
        break parsing
    }
}
guard (1...1000).contains(copies) else { fail("--copies must be 1 to 1000, not \(copies)") }

let app = cruddur ? cruddurApp : benchApp(copies: copies, code: code)
let command = cruddur ? "swift run infra synth" : "swift run synth-bench synth"

guard allowLargeBody else {
    // Hand the rest of argv to the infra CLI: drop the consumed options from argv (the
    // pointers move down, the array stays NULL-terminated) and check what Swift now sees.
    let consumed = argc - 1 - arguments.count
    if consumed > 0 {
        for index in 1..<(argc - consumed) { argv[index] = argv[index + consumed] }
        for index in (argc - consumed)..<argc { argv[index] = nil }
    }
    guard Array(CommandLine.arguments.dropFirst()) == arguments else {
        fail("cannot pass the arguments on to the infra CLI on this platform; give N in SYNTH_BENCH_COPIES instead of --copies")
    }
    InfraCLI.main(app: app, command: command)
}

// MARK: - --allow-large-body: the pipeline of `infra synth`, less the body-size quota

var outDirectory: String?
var root = FileManager.default.currentDirectoryPath
var environmentName: String?
guard arguments.first == "synth" else { fail("--allow-large-body works only with `synth --out DIR`\n\(usage)") }
var rest = arguments.dropFirst()
while let option = rest.first {
    guard rest.count > 1, let value = rest.dropFirst().first, ["--out", "--root", "--env"].contains(option) else {
        fail("--allow-large-body takes only `synth --out DIR [--root DIR] [--env NAME]`, not '\(option)'")
    }
    switch option {
    case "--out": outDirectory = value
    case "--root": root = value
    default: environmentName = value
    }
    rest = rest.dropFirst(2)
}
guard let outDirectory else { fail("--allow-large-body needs `synth --out DIR`: it never writes to out/") }
let environments: [Environment]
if let environmentName {
    guard let environment = app.environment(named: environmentName) else { fail("unknown environment '\(environmentName)'") }
    environments = [environment]
} else {
    environments = app.allEnvironments
}

/// The one diagnostic this mode tolerates: SynthesisPipeline's check of the rendered body size.
func isBodyQuota(_ diagnostic: Diagnostic) -> Bool {
    diagnostic.severity == .error && diagnostic.message.contains("bytes in a template body")
}

var written: [GeneratedFile] = []
var failed = false
for environment in environments {
    let pipeline = SynthesisPipeline(app: app, files: SourceFiles(root: root), environment: environment, command: command)
    let result = pipeline.run()
    for diagnostic in result.diagnostics {
        let line = isBodyQuota(diagnostic) ? "note (--allow-large-body): \(diagnostic)" : diagnostic.description
        printError(line)
    }
    failed = failed || result.diagnostics.contains { $0.severity == .error && !isBodyQuota($0) }
    written += result.files
}
if failed { fail("nothing was written", code: 2) }
do {
    for file in written {
        let url = URL(fileURLWithPath: outDirectory).appendingPathComponent(file.relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(file.contents.utf8).write(to: url, options: .atomic)
        print("wrote \(outDirectory)/\(file.relativePath)")
    }
} catch {
    fail("cannot write to '\(outDirectory)': \(error)", code: 2)
}
