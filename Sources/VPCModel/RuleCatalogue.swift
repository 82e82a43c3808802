// Every rule vpcgraph reports, declared once: its id (the name in brackets users see), its
// severity, a one-line summary, why it matters (the article's reason) and how to fix it, and the
// one part of vpcgraph that checks it. `vpcgraph rules` lists them, the README's rule table is
// generated from them, and tests keep the catalogue, the sources and the tests in step
// (Tests/VPCModelTests/RuleCatalogueTests.swift).

/// The part of vpcgraph that checks a rule. Each owner names the source paths that may report it.
public enum RuleOwner: String, Sendable, CaseIterable {
    /// The topology format's reader (YAML/JSON): syntax, keys, value kinds.
    case reader
    /// Structural checks over a read topology (`Topology.validate()`).
    case validation
    /// The id rules shared by every input (`IDRules`).
    case ids
    /// The AWS CLI snapshot importer.
    case awsImport = "aws-import"
    /// The Terraform importer (`terraform show -json` of a state or plan, or a terraform.tfstate).
    case terraform = "terraform-import"
    /// The CloudFormation template importer (`--from cloudformation`).
    case cloudFormation = "cloudformation-import"
    /// `vpcgraph collect`.
    case collect
    /// The article's advice over a valid topology (`Topology.advise()`).
    case advice
    /// Markdown templates and the price table.
    case templates
    /// Reading inputs, rendering, writing outputs.
    case pipeline
    /// Graphviz layout and rendering.
    case graphviz

    /// Source paths (relative to the package) whose code may report this owner's rules.
    public var sources: [String] {
        switch self {
        case .reader: ["Sources/VPCReaders/"]
        case .validation: ["Sources/VPCModel/Validation.swift"]
        case .ids: ["Sources/VPCModel/IDRules.swift"]
        case .awsImport: ["Sources/AWSImport/"]
        case .terraform: ["Sources/TerraformImport/", "Sources/vpcgraph/ImportTerraformCommand.swift"]
        case .cloudFormation: ["Sources/CloudFormationImport/", "Sources/Pipeline/CloudFormationInput.swift", "Sources/vpcgraph/CloudFormationOptions.swift"]
        case .collect: ["Sources/AWSCollect/", "Sources/vpcgraph/CollectCommand.swift"]
        case .advice: ["Sources/VPCModel/Advice/"]
        case .templates: ["Sources/Markdown/"]
        case .pipeline: ["Sources/Pipeline/", "Sources/FileAccess/", "Sources/vpcgraph/ImportCommand.swift"]
        case .graphviz: ["Sources/Graphviz/"]
        }
    }
}

/// One rule of the catalogue.
public struct Rule: Hashable, Sendable {
    /// The id users see in brackets, e.g. `subnet-overlap`.
    public let id: String
    /// How it is usually reported; a few rules report a second severity (`alsoWarning`).
    public let severity: Diagnostic.Severity
    /// True for a rule reported as an error or, for a milder form, as a warning.
    public let alsoWarning: Bool
    public let owner: RuleOwner
    /// Other parts that report the same fact of the format from their own input (the AWS importer and
    /// the YAML reader both read security group rules); empty for almost every rule.
    public let sharedWith: [RuleOwner]
    /// What it says, in one line.
    public let summary: String
    /// Why it matters.
    public let reason: String
    /// What to do about it.
    public let fix: String

    init(_ id: String, _ severity: Diagnostic.Severity, _ owner: RuleOwner, alsoWarning: Bool = false, sharedWith: [RuleOwner] = [],
         _ summary: String, reason: String, fix: String) {
        self.sharedWith = sharedWith
        self.id = id
        self.severity = severity
        self.alsoWarning = alsoWarning
        self.owner = owner
        self.summary = summary
        self.reason = reason
        self.fix = fix
    }

    /// `error`, `warning`, `note`, or `error, warning`.
    public var severityText: String { alsoWarning ? "\(severity.rawValue), warning" : severity.rawValue }
}

public enum RuleCatalogue {
    /// The rule with this id.
    public static func rule(_ id: String) -> Rule? { byID[id] }

    private static let byID: [String: Rule] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })

    /// Every rule, grouped by owner in `RuleOwner` order, each group in id order.
    public static var all: [Rule] {
        (reader + validation + ids + awsImport + terraform + cloudFormation + collect + advice + templates + pipeline + graphviz)
    }

    // MARK: - The topology format's reader

    static let reader: [Rule] = [
        Rule("attachment-kind", .error, .reader, "a transit gateway attachment names none or several of 'vpc', 'vpn', 'peer'",
             reason: "an attachment connects exactly one VPC, VPN or peer transit gateway", fix: "give the attachment exactly one of 'vpc', 'vpn' or 'peer'"),
        Rule("duplicate-key", .error, .reader, "a key appears twice in one mapping",
             reason: "YAML keeps only one of them, silently", fix: "remove or merge the duplicate key"),
        Rule("empty-input", .error, .reader, sharedWith: [.cloudFormation], "the input file is empty",
             reason: "there is no network to check or draw", fix: "give a topology, or remove the file from the command"),
        Rule("endpoint-key", .error, .reader, "an endpoint key does not fit the endpoint's type",
             reason: "interface, gateway and Gateway Load Balancer endpoints have different settings", fix: "use the keys of the endpoint's type, or set 'type'"),
        Rule("gateway-endpoint-key", .error, .reader, "a gateway endpoint has a key only interface endpoints have",
             reason: "gateway endpoints are route-table targets: no network interfaces, security groups or DNS names", fix: "remove the key, or make it an interface endpoint"),
        Rule("gateway-load-balancer-endpoint-key", .error, .reader, "a Gateway Load Balancer endpoint has a key it cannot have",
             reason: "a Gateway Load Balancer endpoint has one subnet and one IP, no route tables or private DNS", fix: "remove the key"),
        Rule("interface-endpoint-key", .error, .reader, "an interface endpoint has a key only gateway endpoints have",
             reason: "interface endpoints are network interfaces, reached by DNS, not by routes", fix: "remove 'route_tables'/'prefix_list', or make it a gateway endpoint"),
        Rule("ignore-rule", .error, .reader, "an 'ignore:' entry names no advice rule, or gives no reason",
             reason: "an accepted risk needs the rule it accepts and why, for the next reviewer", fix: "write '{rule: <advice rule id>, reason: …}'; 'vpcgraph rules' lists the ids"),
        Rule("input-too-large", .error, .reader, sharedWith: [.cloudFormation], "an input is bigger than 64 MiB",
             reason: "inputs are read into memory; a bound keeps a bad file from exhausting it", fix: "split the topology, or check that the right file was given"),
        Rule("invalid-cidr", .error, .reader, sharedWith: [.cloudFormation], "a value is not a CIDR block",
             reason: "VPC, subnet and route destinations are CIDR blocks", fix: "write it as ADDRESS/PREFIX, e.g. 10.0.1.0/24, with no host bits set"),
        Rule("invalid-ip", .error, .reader, "a value is not an IP address",
             reason: "interface, Resolver and DNS server addresses are IP addresses", fix: "write a dotted IPv4 or an IPv6 address"),
        Rule("invalid-region", .error, .reader, "a region key is not an AWS region code",
             reason: "service names, DNS names and prefix lists depend on the region", fix: "use the region code, e.g. eu-west-1"),
        Rule("invalid-route-target", .error, .reader, "a route target is not 'local' or an id of a kind routes can target",
             reason: "AWS routes go to a gateway, NAT gateway, endpoint, peering, transit gateway or network interface", fix: "use the target's id (igw-, nat-, vpce-, pcx-, tgw-, vgw-, eni-)"),
        Rule("invalid-value", .error, .reader, "a value is not one of those the key allows",
             reason: "the key has a fixed set of values", fix: "use one of the values the message lists"),
        Rule("lattice-endpoint-key", .error, .reader, "a VPC Lattice endpoint has a key only other endpoints have",
             reason: "a Lattice endpoint (service network or resource) has no route tables, policy or private DNS of its own", fix: "remove the key, or give the endpoint the type it has"),
        Rule("missing-key", .error, .reader, "a required key is missing",
             reason: "the resource cannot be described without it", fix: "add the key"),
        Rule("network-acl-rule", .error, .reader, "a network ACL entry's protocol or ports are wrong",
             reason: "a wrong entry would document traffic the ACL does not pass or block", fix: "use tcp, udp, icmp, icmpv6, all or 0-255, and ports as 443, 1024-65535 or all"),
        Rule("policy-too-large", .error, .reader, sharedWith: [.cloudFormation], "an endpoint policy is longer than AWS's 20,480 characters",
             reason: "AWS refuses such a policy", fix: "shorten the policy"),
        Rule("record-value", .error, .reader, "a hosted zone record has neither or both of 'alias' and 'values'",
             reason: "a record is an alias or has values, not both", fix: "give 'alias: vpce-…' or 'values: [...]'"),
        Rule("security-group-rule", .error, .reader, alsoWarning: true, sharedWith: [.awsImport], "a security group rule's protocol, ports or ICMP type is wrong (warning: AWS's ports kept as given)",
             reason: "a wrong range would document traffic the group does not admit", fix: "use a protocol, ports 0-65535 (first at most second) or an ICMP type and code"),
        Rule("type-mismatch", .error, .reader, "a value is of the wrong kind (a list where a mapping is expected, …)",
             reason: "the format's keys have fixed kinds", fix: "write the value as the message says"),
        Rule("unknown-region", .error, .reader, "a region (a region key, or the region of a service name) is not one AWS has",
             reason: "a misspelt region (eu-west-9) would give wrong service names, DNS names and prefix lists", fix: "use the region the did-you-mean suggests"),
        Rule("unknown-service", .warning, .reader, "an AWS service name vpcgraph does not know",
             reason: "its DNS names are derived as SERVICE.REGION.amazonaws.com, which is wrong for a misspelt name (executeapi)", fix: "use the service name the did-you-mean suggests, or ignore the warning for a service newer than vpcgraph"),
        Rule("unknown-key", .error, .reader, "a key the format does not have",
             reason: "a misspelt key would be silently ignored", fix: "use the key the did-you-mean suggests, or remove it"),
        Rule("vpn-gateway", .error, .reader, "a VPN connection names neither or both of 'vpn_gateway' and 'transit_gateway'",
             reason: "a site-to-site VPN ends at a virtual private gateway or a transit gateway", fix: "give exactly one of them"),
        Rule("yaml-syntax", .error, .reader, "the file is not valid YAML",
             reason: "nothing can be read from it", fix: "fix the syntax at the location shown"),
    ]

    // MARK: - Structural checks

    static let validation: [Rule] = [
        Rule("az-outside-region", .error, .validation, "a subnet's availability zone is not in its region",
             reason: "a subnet lives in a zone of its VPC's region", fix: "use a zone of the region, e.g. eu-west-1a"),
        Rule("duplicate-id", .error, .validation, "two resources have the same id",
             reason: "AWS ids are unique; references would be ambiguous", fix: "give each resource its own id"),
        Rule("duplicate-route", .error, .validation, "a route table has two routes to one destination",
             reason: "AWS allows one route per destination in a table", fix: "remove one of the routes"),
        Rule("endpoint-one-subnet-per-az", .error, .validation, "an interface endpoint has two subnets in one availability zone",
             reason: "AWS gives an interface endpoint at most one network interface per zone", fix: "keep one subnet per zone"),
        Rule("eni-ip-outside-subnet", .error, .validation, "an endpoint network interface's IP is not in its subnet",
             reason: "a network interface takes its address from its subnet", fix: "correct the IP or the subnet"),
        Rule("forward-to-inbound", .error, .validation, "on-premises forwarding names a Resolver endpoint that is not inbound",
             reason: "only inbound Resolver endpoints answer queries from outside the VPC", fix: "forward to an inbound endpoint (rslvr-in-…)"),
        Rule("gateway-endpoint-region", .error, .validation, "a gateway endpoint's service is in another region",
             reason: "gateway endpoints serve only their own region's S3 or DynamoDB", fix: "use the VPC's region in the service name"),
        Rule("gateway-endpoint-security-groups", .error, .validation, "a gateway endpoint has security groups",
             reason: "gateway endpoints are route targets and take no security groups", fix: "remove 'security_groups'"),
        Rule("gateway-endpoint-service", .error, .validation, "a gateway endpoint is for a service other than S3 or DynamoDB",
             reason: "only S3 and DynamoDB have gateway endpoints", fix: "make it an interface endpoint"),
        Rule("interface-endpoint-route-target", .error, .validation, "a route targets an interface endpoint",
             reason: "routes can target gateway and Gateway Load Balancer endpoints only; clients reach an interface endpoint at its network interfaces' IPs, through DNS", fix: "remove the route; resolve the service's name to the endpoint (private DNS or a private hosted zone)"),
        Rule("ip-outside-subnet", .error, .validation, "an IP (NAT gateway, Resolver endpoint) is not in its subnet",
             reason: "a network interface takes its address from its subnet", fix: "correct the IP or the subnet"),
        Rule("network-acl-duplicate-rule", .error, .validation, "a network ACL has two rules with one number in one direction",
             reason: "rules are evaluated in rule-number order and AWS keeps one rule per number and direction; with two, which one decides is unknown", fix: "renumber one of the rules"),
        Rule("network-acl-subnet", .error, .validation, "a network ACL is associated with a subnet not in its VPC, or a subnet with two network ACLs",
             reason: "a network ACL filters only subnets of its own VPC, and a subnet is associated with exactly one network ACL", fix: "associate the subnet with one ACL of its own VPC"),
        Rule("one-main-route-table", .error, .validation, "a VPC has more than one main route table",
             reason: "a VPC has exactly one main route table", fix: "mark only one table 'main: true'"),
        Rule("peering-vpcs", .error, .validation, sharedWith: [.reader], "a peering connection does not name two different VPCs",
             reason: "a peering connection joins exactly two VPCs", fix: "list the requester and the accepter VPC"),
        Rule("private-dns-needs-vpc-dns", .error, .validation, "an interface endpoint has private DNS while its VPC's DNS support or hostnames is off",
             reason: "private DNS needs enableDnsSupport and enableDnsHostnames", fix: "turn both on for the VPC, or private DNS off"),
        Rule("record-outside-zone", .error, .validation, "a hosted zone record's name is not in the zone",
             reason: "a zone answers only for names within its domain", fix: "rename the record or move it to the right zone"),
        Rule("subnet-outside-vpc", .error, .validation, "a subnet's CIDR is not within its VPC's CIDRs",
             reason: "a subnet takes its addresses from its VPC", fix: "use a CIDR inside the VPC's, or add the block to the VPC"),
        Rule("subnet-overlap", .error, .validation, "two subnets of a VPC overlap",
             reason: "AWS refuses overlapping subnets", fix: "give the subnets disjoint CIDRs"),
        Rule("unknown-prefix-list", .warning, .validation, "vpcgraph does not know the prefix list of a gateway endpoint's region",
             reason: "the route's destination cannot be named", fix: "give 'prefix_list: pl-…' (from 'aws ec2 describe-prefix-lists')"),
        Rule("unknown-reference", .error, .validation, "an id refers to a resource the topology does not have",
             reason: "a reference to nothing cannot be drawn or checked", fix: "define the resource, or correct the id"),
    ]

    // MARK: - Ids

    static let ids: [Rule] = [
        Rule("id-characters", .error, .ids, "an id has characters no AWS id has",
             reason: "AWS ids are letters, digits and '-'; anything else is a typo or an attack on the outputs", fix: "use the id as AWS writes it"),
        Rule("id-format", .warning, .ids, "an id does not look like its kind's AWS id",
             reason: "links to the AWS console will not work", fix: "use the AWS id (vpc-…, subnet-…)"),
    ]

    // MARK: - AWS snapshot importer

    static let awsImport: [Rule] = [
        Rule("aws-bad-value", .warning, .awsImport, "a field of an AWS output has a value vpcgraph cannot read; the resource or field is skipped",
             reason: "the snapshot is not what the AWS CLI prints", fix: "collect the snapshot again"),
        Rule("aws-duplicate", .warning, .awsImport, "a resource is listed twice in the snapshot; the first listing is used",
             reason: "two listings may disagree", fix: "remove the duplicate output file"),
        Rule("aws-empty-snapshot", .error, .awsImport, "the snapshot folder holds no AWS CLI output",
             reason: "there is no network to read", fix: "run 'vpcgraph collect', or point at the right folder"),
        Rule("aws-gone", .warning, .awsImport, "a resource AWS reports as gone or going is left out",
             reason: "deleted, failed or rejected resources carry no traffic", fix: "nothing; collect again once AWS finished"),
        Rule("aws-incomplete", .warning, .awsImport, "a transit gateway route output says more routes are available than it lists",
             reason: "routes beyond the ones listed are missing from the snapshot, so paths may look broken", fix: "collect the routes again with filters that return fewer at once"),
        Rule("aws-json-syntax", .error, .awsImport, "an output file is not valid JSON",
             reason: "nothing can be read from it (often a truncated file)", fix: "collect it again"),
        Rule("aws-missing-field", .warning, .awsImport, "an output lacks a field vpcgraph needs; the resource is skipped",
             reason: "the snapshot is incomplete or edited", fix: "collect the snapshot again"),
        Rule("aws-missing-interface", .warning, .awsImport, "an endpoint's network interface is not in the snapshot",
             reason: "its IP cannot be documented", fix: "include describe-network-interfaces in the snapshot"),
        Rule("aws-missing-output", .warning, .awsImport, "an output vpcgraph needs is missing (e.g. describe-vpc-attribute)",
             reason: "the fact it holds is documented as unknown", fix: "collect it (vpcgraph collect does)"),
        Rule("aws-no-snapshot", .error, .awsImport, "the path given is not a snapshot folder",
             reason: "--from aws reads a folder of AWS CLI outputs", fix: "give the folder 'vpcgraph collect' wrote"),
        Rule("aws-not-json", .error, .awsImport, "a file given as an AWS snapshot is not JSON (a topology file read with '--from aws')",
             reason: "a snapshot is the JSON the AWS CLI writes", fix: "read a topology file without '--from aws', or give the snapshot folder"),
        Rule("aws-outside-snapshot", .warning, .awsImport, "a link to something outside the snapshot is left out",
             reason: "the other end (another account's VPC, security group, rule) is not described", fix: "collect that account too, or accept it"),
        Rule("aws-paged-output", .error, .awsImport, "an output is one page of several",
             reason: "the rest of the list is missing", fix: "save the whole list (no --max-items), or let 'vpcgraph collect' do it"),
        Rule("aws-region-unknown", .error, .awsImport, "a resource's region cannot be worked out",
             reason: "service names and DNS names depend on it", fix: "put each region's outputs in a folder named after it"),
        Rule("aws-skipped", .warning, .awsImport, "something the model cannot hold is left out (IPv6-only subnets, carrier gateway routes, …)",
             reason: "vpcgraph does not draw it", fix: "nothing; it is not part of the diagrams"),
        Rule("aws-target-going", .warning, .awsImport, "a route's target is being deleted",
             reason: "the route will soon stop carrying traffic", fix: "replace the route or its target"),
        Rule("aws-unattributed-output", .warning, .awsImport, "an output cannot be matched to the resource it describes",
             reason: "its facts cannot be placed", fix: "keep AWS's file names (vpcgraph collect writes them)"),
        Rule("aws-unknown-file", .warning, .awsImport, "a file is not an AWS CLI output vpcgraph reads; skipped",
             reason: "it may be a mistake in the folder", fix: "remove it, or ignore the warning"),
        Rule("aws-unknown-subnet", .warning, .awsImport, "a resource names a subnet the snapshot does not describe",
             reason: "the subnet's facts are missing", fix: "collect describe-subnets of its region"),
        Rule("aws-unknown-transit-gateway", .warning, .awsImport, "an attachment names a transit gateway the snapshot does not describe",
             reason: "the transit gateway's facts are missing", fix: "collect describe-transit-gateways of its region"),
        Rule("aws-unknown-vpc", .error, .awsImport, alsoWarning: true, "a resource is in a VPC the snapshot does not describe",
             reason: "it cannot be placed", fix: "collect describe-vpcs of its region"),
        Rule("aws-unreadable", .error, .awsImport, "a snapshot file cannot be read",
             reason: "nothing can be read from it", fix: "check the file's permissions"),
    ]

    // MARK: - Terraform importer

    static let terraform: [Rule] = [
        Rule("tf-duplicate", .warning, .terraform, "a VPC has a second internet gateway in the state; the first is kept",
             reason: "a VPC has at most one internet gateway attached", fix: "remove the extra aws_internet_gateway, or give it another VPC"),
        Rule("tf-format", .error, .terraform, "the file is not the output of 'terraform show -json' nor a terraform.tfstate file",
             reason: "vpcgraph reads Terraform's own JSON of a state or a plan", fix: "give 'terraform show -json' (of the state or a plan file) or the terraform.tfstate"),
        Rule("tf-format-version", .error, .terraform, "the JSON's format_version, or the state file's version, is one vpcgraph does not read",
             reason: "vpcgraph reads format 1.x of 'terraform show -json' and state version 4 (Terraform 0.12 and later); others may mean other things", fix: "write it with a Terraform of 0.12 or later, or give 'terraform show -json'"),
        Rule("tf-invalid-value", .error, .terraform, alsoWarning: true, "an attribute's value is not what AWS takes (a CIDR that is not one; warning: an unknown protocol, the rule left out)",
             reason: "a wrong value would draw addresses or rules AWS does not have", fix: "correct the value in the configuration and apply or plan again"),
        Rule("tf-json", .error, .terraform, "the file is not valid JSON",
             reason: "nothing can be read from it (often a truncated or hand-edited file)", fix: "write it again with 'terraform show -json'"),
        Rule("tf-missing-attribute", .error, .terraform, "a resource lacks an attribute vpcgraph needs (vpc_id, peer_vpc_id, service_name, …)",
             reason: "the resource cannot be placed or drawn without it", fix: "set the attribute in the configuration, or check the state is complete"),
        Rule("tf-unknown-reference", .error, .terraform, "an attribute refers to a resource that is not in the state or plan",
             reason: "a reference to nothing cannot be drawn or checked (a resource in another state, or a target removed)", fix: "import the other state too, or correct the reference"),
        Rule("tf-unknown-value", .error, .terraform, "a CIDR is known only after apply (an IPAM pool?)",
             reason: "the VPC's and subnets' addresses are what the diagrams and checks are about", fix: "read the state after apply, or give the CIDR in the configuration"),
        Rule("tf-unresolved-reference", .error, .terraform, alsoWarning: true, "a reference known only after apply cannot be followed to one resource (warning: a hosted zone's VPC from a dynamic block, left out)",
             reason: "vpcgraph draws what the configuration says and does not guess which resource is meant", fix: "read the state after apply, or refer to one resource instance (a key, not a splat)"),
        Rule("tf-unsupported", .warning, .terraform, "a route to a kind of target vpcgraph does not draw is left out",
             reason: "vpcgraph draws routes to gateways, NAT gateways, endpoints, peerings, transit gateways and network interfaces only", fix: "nothing; the route is not part of the diagrams"),
    ]

    // MARK: - CloudFormation importer

    static let cloudFormation: [Rule] = [
        Rule("cfn-condition-cycle", .error, .cloudFormation, "a condition depends on itself",
             reason: "such a template is refused by CloudFormation", fix: "break the cycle between the conditions"),
        Rule("cfn-condition-false", .warning, .cloudFormation, "a property refers to a resource its condition leaves out",
             reason: "with the parameters given the resource is not created, so the reference goes nowhere", fix: "give the parameters the deployment uses (--parameter), or guard the reference with the same condition"),
        Rule("cfn-condition-unknown", .warning, .cloudFormation, "a condition cannot be decided before deployment; the resource is kept, an !If takes its true value",
             reason: "the drawing may show a resource or value the deployment does not have", fix: "give the parameters the condition depends on (--parameter)"),
        Rule("cfn-cross-stack", .warning, .cloudFormation, "a property names a resource outside the template (!ImportValue, a literal id)",
             reason: "vpcgraph draws one template's resources; what it refers to is left out", fix: "import the other stack's template too, or accept the warning"),
        Rule("cfn-duplicate-association", .error, .cloudFormation, "a subnet is associated with two route tables",
             reason: "a subnet has exactly one route table; CloudFormation fails to create the second association", fix: "remove one of the AWS::EC2::SubnetRouteTableAssociation resources"),
        Rule("cfn-endpoint-type", .warning, .cloudFormation, "an endpoint's VpcEndpointType is not Interface, Gateway or GatewayLoadBalancer; the endpoint is left out",
             reason: "the kinds of endpoint route, resolve and cost differently", fix: "use one of the types vpcgraph draws"),
        Rule("cfn-intrinsic", .error, .cloudFormation, "an intrinsic function has the wrong arguments (!Select out of range, !Equals not a pair, !Cidr asking for more blocks than fit, …)",
             reason: "the template is refused by CloudFormation", fix: "give the function the arguments the message says"),
        Rule("cfn-logical-id", .error, .cloudFormation, "a logical id is not alphanumeric",
             reason: "logical ids may hold only A-Z, a-z and 0-9", fix: "rename the resource"),
        Rule("cfn-missing-property", .error, .cloudFormation, alsoWarning: true, "a resource lacks a property vpcgraph needs (warning: the resource or entry is left out)",
             reason: "the resource cannot be placed or drawn without it", fix: "add the property"),
        Rule("cfn-parameter", .error, .cloudFormation, "a --parameter names a parameter the template does not have",
             reason: "a misspelt parameter would be silently ignored, and the default drawn", fix: "use the name the did-you-mean suggests"),
        Rule("cfn-region", .error, .cloudFormation, alsoWarning: true, "--region is not a region code (warning: the region's zones are unknown; a note says which region is read)",
             reason: "service names, DNS names, prefix lists and !GetAZs depend on the region", fix: "give --region with the region the stack is deployed to"),
        Rule("cfn-security-group-rule", .warning, .cloudFormation, "a security group rule has no known protocol or no peer; it is left out",
             reason: "the rule's traffic cannot be documented", fix: "give 'IpProtocol' and one of CidrIp, CidrIpv6, a source or destination group or prefix list"),
        Rule("cfn-template", .error, .cloudFormation, "the file is not a CloudFormation template (no 'Resources', an unknown section, a resource without 'Type')",
             reason: "nothing can be read from it as a stack", fix: "give the template, or fix the section the message names"),
        Rule("cfn-unattached", .warning, .cloudFormation, "an internet or VPN gateway is attached to no VPC; it is left out",
             reason: "a gateway without an AWS::EC2::VPCGatewayAttachment carries no traffic", fix: "add the attachment, or remove the gateway"),
        Rule("cfn-unknown-tag", .error, .cloudFormation, "an unknown !Tag or Fn:: function",
             reason: "the template is refused by CloudFormation; a misspelt function would be read as a plain value", fix: "use the function the did-you-mean suggests"),
        Rule("cfn-unknown-value", .warning, .cloudFormation, "a value is known only after deployment (an IPAM CIDR, an !GetAtt); the resource, rule or zone is left out or guessed (a note for IPv6 blocks)",
             reason: "vpcgraph draws what the template says and does not guess addresses", fix: "give the value in the template or as a --parameter, or accept the warning"),
        Rule("cfn-unresolved-ref", .error, .cloudFormation, "a !Ref, !GetAtt, !Sub, !FindInMap or condition names nothing in the template",
             reason: "the template is refused by CloudFormation; often a misspelt logical id", fix: "use the name the did-you-mean suggests, or define it"),
        Rule("cfn-unsupported-intrinsic", .warning, .cloudFormation, "a function vpcgraph does not evaluate (!Transform and its AWS::Include, Fn::GetStackOutput); its value is unknown",
             reason: "what depends on it cannot be drawn", fix: "give the value plainly or as a parameter, or accept the warning"),
        Rule("cfn-unsupported-resource", .warning, .cloudFormation, "a resource, route target or alias vpcgraph does not draw is left out (a note for types outside the network)",
             reason: "the diagrams would miss it; network resources the model cannot hold yet are worth knowing about", fix: "nothing; the note or warning lists what is left out"),
        Rule("cfn-wrong-type", .error, .cloudFormation, "a property refers to the wrong kind of resource, or has the wrong kind of value",
             reason: "the deployment fails (a route table's VpcId naming a subnet)", fix: "refer to a resource of the kind the message names"),
    ]

    // MARK: - collect

    static let collect: [Rule] = [
        Rule("collect", .error, .collect, "an AWS CLI call of 'vpcgraph collect' failed",
             reason: "the snapshot would be incomplete, so none is written", fix: "fix what the message says (credentials, IAM action, region)"),
    ]

    // MARK: - The article's advice

    static let advice: [Rule] = [
        Rule("blackhole-route", .warning, .advice, "a route is a blackhole: its target is gone",
             reason: "traffic to the destination is dropped without a trace", fix: "remove the route, or point it at a target that exists"),
        Rule("connected-cidr-overlap", .warning, .advice, "two VPCs joined by a peering connection or a transit gateway have overlapping CIDRs",
             reason: "AWS refuses peering overlapping CIDRs, and a transit gateway cannot route to both: clients reach the wrong one or neither", fix: "re-address one of the VPCs, or use PrivateLink to publish the service instead of routing"),
        Rule("consumer-route-missing", .warning, .advice, "a VPC that uses a shared interface endpoint has no route to the endpoint's subnets",
             reason: "an endpoint reached across peering or a transit gateway needs a route from each consumer subnet to the endpoint's network interfaces", fix: "add a route to the endpoint's subnets (or its VPC's CIDR) through the peering connection or transit gateway"),
        Rule("cross-region-via-internet", .warning, .advice, "subnets reach S3 or DynamoDB of another region through the internet or NAT gateway while the VPC has a gateway endpoint",
             reason: "a gateway endpoint serves only its own region: the other region's traffic leaves the VPC through the internet gateway (NAT data-processing charges, the internet path)", fix: "use an interface endpoint for the other region's service in a peered VPC of that region, or S3 replication; at least know the path"),
        Rule("cross-vpc-endpoint-cost", .note, .advice, "an interface endpoint is used from other VPCs across peering or a transit gateway",
             reason: "traffic to a shared endpoint adds data-transfer charges (transit gateway per GB, cross-AZ) on top of the endpoint's per-GB charge", fix: "nothing, if centralising the endpoints costs less than one endpoint per VPC; compare with the cost section"),
        Rule("endpoint-return-route-missing", .warning, .advice, "the route tables of an interface endpoint's subnets have no route back to a VPC that uses it",
             reason: "answers from the endpoint's network interfaces go by the endpoint subnets' route tables; without a route back, connections time out", fix: "add a route to the consumer VPC's CIDR through the peering connection or transit gateway in the endpoint subnets' route tables"),
        Rule("endpoint-security-group-https", .warning, .advice, "an interface endpoint's security groups do not admit TCP 443 from every network that uses it",
             reason: "AWS services answer on HTTPS; an endpoint's security group must admit TCP 443 from its own VPC and from every peered, attached or on-premises network that uses it", fix: "add an inbound rule for TCP 443 from the CIDRs the message names"),
        Rule("endpoint-single-az", .warning, .advice, "an interface endpoint is in one availability zone while the VPC's subnets span more",
             reason: "an endpoint in one zone is lost with that zone, and clients in the other zones pay cross-AZ data transfer", fix: "add a subnet of each zone the workloads use to the endpoint"),
        Rule("gateway-endpoint-partial-tier", .warning, .advice, "a gateway endpoint is on some but not all route tables of the subnets of one tier",
             reason: "subnets of the same tier should reach S3 or DynamoDB the same way; the others go through the NAT or internet gateway and pay for it", fix: "associate the endpoint with the route tables the message names"),
        Rule("gateway-endpoint-unused", .warning, .advice, "a gateway endpoint is on no route table",
             reason: "a gateway endpoint serves only the subnets whose route tables have its prefix-list route", fix: "associate it with the route tables of the subnets that use the service, or delete it"),
        Rule("hosted-zone-not-associated", .warning, .advice, "a private hosted zone that points at an interface endpoint is not associated with a VPC that uses the endpoint",
             reason: "clients in a VPC resolve through the private hosted zones associated with it; without the association they get the service's public addresses", fix: "associate the zone with the VPC the message names"),
        Rule("ignore-unused", .warning, .advice, "an 'ignore:' entry accepts a finding that is not reported",
             reason: "the accepted risk is gone, or the entry names the wrong rule or resource; it would silence a future finding unseen", fix: "remove the entry"),
        Rule("interface-endpoint-gateway-available", .warning, .advice, "an S3 or DynamoDB interface endpoint in a VPC without a gateway endpoint for the service",
             reason: "gateway endpoints are free for clients in the same VPC and region; interface endpoints cost per hour and per GB", fix: "add a gateway endpoint for the VPC's own clients; keep the interface endpoint for on-premises and other VPCs"),
        Rule("nat-gateway-without-internet-route", .warning, .advice, "a public NAT gateway is in a subnet without a default route to an internet gateway",
             reason: "a public NAT gateway sends traffic out through its subnet's internet gateway route; without it, nothing gets out", fix: "put the NAT gateway in a public subnet, or add the route"),
        Rule("on-premises-endpoint-path", .warning, .advice, "an on-premises network that uses an endpoint lacks a VPN path or a Resolver inbound endpoint forwarding",
             reason: "on-premises clients reach an interface endpoint over VPN or Direct Connect, and resolve its names through a Resolver inbound endpoint their DNS servers forward to", fix: "add the VPN connection, or a forwarding rule for the service's domain to an inbound Resolver endpoint"),
        Rule("resolver-endpoint-availability", .warning, .advice, "a Resolver endpoint has fewer than two IPs in two availability zones",
             reason: "AWS requires two IPs and recommends two zones: one zone down stops DNS resolution", fix: "give the endpoint IPs in subnets of two zones"),
        Rule("shared-endpoint-no-hosted-zone", .warning, .advice, "an interface endpoint with private DNS off is shared with other VPCs that have no private hosted zone for its name",
             reason: "private DNS works only in the endpoint's own VPC; other VPCs need a private hosted zone that aliases the endpoint, or they resolve the public addresses", fix: "create a private hosted zone for the service's name aliasing the endpoint and associate it with the consumer VPCs"),
    ]

    // MARK: - Templates

    static let templates: [Rule] = [
        Rule("price-table", .error, .templates, "prices.json is not a valid price table",
             reason: "cost estimates would be wrong", fix: "fix the file, or remove it to use the built-in one"),
        Rule("template-export", .error, .templates, "a template cannot be exported (a file exists, or the path is bad)",
             reason: "export never overwrites silently", fix: "use --force, or another folder"),
        Rule("template-io", .error, .templates, "a template folder or file cannot be read",
             reason: "the render would use templates it cannot see", fix: "check the path and that files are UTF-8 text"),
        Rule("template-name", .error, .templates, "a template uses a name the view model does not have where the tag is",
             reason: "it would print nothing, silently", fix: "use the name the did-you-mean suggests"),
        Rule("template-syntax", .error, .templates, "a template is not valid Mustache",
             reason: "it cannot be rendered", fix: "fix the tag at the location shown"),
        Rule("template-type", .error, .templates, "a template uses a value as the wrong kind",
             reason: "it would print a list or an empty text", fix: "use a section for lists, a transform that fits the value"),
    ]

    // MARK: - Pipeline

    static let pipeline: [Rule] = [
        Rule("empty-topology", .error, .pipeline, "the topology has no VPCs and no on-premises networks",
             reason: "there is nothing to draw", fix: "add VPCs, or check the file given"),
        Rule("input-file", .error, .pipeline, sharedWith: [.cloudFormation], "an input cannot be read or is not UTF-8 text",
             reason: "nothing can be read from it", fix: "check the path and the file's encoding"),
        Rule("layout-worker", .error, .pipeline, "a layout worker process failed",
             reason: "its diagrams were not laid out, so nothing is written", fix: "run again with --jobs 1 and report the input"),
        Rule("manifest", .warning, .pipeline, "the output folder's manifest cannot be read; every file is rendered again",
             reason: "it says what an earlier render wrote", fix: "nothing; the next render rewrites it"),
        Rule("output", .error, .pipeline, "an output file cannot be written",
             reason: "nothing is written unless everything can be", fix: "check the folder's permissions and free space"),
        Rule("output-exists", .error, .pipeline, "an output exists and would be overwritten",
             reason: "import never overwrites silently", fix: "use --force, or another path"),
        Rule("output-name", .error, .pipeline, "an output path is not a file vpcgraph may write",
             reason: "outputs are plain files inside the output folder", fix: "give another path"),
        Rule("svg-safety", .error, .pipeline, "an SVG holds a script, an event handler or an outside link (a vpcgraph bug)",
             reason: "SVGs end up in wikis; they must never run code", fix: "report the input to vpcgraph's maintainers"),
    ]

    // MARK: - Graphviz

    static let graphviz: [Rule] = [
        Rule("graphviz", .error, .graphviz, "Graphviz could not lay out or render a diagram",
             reason: "a damaged layout is never written", fix: "report the input; try another --view or --split"),
    ]
}

extension RuleCatalogue {
    /// What `vpcgraph rules` prints: per rule its id, severity and owner, the summary, why and how to fix.
    public static func listing(_ rules: [Rule] = all) -> String {
        rules.map { rule in
            "\(rule.id) (\(rule.severityText), \(rule.owner.rawValue)): \(rule.summary)\n  why: \(rule.reason)\n  fix: \(rule.fix)\n"
        }.joined()
    }

    /// The README's rule table (between its `rules:` markers), one row per rule.
    public static var markdownTable: String {
        var lines = ["| rule | severity | checked by | what | why | fix |", "|---|---|---|---|---|---|"]
        for rule in all {
            let cells = ["`\(rule.id)`", rule.severityText, rule.owner.rawValue, rule.summary, rule.reason, rule.fix]
            lines.append("| " + cells.map { $0.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
