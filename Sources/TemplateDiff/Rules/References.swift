/// Where a template value uses a resource attribute.
enum References {
    static func contains(_ value: TemplateValue, logicalID: String, attribute: String) -> Bool {
        switch value {
        case .scalar:
            return false
        case .list(let items):
            return items.contains { contains($0, logicalID: logicalID, attribute: attribute) }
        case .map(let map):
            return map.entries.contains { contains($0.value, logicalID: logicalID, attribute: attribute) }
        case .intrinsic(let name, let argument):
            if name == "Fn::GetAtt", argument == .list([.scalar(logicalID), .scalar(attribute)]) {
                return true
            }
            if name == "Fn::Sub", let text = argument.scalarText ?? argument.listValue?.first?.scalarText,
               text.contains("${\(logicalID).\(attribute)}") {
                return true
            }
            return contains(argument, logicalID: logicalID, attribute: attribute)
        }
    }
}
