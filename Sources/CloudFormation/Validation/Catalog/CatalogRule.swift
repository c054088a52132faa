import ResourceCatalog

/// Every resource checked against what CloudFormation's schemas say of its type, after
/// property overrides, typed and `RawResource` alike: unknown types and properties (with
/// "did you mean"), types, enums, lengths, patterns, ranges, item counts, required
/// properties, read-only properties, and GetAtt attributes the type does not have.
struct CatalogRule: ValidationRule {
    struct Place: Hashable {
        let element: String?
        let path: String?
    }

    /// Where a resource's own rule already reported a problem, in its domain's words.
    var alreadyReported: Set<Place> = []

    func check(_ template: Template, stack: String, into diagnostics: inout [Diagnostic]) {
        var checker = ShapeChecker(parameters: Dictionary(template.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first }),
                                   resources: template.resources)
        for resource in template.resources {
            if resource.type == SAMFunctionCatalog.typeName {
                report(SAMFunctionCheck().findings(resource.properties, checker: &checker), of: resource, stack: stack, into: &diagnostics)
                continue
            }
            guard let type = Self.catalogType(of: resource.type, in: template, stack: stack, element: resource.logicalID, into: &diagnostics) else {
                continue
            }
            let shape = ResourceCatalog.propertiesShape(of: type)
            checker.unsuggested = type.readOnlyTopLevelProperties
            var findings: [ShapeChecker.Finding] = []
            checker.check(.object(PackagedProperty.asPackaged(resource.properties, type: resource.type)), against: shape, at: ShapeChecker.Path(), into: &findings, context: type.name)
            // Not settable and read-only is read-only at the top level: settable properties are
            // the schema's less exactly those.
            for (property, _) in resource.properties.entries where type.isReadOnlyTopLevel(property) {
                findings.append(.init(path: ShapeChecker.Path().key(property),
                    message: "\(property) is read-only: CloudFormation sets it (read it with GetAtt); remove it from Properties"))
            }
            report(findings, of: resource, stack: stack, into: &diagnostics)
            checkSnapshot(resource, type: type, stack: stack, into: &diagnostics)
        }
    }

    /// `Snapshot` as a deletion or replace policy of a type CloudFormation takes no snapshot
    /// of (the catalog's snapshot types are cfn-lint's): the stack operation fails.
    private func checkSnapshot(_ resource: TemplateResource, type: ResourceTypeInfo, stack: String, into diagnostics: inout [Diagnostic]) {
        guard !type.supportsSnapshot else { return }
        for (attribute, policy) in [("DeletionPolicy", resource.deletionPolicy), ("UpdateReplacePolicy", resource.updateReplacePolicy)]
        where policy == .snapshot && !alreadyReported.contains(Place(element: resource.logicalID, path: attribute)) {
            diagnostics.append(Diagnostic(.error, stack: stack, element: resource.logicalID, path: attribute,
                "CloudFormation takes no snapshot of \(type.name) resources, so \(attribute) Snapshot fails the stack operation; use Retain, RetainExceptOnCreate or Delete"))
        }
    }

    private func report(_ findings: [ShapeChecker.Finding], of resource: TemplateResource, stack: String, into diagnostics: inout [Diagnostic]) {
        for finding in findings where !alreadyReported.contains(Place(element: resource.logicalID, path: "Properties" + finding.path.description)) {
            diagnostics.append(Diagnostic(.error, stack: stack, element: resource.logicalID,
                                          path: "Properties" + finding.path.description, finding.message))
        }
    }

    /// The catalog's entry for a resource type, or nil when there is nothing to check
    /// against (reported when the type looks like a misspelling of a real one).
    static func catalogType(of type: String, in template: Template, stack: String, element: String, into diagnostics: inout [Diagnostic]) -> ResourceTypeInfo? {
        if let known = ResourceCatalog.type(named: type) { return known }
        // Custom resources and modules are the user's own; SAM types expand in the transform.
        if type.hasPrefix("Custom::") || type == "AWS::CloudFormation::CustomResource" || type.hasSuffix("::MODULE")
            || (type.hasPrefix("AWS::Serverless::") && !template.transforms.isEmpty) {
            return nil
        }
        let suggestion = ResourceCatalog.suggestions(for: type, limit: 1).first.map { "; did you mean \($0)?" } ?? ""
        diagnostics.append(Diagnostic(.error, stack: stack, element: element, path: "Type",
            "\(Diagnostic.abbreviated(type)) is not a resource type CloudFormation knows (catalog: cfn-lint \(CatalogSource.cfnLintVersion) schemas)\(suggestion)"))
        return nil
    }
}
