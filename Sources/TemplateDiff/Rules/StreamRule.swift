/// A DynamoDB table whose StreamSpecification is removed or changed is updated in place,
/// but its stream is disabled or replaced by a new one with a new ARN: whatever reads the
/// old stream (event source mappings through `!GetAtt Table.StreamArn`) is affected.
enum StreamRule {
    static func findings(in context: RuleContext) -> [Finding] {
        context.changes(.modified).flatMap { change -> [Finding] in
            guard change.type == "AWS::DynamoDB::Table", change.impact != .replacement,
                  let old = context.oldResource(change.logicalID)?.properties["StreamSpecification"],
                  let new = context.newResource(change.logicalID) else {
                return []
            }
            let newSpecification = new.properties["StreamSpecification"]
            guard old != newSpecification else { return [] }
            let readers = context.resourcesReferencing(change.logicalID, attribute: "StreamArn")
            let outputs = context.outputsReferencing(change.logicalID, attribute: "StreamArn")
            let arn = "!GetAtt \(change.logicalID).StreamArn"
            if newSpecification == nil {
                return [removed(change.logicalID, arn: arn, readers: readers, outputs: outputs)]
            }
            return readers.flatMap { reader in
                replacedReaders(reader, of: change.logicalID, arn: arn, context: context)
            }
        }
    }

    private static func removed(
        _ table: String, arn: String, readers: [(logicalID: String, properties: [String])], outputs: [String]
    ) -> Finding {
        let users = readers.map(\.logicalID) + outputs.map { "output \($0)" }
        guard !users.isEmpty else {
            return Finding(.note, table,
                "StreamSpecification is removed: the table's stream is disabled; consumers outside this stack stop receiving records.")
        }
        return Finding(.breaksDependents, table,
            "StreamSpecification is removed: the table is updated in place, but its stream is disabled and \(arn) no longer names a stream. Still using it: \(users.joined(separator: ", ")); event source mappings on it stop receiving records (and the update may fail resolving StreamArn). Remove them in the same change.")
    }

    /// A reader that takes the stream ARN in a create-only property (an event source
    /// mapping's EventSourceArn) is replaced on the new stream; others update in place.
    private static func replacedReaders(
        _ reader: (logicalID: String, properties: [String]), of table: String, arn: String, context: RuleContext
    ) -> [Finding] {
        guard let resource = context.newResource(reader.logicalID),
              let createOnly = reader.properties.first(where: { property in
                  ResourceSchema.named(resource.type)?.createOnly.contains([property]) == true
              }) else {
            return []
        }
        return [Finding(.replacement, reader.logicalID,
            "\(table)'s StreamSpecification changes, so the table gets a new stream and \(arn) a new value: \(reader.logicalID) (\(createOnly) is create-only) is replaced on the new stream, reading from its StartingPosition; records left on the old stream are not processed.")]
    }
}
