import Testing
import VPCModel
import VPCReaders

/// The structural rules no other test printed: one topology each with exactly that defect, and the
/// full printed diagnostic (RuleCatalogueTests.everyRuleHasATest keeps every rule tested).
@Suite struct StructuralRuleTests {
    func check(_ yaml: String) -> [String] {
        let (topology, parsed) = TopologyParser.parse(yaml, file: "bad.yaml")
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: parsed)
        if let topology, !parsed.contains(where: { $0.severity == .error }) { collector.emit(contentsOf: topology.validate()) }
        return collector.sorted.filter { $0.rule != "id-format" }.map { $0.description.split(separator: "\n").joined(separator: " | ") }
    }

    /// A VPC in eu-west-1 with two subnets; `vpc` is added under the VPC, `region` under the region.
    func net(vpc: String = "", region: String = "", top: String = "") -> String {
        """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: {support: true, hostnames: true}
                subnets:
                  - {id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24}
                  - {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24}
        \(vpc)
        \(region)
        \(top)
        """
    }

    @Test(arguments: [
        ("attachment-kind", "", "    transit_gateways:\n      - {id: tgw-1, attachments: [{id: tgw-attach-1, vpc: vpc-1, vpn: vpn-1}]}", "",
         "bad.yaml:12:35: error: attachment 'tgw-attach-1' must name exactly one of 'vpc', 'vpn', 'peer', 'direct_connect_gateway' [attachment-kind]"),
        ("endpoint-key", "        endpoints:\n          - {id: vpce-1, service: ssm, subnet: subnet-a1}", "", "",
         "bad.yaml:11:40: error: 'subnet' applies to gateway load balancer endpoints only; give an interface endpoint's IPs in 'interfaces' [endpoint-key]"),
        ("gateway-endpoint-key", "        endpoints:\n          - {id: vpce-1, service: s3, type: gateway, private_dns: true}", "", "",
         "bad.yaml:11:54: error: 'private_dns' applies to interface endpoints only; 'vpce-1' is a gateway endpoint [gateway-endpoint-key]"),
        ("gateway-load-balancer-endpoint-key", "        endpoints:\n          - {id: vpce-1, service: com.amazonaws.vpce.eu-west-1.vpce-svc-1, type: gateway_load_balancer, route_tables: []}", "", "",
         "bad.yaml:11:105: error: 'route_tables' does not apply to gateway load balancer endpoints; 'vpce-1' is one [gateway-load-balancer-endpoint-key]"),
        ("interface-endpoint-key", "        endpoints:\n          - {id: vpce-1, service: ssm, type: interface, prefix_list: pl-1}", "", "",
         "bad.yaml:11:57: error: 'prefix_list' applies to gateway endpoints only; 'vpce-1' is an interface endpoint [interface-endpoint-key]"),
        ("invalid-route-target", "        route_tables:\n          - {id: rtb-1, routes: {0.0.0.0/0: gw-1}}", "", "",
         "bad.yaml:11:45: error: route target 'gw-1' is not 'local' or an id of an internet, NAT, transit or virtual private gateway, gateway endpoint, peering connection or network interface [invalid-route-target]"),
        ("invalid-value", "        resolver_endpoints:\n          - {id: rslvr-in-1, direction: sideways, ips: {subnet-a1: 10.0.1.5, subnet-b1: 10.0.2.5}}", "", "",
         "bad.yaml:11:41: error: 'direction' of resolver endpoint must be one of 'inbound', 'outbound', found 'sideways' [invalid-value]"),
        ("record-value", "", "    private_hosted_zones:\n      - {name: example.com, vpcs: [vpc-1], records: [{name: a.example.com, values: [10.0.0.1], alias: vpce-1}]}", "",
         "bad.yaml:12:54: error: record 'a.example.com' must have exactly one of 'alias', 'values' [record-value]"),
        ("vpn-gateway", "", "    vpn_connections:\n      - {id: vpn-1, on_premises: dc}", "",
         "bad.yaml:12:9: error: vpn connection 'vpn-1' must name exactly one of 'vpn_gateway', 'transit_gateway' [vpn-gateway]"),
        ("duplicate-route", "        internet_gateway: igw-1\n        route_tables:\n          - id: rtb-1\n            routes: [{destination: 0.0.0.0/0, target: igw-1}, {destination: 0.0.0.0/0, target: igw-1}]", "", "",
         "bad.yaml:13:77: error: route table 'rtb-1' has two routes to '0.0.0.0/0' [duplicate-route] | bad.yaml:13:36: note: the first route to '0.0.0.0/0' is here"),
        ("forward-to-inbound", "        resolver_endpoints:\n          - {id: rslvr-out-1, direction: outbound, ips: {subnet-a1: 10.0.1.5, subnet-b1: 10.0.2.5}}", "",
         "on_premises:\n  - {id: dc, cidrs: [172.16.0.0/12], forward: {example.com: rslvr-out-1}}",
         "bad.yaml:14:61: error: forwarding rule for 'example.com' targets resolver endpoint 'rslvr-out-1', which is outbound; on-premises servers forward to inbound endpoints [forward-to-inbound]"),
        ("ip-outside-subnet", "        nat_gateways:\n          - {id: nat-1, subnet: subnet-a1, private_ip: 10.0.2.9}", "", "",
         "bad.yaml:11:56: error: private ip '10.0.2.9' of nat gateway 'nat-1' is outside subnet 'subnet-a1' (10.0.1.0/24) [ip-outside-subnet]"),
        ("one-main-route-table", "        route_tables:\n          - {id: rtb-1, main: true}\n          - {id: rtb-2, main: true}", "", "",
         "bad.yaml:12:31: error: vpc 'vpc-1' has 2 main route tables ('rtb-1', 'rtb-2'); a vpc has one [one-main-route-table]"),
        ("peering-vpcs", "", "    peerings:\n      - {id: pcx-1, vpcs: [vpc-1, vpc-1]}", "",
         "bad.yaml:12:27: error: peering connection 'pcx-1' connects vpc 'vpc-1' to itself [peering-vpcs]"),
        ("record-outside-zone", "", "    private_hosted_zones:\n      - {name: example.com, vpcs: [vpc-1], records: [{name: a.example.org, values: [10.0.0.1]}]}", "",
         "bad.yaml:12:61: error: record 'a.example.org' is not inside zone 'example.com' [record-outside-zone]"),
    ])
    func structuralRule(_ rule: String, _ vpc: String, _ region: String, _ top: String, _ expected: String) {
        #expect(check(net(vpc: vpc, region: region, top: top)) == [expected], "\(rule)")
    }

    @Test func invalidRegion() {
        #expect(check("regions:\n  europe:\n    vpcs: []\n") == ["bad.yaml:2:3: error: 'europe' is not a region code such as 'eu-west-1' [invalid-region]"])
    }

    @Test func availabilityZoneOutsideTheRegion() {
        let yaml = "regions:\n  eu-west-1:\n    vpcs:\n      - {id: vpc-1, cidr: 10.0.0.0/16, subnets: [{id: subnet-1, az: us-east-1a, cidr: 10.0.1.0/24}]}\n"
        #expect(check(yaml) == ["bad.yaml:4:69: error: subnet 'subnet-1' is in availability zone 'us-east-1a', which is not in region 'eu-west-1' [az-outside-region]"])
    }

    @Test func unknownPrefixList() {
        let yaml = "regions:\n  ap-south-2:\n    vpcs:\n      - {id: vpc-1, cidr: 10.0.0.0/16, route_tables: [{id: rtb-1, main: true}], endpoints: [{id: vpce-1, service: s3, type: gateway, route_tables: [rtb-1]}]}\n"
        #expect(check(yaml) == ["bad.yaml:4:115: warning: the prefix list id of 'com.amazonaws.ap-south-2.s3' is not known to vpcgraph; set 'prefix_list' on gateway endpoint 'vpce-1' [unknown-prefix-list]"])
    }
}
