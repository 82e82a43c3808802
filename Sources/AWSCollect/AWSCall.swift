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
    /// True for a call whose failure (other than a denial) leaves its facts out of the snapshot instead
    /// of ending the collection: a service not offered where the call goes (Direct Connect).
    public var optional = false

    public init(service: String, operation: String, arguments: [String] = [], region: String, iamAction: String, fileName: String,
                optional: Bool = false) {
        self.service = service
        self.operation = operation
        self.arguments = arguments
        self.region = region
        self.iamAction = iamAction
        self.fileName = fileName
        self.optional = optional
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
