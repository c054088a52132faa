/// The property that gives a resource a fixed physical name (from the catalog). A resource
/// named in the template cannot be replaced under the same name (the replacement is created
/// first, while the old one still holds the name), nor re-added under another logical ID.
enum PhysicalName {
    /// The resource's fixed name, if the template gives one.
    static func of(_ resource: ParsedResource) -> (property: String, value: TemplateValue)? {
        guard let property = ResourceSchema.named(resource.type)?.physicalNameProperty, let value = resource.properties[property] else {
            return nil
        }
        return (property, value)
    }
}
