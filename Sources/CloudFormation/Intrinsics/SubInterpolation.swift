/// String interpolation on `Value<String>` builds an Fn::Sub:
///
///     "arn:\(AWS.partition):logs:\(AWS.region):\(AWS.accountID):log-group:\(group.name)"
///
/// renders as `!Sub 'arn:${AWS::Partition}:logs:${AWS::Region}:...:${Group}'`. A reference
/// or attribute becomes `${Name}` / `${Name.Attr}`; any other intrinsic becomes a variable of
/// the Sub's map. Text without interpolated intrinsics stays a plain string.
extension Value: ExpressibleByStringInterpolation where Kind == String {
    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [SubTemplate.Part] = []
        var variables = Fields()

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) {
            parts.append(.literal(literal))
        }

        /// Interpolates a plain Swift string as text.
        public mutating func appendInterpolation(_ text: String) {
            parts.append(.literal(text))
        }

        public mutating func appendInterpolation(_ value: Value<String>) {
            append(value.raw)
        }

        public mutating func appendInterpolation(_ value: Value<Int>) {
            append(value.raw)
        }

        private mutating func append(_ value: TemplateValue) {
            switch value {
            case .string(let text), .number(let text):
                parts.append(.literal(text))
            case .boolean(let flag):
                parts.append(.literal(flag ? "true" : "false"))
            case .intrinsic(.ref(let target)):
                parts.append(.reference(target))
            case .intrinsic(.getAtt(let target, let attribute)):
                parts.append(.attribute(target, attribute))
            case .intrinsic(.sub(let inner, let innerVariables)) where innerVariables.isEmpty:
                parts.append(contentsOf: inner.parts)
            default:
                // Anything else (Select, ImportValue, a Sub with its own map, ...) needs a named variable.
                let name = "Var\(variables.count + 1)"
                variables[name] = value
                parts.append(.reference(ReferenceTarget(name)))
            }
        }
    }

    public init(stringInterpolation: StringInterpolation) {
        let template = SubTemplate(parts: stringInterpolation.parts)
        if template.isLiteral, stringInterpolation.variables.isEmpty {
            let text = template.parts.map { if case .literal(let text) = $0 { text } else { "" } }.joined()
            raw = .string(text)
        } else {
            raw = .intrinsic(.sub(template, variables: stringInterpolation.variables))
        }
    }
}
