/// A boolean expression for the Conditions section: Fn::Equals, And, Or, Not, or another
/// named condition. It is a type of its own because CloudFormation accepts nothing else there.
public struct ConditionExpression: Hashable, Sendable {
    public let raw: TemplateValue

    init(_ intrinsic: Intrinsic) {
        raw = .intrinsic(intrinsic)
    }
}

/// A named condition declared in a stack; resources, outputs and Fn::If refer to it.
public struct ConditionRef: Hashable, Sendable {
    public let name: String
    public let owner: String?

    init(name: String, owner: String?) {
        self.name = name
        self.owner = owner
    }
}

/// A mapping declared in a stack, for Fn::FindInMap.
public struct MappingRef: Hashable, Sendable {
    public let name: String
    public let owner: String?

    init(name: String, owner: String?) {
        self.name = name
        self.owner = owner
    }
}
