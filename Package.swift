// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "infra",
    platforms: [.macOS(.v15)],
    products: [
        // The whole toolkit for another package's app: the DSL, the AWS resources and the CLI.
        .library(name: "Infra", targets: ["Infra"]),
        // Each layer on its own, for packages that want less than everything.
        .library(name: "InfraYAML", targets: ["InfraYAML"]),
        .library(name: "CloudFormation", targets: ["CloudFormation"]),
        .library(name: "ResourceCatalog", targets: ["ResourceCatalog"]),
        .library(name: "AWSResources", targets: ["AWSResources"]),
        .library(name: "InfraCLI", targets: ["InfraCLI"]),
        .executable(name: "infra", targets: ["InfraTool"]),
        // The Cruddur messaging stack split into a data and a processing stack.
        .executable(name: "cruddur-split", targets: ["CruddurSplitTool"]),
        // The nested-stack and folder-code example (issue 15).
        .executable(name: "nested-example", targets: ["NestedExampleTool"]),
        // The platform example: generated L1 resources of seven services (issue 13).
        .executable(name: "platform-example", targets: ["PlatformExampleTool"]),
        .executable(name: "yaml-bench", targets: ["YAMLBench"]),
        .executable(name: "synth-bench", targets: ["SynthBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libyaml from the system, found through pkg-config.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // YAML node tree, emitter and parser. No AWS knowledge.
        .target(name: "InfraYAML", dependencies: ["CLibYAML"]),
        // The generated resource catalog's bytes (scripts/generate-catalog), embedded with #embed.
        .target(name: "CResourceCatalog", exclude: ["catalog.bin"]),
        // What CloudFormation says about every resource type, decoded a type at a time.
        .target(name: "ResourceCatalog", dependencies: ["CResourceCatalog"]),
        // Template model, typed intrinsics, validation and rendering to YAML nodes.
        .target(name: "CloudFormation", dependencies: ["InfraYAML", "JSONText", "ResourceCatalog", "FileSupport"]),
        // Typed AWS resources (DynamoDB, EC2, IAM, Lambda, ...) and their grants.
        // Built on the generated L1 modules: each hand-written resource renders through its Cfn type.
        .target(name: "AWSResources", dependencies: ["CloudFormation", "JSONText", "AWSCloudWatch", "AWSDynamoDB", "AWSEC2", "AWSIAM", "AWSKinesis", "AWSLambda", "AWSLogs", "AWSS3", "AWSSQS", "AWSSNS"]),
        // Line diffs for `synth --check` and golden tests.
        .target(name: "UnifiedDiff"),
        // JSON string literals, written one way by every JSON writer.
        .target(name: "JSONText"),
        // Path and file helpers without full Foundation (whose ICU load slows every start).
        .target(name: "FileSupport"),
        // What CloudFormation will do with a change between two templates.
        .target(name: "TemplateDiff", dependencies: ["InfraYAML", "JSONText", "FileSupport", "UnifiedDiff", "ResourceCatalog"]),
        // The `infra` command line, reusable by any app.
        .target(
            name: "InfraCLI",
            dependencies: [
                "CloudFormation", "AWSResources", "TemplateDiff", "InfraYAML", "UnifiedDiff", "JSONText", "FileSupport", "ResourceCatalog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // One import for app authors.
        .target(name: "Infra", dependencies: ["CloudFormation", "AWSResources", "InfraCLI"]),
        // This repository's own app: Cruddur's stacks.
        .target(name: "Cruddur", dependencies: ["Infra"]),
        .executableTarget(name: "InfraTool", dependencies: ["Cruddur", "Infra"]),
        .executableTarget(name: "CruddurSplitTool", dependencies: ["Cruddur", "Infra"]),
        .target(name: "NestedExample", dependencies: ["Infra"]),
        .executableTarget(name: "NestedExampleTool", dependencies: ["NestedExample", "Infra"]),
        .target(name: "PlatformExample", dependencies: ["Infra", "AWSEC2", "AWSECS", "AWSKMS", "AWSLambda", "AWSS3", "AWSSQS", "AWSSSM"]),
        .executableTarget(name: "PlatformExampleTool", dependencies: ["PlatformExample", "Infra"]),
        .executableTarget(name: "YAMLBench", dependencies: ["InfraYAML", "YAMLTestSupport", "JSONText"]),
        .executableTarget(name: "SynthBench", dependencies: ["Infra", "Cruddur"]),
        // Seeded generators of test strings and trees, shared by the tests and yaml-bench.
        .target(name: "YAMLTestSupport", dependencies: ["InfraYAML"]),

        .testTarget(name: "InfraYAMLTests", dependencies: ["InfraYAML", "YAMLTestSupport"]),
        .testTarget(name: "ResourceCatalogTests", dependencies: ["ResourceCatalog"]),
        .testTarget(
            name: "CloudFormationTests",
            dependencies: ["CloudFormation", "InfraYAML", "UnifiedDiff"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AWSResourcesTests",
            dependencies: ["AWSResources", "CloudFormation", "InfraYAML", "UnifiedDiff", "AWSKinesis"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "TemplateDiffTests",
            dependencies: ["TemplateDiff", "InfraYAML", "UnifiedDiff"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PlatformExampleTests", dependencies: ["PlatformExample", "Infra", "UnifiedDiff"]),
        .testTarget(
            name: "InfraCLITests",
            dependencies: ["InfraCLI", "Cruddur", "Infra", "UnifiedDiff", "JSONText"],
            exclude: ["Fixtures"]
        ),
    ]
)

// Typed L1 resources generated from the catalog's schemas (Sources/AWSGenerated): one module
// and one library product per service (`import AWSS3` for CfnBucket), so an app compiles only
// the services it imports; `AWSGeneratedResources` is all of them.
// BEGIN generated resource modules (scripts/generate-resources; do not edit by hand)
let generatedResourceModules = [
    "AWSApiGatewayV2",
    "AWSCertificateManager",
    "AWSCloudFront",
    "AWSCloudWatch",
    "AWSCognito",
    "AWSDynamoDB",
    "AWSEC2",
    "AWSECS",
    "AWSElasticLoadBalancingV2",
    "AWSEvents",
    "AWSIAM",
    "AWSKMS",
    "AWSKinesis",
    "AWSLambda",
    "AWSLogs",
    "AWSRDS",
    "AWSRoute53",
    "AWSS3",
    "AWSSNS",
    "AWSSQS",
    "AWSSSM",
    "AWSSecretsManager",
    "AWSStepFunctions",
]
// END generated resource modules
package.products += generatedResourceModules.map { .library(name: $0, targets: [$0]) }
package.products.append(.library(name: "AWSGeneratedResources", targets: generatedResourceModules))
package.targets += generatedResourceModules.map { .target(name: $0, dependencies: ["CloudFormation"], path: "Sources/AWSGenerated/\($0)") }
package.targets.append(.testTarget(
    name: "GeneratedResourcesTests",
    dependencies: ["CloudFormation", "InfraYAML", "UnifiedDiff", "ResourceCatalog", "AWSEC2", "AWSS3", "AWSECS", "AWSSSM", "AWSKMS", "AWSSQS", "AWSLambda", "AWSIAM", "AWSDynamoDB", "AWSLogs", "AWSSNS", "AWSCloudWatch"],
    exclude: ["Fixtures"]
))
