import AWSImport
import VPCModel

/// The AWS CLI calls a snapshot needs: one per list the importer reads, per region, then one per
/// resource for outputs AWS only gives resource by resource.
public enum CollectionPlan {
    /// A read-only call: service, CLI command, IAM action.
    public struct Operation: Sendable {
        public var service: String
        public var operation: String
        public var iamAction: String
        /// A failure other than a denial skips the call (see `AWSCall.optional`).
        public var optional = false
    }

    /// Calls made once per region.
    public static let regional: [Operation] = [
        .init(service: "ec2", operation: "describe-vpcs", iamAction: "ec2:DescribeVpcs"),
        .init(service: "ec2", operation: "describe-subnets", iamAction: "ec2:DescribeSubnets"),
        .init(service: "ec2", operation: "describe-route-tables", iamAction: "ec2:DescribeRouteTables"),
        .init(service: "ec2", operation: "describe-vpc-endpoints", iamAction: "ec2:DescribeVpcEndpoints"),
        .init(service: "ec2", operation: "describe-network-interfaces", iamAction: "ec2:DescribeNetworkInterfaces"),
        .init(service: "ec2", operation: "describe-internet-gateways", iamAction: "ec2:DescribeInternetGateways"),
        .init(service: "ec2", operation: "describe-nat-gateways", iamAction: "ec2:DescribeNatGateways"),
        .init(service: "ec2", operation: "describe-vpc-peering-connections", iamAction: "ec2:DescribeVpcPeeringConnections"),
        .init(service: "ec2", operation: "describe-transit-gateways", iamAction: "ec2:DescribeTransitGateways"),
        .init(service: "ec2", operation: "describe-transit-gateway-attachments", iamAction: "ec2:DescribeTransitGatewayAttachments"),
        .init(service: "ec2", operation: "describe-transit-gateway-vpc-attachments", iamAction: "ec2:DescribeTransitGatewayVpcAttachments"),
        .init(service: "ec2", operation: "describe-vpn-connections", iamAction: "ec2:DescribeVpnConnections"),
        .init(service: "ec2", operation: "describe-vpn-gateways", iamAction: "ec2:DescribeVpnGateways"),
        .init(service: "ec2", operation: "describe-customer-gateways", iamAction: "ec2:DescribeCustomerGateways"),
        .init(service: "ec2", operation: "describe-security-groups", iamAction: "ec2:DescribeSecurityGroups"),
        .init(service: "ec2", operation: "describe-prefix-lists", iamAction: "ec2:DescribePrefixLists"),
        .init(service: "ec2", operation: "describe-network-acls", iamAction: "ec2:DescribeNetworkAcls"),
        .init(service: "ec2", operation: "describe-dhcp-options", iamAction: "ec2:DescribeDhcpOptions"),
        .init(service: "ec2", operation: "describe-egress-only-internet-gateways", iamAction: "ec2:DescribeEgressOnlyInternetGateways"),
        .init(service: "ec2", operation: "describe-transit-gateway-route-tables", iamAction: "ec2:DescribeTransitGatewayRouteTables"),
        .init(service: "ec2", operation: "describe-managed-prefix-lists", iamAction: "ec2:DescribeManagedPrefixLists"),
        .init(service: "route53resolver", operation: "list-resolver-endpoints", iamAction: "route53resolver:ListResolverEndpoints"),
        .init(service: "route53resolver", operation: "list-resolver-rules", iamAction: "route53resolver:ListResolverRules"),
        .init(service: "route53resolver", operation: "list-resolver-rule-associations", iamAction: "route53resolver:ListResolverRuleAssociations"),
    ]

    static let vpcAttribute = Operation(service: "ec2", operation: "describe-vpc-attribute", iamAction: "ec2:DescribeVpcAttribute")
    static let zonesByVPC = Operation(service: "route53", operation: "list-hosted-zones-by-vpc", iamAction: "route53:ListHostedZonesByVPC")
    static let resolverAddresses = Operation(service: "route53resolver", operation: "list-resolver-endpoint-ip-addresses",
                                             iamAction: "route53resolver:ListResolverEndpointIpAddresses")
    static let transitGatewayRoutes = Operation(service: "ec2", operation: "search-transit-gateway-routes", iamAction: "ec2:SearchTransitGatewayRoutes")
    static let transitGatewayAssociations = Operation(service: "ec2", operation: "get-transit-gateway-route-table-associations",
                                                      iamAction: "ec2:GetTransitGatewayRouteTableAssociations")
    static let transitGatewayPropagations = Operation(service: "ec2", operation: "get-transit-gateway-route-table-propagations",
                                                      iamAction: "ec2:GetTransitGatewayRouteTablePropagations")
    static let prefixListEntries = Operation(service: "ec2", operation: "get-managed-prefix-list-entries", iamAction: "ec2:GetManagedPrefixListEntries")
    static let hostedZones = Operation(service: "route53", operation: "list-hosted-zones", iamAction: "route53:ListHostedZones")
    static let hostedZone = Operation(service: "route53", operation: "get-hosted-zone", iamAction: "route53:GetHostedZone")
    static let recordSets = Operation(service: "route53", operation: "list-resource-record-sets", iamAction: "route53:ListResourceRecordSets")
    /// Direct Connect gateways are global: listed once, with each gateway's associations, into `global/`.
    static let directConnectGateways = Operation(service: "directconnect", operation: "describe-direct-connect-gateways",
                                                 iamAction: "directconnect:DescribeDirectConnectGateways", optional: true)
    static let directConnectAssociations = Operation(service: "directconnect", operation: "describe-direct-connect-gateway-associations",
                                                     iamAction: "directconnect:DescribeDirectConnectGatewayAssociations", optional: true)

    /// Every operation a collection may call.
    public static var allOperations: [Operation] {
        regional + [vpcAttribute, zonesByVPC, resolverAddresses, transitGatewayRoutes, transitGatewayAssociations, transitGatewayPropagations,
                    prefixListEntries, hostedZones, hostedZone, recordSets, directConnectGateways, directConnectAssociations]
    }

    /// The IAM actions a collection needs, sorted.
    public static var iamActions: [String] { Array(Set(allOperations.map(\.iamAction))).sorted() }

    /// An IAM policy allowing exactly those actions.
    public static var iamPolicy: String {
        let actions = iamActions.map { "        \"\($0)\"" }.joined(separator: ",\n")
        return """
        {
          "Version": "2012-10-17",
          "Statement": [
            {
              "Sid": "VpcgraphCollectReadOnly",
              "Effect": "Allow",
              "Action": [
        \(actions)
              ],
              "Resource": "*"
            }
          ]
        }

        """
    }

    /// The file of a call: `<folder>/<operation>[.<id>…].json`. The folder (a region the user
    /// named) and the ids (which an AWS answer gave) become parts of the name only through
    /// `FileName.component`, so no answer can make collect write outside the snapshot folder.
    static func call(_ op: Operation, region: String, folder: String, arguments: [String] = [], suffix: [String] = []) -> AWSCall {
        let name = ([op.operation] + suffix.map(FileName.component)).joined(separator: ".") + ".json"
        return AWSCall(service: op.service, operation: op.operation, arguments: arguments, region: region, iamAction: op.iamAction,
                       fileName: "\(FileName.component(folder))/\(name)", optional: op.optional)
    }

    /// The calls made once per region.
    public static func regionalCalls(region: String) -> [AWSCall] {
        regional.map { call($0, region: region, folder: region) }
    }

    /// The per-resource calls of a region, from its `describe-vpcs` and `list-resolver-endpoints` outputs.
    public static func resourceCalls(region: String, vpcIDs: [String], resolverEndpointIDs: [String],
                                     transitGatewayRouteTableIDs: [String] = [], prefixListIDs: [String] = []) -> [AWSCall] {
        var calls: [AWSCall] = []
        for vpc in vpcIDs {
            for attribute in ["enableDnsSupport", "enableDnsHostnames"] {
                calls.append(call(vpcAttribute, region: region, folder: region, arguments: ["--vpc-id", vpc, "--attribute", attribute], suffix: [vpc, attribute]))
            }
            calls.append(call(zonesByVPC, region: region, folder: region, arguments: ["--vpc-id", vpc, "--vpc-region", region], suffix: [vpc]))
        }
        for endpoint in resolverEndpointIDs {
            calls.append(call(resolverAddresses, region: region, folder: region, arguments: ["--resolver-endpoint-id", endpoint], suffix: [endpoint]))
        }
        for table in transitGatewayRouteTableIDs {
            // The API requires a filter: every route AWS keeps (active and blackhole).
            calls.append(call(transitGatewayRoutes, region: region, folder: region,
                              arguments: ["--transit-gateway-route-table-id", table, "--filters", "Name=state,Values=active,blackhole"], suffix: [table]))
            calls.append(call(transitGatewayAssociations, region: region, folder: region, arguments: ["--transit-gateway-route-table-id", table], suffix: [table]))
            calls.append(call(transitGatewayPropagations, region: region, folder: region, arguments: ["--transit-gateway-route-table-id", table], suffix: [table]))
        }
        for list in prefixListIDs {
            calls.append(call(prefixListEntries, region: region, folder: region, arguments: ["--prefix-list-id", list], suffix: [list]))
        }
        return calls
    }

    /// Route 53 is global: its calls go to `global/`, made through the first region.
    public static func globalListCall(region: String) -> AWSCall {
        call(hostedZones, region: region, folder: "global")
    }

    /// Direct Connect is global too: its gateways go to `global/`, listed through the first region.
    public static func directConnectListCall(region: String) -> AWSCall {
        call(directConnectGateways, region: region, folder: "global")
    }

    /// Each Direct Connect gateway's associations (the API wants a gateway, a virtual private or a transit gateway).
    public static func directConnectCalls(region: String, gatewayIDs: [String]) -> [AWSCall] {
        gatewayIDs.map { call(directConnectAssociations, region: region, folder: "global", arguments: ["--direct-connect-gateway-id", $0], suffix: [$0]) }
    }

    /// The per-zone calls, for the private zones of a `list-hosted-zones` output.
    public static func zoneCalls(region: String, zoneIDs: [String]) -> [AWSCall] {
        zoneIDs.flatMap { zone in
            [call(hostedZone, region: region, folder: "global", arguments: ["--id", zone], suffix: [zone]),
             call(recordSets, region: region, folder: "global", arguments: ["--hosted-zone-id", zone], suffix: [zone])]
        }
    }

    // MARK: - Ids from outputs

    static func strings(_ output: JSONValue, list: String, key: String, where keep: (JSONValue) -> Bool = { _ in true }) -> [String] {
        guard case .array(let items)? = output[list] else { return [] }
        return items.filter(keep).compactMap { if case .string(let s)? = $0[key] { s } else { nil } }
    }

    static func vpcIDs(in output: JSONValue) -> [String] { strings(output, list: "Vpcs", key: "VpcId") }
    static func resolverEndpointIDs(in output: JSONValue) -> [String] { strings(output, list: "ResolverEndpoints", key: "Id") }
    static func transitGatewayRouteTableIDs(in output: JSONValue) -> [String] {
        strings(output, list: "TransitGatewayRouteTables", key: "TransitGatewayRouteTableId") { $0["State"] != .string("deleted") && $0["State"] != .string("deleting") }
    }
    /// Customer-managed lists only: AWS-managed ones (`OwnerId: AWS`) have no entries worth collecting.
    static func customerPrefixListIDs(in output: JSONValue) -> [String] {
        strings(output, list: "PrefixLists", key: "PrefixListId") { $0["OwnerId"] != .string("AWS") && $0["OwnerId"] != nil }
    }

    /// Direct Connect gateways that are not gone.
    static func directConnectGatewayIDs(in output: JSONValue) -> [String] {
        strings(output, list: "directConnectGateways", key: "directConnectGatewayId") {
            $0["directConnectGatewayState"] != .string("deleted") && $0["directConnectGatewayState"] != .string("deleting")
        }
    }

    /// Private zones only, without the `/hostedzone/` prefix.
    static func privateZoneIDs(in output: JSONValue) -> [String] {
        strings(output, list: "HostedZones", key: "Id") { $0["Config"]?["PrivateZone"] == .bool(true) }
            .map { $0.hasPrefix("/hostedzone/") ? String($0.dropFirst("/hostedzone/".count)) : $0 }
    }
}
