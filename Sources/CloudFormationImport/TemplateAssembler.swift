import VPCModel
import VPCReaders
import Yams

/// One resource of the template, its properties evaluated.
struct TemplateResource {
    let id: String
    let type: String
    let location: SourceLocation
    var properties: TemplateValue
    /// "Subnet 'PrivateA'": how messages name it.
    var display: String { "\(type.split(separator: ":").last.map(String.init) ?? type) '\(id)'" }
    var origin: Origin { Origin(location, fields: ["id": location]) }

    subscript(key: String) -> TemplateValue? { properties[key] }

    /// The `Name` tag.
    var nameTag: String? {
        properties["Tags"]?.list?.first { $0["Key"]?.string == "Name" }?["Value"]?.string
    }
}

/// Turns the template's resources into the model, one kind after the other.
struct TemplateAssembler {
    let file: String
    let root: Node
    let options: CloudFormationOptions
    var diagnostics: [Diagnostic] = []
    var resources: [TemplateResource] = []
    var byID: [String: TemplateResource] = [:]
    /// Resources a false condition leaves out: references to them are dropped, not errors.
    var leftOut: [String: String] = [:]
    var unsupported: [String: Int] = [:]
    var notYetInModel: [String: Int] = [:]
    var region = "us-east-1"
    var resourcesLocation: SourceLocation

    // Model parts, by logical id, assembled at the end.
    var vpcs: [String: VPC] = [:]
    var vpcOrder: [String] = []
    /// Logical id of the VPC of each subnet, route table, security group, endpoint.
    var vpcOf: [String: String] = [:]
    var peerings: [PeeringConnection] = []
    var transitGateways: [String: TransitGateway] = [:]
    var transitGatewayOrder: [String] = []
    var vpnConnections: [VPNConnection] = []
    var zones: [String: PrivateHostedZone] = [:]
    var zoneOrder: [String] = []
    var resolverRules: [String: ResolverRule] = [:]
    var resolverRuleOrder: [String] = []
    var onPremises: [String: OnPremisesNetwork] = [:]
    var onPremisesOrder: [String] = []
    var dhcpOptions: [String: DHCPOptions] = [:]
    var prefixLists: [PrefixList] = []
    var externalVPCs: [ExternalVPC] = []

    init(file: String, root: Node, options: CloudFormationOptions) {
        self.file = file
        self.root = root
        self.options = options
        resourcesLocation = SourceLocation(file: file, line: 1, column: 1)
    }

    func location(_ node: Node) -> SourceLocation { SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column) }

    mutating func error(_ message: String, at location: SourceLocation?, rule: String) { diagnostics.append(.error(message, at: location, rule: rule)) }
    mutating func warning(_ message: String, at location: SourceLocation?, rule: String) { diagnostics.append(.warning(message, at: location, rule: rule)) }
    mutating func note(_ message: String, at location: SourceLocation?, rule: String) { diagnostics.append(Diagnostic(.note, message, at: location, rule: rule)) }

    static let sections = ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Mappings", "Conditions", "Transform",
                           "Resources", "Outputs", "Rules", "Hooks"]

    /// The resource types drawn, and the id prefix each logical id gets.
    static let prefixes: [String: String] = [
        "AWS::EC2::VPC": "vpc-", "AWS::EC2::Subnet": "subnet-", "AWS::EC2::RouteTable": "rtb-", "AWS::EC2::InternetGateway": "igw-",
        "AWS::EC2::NatGateway": "nat-", "AWS::EC2::VPNGateway": "vgw-", "AWS::EC2::CustomerGateway": "cgw-",
        "AWS::EC2::SecurityGroup": "sg-", "AWS::EC2::VPCEndpoint": "vpce-", "AWS::EC2::VPCPeeringConnection": "pcx-",
        "AWS::EC2::TransitGateway": "tgw-", "AWS::EC2::TransitGatewayAttachment": "tgw-attach-",
        "AWS::EC2::TransitGatewayVpcAttachment": "tgw-attach-", "AWS::EC2::TransitGatewayPeeringAttachment": "tgw-attach-",
        "AWS::EC2::VPNConnection": "vpn-", "AWS::Route53Resolver::ResolverRule": "rslvr-rr-", "AWS::EC2::NetworkInterface": "eni-",
        "AWS::EC2::EgressOnlyInternetGateway": "eigw-", "AWS::EC2::NetworkAcl": "acl-", "AWS::EC2::DHCPOptions": "dopt-",
        "AWS::EC2::TransitGatewayRouteTable": "tgw-rtb-", "AWS::EC2::PrefixList": "pl-",
    ]
    /// Types read for what they add to other resources.
    static let contributing: Set<String> = [
        "AWS::EC2::VPCCidrBlock", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::VPCGatewayAttachment",
        "AWS::EC2::EIP", "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress", "AWS::EC2::VPNConnectionRoute",
        "AWS::EC2::VPNGatewayRoutePropagation", "AWS::Route53::HostedZone", "AWS::Route53::RecordSet", "AWS::Route53Resolver::ResolverEndpoint",
        "AWS::Route53Resolver::ResolverRuleAssociation", "AWS::EC2::NetworkAclEntry", "AWS::EC2::SubnetNetworkAclAssociation",
        "AWS::EC2::VPCDHCPOptionsAssociation", "AWS::EC2::SubnetCidrBlock", "AWS::EC2::TransitGatewayRoute",
        "AWS::EC2::TransitGatewayRouteTableAssociation", "AWS::EC2::TransitGatewayRouteTablePropagation",
    ]
    /// Network resources the issue names that the model cannot hold yet.
    static let notInModel: Set<String> = [
        "AWS::EC2::TransitGatewayConnect", "AWS::EC2::VPCEndpointService", "AWS::Route53::RecordSetGroup", "AWS::EC2::EIPAssociation",
        "AWS::EC2::CarrierGateway", "AWS::EC2::LocalGatewayRouteTableVPCAssociation",
    ]

    func modelID(_ logicalID: String) -> String {
        guard let r = byID[logicalID] else { return logicalID }
        if r.type == "AWS::Route53Resolver::ResolverEndpoint" {
            return (r["Direction"]?.string?.uppercased() == "OUTBOUND" ? "rslvr-out-" : "rslvr-in-") + logicalID
        }
        return (Self.prefixes[r.type] ?? "") + logicalID
    }

    // MARK: - Reading the template

    mutating func assemble() -> Topology? {
        guard case .mapping(let top) = root else {
            error("expected a CloudFormation template (a mapping with 'Resources'), found \(kindName(root))", at: location(root), rule: "cfn-template")
            return nil
        }
        for (key, _) in top {
            let name = key.string ?? ""
            if !Self.sections.contains(name) {
                var message = "unknown template section '\(IDRules.escaped(name))'"
                if let s = closestMatch(to: name, in: Self.sections) { message += " (did you mean '\(s)'?)" }
                error(message, at: location(key), rule: "cfn-template")
            }
        }
        guard let resourcesNode = top["Resources"], case .mapping(let resourceNodes) = resourcesNode else {
            error("the template has no 'Resources' mapping", at: location(root), rule: "cfn-template")
            return nil
        }
        resourcesLocation = location(resourcesNode)
        region = chooseRegion(resourceNodes)
        let evaluator = TemplateEvaluator(file: file, region: region)
        readParameters(top["Parameters"], evaluator)
        if let m = top["Mappings"], case .mapping(let maps) = m { for (k, v) in maps { evaluator.mappings[k.string ?? ""] = v } }
        if let c = top["Conditions"], case .mapping(let conds) = c { for (k, v) in conds { evaluator.conditions[k.string ?? ""] = v } }

        var definitions: [(id: String, key: Node, node: Node, type: String)] = []
        for (key, node) in resourceNodes {
            let id = key.string ?? ""
            if id.isEmpty || !id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) {
                error("logical id '\(IDRules.escaped(id))' is not alphanumeric (A-Z, a-z, 0-9), as CloudFormation requires", at: location(key), rule: "cfn-logical-id")
                continue
            }
            guard case .mapping(let body) = node, let typeNode = body["Type"], let type = typeNode.string, !type.isEmpty else {
                error("resource '\(id)' has no 'Type'", at: location(key), rule: "cfn-template")
                continue
            }
            evaluator.resourceTypes[id] = type
            if let properties = body["Properties"] { evaluator.resourceProperties[id] = properties }
            definitions.append((id, key, node, type))
        }
        for d in definitions {
            guard case .mapping(let body) = d.node else { continue }
            evaluator.context = "\(d.type.split(separator: ":").last.map(String.init) ?? d.type) '\(d.id)'"
            if let conditionNode = body["Condition"], let name = conditionNode.string {
                switch evaluator.condition(named: name, at: conditionNode) {
                case false?:
                    leftOut[d.id] = name
                    continue
                case nil:
                    evaluator.warning("condition '\(IDRules.escaped(name))' cannot be decided before deployment; the resource is kept", at: conditionNode, rule: "cfn-condition-unknown")
                case true?: break
                }
            }
            let properties = body["Properties"].map(evaluator.evaluate) ?? TemplateValue(.map([]), at: location(d.key))
            let resource = TemplateResource(id: d.id, type: d.type, location: location(d.key), properties: properties)
            resources.append(resource)
            byID[d.id] = resource
        }
        diagnostics += evaluator.diagnostics
        if evaluator.usedAvailabilityZones && !AvailabilityZones.knows(region) {
            warning("vpcgraph does not know the availability zones of '\(region)'; !GetAZs gives \(AvailabilityZones.names(region: region).joined(separator: ", "))",
                    at: resourcesLocation, rule: "cfn-region")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return build(top)
    }

    /// `--region`, else the region of the first availability zone a subnet names, else us-east-1.
    mutating func chooseRegion(_ resourceNodes: Node.Mapping) -> String {
        if let given = options.region {
            if !Regions.looksLikeRegion(given) {
                error("--region '\(IDRules.escaped(given))' is not a region code such as 'eu-west-1'", at: SourceLocation(file: file), rule: "cfn-region")
            }
            return given
        }
        for (key, node) in resourceNodes {
            guard case .mapping(let body) = node, body["Type"]?.string == "AWS::EC2::Subnet",
                  let props = body["Properties"], case .mapping(let p) = props, let az = p["AvailabilityZone"],
                  TemplateEvaluator.customTag(az) == nil, let name = az.string, let found = Regions.region(ofAvailabilityZone: name) else { continue }
            note("the template is read for region '\(found)', from the availability zone of subnet '\(key.string ?? "")'; --region chooses another",
                 at: location(az), rule: "cfn-region")
            return found
        }
        note("the template is read for region 'us-east-1' (no --region given and no subnet names its availability zone); --region chooses another",
             at: resourcesLocation, rule: "cfn-region")
        return "us-east-1"
    }

    mutating func readParameters(_ node: Node?, _ evaluator: TemplateEvaluator) {
        var declared: [String] = []
        if let node, case .mapping(let parameters) = node {
            for (key, body) in parameters {
                let name = key.string ?? ""
                declared.append(name)
                let type = body["Type"]?.string ?? "String"
                evaluator.parameterTypes[name] = type
                var value: TemplateValue?
                if let d = body["Default"], let text = d.string {
                    value = parameterValue(text, type: type, at: location(d))
                }
                evaluator.parameters[name] = .some(value)
            }
        }
        for (key, text) in options.parameters {
            guard declared.contains(key) else {
                var message = "--parameter '\(IDRules.escaped(key))': the template has no parameter '\(IDRules.escaped(key))'"
                if let s = closestMatch(to: key, in: declared) { message += " (did you mean '\(s)'?)" }
                error(message, at: SourceLocation(file: file), rule: "cfn-parameter")
                continue
            }
            evaluator.parameters[key] = .some(parameterValue(text, type: evaluator.parameterTypes[key] ?? "String", at: SourceLocation(file: file)))
        }
    }

    func parameterValue(_ text: String, type: String, at location: SourceLocation) -> TemplateValue {
        if type.hasPrefix("AWS::SSM::Parameter::Value") {
            // The value names an SSM parameter, read at deployment.
            return TemplateValue(.unknown("the SSM parameter '\(IDRules.escaped(text))'"), at: location)
        }
        if type.hasPrefix("List<") || type == "CommaDelimitedList" {
            let items = text.split(separator: ",", omittingEmptySubsequences: false).map { TemplateValue(.string($0.trimmingCharacters(in: .whitespaces)), at: location) }
            return TemplateValue(.list(items), at: location)
        }
        return TemplateValue(.string(text), at: location)
    }
}

extension String {
    func trimmingCharacters(in set: Set<Character>) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }
}

extension Set where Element == Character {
    static let whitespaces: Set<Character> = [" ", "\t"]
}

func kindName(_ node: Node) -> String {
    switch node {
    case .scalar: "a scalar"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
}
