/// What resources see while they render: the stack, flavor and environment, the files they
/// may embed, and a place to report problems. It collects the template's resources.
public final class SynthesisContext {
    public let stackName: String
    public let flavor: Flavor
    public let environment: Environment
    public let files: SourceFiles
    /// The day synthesis runs on (today unless pinned, as tests do).
    public let today: CalendarDate
    /// SAM Globals that resources contribute to (e.g. a runtime shared by functions).
    public var globals = Fields()
    /// Transforms that resources need (e.g. SAM's).
    public private(set) var transforms: [String] = []

    /// The folder the template is written to, relative to the project root (`out`,
    /// `out/dev`): local code paths in the template are relative to it, as
    /// `aws cloudformation package` reads them.
    public let templateDirectory: String
    /// Code folders whose dependencies must be built before packaging.
    public private(set) var assetBuilds: [AssetBuild] = []
    /// Whether the template refers to local files that `aws cloudformation package` uploads.
    public private(set) var needsPackaging = false

    private(set) var resources: [TemplateResource] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var finishers: [(key: String, run: (inout [TemplateResource], inout Fields) -> Void)] = []
    /// Files read for this template, as read (text or error): see `read(_:)`.
    private var sources: [String: Result<String, SourceFiles.ReadError>] = [:]
    /// Results of work on an input that many resources share: see `cached(_:_:)`.
    private var cache: [String: Any] = [:]

    init(stackName: String, flavor: Flavor, environment: Environment, files: SourceFiles, today: CalendarDate, templateDirectory: String = "out") {
        self.templateDirectory = templateDirectory
        self.stackName = stackName
        self.flavor = flavor
        self.environment = environment
        self.files = files
        self.today = today
    }

    /// A file of the project (`files.read`), read once per template: resources that embed
    /// the same file (a hundred functions with one inline handler) share one read. The
    /// outcome, text or error, is the same for each, so every resource reports what it did.
    public func read(_ relativePath: String) throws(SourceFiles.ReadError) -> String {
        let result: Result<String, SourceFiles.ReadError>
        if let known = sources[relativePath] {
            result = known
        } else {
            do throws(SourceFiles.ReadError) {
                result = .success(try files.read(relativePath))
            } catch {
                result = .failure(error)
            }
            sources[relativePath] = result
        }
        return try result.get()
    }

    /// The result of `make` for `key`, computed once per template. For pure work on an input
    /// many resources share (scanning one inline handler): `key` must name both the work and
    /// all of its input, and `make` must depend on nothing else.
    package func cached<T>(_ key: String, _ make: () -> T) -> T {
        if let known = cache[key] as? T { return known }
        let made = make()
        cache[key] = made
        return made
    }

    public func add(_ resource: TemplateResource) {
        resources.append(resource)
    }

    /// Registers work that needs every resource of the template (e.g. SAM's Globals, which
    /// hoists settings all functions share). It runs once per key, after the last resource.
    public func afterAllResources(key: String, _ finish: @escaping (inout [TemplateResource], inout Fields) -> Void) {
        guard !finishers.contains(where: { $0.key == key }) else { return }
        finishers.append((key, finish))
    }

    func finish() {
        for finisher in finishers {
            finisher.run(&resources, &globals)
        }
    }

    /// A project path (`templates/fn`) as the template refers to it: relative to the
    /// template's folder (`../templates/fn`). Marks the template as needing packaging.
    public func localArtifactPath(_ path: String) -> String {
        needsPackaging = true
        return CodeAsset.relativePath(path, from: templateDirectory)
    }

    public func requireBuild(_ build: AssetBuild) {
        needsPackaging = true
        if !assetBuilds.contains(build) { assetBuilds.append(build) }
    }

    public func requireTransform(_ name: String) {
        if !transforms.contains(name) { transforms.append(name) }
    }

    public func error(_ resource: Resource, path: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, stack: stackName, element: resource.logicalID, path: path, message))
    }

    public func warning(_ resource: Resource, path: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, stack: stackName, element: resource.logicalID, path: path, message))
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }
}
