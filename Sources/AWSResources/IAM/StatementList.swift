/// The statements grants collect into a role's default policy: in grant order, duplicates
/// dropped, every statement with a unique alphanumeric Sid.
enum StatementList {
    static func merge(_ statements: [PolicyStatement]) -> [PolicyStatement] {
        // A role holds a handful of statements: comparing them in turn costs less than hashing
        // every statement's whole body (actions, resources, conditions) into a Set; a long
        // list still gets one.
        let hashes = statements.count > 16
        var result: [PolicyStatement] = []
        result.reserveCapacity(statements.count)
        var bodies: [PolicyStatement] = []
        if !hashes { bodies.reserveCapacity(statements.count) }
        var bodySet: Set<PolicyStatement> = []
        for statement in statements {
            let body = statement.withoutSid
            if hashes {
                guard bodySet.insert(body).inserted else { continue }
            } else {
                guard !bodies.contains(body) else { continue }
                bodies.append(body)
            }
            result.append(statement)
        }
        var used: [String] = []
        used.reserveCapacity(result.count)
        var usedSet: Set<String> = []
        func isUsed(_ sid: String) -> Bool { hashes ? usedSet.contains(sid) : used.contains(sid) }
        for index in result.indices {
            let base = result[index].sid.flatMap { $0.isEmpty ? nil : $0 } ?? "Statement\(index + 1)"
            var sid = base
            var counter = 2
            while isUsed(sid) {
                sid = "\(base)\(counter)"
                counter += 1
            }
            if hashes { usedSet.insert(sid) } else { used.append(sid) }
            result[index].sid = sid
        }
        return result
    }
}
