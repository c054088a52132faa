/// The statements grants collect into a role's default policy: in grant order, duplicates
/// dropped, every statement with a unique alphanumeric Sid.
enum StatementList {
    static func merge(_ statements: [PolicyStatement]) -> [PolicyStatement] {
        var result: [PolicyStatement] = []
        var bodies: Set<PolicyStatement> = []
        for statement in statements where bodies.insert(statement.withoutSid).inserted {
            result.append(statement)
        }
        var used: Set<String> = []
        for index in result.indices {
            let base = result[index].sid.flatMap { $0.isEmpty ? nil : $0 } ?? "Statement\(index + 1)"
            var sid = base
            var counter = 2
            while used.contains(sid) {
                sid = "\(base)\(counter)"
                counter += 1
            }
            used.insert(sid)
            result[index].sid = sid
        }
        return result
    }
}
