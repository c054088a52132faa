/// A nested stack (`AWS::CloudFormation::Stack`), declared with `stack.nested("Name") { child in ... }`.
/// Its `TemplateURL` is the child template's path relative to the parent's (they sit in the
/// same folder of out/), which `aws cloudformation package` uploads and replaces by its S3
/// URL. Its `Parameters` are filled in by synthesis from the references that cross the
/// boundary.
public final class NestedStack: Resource {
    /// The child stack; add resources to it, not to the parent.
    public let child: StackBuilder

    init(_ logicalID: String, child: StackBuilder) {
        self.child = child
        super.init(logicalID: logicalID, type: "AWS::CloudFormation::Stack")
        metadata = PackagedProperty.withLintIgnore(metadata)
    }

    /// The child's output `name`, read by the parent (`Fn::GetAtt Child.Outputs.Name`).
    public func output(_ name: String) -> Value<String> {
        getAtt("Outputs.\(name)")
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        let file = child.fileStem + context.flavor.fileSuffix
        let directory = context.templateDirectory
        return ["TemplateURL": .string(context.localArtifactPath(directory.isEmpty ? file : directory + "/" + file))]
    }
}
