import Foundation
import InfraYAML
import JSONText
import YAMLTestSupport

/// `yaml-bench corpus DIR`: the generated strings as YAML and as JSON, for other readers to compare.
///
/// - strings.yaml: a single document, a block sequence of the strings in corpus order.
/// - strings.json: a JSON array of the same strings, same order.
/// - keys.yaml / keys.json: a mapping from each distinct string to `[index of its first occurrence]`,
///   which puts every string in mapping-key position and every value in an indented sequence.
struct CorpusCommand {
    let directory: URL
    let count: Int
    let seed: UInt64

    init(arguments: [String]) throws(UsageError) {
        let parsed = try CommandArguments(arguments, knownOptions: ["count", "seed"])
        guard parsed.positional.count == 1, let path = parsed.positional.first else {
            throw UsageError("corpus needs exactly one directory")
        }
        directory = URL(fileURLWithPath: path, isDirectory: true)
        count = try parsed.integer("count", default: StringCorpus.defaultCount)
        seed = try parsed.unsigned("seed", default: StringCorpus.defaultSeed)
    }

    func run() throws {
        let strings = StringCorpus.strings(count: count, seed: seed)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)

        let sequence = Node.sequence(strings.map { Node.string($0) })
        try write(Emitter().emitUTF8(sequence), to: "strings.yaml")
        try write(JSONSerialization.data(withJSONObject: strings), to: "strings.json")

        // Keys are distinct by code points, as Mapping and YAML readers compare them: "é" and
        // "e\u{301}" are two keys. keys.json keeps them apart by writing the object in order.
        var keys = Mapping()
        var firstIndices: [(key: String, index: Int)] = []
        for (index, string) in strings.enumerated() where keys[string] == nil {
            try keys.append(string, .sequence([.integer(index)]))
            firstIndices.append((string, index))
        }
        try write(Emitter().emitUTF8(.mapping(keys)), to: "keys.yaml")
        let keysJSON = "{" + firstIndices.map { JSONText.quoted($0.key) + ":[\($0.index)]" }.joined(separator: ",") + "}"
        try write(Array(keysJSON.utf8), to: "keys.json")

        print("wrote \(strings.count) strings (\(keys.count) distinct) to \(directory.path)")
    }

    private func write<Bytes: DataProtocol>(_ bytes: Bytes, to name: String) throws {
        try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
}
