import Testing
import VPCModel
@testable import VPCReaders

/// The error-wording gaps of issue 11 and the unknown service / region diagnostics, by their full printed strings.
@Suite struct WordingTests {
    func check(_ yaml: String) -> [String] {
        let (topology, parseDiagnostics) = TopologyParser.parse(yaml, file: "bad.yaml")
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: parseDiagnostics)
        if let topology { collector.emit(contentsOf: topology.validate()) }
        return collector.sorted.map { $0.description.replacingOccurrences(of: "\n", with: " | ") }
    }

    func vpc(cidr: String = "cidr: 10.0.0.0/16", subnetCIDR: String = "cidr", endpoint: String = "", region: String = "eu-west-1", extra: String = "") -> String {
        """
        regions:
          \(region):
            vpcs:
              - id: vpc-0a1b2c3d4e5f60718
                \(cidr)
                subnets:
                  - {id: subnet-0a1a2b3c4d5e6f701, az: \(region)a, \(subnetCIDR): 10.0.1.0/24}
                  - {id: subnet-0b1a2b3c4d5e6f702, az: \(region)b, \(subnetCIDR): 10.0.2.0/24}
                  - {id: subnet-0c1a2b3c4d5e6f703, az: \(region)c, \(subnetCIDR): 10.0.3.0/24}
                endpoints: [\(endpoint)]
        \(extra)
        """
    }

    @Test func aMissingCIDRIsOneErrorWithoutFollowOns() {
        #expect(check(vpc(cidr: "name: app")) == [
            "bad.yaml:4:9: error: vpc is missing required key 'cidr' [missing-key]",
        ])
    }

    @Test func cidrBlockGetsADidYouMeanAndNoMissingKeyError() {
        #expect(check(vpc(cidr: "cidr_block: 10.0.0.0/16", subnetCIDR: "CidrBlock")) == [
            "bad.yaml:5:9: error: unknown key 'cidr_block' in vpc; did you mean 'cidr'? [unknown-key]",
            "bad.yaml:7:60: error: unknown key 'CidrBlock' in subnet; did you mean 'cidr'? [unknown-key]",
            "bad.yaml:8:60: error: unknown key 'CidrBlock' in subnet; did you mean 'cidr'? [unknown-key]",
            "bad.yaml:9:60: error: unknown key 'CidrBlock' in subnet; did you mean 'cidr'? [unknown-key]",
        ])
    }

    @Test func aDuplicateKeyDoesNotHideTheOtherErrors() {
        let yaml = vpc(cidr: "name: a\n        name: b\n        cidr: 10.0.0.0/16\n        colour: red")
        #expect(check(yaml) == [
            "bad.yaml:6:9: error: duplicate key 'name' in one mapping [duplicate-key] | bad.yaml:5:9: note: 'name' is first given here",
            "bad.yaml:8:9: error: unknown key 'colour' in vpc [unknown-key]",
        ])
        // Three times, and in two mappings, in flow style too.
        #expect(check("regions:\n  eu-west-1: {vpcs: [], vpcs: [], vpcs: []}\n  eu-west-1: {}\n") == [
            "bad.yaml:2:35: error: duplicate key 'vpcs' in one mapping [duplicate-key] | bad.yaml:2:15: note: 'vpcs' is first given here",
            "bad.yaml:2:35: error: duplicate key 'vpcs' in one mapping [duplicate-key] | bad.yaml:2:25: note: 'vpcs' is first given here",
            "bad.yaml:3:3: error: duplicate key 'eu-west-1' in one mapping [duplicate-key] | bad.yaml:2:3: note: 'eu-west-1' is first given here",
        ])
    }

    @Test func anInterfaceEndpointAsRouteTargetIsReportedAsSuch() {
        let endpoint = "{id: vpce-0a1b2c3d4e5f60104, service: ssm, type: interface, private_dns: false, interfaces: {subnet-0a1a2b3c4d5e6f701: 10.0.1.10}}"
        let tables = "        route_tables:\n          - {id: rtb-0a1a2b3c4d5e6f701, main: true, routes: {0.0.0.0/0: vpce-0a1b2c3d4e5f60104}}"
        #expect(check(vpc(endpoint: endpoint, extra: tables)) == [
            "bad.yaml:12:73: error: route in 'rtb-0a1a2b3c4d5e6f701' targets interface endpoint 'vpce-0a1b2c3d4e5f60104' (com.amazonaws.eu-west-1.ssm); routes can target gateway and Gateway Load Balancer endpoints only: clients reach an interface endpoint at its network interfaces' IPs, through DNS [interface-endpoint-route-target]",
        ])
    }

    @Test func unknownServicesAreWarningsWithADidYouMean() {
        #expect(check(vpc(endpoint: "{id: vpce-0a1b2c3d4e5f60104, service: executeapi, private_dns: false}")) == [
            "bad.yaml:10:59: warning: unknown service 'executeapi' in 'com.amazonaws.eu-west-1.executeapi'; did you mean 'execute-api'? [unknown-service]",
        ])
        #expect(check(vpc(endpoint: "{id: vpce-0a1b2c3d4e5f60104, service: com.amazonaws.eu-west-1.zzzzzzzzzzzz, private_dns: false}")) == [
            "bad.yaml:10:59: warning: unknown service 'zzzzzzzzzzzz' in 'com.amazonaws.eu-west-1.zzzzzzzzzzzz' [unknown-service]",
        ])
        // Other accounts' endpoint services are not AWS's to know.
        #expect(check(vpc(endpoint: "{id: vpce-0a1b2c3d4e5f60104, service: com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0, private_dns: false}")) == [])
    }

    @Test func unknownRegionsAreErrorsWithADidYouMean() {
        #expect(check(vpc(region: "eu-west-9")) == [
            "bad.yaml:2:3: error: unknown region 'eu-west-9'; did you mean 'eu-west-1'? [unknown-region]",
        ])
        #expect(check(vpc(extra: "        reaches: [com.amazonaws.us-east-7.s3]")) == [
            "bad.yaml:11:19: error: unknown region 'us-east-7'; did you mean 'us-east-1'? [unknown-region]",
        ])
    }
}
