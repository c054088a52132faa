import AWSResources
import CloudFormation
import Foundation
import Testing

@Suite("Lambda code from a folder or a zip")
struct FolderCodeTests {
    private func pipeline(root: String, flavors: [Flavor] = [.cloudFormation], environment: Environment = Environment("prod"),
                          code: FunctionCode, runtime: Runtime = .python3_13) -> SynthesisPipeline.Result {
        let app = App("app", environments: [environment, Environment("dev")]) { app in
            let stack = app.stack("app", flavors: flavors)
            stack.add(Function("Worker", runtime: runtime, handler: "handler.handle", code: code))
        }
        return SynthesisPipeline(app: app, files: SourceFiles(root: root), environment: environment, command: "infra synth").run()
    }

    private func file(_ result: SynthesisPipeline.Result, _ path: String) -> String {
        result.files.first { $0.relativePath == path }?.contents ?? ""
    }

    @Test func theTemplateRefersToTheFolderFromItsOwnFolderWithTheHashInMetadata() throws {
        let root = try temporaryProject(files: ["templates/worker/handler.py": "def handle(e, c): pass\n", "templates/worker/util.py": "x = 1\n"])
        let hash = try CodeAsset.digestFolder(root: root, "templates/worker").hash
        let result = pipeline(root: root, code: .folder("templates/worker"))
        #expect(result.diagnostics == [])
        let template = file(result, "app.yaml")
        #expect(template.contains("      Code: ../templates/worker/\n"))
        #expect(template.contains("        codeHash: \(hash)\n"))
        #expect(template.contains("          W3002: "))
        // The dev environment's templates sit one folder deeper.
        let dev = SynthesisPipeline(app: App("app", environments: [Environment("prod"), Environment("dev")]) { app in
            app.stack("app").add(Function("Worker", runtime: .python3_13, handler: "handler.handle", code: .folder("templates/worker")))
        }, files: SourceFiles(root: root), environment: Environment("dev"), command: "infra synth").run()
        #expect(file(dev, "dev/app.yaml").contains("      Code: ../../templates/worker/\n"))
        // Packaged before deploy.
        #expect(result.deployCommands["app.yaml"]?.shellCommand.hasPrefix("mkdir -p .infra-build/packaged\naws cloudformation package \\\n    --template-file out/app.yaml \\\n    --s3-bucket <artifact-bucket> \\\n") == true)
    }

    @Test func theSAMFlavorTakesTheFolderAsCodeUri() throws {
        let root = try temporaryProject(files: ["templates/worker/handler.py": "def handle(e, c): pass\n"])
        let result = pipeline(root: root, flavors: [.sam], code: .folder("templates/worker/"))
        #expect(result.diagnostics.filter { $0.severity == .error } == [])
        let template = file(result, "app.sam.yaml")
        #expect(template.contains("      CodeUri: ../templates/worker/\n"))
        #expect(template.contains("        codeHash: sha256:"))
    }

    @Test func requirementsAreBuiltIntoTheBuildFolderAndTheTemplatePointsThere() throws {
        let root = try temporaryProject(files: ["templates/worker/handler.py": "import six\n", "templates/worker/requirements.txt": "six==1.17.0\n"])
        let result = pipeline(root: root, environment: Environment("prod", region: "eu-west-1", artifactBucket: "b"), code: .folder("templates/worker"))
        #expect(result.diagnostics == [])
        #expect(file(result, "app.yaml").contains("      Code: ../.infra-build/templates/worker/\n"))
        let commands = result.deployCommands["app.yaml"]?.shellCommand.split(separator: "\n").map(String.init) ?? []
        #expect(Array(commands.prefix(4)) == [
            "# build templates/worker with its dependencies into .infra-build/templates/worker (git ignores .infra-build/)",
            "rm -rf .infra-build/templates/worker && mkdir -p .infra-build/templates/worker && cp -R templates/worker/. .infra-build/templates/worker/",
            "python3 -m pip install --quiet --requirement templates/worker/requirements.txt --target .infra-build/templates/worker --platform manylinux2014_x86_64 --implementation cp --python-version 3.13 --only-binary=:all: --upgrade",
            "mkdir -p .infra-build/packaged",
        ])
        // A Node.js folder with a lock file: npm ci.
        let node = try temporaryProject(files: ["fn/index.js": "", "fn/package.json": "{}", "fn/package-lock.json": "{}"])
        let nodeResult = pipeline(root: node, code: .folder("fn"), runtime: .nodejs22)
        #expect(nodeResult.deployCommands["app.yaml"]?.shellCommand.contains("(cd .infra-build/fn && npm ci --omit=dev)") == true)
    }

    @Test func aZipIsUploadedAsItIs() throws {
        let root = try temporaryProject(files: ["dist/worker.zip": "PK"])
        let result = pipeline(root: root, code: .zip(file: "dist/worker.zip"))
        #expect(result.diagnostics == [])
        #expect(file(result, "app.yaml").contains("      Code: ../dist/worker.zip\n"))
        #expect(file(result, "app.yaml").contains("codeHash: sha256:" + SHA256.hex(Array("PK".utf8))))
    }

    @Test func badFoldersAreDiagnosticsNamingTheFunctionAndProperty() throws {
        let root = try temporaryProject(files: ["secret.txt": "s", "fn/a.py": "", "empty/.DS_Store": "", "code.txt": ""])
        try FileManager.default.createSymbolicLink(atPath: root + "/fn/leak", withDestinationPath: root + "/secret.txt")
        func messages(_ code: FunctionCode) -> [String] {
            pipeline(root: root, code: code).diagnostics.filter { $0.severity == .error }.map(\.description)
        }
        #expect(messages(.folder("missing")) == ["error: app: Worker: Properties.Code: code folder: 'missing' does not exist"])
        #expect(messages(.folder("fn")).first?.hasPrefix("error: app: Worker: Properties.Code: code folder: 'fn/leak' is a symbolic link to '") == true)
        #expect(messages(.folder("empty")) == ["error: app: Worker: Properties.Code: code folder: 'empty' holds no files"])
        #expect(messages(.folder("../elsewhere")) == ["error: app: Worker: Properties.Code: code folder: '../elsewhere' must be a relative path inside the project (no '..', not absolute)"])
        #expect(messages(.zip(file: "code.txt")) == ["error: app: Worker: Properties.Code: code zip: 'code.txt' does not end in .zip; give a folder with .folder(...) or a zip file"])
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let root = try temporaryProject(files: ["templates/worker/handler.py": "def handle(e, c): pass\n"])
        #expect(pipeline(root: root, code: .folder("templates/worker")).files == pipeline(root: root, code: .folder("templates/worker")).files)
    }
}
