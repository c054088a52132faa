/// Whether a `Table` has a stream, as a type: `Table<WithStream>` offers `stream`,
/// `streamArn` and `grantStreamRead`, `Table<NoStream>` does not, so a trigger on a table
/// without a stream does not compile. The initializer used decides it: passing `stream:`
/// makes a `Table<WithStream>`.
public protocol TableStreamState {
    /// The GetAtt attributes a table with this state has.
    associatedtype Attribute: RawRepresentable, Sendable where Attribute.RawValue == String
}

/// A table without a stream.
public enum NoStream: TableStreamState {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
    }
}

/// A table with a stream.
public enum WithStream: TableStreamState {
    public enum Attribute: String, Sendable {
        case arn = "Arn"
        case streamArn = "StreamArn"
    }
}
