/// The CloudFormation type of every table, for code that finds tables in a template.
public enum TableType {
    public static let name = "AWS::DynamoDB::Table"
}
