/// One AWS CLI call of a collection, and the file its output goes to.
public struct AWSCall: Hashable, Sendable, CustomStringConvertible {
    /// `ec2`, `route53resolver`, `route53`.
    public var service: String
    /// The CLI command: `describe-vpcs`.
    public var operation: String
    public var arguments: [String]
    /// The region passed with `--region`.
    public var region: String
    /// The IAM action the call needs: `ec2:DescribeVpcs`.
    public var iamAction: String
    /// Where the output goes, relative to the snapshot folder: `eu-west-1/describe-vpcs.json`.
    public var fileName: String

    public init(service: String, operation: String, arguments: [String] = [], region: String, iamAction: String, fileName: String) {
        self.service = service
        self.operation = operation
        self.arguments = arguments
        self.region = region
        self.iamAction = iamAction
        self.fileName = fileName
    }

    /// The whole command line after `aws`.
    public var commandLine: [String] {
        [service, operation] + arguments + ["--region", region, "--output", "json"]
    }

    /// `aws ec2 describe-vpc-attribute --vpc-id vpc-… --attribute enableDnsSupport`, as shown to users.
    public var description: String {
        (["aws", service, operation] + arguments).joined(separator: " ")
    }
}
