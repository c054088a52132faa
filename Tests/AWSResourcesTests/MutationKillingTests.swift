import AWSResources
import CloudFormation
import Testing

/// Cases that planted bugs once slipped past (see scripts/mutate and scripts/mutations/).
@Suite struct PrincipalAndBatchSizeMutationTests {
    /// `Principal.any` is the bare string `*`, not `{AWS: "*"}` or anything else.
    @Test func anyPrincipalRendersAsAStar() {
        let statement = PolicyStatement(principal: .any, actions: [SQSAction.sendMessage], resources: ["q"])
        #expect(statement.rendered.fields?["Principal"] == .string("*"))
        #expect(Principal.any != Principal.aws("*"))
    }

    /// 10000 is the largest batch size; 10001 is out of range.
    @Test func batchSizeJustAboveTheMaximumIsAnError() {
        let above = EventSourceMappingTests.mapping { function, stream in
            function.trigger(on: stream, batchSize: 10001, startingPosition: .latest)
        }
        #expect(above.messages == ["error ConsumerMessagesEvents Properties.BatchSize: 10001 is above the maximum 10000"])
        let atMaximum = EventSourceMappingTests.mapping { function, stream in
            function.trigger(on: stream, batchSize: 10000, startingPosition: .latest)
        }
        #expect(atMaximum.diagnostics.isEmpty)
        let atMinimum = EventSourceMappingTests.mapping { function, stream in
            function.trigger(on: stream, batchSize: 1, startingPosition: .latest)
        }
        #expect(atMinimum.diagnostics.isEmpty)
    }
}
