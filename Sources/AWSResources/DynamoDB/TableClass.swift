/// The storage class of a table.
public enum TableClass: String, Hashable, Sendable, CaseIterable {
    case standard = "STANDARD"
    /// Cheaper storage, dearer reads and writes: for tables mostly at rest.
    case standardInfrequentAccess = "STANDARD_INFREQUENT_ACCESS"
}
