import Cruddur
import Infra

// The split example is another app with the same CLI; its templates go to examples/split-stacks/out.
InfraCLI.main(app: cruddurSplitApp, command: "swift run cruddur-split synth", outDirectory: "examples/split-stacks/out")
