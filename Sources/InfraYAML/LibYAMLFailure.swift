import CLibYAML

/// Turns what libyaml records about a failure into a ``YAMLError`` that carries its own text.
enum LibYAMLFailure {
    static func emitter(_ emitter: UnsafeMutablePointer<yaml_emitter_t>) -> YAMLError {
        let problem = emitter.pointee.problem.map { String(cString: $0) }
        return .libyaml(problem: problem ?? describe(emitter.pointee.error), context: nil, mark: nil)
    }

    /// `input` is what the parser read; it turns a reader error's byte offset into a mark.
    static func parser(_ parser: UnsafeMutablePointer<yaml_parser_t>, input: UnsafeBufferPointer<UInt8>) -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? describe(state.error)
        let context = state.context.map { String(cString: $0) }
        switch state.error {
        case YAML_READER_ERROR:
            return .libyaml(problem: problem, context: context, mark: mark(atByteOffset: state.problem_offset, in: input))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            return .libyaml(problem: problem, context: context, mark: mark(state.problem_mark))
        default:
            return .libyaml(problem: problem, context: context, mark: nil)
        }
    }

    /// A libyaml mark (0-based) as a ``Mark`` (1-based).
    static func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }

    /// Reader errors only know the byte offset; count lines up to it (columns are bytes here).
    private static func mark(atByteOffset offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Mark? {
        guard offset >= 0, offset <= input.count else { return nil }
        var line = 1
        var lineStart = 0
        for index in 0..<offset where input[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return Mark(line: line, column: offset - lineStart + 1)
    }

    private static func describe(_ error: yaml_error_type_t) -> String {
        switch error {
        case YAML_MEMORY_ERROR: "libyaml ran out of memory"
        case YAML_READER_ERROR: "libyaml could not read the input"
        case YAML_SCANNER_ERROR: "libyaml could not scan the input"
        case YAML_PARSER_ERROR: "libyaml could not parse the input"
        case YAML_WRITER_ERROR: "libyaml could not write the output"
        case YAML_EMITTER_ERROR: "libyaml could not emit the events"
        default: "libyaml failed without saying why"
        }
    }
}
