import CloudFormation

/// A function's code from the project (a folder or a zip), as the template refers to it: a
/// path relative to the template's folder that `aws cloudformation package` uploads, and the
/// content hash that goes into the resource's Metadata.
enum LocalCode {
    struct Rendered {
        /// Relative to the template's folder; a folder ends in `/`.
        let path: String
        let hash: String
    }

    /// The hash of the source folder (its requirements.txt or package.json included, so a new
    /// dependency version is a code change too); the path of the build folder when the
    /// function has dependencies to install, else of the source folder.
    static func folder(_ path: String, runtime: Runtime, architecture: Architecture, of function: Function, in context: SynthesisContext) -> Rendered? {
        var source = path
        while source.count > 1 && source.hasSuffix("/") { source.removeLast() }
        let digest: CodeAsset.Digest
        do {
            digest = try CodeAsset.digestFolder(root: context.files.root, source)
        } catch {
            context.error(function, at: .properties / "Code", "code folder: \(error.description)")
            return nil
        }
        guard !digest.files.isEmpty else {
            context.error(function, at: .properties / "Code", "code folder: '\(source)' holds no files")
            return nil
        }
        var packaged = source
        if let installer = installer(for: digest.files, runtime: runtime, architecture: architecture) {
            let build = AssetBuild(source: source, installer: installer)
            context.requireBuild(build)
            packaged = build.output
        }
        return Rendered(path: context.localArtifactPath(packaged) + "/", hash: digest.hash)
    }

    static func zip(_ file: String, of function: Function, in context: SynthesisContext) -> Rendered? {
        guard file.lowercased().hasSuffix(".zip") else {
            context.error(function, at: .properties / "Code", "code zip: '\(file)' does not end in .zip; give a folder with .folder(...) or a zip file")
            return nil
        }
        do {
            let digest = try CodeAsset.digestFile(root: context.files.root, file)
            return Rendered(path: context.localArtifactPath(file), hash: digest.hash)
        } catch {
            context.error(function, at: .properties / "Code", "code zip: \(error.description)")
            return nil
        }
    }

    /// What installs the folder's dependencies, as `sam build` decides it: requirements.txt
    /// for a Python runtime, package.json for Node.js.
    static func installer(for files: [String], runtime: Runtime, architecture: Architecture) -> AssetBuild.Installer? {
        if runtime.rawValue.hasPrefix("python"), files.contains("requirements.txt") {
            let platform = architecture == .arm64 ? "manylinux2014_aarch64" : "manylinux2014_x86_64"
            return .pip(pythonVersion: String(runtime.rawValue.dropFirst("python".count)), platform: platform)
        }
        if runtime.rawValue.hasPrefix("nodejs"), files.contains("package.json") {
            return .npm(hasLockFile: files.contains("package-lock.json"))
        }
        return nil
    }

    /// The resource's Metadata with `infra.codeHash` set (other `infra` keys kept), and
    /// cfn-lint's W3002 on the local path silenced with its reason.
    static func metadata(_ metadata: Fields, codeHash: String) -> Fields {
        var result = PackagedProperty.withLintIgnore(metadata)
        var infra = result["infra"]?.objectFields ?? Fields()
        infra["codeHash"] = .string(codeHash)
        result["infra"] = .object(infra)
        return result
    }
}
