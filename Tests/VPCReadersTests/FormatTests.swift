import Foundation
import Testing
import VPCModel
@testable import VPCReaders

@Suite struct FormatTests {
    let yaml = """
    title: Small
    regions:
      eu-west-1:
        vpcs:
          - id: vpc-1
            cidr: [10.0.0.0/16, 10.1.0.0/16]
            dns: {support: true, hostnames: true}
            subnets:
              - {id: subnet-a, az: eu-west-1a, cidr: 10.0.1.0/24, route_table: rtb-1}
            route_tables:
              - id: rtb-1
                routes:
                  - {destination: 0.0.0.0/0, target: nat-1, state: blackhole}
            nat_gateways: [{id: nat-1, subnet: subnet-a}]
            endpoints:
              - {id: vpce-1, service: ssm, interfaces: [{subnet: subnet-a, ip: 10.0.1.10, eni: eni-1}]}
              - {id: vpce-2, service: s3, route_tables: [rtb-1], policy: {Statement: [{Effect: Allow, Action: "s3:GetObject"}]}}
    """

    let json = """
    {"title": "Small", "regions": {"eu-west-1": {"vpcs": [{
      "id": "vpc-1", "cidr": ["10.0.0.0/16", "10.1.0.0/16"], "dns": {"support": true, "hostnames": true},
      "subnets": [{"id": "subnet-a", "az": "eu-west-1a", "cidr": "10.0.1.0/24", "route_table": "rtb-1"}],
      "route_tables": [{"id": "rtb-1", "routes": [{"destination": "0.0.0.0/0", "target": "nat-1", "state": "blackhole"}]}],
      "nat_gateways": [{"id": "nat-1", "subnet": "subnet-a"}],
      "endpoints": [
        {"id": "vpce-1", "service": "ssm", "interfaces": [{"subnet": "subnet-a", "ip": "10.0.1.10", "eni": "eni-1"}]},
        {"id": "vpce-2", "service": "s3", "route_tables": ["rtb-1"], "policy": {"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}}
      ]}]}}}
    """

    @Test func jsonAndYAMLGiveTheSameModel() throws {
        let fromYAML = TopologyParser.parse(yaml, file: "t.yaml")
        let fromJSON = TopologyParser.parse(json, file: "t.json")
        #expect(fromYAML.diagnostics.isEmpty && fromJSON.diagnostics.isEmpty)
        let topology = try #require(fromYAML.topology)
        #expect(fromJSON.topology == topology)
        #expect(topology.validate().isEmpty)
    }

    @Test func readsEveryFieldOfTheLongForms() throws {
        let t = try #require(TopologyParser.parse(yaml, file: "t.yaml").topology)
        let vpc = t.regions[0].vpcs[0]
        #expect(vpc.cidrs.map(\.description) == ["10.0.0.0/16", "10.1.0.0/16"])
        #expect(vpc.routeTables[0].routes[0].state == .blackhole)
        #expect(vpc.interfaceEndpoints.map(\.id) == ["vpce-1"])
        #expect(vpc.interfaceEndpoints[0].interfaces[0].networkInterfaceID == "eni-1")
        #expect(vpc.interfaceEndpoints[0].privateDNS)
        #expect(vpc.gatewayEndpoints.map(\.id) == ["vpce-2"])
        #expect(vpc.gatewayEndpoints[0].policy == #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}"#)
        #expect(vpc.tier(of: vpc.subnets[0]) == .isolated, "a blackhole default route does not make a subnet private")
    }

    @Test func jsonDiagnosticsHaveLinesAndColumns() {
        let broken = json.replacingOccurrences(of: "\"10.0.1.10\"", with: "\"10.0.1.999\"")
        #expect(TopologyParser.parse(broken, file: "t.json").diagnostics.map(\.description) == [
            "t.json:7:84: error: '10.0.1.999' is not a valid IP address [invalid-ip]",
        ])
    }
}
