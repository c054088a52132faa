#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import JSONText

/// Where the aws CLI sends its calls, from the usual AWS variables. The aws CLI itself
/// reads the credentials chain (AWS_PROFILE, AWS_ACCESS_KEY_ID, SSO, instance roles); the
/// region and the endpoint are passed explicitly, since awscli v1 reads neither
/// AWS_REGION nor AWS_ENDPOINT_URL.
struct AWSSettings: Equatable {
    /// The aws executable: INFRA_AWS_CLI, else `aws` from PATH.
    var executable = "aws"
    var region: String?
    var endpointURL: String?
    var profile: String?
    /// Seconds one aws call may take.
    var callTimeout: Double = 300

    /// - Parameter environmentRegion: the region the app's environment declares; it wins,
    ///   as in the commands `infra synth` prints.
    static func fromEnvironment(_ variables: [String: String], environmentRegion: String?) -> AWSSettings {
        var settings = AWSSettings()
        if let cli = variables["INFRA_AWS_CLI"], !cli.isEmpty { settings.executable = cli }
        settings.region = environmentRegion ?? nonEmpty(variables["AWS_REGION"]) ?? nonEmpty(variables["AWS_DEFAULT_REGION"])
        settings.endpointURL = nonEmpty(variables["AWS_ENDPOINT_URL_CLOUDFORMATION"]) ?? nonEmpty(variables["AWS_ENDPOINT_URL"])
        settings.profile = nonEmpty(variables["AWS_PROFILE"])
        return settings
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    /// The options every call gets.
    var commonArguments: [String] {
        var arguments = ["--output", "json"]
        if let region { arguments += ["--region", region] }
        if let endpointURL { arguments += ["--endpoint-url", endpointURL] }
        if let profile { arguments += ["--profile", profile] }
        return arguments
    }
}

/// CloudFormation through `aws cloudformation ... --output json`: what users of
/// `aws cloudformation deploy` already have installed and configured (no AWS SDK for Swift
/// is available here, and the CLI brings the whole credentials chain).
struct AWSCLIClient: CloudFormationClient {
    let settings: AWSSettings

    private func call(_ operation: String, _ arguments: [String]) throws(CloudFormationError) -> AWSJSON {
        let output: ProcessRunner.Output
        do {
            output = try ProcessRunner.run([settings.executable, "cloudformation", operation] + arguments + settings.commonArguments,
                                           environment: ["AWS_PAGER": ""], timeoutSeconds: settings.callTimeout)
        } catch {
            throw CloudFormationError(operation: operation, message: "\(error) (is the aws CLI installed? set INFRA_AWS_CLI to its path)")
        }
        if output.timedOut {
            throw CloudFormationError(operation: operation, message: "the aws CLI did not answer within \(Int(settings.callTimeout)) s")
        }
        guard output.status == 0 else {
            let said = TerminalText.trimmed(output.standardError + output.standardOutput)
            throw CloudFormationError(operation: operation, message: said.isEmpty ? "the aws CLI exited \(output.status)" : String(said.prefix(2000)))
        }
        do {
            return try AWSJSON.parse(output.standardOutput)
        } catch {
            throw CloudFormationError(operation: operation, message: error.description)
        }
    }

    func describeStack(_ name: String) throws(CloudFormationError) -> LiveStack? {
        do {
            let json = try call("describe-stacks", ["--stack-name", name])
            return LiveStack(json: json)
        } catch where error.isMissingStack {
            return nil
        }
    }

    func originalTemplate(_ stack: String) throws(CloudFormationError) -> String? {
        let json: AWSJSON
        do {
            json = try call("get-template", ["--stack-name", stack, "--template-stage", "Original"])
        } catch where error.isMissingStack {
            return nil
        }
        // A YAML template comes back as a string; a JSON one as an object, which the diff
        // reads as the whole response ({TemplateBody: {...}}).
        if let body = json["TemplateBody"]?.text { return body }
        return AWSJSON.render(json)
    }

    func createChangeSet(_ request: ChangeSetRequest) throws(CloudFormationError) -> String {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let template = try folder.write("template", request.templateBody)
        var arguments = ["--stack-name", request.stack, "--change-set-name", request.name,
                         "--change-set-type", request.kind.rawValue, "--template-body", "file://" + template,
                         "--description", request.description]
        if !request.parameters.isEmpty {
            let items = request.parameters.map { key, value in
                value.map { "{\"ParameterKey\": \(JSONText.quoted(key)), \"ParameterValue\": \(JSONText.quoted($0))}" }
                    ?? "{\"ParameterKey\": \(JSONText.quoted(key)), \"UsePreviousValue\": true}"
            }
            arguments += ["--parameters", "file://" + (try folder.write("parameters.json", "[" + items.joined(separator: ", ") + "]"))]
        }
        if !request.capabilities.isEmpty { arguments += ["--capabilities"] + request.capabilities }
        let json = try call("create-change-set", arguments)
        return json["StackId"]?.text ?? request.stack
    }

    func describeChangeSet(stack: String, name: String) throws(CloudFormationError) -> ChangeSetDescription {
        ChangeSetDescription(json: try call("describe-change-set", ["--stack-name", stack, "--change-set-name", name]))
    }

    func executeChangeSet(stack: String, name: String) throws(CloudFormationError) {
        _ = try call("execute-change-set", ["--stack-name", stack, "--change-set-name", name])
    }

    func deleteChangeSet(stack: String, name: String) throws(CloudFormationError) {
        _ = try call("delete-change-set", ["--stack-name", stack, "--change-set-name", name])
    }

    func deleteStack(_ name: String) throws(CloudFormationError) {
        _ = try call("delete-stack", ["--stack-name", name])
    }

    func recentEvents(_ stack: String, limit: Int) throws(CloudFormationError) -> [StackEvent] {
        StackEvent.list(json: try call("describe-stack-events", ["--stack-name", stack, "--max-items", String(limit)]))
    }

    func pause(seconds: Double) {
        guard seconds > 0 else { return }
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}

/// A private folder for the files the aws CLI reads (`file://`), removed afterwards.
struct TemporaryFolder {
    let path: String

    init() throws(CloudFormationError) {
        let base = ProcessEnvironment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/infra-deploy-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CloudFormationError(operation: "mkdtemp", message: String(cString: strerror(errno)))
        }
        path = String(cString: made)
    }

    func write(_ name: String, _ text: String) throws(CloudFormationError) -> String {
        let file = path + "/" + name
        if let failure = SystemCall.writeFile(file, Array(text.utf8)) {
            throw CloudFormationError(operation: "write \(file)", message: String(cString: strerror(failure)))
        }
        return file
    }

    func remove() {
        for name in ["template", "parameters.json"] { _ = SystemCall.unlinkFile(path + "/" + name) }
        _ = SystemCall.removeDirectory(path)
    }
}

/// The process's environment variables, read once.
enum ProcessEnvironment {
    static var variables: [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}

extension AWSJSON {
    /// Compact JSON text (for a JSON template body handed to the diff).
    static func render(_ value: AWSJSON) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): JSONText.quoted(text)
        case .array(let items): "[" + items.map(render).joined(separator: ",") + "]"
        case .object(let entries): "{" + entries.map { JSONText.quoted($0.key) + ":" + render($0.value) }.joined(separator: ",") + "}"
        }
    }
}
