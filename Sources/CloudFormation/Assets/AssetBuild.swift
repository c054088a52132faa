/// A code folder whose dependencies are installed before `aws cloudformation package` zips
/// it, as `sam build` does: the folder is copied to a build folder under `.infra-build/`
/// (ignored by git) and the dependencies are installed there. The template points at the
/// build folder; `out/` stays text, and `synth --check` needs no build.
public struct AssetBuild: Hashable, Sendable {
    /// The build folders' root, relative to the project root.
    public static let root = ".infra-build"

    public enum Installer: Hashable, Sendable {
        /// `pip install -r requirements.txt` for Lambda's Linux: binary wheels for the
        /// function's architecture and Python version, whatever machine builds.
        case pip(pythonVersion: String, platform: String)
        /// `npm ci --omit=dev` (with a package-lock.json) or `npm install --omit=dev`.
        case npm(hasLockFile: Bool)
    }

    /// The code folder, relative to the project root (no trailing slash).
    public let source: String
    public let installer: Installer

    public init(source: String, installer: Installer) {
        self.source = source
        self.installer = installer
    }

    /// The build folder, relative to the project root: `.infra-build/<source>`.
    public var output: String { Self.root + "/" + source }

    /// The shell commands that build it, run from the project root. Each starts from a
    /// fresh copy, so a file deleted from the source is gone from the package too.
    public var shellCommands: [String] {
        let copy = "rm -rf \(output) && mkdir -p \(output) && cp -R \(source)/. \(output)/"
        switch installer {
        case .pip(let version, let platform):
            return [copy, "python3 -m pip install --quiet --requirement \(source)/requirements.txt --target \(output) --platform \(platform) --implementation cp --python-version \(version) --only-binary=:all: --upgrade"]
        case .npm(let hasLockFile):
            return [copy, "(cd \(output) && npm \(hasLockFile ? "ci" : "install") --omit=dev)"]
        }
    }
}
