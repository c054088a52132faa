import Infra
import NestedExample

// The nested-stack example; its templates go to examples/nested/out.
InfraCLI.main(app: nestedExampleApp(), command: "swift run nested-example synth", outDirectory: "examples/nested/out")
