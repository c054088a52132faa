/// The instruction set a function runs on.
public enum Architecture: String, Sendable, CaseIterable, Hashable {
    case x86_64
    /// Graviton: about 20% cheaper per GB-second; native dependencies must be built for it.
    case arm64
}
