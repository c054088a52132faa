import InfraYAML
import YAMLTestSupport

/// A small slice of the benchmark's CloudFormation-like template, built once.
enum SyntheticTemplateSample {
    static let node = SyntheticTemplate.build(resourceCount: 60, seed: 7)
}
