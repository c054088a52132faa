import CloudFormation
import Testing

/// Issue 14 part D: mistakes that validation used to let through.
@Suite struct LetThroughValidationTests {
    private static func handle(_ id: String, _ properties: Fields = Fields()) -> RawResource {
        RawResource(id, type: "Custom::Fixture", properties: properties)
    }

    private func run(_ app: App, stacks: [String]? = nil) -> SynthesisPipeline.Result {
        SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run(stacks: stacks)
    }

    // MARK: One export name in two stacks (item 1)

    @Test func oneExportNameInTwoStacksIsAnError() {
        let app = App("app") { app in
            let a = app.stack("a", flavors: [.cloudFormation, .sam])
            a.output("First", a.add(Self.handle("A")).ref, exportName: "shared")
            a.output("Own", a.add(Self.handle("B")).ref, exportName: "a-only")
            let b = app.stack("b")
            b.output("Second", b.add(Self.handle("C")).ref, exportName: "shared")
        }
        let expected = [
            "error: b: Second: Export.Name: the export 'shared' is also exported by output 'First' of stack 'a'; export names must be unique in an account and region, so the second stack to deploy fails: rename one",
        ]
        #expect(run(app).diagnostics.map(\.description) == expected)
        // Checking only the second stack still compares it with the first.
        #expect(run(app, stacks: ["b"]).diagnostics.map(\.description) == expected)
        #expect(run(app, stacks: ["a"]).diagnostics.map(\.description) == [])
    }

    @Test func anExportNameWithTheStackNameIsComparedOnceResolved() {
        let app = App("app") { app in
            let a = app.stack("a")
            a.output("First", a.add(Self.handle("A")).ref, exportName: "b-Table")
            let b = app.stack("b")
            b.output("Second", b.add(Self.handle("C")).ref, exportName: "\(AWS.stackName)-Table")
        }
        #expect(run(app).diagnostics.map(\.description) == [
            "error: b: Second: Export.Name: the export 'b-Table' is also exported by output 'First' of stack 'a'; export names must be unique in an account and region, so the second stack to deploy fails: rename one",
        ])
    }

    // MARK: Long values in messages (item 7)

    @Test func longValuesAreShortened() {
        #expect(Diagnostic.abbreviated("short") == "short")
        #expect(Diagnostic.abbreviated(String(repeating: "a", count: 80)) == String(repeating: "a", count: 80))
        #expect(Diagnostic.abbreviated(String(repeating: "a", count: 5000)) == String(repeating: "a", count: 60) + "…(5,000 characters)")
        #expect(Diagnostic.abbreviated("two\nlines") == "two\\nlines")
    }

    @Test func aLongLogicalIDIsShortenedWhereverItIsShown() {
        let long = "My" + String(repeating: "A", count: 4998)
        let shown = "My" + String(repeating: "A", count: 58) + "…(5,000 characters)"
        let app = App("app", stacks: [Stack("s") { stack in
            stack.add(Self.handle(long))
            stack.add(Self.handle("User", ["R": Fn.ref("Missing" + String(repeating: "X", count: 993)).raw]))
        }])
        #expect(run(app).diagnostics.map(\.description) == [
            "error: s: \(shown): the resource logical ID is 5000 characters long; the maximum is 255",
            "error: s: User: Properties.R: refers to 'Missing\(String(repeating: "X", count: 53))…(1,000 characters)', which is neither a resource nor a parameter of this stack",
        ])
    }

    // MARK: A reference to a resource never added (item 8)

    @Test func aReferenceToAResourceNeverAddedSaysToAddIt() {
        let app = App("app", stacks: [Stack("s") { stack in
            let removed = Self.handle("Removed")   // made but never added
            stack.add(Self.handle("User", ["Arn": removed.attribute("Arn").raw, "Ref": removed.ref.raw, "ByName": Fn.ref("Removed").raw]))
        }])
        #expect(run(app).diagnostics.map(\.description) == [
            "error: s: User: Properties.Arn: gets attribute 'Arn' of 'Removed', which is not a resource of this stack; 'Removed' (Custom::Fixture) was made but never added to a stack: add it with stack.add(...)",
            "error: s: User: Properties.Ref: refers to 'Removed', which is neither a resource nor a parameter of this stack; 'Removed' (Custom::Fixture) was made but never added to a stack: add it with stack.add(...)",
            "error: s: User: Properties.ByName: refers to 'Removed', which is neither a resource nor a parameter of this stack",
        ])
    }
}
