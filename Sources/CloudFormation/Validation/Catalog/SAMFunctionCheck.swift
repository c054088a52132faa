import ResourceCatalog

/// AWS::Serverless::Function has no provider schema, but SAM turns it into an
/// AWS::Lambda::Function and each pull event into an AWS::Lambda::EventSourceMapping, with
/// the same property names for most settings. Those are checked against the generated
/// types' schemas, so a SAM-only stack is checked as its CloudFormation twin is.
struct SAMFunctionCheck {
    /// Same name, different shape in SAM (a map of tags, not a list).
    private static let differentShape: Set<String> = ["Tags"]

    func findings(_ properties: Fields, checker: inout ShapeChecker) -> [ShapeChecker.Finding] {
        var findings: [ShapeChecker.Finding] = []
        let root = ShapeChecker.Path()
        if let function = ResourceCatalog.type(named: "AWS::Lambda::Function") {
            let shape = ResourceCatalog.propertiesShape(of: function)
            for (name, value) in properties.entries where !Self.differentShape.contains(name) {
                guard let property = shape.property(name), Self.isPlain(property) else { continue }
                checker.check(value, against: property, at: root.key(name), into: &findings, context: function.name)
            }
        }
        guard case .object(let events)? = properties["Events"],
              let mapping = ResourceCatalog.type(named: "AWS::Lambda::EventSourceMapping") else { return findings }
        let shape = ResourceCatalog.propertiesShape(of: mapping)
        for (eventName, event) in events.entries {
            guard case .object(let fields) = event, case .string(let type)? = fields["Type"],
                  SAMFunctionCatalog.pullEvents[type] != nil, case .object(let eventProperties)? = fields["Properties"] else { continue }
            for (name, value) in eventProperties.entries {
                guard let property = shape.property(name), Self.isPlain(property) else { continue }
                checker.check(value, against: property, at: root.key("Events").key(eventName).key("Properties").key(name), into: &findings, context: mapping.name)
            }
        }
        return findings
    }

    /// Scalars and lists of scalars: their meaning is the same in SAM and in the generated
    /// resource. Objects may differ (SAM's DestinationConfig has a Type) and are skipped.
    private static func isPlain(_ shape: ValueShape) -> Bool {
        let scalars: JSONType = [.string, .integer, .number, .boolean]
        if !shape.types.isEmpty && shape.types.isSubset(of: scalars) { return true }
        if shape.types == .array, let items = shape.items { return !items.types.isEmpty && items.types.isSubset(of: scalars) }
        return false
    }
}
