/// Where a new stream mapping starts reading.
public enum StartingPosition: String, Sendable, CaseIterable, Hashable {
    /// Only changes made after the mapping is created.
    case latest = "LATEST"
    /// The oldest record the stream still holds (24 hours for DynamoDB).
    case trimHorizon = "TRIM_HORIZON"
}
