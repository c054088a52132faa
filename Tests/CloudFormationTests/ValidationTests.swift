import CloudFormation
import Testing

@Suite("Validation collects every problem, each with stack, element and path")
struct ValidationTests {
    private func messages(_ stack: Stack) -> [String] {
        synthesize(stack).diagnostics.map(\.description)
    }

    /// A custom resource: it takes any property, so these tests see only the rules they are about.
    private static func handle(_ id: String, _ properties: Fields = Fields()) -> RawResource {
        RawResource(id, type: "Custom::Fixture", properties: properties)
    }

    @Test func aRefByNameToAResourceOfAnotherStackSaysWhereItIs() {
        let app = App("app") { app in
            app.stack("data").add(Self.handle("Table"))
            app.stack("processing").add(Self.handle("Reader", ["Table": Fn.ref("Table").raw]))
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        #expect(result.diagnostics.map(\.description) == [
            "error: processing: Reader: Properties.Table: refers to 'Table', which is neither a resource nor a parameter of this stack; 'Table' is a resource of stack 'data': refer to it through its typed value (e.g. `table.arn`) and infra exports and imports it",
        ])
        #expect(result.files.map(\.relativePath) == ["data.yaml", "data.parameters.json"])
    }

    @Test func aGetAttOnARemovedResourceIsDangling() {
        let stack = Stack("app") { stack in
            let removed = Self.handle("Removed")   // made but never added
            stack.add(Self.handle("User", ["Arn": removed.attribute("Arn").raw]))
        }
        #expect(messages(stack) == [
            "error: app: User: Properties.Arn: gets attribute 'Arn' of 'Removed', which is not a resource of this stack; 'Removed' (Custom::Fixture) was made but never added to a stack: add it with stack.add(...)",
        ])
    }

    @Test func danglingReferencesOfEveryKind() {
        let stack = Stack("app") { stack in
            stack.add(Self.handle("User", [
                "Ref": Fn.ref("Nope").raw,
                "Sub": Fn.sub("${Missing}-${Gone.Arn}-${AWS::Nowhere}").raw,
                "GetAttOfParameter": Fn.getAtt("Param", "Arn").raw,
                "Unterminated": Fn.sub("${open").raw,
            ]))
            stack.add(RawResource("Conditional", type: "AWS::SNS::Topic")).dependsOn = [Self.handle("Ghost")]
            _ = stack.parameter("Param", .string, description: "used by nothing but a GetAtt")
        }
        #expect(messages(stack) == [
            "error: app: User: Properties.Ref: refers to 'Nope', which is neither a resource nor a parameter of this stack",
            "error: app: User: Properties.Sub: refers to 'Missing', which is neither a resource nor a parameter of this stack",
            "error: app: User: Properties.Sub: gets attribute 'Arn' of 'Gone', which is not a resource of this stack",
            "error: app: User: Properties.Sub: 'AWS::Nowhere' is not a CloudFormation pseudo parameter",
            "error: app: User: Properties.GetAttOfParameter: 'Param' is a parameter; Fn::GetAtt works only on resources",
            "error: app: User: Properties.Unterminated: Fn::Sub has an unterminated '${' in '${open'",
            "error: app: Conditional: DependsOn: depends on 'Ghost', which is not a resource of this stack",
            "warning: app: Param: the parameter is declared but never used",
        ])
    }

    /// Through the whole pipeline, cross-stack linking included: the linker once rebuilt such a
    /// Sub without its unterminated text, and synth wrote a template CloudFormation rejects.
    @Test func anUnterminatedSubIsReportedBySynth() {
        let app = App("app") { app in
            app.stack("app").add(Self.handle("User", ["Unterminated": Fn.sub("arn:${AWS::Partition}:${open").raw]))
        }
        let result = SynthesisPipeline(app: app, files: SourceFiles(root: "/nonexistent"), environment: .default, command: "infra synth").run()
        #expect(result.diagnostics.map(\.description) == [
            "error: app: User: Properties.Unterminated: Fn::Sub has an unterminated '${' in '${open'",
        ])
        #expect(result.files.isEmpty)
    }

    @Test func subVariablesShadowAndPseudoParametersResolve() {
        let stack = Stack("app") { stack in
            stack.add(Self.handle("User", ["Sub": Fn.sub("${Key}-${AWS::Region}", [("Key", "v")]).raw]))
        }
        #expect(messages(stack) == [])
    }

    @Test func twoResourcesWithOneLogicalID() {
        let stack = Stack("app") { stack in
            stack.add(Self.handle("Twin"))
            stack.add(Self.handle("Twin"))
        }
        #expect(messages(stack) == [
            "error: app: Twin: the logical ID 'Twin' is used by two resources; logical IDs must be unique in a stack",
        ])
    }

    @Test func aParameterAndAResourceShareTheRefNamespace() {
        let stack = Stack("app") { stack in
            let param = stack.parameter("Name", .string, description: "d")
            stack.add(Self.handle("Name", ["P": param.raw]))
        }
        #expect(messages(stack) == [
            "error: app: Name: the logical ID 'Name' is used by two declarations (a parameter and a resource); logical IDs must be unique in a stack",
        ])
    }

    @Test func logicalIDsMustBeAlphanumericAndShort() {
        let long = String(repeating: "A", count: 256)
        let stack = Stack("app") { stack in
            stack.add(Self.handle("my-table"))
            stack.add(Self.handle(long))
        }
        #expect(messages(stack) == [
            "error: app: my-table: the resource logical ID 'my-table' must contain only letters A-Z, a-z and digits 0-9",
            "error: app: \(String(repeating: "A", count: 60))…(256 characters): the resource logical ID is 256 characters long; the maximum is 255",
        ])
    }

    @Test func anEmptyStack() {
        #expect(messages(Stack("empty") { _ in }) == [
            "error: empty: Resources: the stack declares no resources; CloudFormation requires at least one",
        ])
    }

    @Test func aDependsOnCycleThroughReferences() {
        let stack = Stack("app") { stack in
            let a = Self.handle("A")
            let b = Self.handle("B", ["UsesA": a.ref.raw])
            a.dependsOn = [b]
            stack.add(a)
            stack.add(b)
            stack.add(Self.handle("C")).dependsOn = [stack.add(Self.handle("D"))]
        }
        #expect(messages(stack) == ["error: app: A: DependsOn: circular dependency: A -> B -> A"])
    }

    @Test func duplicateExportNames() {
        let stack = Stack("app") { stack in
            let a = stack.add(Self.handle("A"))
            stack.output("First", a.ref, exportName: "shared")
            stack.output("Second", a.ref, exportName: "shared")
        }
        #expect(messages(stack) == [
            "error: app: Second: Export.Name: the export 'shared' is also exported by output 'First'; export names must be unique",
        ])
    }

    @Test func conditionsMayOnlyReferToParameters() {
        let stack = Stack("app") { stack in
            let a = stack.add(Self.handle("A"))
            let bad = stack.condition("Bad", Fn.equals(a.ref, "x"))
            let env = stack.parameter("Env", .string, description: "d")
            let good = stack.condition("Good", Fn.equals(env, "prod"))
            stack.add(Self.handle("B", ["X": Fn.if(good, "a", else: "b").raw, "Y": Fn.if(bad, "a", else: "b").raw]))
            stack.add(Self.handle("C", ["Z": TemplateValue.intrinsic(.if(condition: "Undeclared", then: "a", else: "b"))]))
        }
        let all = messages(stack)
        #expect(all.contains("error: app: Bad: Fn::Equals[0]: a condition can refer only to parameters and pseudo parameters, not 'A'"))
        #expect(all.contains("error: app: C: Properties.Z: refers to condition 'Undeclared', which is not declared"))
        #expect(all.count == 2)
    }

    @Test func parameterConstraintsMustFitTheType() {
        let stack = Stack("app") { stack in
            let name = stack.parameter("Name", .string, ParameterOptions(minValue: 1))
            let count = stack.parameter("Count", .integer, ParameterOptions(default: 20, allowedValues: [1, 2], minLength: 1))
            stack.add(Self.handle("A", ["N": name.raw, "C": count.raw]))
        }
        #expect(messages(stack) == [
            "error: app: Name: MinValue: MinValue applies only to Number parameters, not String",
            "error: app: Count: MinLength: MinLength applies only to string parameters, not Number",
            "error: app: Count: Default: the default is not one of the AllowedValues",
        ])
    }

    @Test func quotasHaveClearMessages() {
        let stack = Stack("huge") { stack in
            for index in 0...Quota.resources {
                stack.add(Self.handle("Handle\(index)"))
            }
        }
        #expect(messages(stack) == [
            "error: huge: Resources: the stack has 501 resources; CloudFormation allows at most 500 per template (split the stack)",
        ])
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let stack = Stack("app") { stack in
            stack.add(Self.handle("A", ["X": Fn.ref("One").raw]))
            stack.add(Self.handle("B", ["Y": Fn.ref("Two").raw]))
        }
        #expect(messages(stack).count == 2)
    }
}
