import Infra
import PlatformExample

// The platform example (generated L1 resources); its template goes to examples/platform/out.
InfraCLI.main(app: platformExampleApp(), command: "swift run platform-example synth", outDirectory: "examples/platform/out")
