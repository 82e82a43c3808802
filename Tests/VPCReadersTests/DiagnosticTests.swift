import Foundation
import Testing
import VPCModel
@testable import VPCReaders

/// Every structural rule, checked by the full printed diagnostic.
@Suite struct DiagnosticTests {
    /// Parses and validates `yaml` as `bad.yaml`; returns the printed diagnostics, sorted.
    func check(_ yaml: String) -> [String] {
        let (topology, parseDiagnostics) = TopologyParser.parse(yaml, file: "bad.yaml")
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: parseDiagnostics)
        if let topology { collector.emit(contentsOf: topology.validate()) }
        return collector.sorted.map { $0.description.replacingOccurrences(of: "\n", with: " | ") }
    }

    /// A VPC in eu-west-1 with two subnets; `extra` is appended under the VPC (8 spaces indent).
    func vpc(_ extra: String, dns: String = "{support: true, hostnames: true}") -> String {
        """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: \(dns)
                subnets:
                  - {id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24}
                  - {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24}
        \(extra)
        """
    }

    @Test func malformedYAML() {
        #expect(check("regions:\n  eu-west-1:\n    vpcs: [\n") == [
            "bad.yaml:4:1: error: did not find expected node content (while parsing a flow node at line 4) [yaml-syntax]",
        ])
        #expect(check("regions:\n  eu-west-1: {}\n  eu-west-1: {}\n") == [
            "bad.yaml:3:3: error: duplicate key 'eu-west-1' in one mapping [duplicate-key] | bad.yaml:2:3: note: 'eu-west-1' is first given here",
        ])
    }

    @Test func emptyFile() {
        #expect(check("") == ["bad.yaml:1:1: error: the file is empty; expected a topology with 'regions' [empty-input]"])
    }

    @Test func unknownKeyWithSuggestion() {
        #expect(check(vpc("        subnet: []\n        route_tabels: []\n        colour: red")) == [
            "bad.yaml:10:9: error: unknown key 'subnet' in vpc; did you mean 'subnets'? [unknown-key]",
            "bad.yaml:11:9: error: unknown key 'route_tabels' in vpc; did you mean 'route_tables'? [unknown-key]",
            "bad.yaml:12:9: error: unknown key 'colour' in vpc [unknown-key]",
        ])
    }

    @Test func wrongTypes() {
        #expect(check(vpc("        name: [a, b]\n        route_tables: {id: rtb-1}")) == [
            "bad.yaml:10:15: error: expected a string for 'name' in vpc, found a list [type-mismatch]",
            "bad.yaml:11:23: error: expected a list for 'route_tables' in vpc, found a mapping [type-mismatch]",
        ])
        #expect(check("regions: [eu-west-1]") == [
            "bad.yaml:1:10: error: expected a mapping from region code to region for 'regions', found a list [type-mismatch]",
        ])
        #expect(check(vpc("", dns: "{support: maybe}")) == [
            "bad.yaml:6:24: error: expected true or false for 'support' in dns of vpc 'vpc-1', found 'maybe' [type-mismatch]",
        ])
    }

    @Test func missingKeys() {
        #expect(check("regions:\n  eu-west-1:\n    vpcs:\n      - {name: x, cidr: 10.0.0.0/16}\n") == [
            "bad.yaml:4:9: error: vpc is missing required key 'id' [missing-key]",
        ])
        #expect(check(vpc("").replacingOccurrences(of: ", cidr: 10.0.2.0/24", with: "")) == [
            "bad.yaml:9:13: error: subnet is missing required key 'cidr' [missing-key]",
        ])
    }

    @Test func duplicateIDs() {
        #expect(check(vpc("""
                  - {id: subnet-a1, az: eu-west-1c, cidr: 10.0.3.0/24}
                route_tables:
                  - {id: subnet-b1}
        """)) == [
            "bad.yaml:10:18: error: duplicate subnet id 'subnet-a1' [duplicate-id] | bad.yaml:8:18: note: 'subnet-a1' is first defined here",
            "bad.yaml:12:18: error: duplicate id 'subnet-b1': route table 'subnet-b1' has the id of subnet 'subnet-b1' [duplicate-id] | bad.yaml:9:18: note: 'subnet-b1' is first defined here",
            "bad.yaml:12:18: warning: 'subnet-b1' does not look like a route table id (rtb-…); links to the AWS console will not work [id-format]",
        ])
    }

    @Test func unknownReferences() {
        #expect(check(vpc("""
                route_tables:
                  - {id: rtb-1, main: true, routes: {0.0.0.0/0: nat-404, 10.9.0.0/16: pcx-404}}
                endpoints:
                  - {id: vpce-1, service: s3, route_tables: [rtb-404]}
            peerings:
              - {id: pcx-1, vpcs: [vpc-1, vpc-404]}
        """)) == [
            "bad.yaml:11:57: error: route in 'rtb-1' refers to nat gateway 'nat-404', which is not in vpc 'vpc-1' [unknown-reference]",
            "bad.yaml:11:79: error: route in 'rtb-1' refers to peering connection 'pcx-404', which does not exist [unknown-reference]",
            "bad.yaml:13:53: error: gateway endpoint 'vpce-1' refers to route table 'rtb-404', which is not in vpc 'vpc-1' [unknown-reference]",
            "bad.yaml:15:27: error: peering connection 'pcx-1' (accepter) refers to vpc 'vpc-404', which does not exist [unknown-reference]",
        ])
    }

    @Test func subnetOutsideVPCAndOverlap() {
        #expect(check(vpc("""
                  - {id: subnet-c1, az: eu-west-1c, cidr: 10.1.0.0/24}
                  - {id: subnet-c2, az: eu-west-1c, cidr: 10.0.1.128/25}
        """)) == [
            "bad.yaml:10:51: error: subnet 'subnet-c1' cidr '10.1.0.0/24' is outside vpc 'vpc-1' (10.0.0.0/16) [subnet-outside-vpc]",
            "bad.yaml:11:51: error: subnet 'subnet-c2' (10.0.1.128/25) overlaps subnet 'subnet-a1' (10.0.1.0/24) [subnet-overlap] | bad.yaml:8:51: note: subnet 'subnet-a1' is defined here",
        ])
    }

    @Test func gatewayEndpointRules() {
        #expect(check(vpc("""
                security_groups: [{id: sg-1}]
                route_tables: [{id: rtb-1, main: true}]
                endpoints:
                  - {id: vpce-1, service: sqs, type: gateway, route_tables: [rtb-1]}
                  - {id: vpce-2, service: s3, type: gateway, route_tables: [rtb-1], security_groups: [sg-1]}
                  - {id: vpce-3, service: com.amazonaws.us-east-1.s3, type: gateway}
        """)) == [
            "bad.yaml:13:35: error: gateway endpoint 'vpce-1' is for 'com.amazonaws.eu-west-1.sqs'; gateway endpoints exist only for s3 and dynamodb (use an interface endpoint) [gateway-endpoint-service]",
            "bad.yaml:14:94: error: gateway endpoint 'vpce-2' has security groups; only interface endpoints have security groups [gateway-endpoint-security-groups]",
            "bad.yaml:15:35: error: gateway endpoint 'vpce-3' is for 'com.amazonaws.us-east-1.s3' in another region; a gateway endpoint serves only its own region 'eu-west-1' [gateway-endpoint-region]",
        ])
    }

    @Test func interfaceEndpointRules() {
        #expect(check(vpc("""
                  - {id: subnet-a2, az: eu-west-1a, cidr: 10.0.3.0/24}
                endpoints:
                  - id: vpce-1
                    service: execute-api
                    interfaces: {subnet-a1: 10.0.1.10, subnet-a2: 10.0.3.10, subnet-b1: 10.0.9.10}
        """, dns: "{support: true, hostnames: false}")) == [
            "bad.yaml:12:13: error: interface endpoint 'vpce-1' has private dns enabled (private_dns is on unless set to false), but vpc 'vpc-1' does not have dns hostnames enabled [private-dns-needs-vpc-dns]",
            "bad.yaml:14:48: error: interface endpoint 'vpce-1' has two subnets in eu-west-1a ('subnet-a1', 'subnet-a2') [endpoint-one-subnet-per-az]",
            "bad.yaml:14:81: error: ip '10.0.9.10' of interface endpoint 'vpce-1' is outside subnet 'subnet-b1' (10.0.2.0/24) [eni-ip-outside-subnet]",
        ])
    }

    @Test func privateDNSNeedsBothVPCSettings() {
        #expect(check(vpc("""
                endpoints:
                  - {id: vpce-1, service: ssm, private_dns: true, interfaces: {subnet-a1: 10.0.1.10}}
        """, dns: "{support: false}")) == [
            "bad.yaml:11:53: error: interface endpoint 'vpce-1' has private dns enabled, but vpc 'vpc-1' does not have dns support and dns hostnames enabled [private-dns-needs-vpc-dns]",
        ])
    }

    @Test func invalidAddresses() {
        #expect(check(vpc("""
                  - {id: subnet-c1, az: eu-west-1c, cidr: 10.0.3.5/24}
                  - {id: subnet-c2, az: eu-west-1c, cidr: 10.0.4.0/40}
                endpoints:
                  - {id: vpce-1, service: ssm, private_dns: false, interfaces: {subnet-a1: 10.0.1.300}}
        """)) == [
            "bad.yaml:10:51: error: '10.0.3.5/24' has host bits set; did you mean '10.0.3.0/24'? [invalid-cidr]",
            "bad.yaml:11:51: error: '10.0.4.0/40' is not a valid CIDR block [invalid-cidr]",
            "bad.yaml:13:84: error: '10.0.1.300' is not a valid IP address [invalid-ip]",
        ])
    }

    @Test func allErrorsAreCollectedNotOnlyTheFirst() {
        let messages = check(vpc("        subnet: []\n        cidrr: x\n        name: [1]"))
        #expect(messages.count == 3)
    }

    @Test func validSamplesHaveNoDiagnostics() throws {
        for sample in ["app-vpc", "shared-services", "multi-region"] {
            let path = "\(#filePath)".split(separator: "/").dropLast(3).joined(separator: "/")
            let text = try String(contentsOfFile: "/\(path)/samples/\(sample).yaml", encoding: .utf8)
            #expect(check(text) == [], "\(sample)")
        }
    }
}
