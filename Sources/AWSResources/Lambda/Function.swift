import AWSLambda
import CloudFormation

/// A Lambda function (`AWS::Lambda::Function`) with its log group and, unless one is given,
/// its execution role. Both are companions: added to the stack with the function, before it.
///
/// The role gets only what the function needs: `logs:CreateLogStream` and `logs:PutLogEvents`
/// on its own log group (not the AWSLambdaBasicExecutionRole managed policy, which grants
/// them on every log group), AWSLambdaENIManagementAccess when the function is in a VPC, and
/// whatever is granted to the function (`table.grantReadData(function)`).
public final class Function: Resource, HasAttributes, Grantee {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
    }

    /// The role the function runs as.
    public enum ExecutionRole {
        /// A role created for the function (`<Function>Role`, trusted by lambda.amazonaws.com).
        case created
        /// A role defined in this app; it is added to the stack with the function, and grants go to it.
        case existing(Role)
        /// A role from elsewhere, by ARN: `infra` cannot add statements to it, so grants to
        /// the function are errors and the permissions it adds itself are warnings.
        case imported(arn: Value<String>)
    }

    /// A fixed name: 1 to 64 of `[a-zA-Z0-9-_]`. It also names the log group `/aws/lambda/<name>`.
    public let functionName: Value<String>?
    public var functionDescription: String?
    public var runtime: Runtime
    public var architecture: Architecture
    /// `index.<function>` for inline code; `<module>.<function>` and the like otherwise.
    public var handler: String
    public var code: FunctionCode
    /// MB, 128 to 10240.
    public var memorySize: Int
    /// Seconds, 1 to 900.
    public var timeout: Int
    /// Environment variables, rendered in declaration order.
    public var environment: [(name: String, value: Value<String>)]
    /// Concurrency reserved for (and capping) this function; nil for none.
    public var reservedConcurrency: Int?
    public let vpc: VPCConfig?
    public var tags: ResourceTags
    /// The log group the function writes to, named `/aws/lambda/<name>` when the name is fixed.
    public let logGroup: LogGroup
    /// The role we own, nil when it is imported.
    public let role: Role?
    private let importedRoleARN: Value<String>?
    public let grantTarget: GrantTarget
    /// The mappings made by `trigger(on:)`: what SAM rendering turns into Events.
    package private(set) var eventSourceMappings: [EventSourceMapping] = []

    /// - Parameters:
    ///   - memorySize: 128 MB by default, Lambda's minimum: enough for I/O-bound glue code;
    ///     raise it for CPU-bound work, since CPU scales with memory.
    ///   - timeout: 30 s by default rather than Lambda's 3 s, which a cold start plus a few
    ///     network calls can exceed; keep it below a stream's retry budget.
    ///   - logRetention: 30 days by default (see `LogGroup`).
    public init(
        _ logicalID: String,
        functionName: Value<String>? = nil,
        description: String? = nil,
        runtime: Runtime,
        architecture: Architecture = .x86_64,
        handler: String,
        code: FunctionCode,
        memorySize: Int = 128,
        timeout: Int = 30,
        environment: KeyValuePairs<String, Value<String>> = [:],
        reservedConcurrency: Int? = nil,
        vpc: VPCConfig? = nil,
        role: ExecutionRole = .created,
        logRetention: LogRetention = .oneMonth,
        tags: ResourceTags = [:]
    ) {
        self.functionName = functionName
        self.functionDescription = description
        self.runtime = runtime
        self.architecture = architecture
        self.handler = handler
        self.code = code
        self.memorySize = memorySize
        self.timeout = timeout
        self.environment = environment.map { (name: $0.key, value: $0.value) }
        self.reservedConcurrency = reservedConcurrency
        self.vpc = vpc
        self.tags = tags
        self.logGroup = LogGroup("\(logicalID)LogGroup", logGroupName: functionName.map { "/aws/lambda/\($0)" }, retention: logRetention)

        let ownedRole: Role?
        switch role {
        case .created:
            ownedRole = Role("\(logicalID)Role", assumedBy: .lambda)
            importedRoleARN = nil
        case .existing(let given):
            ownedRole = given
            importedRoleARN = nil
        case .imported(let arn):
            ownedRole = nil
            importedRoleARN = arn
        }
        self.role = ownedRole
        self.grantTarget = GrantTarget(role: ownedRole)
        super.init(logicalID: logicalID, type: "AWS::Lambda::Function")
        if case .created = role {
            ownedRole?.createdFor = self
        }

        let logGroup = logGroup
        grantTarget.grant(.automatic(reason: "to write its logs")) {
            PolicyStatement(sid: "WriteOwnLogs", actions: [LogsAction.createLogStream, LogsAction.putLogEvents], resources: [logGroup.arn])
        }
        if vpc != nil {
            ownedRole?.addManagedPolicy(.lambdaENIManagementAccess)
        }
    }

    public var arn: Value<String> { attribute(.arn) }
    /// The function's name (its Ref).
    public var name: Value<String> { ref }
    /// The execution role's ARN, ours or imported.
    public var roleARN: Value<String> { role?.arn ?? importedRoleARN ?? AWS.noValue() }

    public override var companions: [Resource] {
        [logGroup] + (role.map { [$0] } ?? [])
    }

    /// Creates an event-source mapping from a stream (a table's, a Kinesis stream) to this
    /// function; the stream grants the function its read, and the on-failure destination its
    /// delivery. Add the returned mapping to the stack. Its logical ID defaults to
    /// `<Function><Source>Events`.
    ///
    /// - Parameters:
    ///   - batchSize: records per invocation, 1 to 10000 (Lambda's default 100 when nil).
    ///   - startingPosition: where a new mapping starts reading; no default, as the choice
    ///     (only new changes, or what the stream still holds) is the caller's.
    ///   - filters: at most 5, of the source's kind; a record is processed when any matches.
    ///   - reportBatchItemFailures: the function returns `batchItemFailures`, so that only the
    ///     failed records (and those after them) are retried.
    ///   - alarms: IteratorAge, Errors and on-failure-queue alarms by default (`StreamAlarms`);
    ///     `.notify(topic)` routes them, `.none` opts out.
    @discardableResult
    public func trigger<Source: StreamEventSource>(
        on stream: Source,
        batchSize: Int? = nil,
        startingPosition: StartingPosition,
        maximumBatchingWindowInSeconds: Int? = nil,
        filters: [Source.Filter] = [],
        reportBatchItemFailures: Bool = false,
        bisectBatchOnFunctionError: Bool? = nil,
        maximumRetryAttempts: Int? = nil,
        maximumRecordAgeInSeconds: Int? = nil,
        parallelizationFactor: Int? = nil,
        tumblingWindowInSeconds: Int? = nil,
        onFailure: FailureDestination? = nil,
        enabled: Bool = true,
        alarms: StreamAlarms = .default,
        logicalID: String? = nil
    ) -> EventSourceMapping {
        EventSourceMapping(
            logicalID ?? "\(self.logicalID)\(stream.mappingIDStem)Events",
            function: self,
            stream: stream,
            batchSize: batchSize,
            startingPosition: startingPosition,
            maximumBatchingWindowInSeconds: maximumBatchingWindowInSeconds,
            filters: filters,
            reportBatchItemFailures: reportBatchItemFailures,
            bisectBatchOnFunctionError: bisectBatchOnFunctionError,
            maximumRetryAttempts: maximumRetryAttempts,
            maximumRecordAgeInSeconds: maximumRecordAgeInSeconds,
            parallelizationFactor: parallelizationFactor,
            tumblingWindowInSeconds: tumblingWindowInSeconds,
            onFailure: onFailure,
            enabled: enabled,
            alarms: alarms
        )
    }

    /// Creates an event-source mapping from a queue (SQS) to this function; the queue grants
    /// the function its receive and delete. A message that keeps failing goes to the queue's
    /// own redrive queue (Lambda has no on-failure destination for queues). Add the returned
    /// mapping to the stack. Its logical ID defaults to `<Function><Queue>Events`.
    ///
    /// - Parameters:
    ///   - batchSize: messages per invocation, 1 to 10000 (Lambda's default 10 when nil;
    ///     over 10 needs a batching window).
    ///   - maximumConcurrency: invocations the mapping may run at once, 2 to 1000.
    @discardableResult
    public func trigger<Source: QueueEventSource>(
        on queue: Source,
        batchSize: Int? = nil,
        maximumBatchingWindowInSeconds: Int? = nil,
        filters: [Source.Filter] = [],
        reportBatchItemFailures: Bool = false,
        maximumConcurrency: Int? = nil,
        enabled: Bool = true,
        logicalID: String? = nil
    ) -> EventSourceMapping {
        EventSourceMapping(
            logicalID ?? "\(self.logicalID)\(queue.mappingIDStem)Events",
            function: self,
            queue: queue,
            batchSize: batchSize,
            maximumBatchingWindowInSeconds: maximumBatchingWindowInSeconds,
            filters: filters,
            reportBatchItemFailures: reportBatchItemFailures,
            maximumConcurrency: maximumConcurrency,
            enabled: enabled
        )
    }

    func register(_ mapping: EventSourceMapping) {
        eventSourceMappings.append(mapping)
    }

    public override func validate(rendered properties: Fields, in context: SynthesisContext) {
        // A property of the wrong shape reads as absent here, and the catalog reports it.
        defer { renderedModel = nil }
        guard let deployed = DeployedFunction(self, rendered: properties, model: renderedModel, in: context) else { return }
        FunctionRules.validate(deployed.resource, of: self, in: context)
    }

    /// The L1 object the properties were last rendered from, checked in place of decoding
    /// them back when no override changed them (`DeployedProperties`); nil for local code.
    private var renderedModel: CfnFunction?
    /// The content hash of local code, set while the properties render.
    private var codeHash: String?

    public override func synthesize(in context: SynthesisContext) {
        codeHash = nil
        var resource = definition(in: context)
        if let codeHash {
            resource.metadata = LocalCode.metadata(resource.metadata, codeHash: codeHash)
        }
        reportRefusedGrants(in: context)
        for mapping in eventSourceMappings where mapping.stackName == nil {
            context.error(self, "the event-source mapping \(mapping.logicalID) made by trigger(on:) was never added to the stack; add it with stack.add(...)")
        }
        switch context.flavor {
        case .cloudFormation: context.add(resource)
        case .sam: ServerlessFunction(function: self).synthesize(resource, in: context)
        }
    }

    public override func properties(in context: SynthesisContext) -> Fields {
        let code = renderedCode(in: context)
        FunctionRules.validateModel(of: self, in: context)
        let model = resource(code: code)
        var properties = RenderOrder.function.apply(to: model.properties(in: context))
        renderedModel = nil
        if case .localPath(let path) = code {
            // A path `aws cloudformation package` uploads; no L1 shape holds one.
            properties["Code"] = .string(path)
        } else {
            // A local path is no rendering of the L1 object: only other code is checked in place.
            renderedModel = model
        }
        return properties
    }

    /// The function as its generated L1 type, from the typed model.
    private func resource(code: RenderedCode) -> CfnFunction {
        let deployed: CfnFunction.Code = switch code {
        case .deployed(let value): value
        case .localPath: CfnFunction.Code()
        }
        return CfnFunction(
            logicalID,
            code: deployed,
            role: roleARN,
            architectures: [CfnFunction.Architectures(Value(architecture.rawValue))],
            description: functionDescription.map { Value($0) },
            environment: environment.isEmpty ? nil : CfnFunction.Environment(variables: .object(Fields(environment.map { ($0.name, $0.value.raw) }))),
            functionName: functionName,
            handler: Value(handler),
            loggingConfig: CfnFunction.LoggingConfig(logGroup: logGroup.name),
            memorySize: Value(memorySize),
            reservedConcurrentExecutions: reservedConcurrency.map { Value($0) },
            runtime: CfnFunction.Runtime(Value(runtime.rawValue)),
            tags: tags.isEmpty ? nil : tags.pairs.map { CfnFunction.Tag(key: Value($0.key), value: $0.value) },
            timeout: Value(timeout),
            vpcConfig: vpc.map { CfnFunction.VpcConfig(securityGroupIds: $0.securityGroupIDs, subnetIds: $0.subnetIDs) }
        )
    }

    /// The code as the template holds it: an L1 `Code` (inline, or a package in S3), or a
    /// local path that `aws cloudformation package` replaces with one.
    private enum RenderedCode {
        case deployed(CfnFunction.Code)
        case localPath(String)
    }

    private func renderedCode(in context: SynthesisContext) -> RenderedCode {
        switch code {
        case .inline(let file):
            do {
                return .deployed(CfnFunction.Code(zipFile: Value(try context.read(file))))
            } catch {
                context.error(self, at: PropertyPath.properties.key("Code").key("ZipFile"), "inline code: \(error.description)")
                return .deployed(CfnFunction.Code(zipFile: ""))
            }
        case .folder(let path):
            guard let local = LocalCode.folder(path, runtime: runtime, architecture: architecture, of: self, in: context) else {
                return .localPath("")
            }
            codeHash = local.hash
            return .localPath(local.path)
        case .zip(let file):
            guard let local = LocalCode.zip(file, of: self, in: context) else { return .localPath("") }
            codeHash = local.hash
            return .localPath(local.path)
        case .s3(let bucket, let key, let objectVersion):
            return .deployed(CfnFunction.Code(s3Bucket: bucket, s3Key: key, s3ObjectVersion: objectVersion))
        }
    }

    private func reportRefusedGrants(in context: SynthesisContext) {
        for refused in grantTarget.refused {
            let statement = refused.statement()
            let what = "\(statement.actions.names.joined(separator: ", ")) on \(statement.resources?.values.map(\.summary).joined(separator: ", ") ?? "nothing")"
            switch refused.origin {
            case .explicitGrant:
                context.error(self, at: PropertyPath.properties / "Role", "the function's role is imported, so the grant \(statement.sid ?? "") (\(what)) cannot be added to it; grant it where the role is defined")
            case .automatic(let reason):
                context.warning(self, at: PropertyPath.properties / "Role", "the imported role must allow \(what) \(reason)")
            }
        }
        if vpc != nil, role == nil {
            context.warning(self, at: PropertyPath.properties / "Role", "the imported role must carry AWSLambdaENIManagementAccess (or its ec2 network-interface actions) for the function to run in a VPC")
        }
    }
}
