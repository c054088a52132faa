import CloudFormation

/// An index's way back to its table. Weak, because the table holds its indexes; the ARN is
/// built when asked for, once the table knows its stack (which references need).
struct TableLink {
    weak var table: (any TableResource)?
    let logicalID: String

    init(_ table: any TableResource) {
        self.table = table
        logicalID = table.logicalID
    }

    var arn: Value<String> { table?.arn ?? Fn.getAtt(logicalID, "Arn") }

    func indexARN(_ name: String) -> Value<String> { "\(arn)/index/\(name)" }
}
