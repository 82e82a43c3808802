/// The AWS CLI outputs the importer reads, recognised by their top-level keys (never by file name).
public enum AWSOutputKind: String, CaseIterable, Sendable {
    case vpcs, vpcAttribute, subnets, routeTables, vpcEndpoints, networkInterfaces
    case internetGateways, natGateways, peeringConnections
    case transitGateways, transitGatewayAttachments, transitGatewayVPCAttachments
    case vpnConnections, vpnGateways, customerGateways, securityGroups, prefixLists
    case resolverEndpoints, resolverEndpointIPAddresses, resolverRules, resolverRuleAssociations
    case hostedZones, hostedZone, hostedZonesByVPC, resourceRecordSets
    case networkACLs, dhcpOptions, egressOnlyInternetGateways, transitGatewayRouteTables, transitGatewayRoutes
    case transitGatewayRouteTableAssociations, transitGatewayRouteTablePropagations, prefixListEntries
    case directConnectGateways, directConnectGatewayAssociations

    /// The command that prints it: `ec2 describe-vpcs`.
    public var command: String {
        switch self {
        case .vpcs: "ec2 describe-vpcs"
        case .vpcAttribute: "ec2 describe-vpc-attribute"
        case .subnets: "ec2 describe-subnets"
        case .routeTables: "ec2 describe-route-tables"
        case .vpcEndpoints: "ec2 describe-vpc-endpoints"
        case .networkInterfaces: "ec2 describe-network-interfaces"
        case .internetGateways: "ec2 describe-internet-gateways"
        case .natGateways: "ec2 describe-nat-gateways"
        case .peeringConnections: "ec2 describe-vpc-peering-connections"
        case .transitGateways: "ec2 describe-transit-gateways"
        case .transitGatewayAttachments: "ec2 describe-transit-gateway-attachments"
        case .transitGatewayVPCAttachments: "ec2 describe-transit-gateway-vpc-attachments"
        case .vpnConnections: "ec2 describe-vpn-connections"
        case .vpnGateways: "ec2 describe-vpn-gateways"
        case .customerGateways: "ec2 describe-customer-gateways"
        case .securityGroups: "ec2 describe-security-groups"
        case .prefixLists: "ec2 describe-prefix-lists"
        case .resolverEndpoints: "route53resolver list-resolver-endpoints"
        case .resolverEndpointIPAddresses: "route53resolver list-resolver-endpoint-ip-addresses"
        case .resolverRules: "route53resolver list-resolver-rules"
        case .resolverRuleAssociations: "route53resolver list-resolver-rule-associations"
        case .hostedZones: "route53 list-hosted-zones"
        case .hostedZone: "route53 get-hosted-zone"
        case .hostedZonesByVPC: "route53 list-hosted-zones-by-vpc"
        case .resourceRecordSets: "route53 list-resource-record-sets"
        case .networkACLs: "ec2 describe-network-acls"
        case .dhcpOptions: "ec2 describe-dhcp-options"
        case .egressOnlyInternetGateways: "ec2 describe-egress-only-internet-gateways"
        case .transitGatewayRouteTables: "ec2 describe-transit-gateway-route-tables"
        case .transitGatewayRoutes: "ec2 search-transit-gateway-routes"
        case .transitGatewayRouteTableAssociations: "ec2 get-transit-gateway-route-table-associations"
        case .transitGatewayRouteTablePropagations: "ec2 get-transit-gateway-route-table-propagations"
        case .prefixListEntries: "ec2 get-managed-prefix-list-entries"
        case .directConnectGateways: "directconnect describe-direct-connect-gateways"
        case .directConnectGatewayAssociations: "directconnect describe-direct-connect-gateway-associations"
        }
    }

    /// The top-level key holding the output's list (or, for single-resource outputs, its object).
    public var listKey: String {
        switch self {
        case .vpcs: "Vpcs"
        case .vpcAttribute: "VpcId"
        case .subnets: "Subnets"
        case .routeTables: "RouteTables"
        case .vpcEndpoints: "VpcEndpoints"
        case .networkInterfaces: "NetworkInterfaces"
        case .internetGateways: "InternetGateways"
        case .natGateways: "NatGateways"
        case .peeringConnections: "VpcPeeringConnections"
        case .transitGateways: "TransitGateways"
        case .transitGatewayAttachments: "TransitGatewayAttachments"
        case .transitGatewayVPCAttachments: "TransitGatewayVpcAttachments"
        case .vpnConnections: "VpnConnections"
        case .vpnGateways: "VpnGateways"
        case .customerGateways: "CustomerGateways"
        case .securityGroups: "SecurityGroups"
        case .prefixLists: "PrefixLists"
        case .resolverEndpoints: "ResolverEndpoints"
        case .resolverEndpointIPAddresses: "IpAddresses"
        case .resolverRules: "ResolverRules"
        case .resolverRuleAssociations: "ResolverRuleAssociations"
        case .hostedZones: "HostedZones"
        case .hostedZone: "HostedZone"
        case .hostedZonesByVPC: "HostedZoneSummaries"
        case .resourceRecordSets: "ResourceRecordSets"
        case .networkACLs: "NetworkAcls"
        case .dhcpOptions: "DhcpOptions"
        case .egressOnlyInternetGateways: "EgressOnlyInternetGateways"
        case .transitGatewayRouteTables: "TransitGatewayRouteTables"
        case .transitGatewayRoutes: "Routes"
        case .transitGatewayRouteTableAssociations: "Associations"
        case .transitGatewayRouteTablePropagations: "TransitGatewayRouteTablePropagations"
        case .prefixListEntries: "Entries"
        case .directConnectGateways: "directConnectGateways"
        case .directConnectGatewayAssociations: "directConnectGatewayAssociations"
        }
    }

    /// Recognises an output by its top-level keys; nil when it is none of these.
    public static func recognise(_ root: JSONValue) -> AWSOutputKind? {
        guard case .object = root else { return nil }
        let keys = Set(root.keys)
        if keys.contains("VpcId"), keys.contains("EnableDnsSupport") || keys.contains("EnableDnsHostnames") { return .vpcAttribute }
        if keys.contains("HostedZone") { return .hostedZone }
        let matches = allCases.filter { $0 != .vpcAttribute && $0 != .hostedZone && keys.contains($0.listKey) }
        guard matches.count == 1, let kind = matches.first, case .array = root[kind.listKey] else { return nil }
        return kind
    }
}
