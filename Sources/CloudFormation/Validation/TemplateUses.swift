/// Every intrinsic use in a template's elements, in document order, found in one walk: the
/// rules about references (ReferenceRule, DependencyCycleRule, UnusedParameterRule) read this
/// list instead of each walking the whole template again.
struct TemplateUses: Sendable {
    struct Found: Sendable {
        /// An index into `elements`.
        let element: Int
        let use: ValueWalker.Use
        let path: ValueWalker.Path
    }

    let elements: [TemplateElement]
    let found: [Found]

    /// The index of each resource's Properties element, in the template's resource order
    /// (`TemplateElement.all` gives every resource one).
    var resourceProperties: [Int] {
        elements.indices.filter { elements[$0].section == .resource && elements[$0].path == TemplateElement.propertiesPath }
    }

    init(_ template: Template) {
        elements = TemplateElement.all(in: template)
        var found: [Found] = []
        let tree = ValueWalker.StepTree()
        for (index, element) in elements.enumerated() {
            ValueWalker.walk(element.value, path: element.path, tree: tree) { use, path in
                found.append(Found(element: index, use: use, path: path))
            }
        }
        self.found = found
    }
}
