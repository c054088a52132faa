/// A parameter type, tied to the kind of value its Ref gives: a `.subnetIDs` parameter is a
/// `Value<[String]>` and fits only where a list is expected.
public struct ParameterType<Kind>: Hashable, Sendable {
    public let name: String

    /// Any type CloudFormation accepts, for those not listed here; the caller vouches for `Kind`.
    public init(unchecked name: String) {
        self.name = name
    }
}

extension ParameterType where Kind == String {
    public static let string = ParameterType(unchecked: "String")
    public static let vpcID = ParameterType(unchecked: "AWS::EC2::VPC::Id")
    public static let subnetID = ParameterType(unchecked: "AWS::EC2::Subnet::Id")
    public static let securityGroupID = ParameterType(unchecked: "AWS::EC2::SecurityGroup::Id")
    /// An SSM parameter's value, resolved at deploy time.
    public static let ssmString = ParameterType(unchecked: "AWS::SSM::Parameter::Value<String>")
}

extension ParameterType where Kind == Double {
    public static let number = ParameterType(unchecked: "Number")
}

extension ParameterType where Kind == Int {
    /// A Number parameter used where a whole number is expected.
    public static let integer = ParameterType(unchecked: "Number")
}

extension ParameterType where Kind == [String] {
    public static let commaDelimitedList = ParameterType(unchecked: "CommaDelimitedList")
    public static let subnetIDs = ParameterType(unchecked: "List<AWS::EC2::Subnet::Id>")
    public static let securityGroupIDs = ParameterType(unchecked: "List<AWS::EC2::SecurityGroup::Id>")
}

extension ParameterType where Kind == [Double] {
    public static let numberList = ParameterType(unchecked: "List<Number>")
}
