import Testing
import VPCModel
@testable import VPCReaders

/// The id rules on parsed topologies: every id the format takes is checked, at the id's location.
extension DiagnosticTests {
    @Test func hostileIdsAreErrorsWithTheCharactersShown() {
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - {id: 'vpc-1" onmouseover="alert(1)', cidr: 10.0.0.0/16}
                  - {id: vpc-1/../../escaped, cidr: 10.1.0.0/16}
                  - {id: "vpc-2\\u001b[31m", cidr: 10.2.0.0/16}
                  - {id: web, cidr: 10.3.0.0/16}
            """
        #expect(check(yaml) == [
            #"bad.yaml:4:14: error: VPC id 'vpc-1" onmouseover="alert(1)' has characters no AWS id has: '"', ' ', '=', '(', ')' (AWS ids are letters, digits and '-') [id-characters]"#,
            "bad.yaml:5:14: error: VPC id 'vpc-1/../../escaped' has characters no AWS id has: '/', '.' (AWS ids are letters, digits and '-') [id-characters]",
            #"bad.yaml:6:14: error: VPC id 'vpc-2\u{1B}[31m' has characters no AWS id has: '\u{1B}', '[' (AWS ids are letters, digits and '-') [id-characters]"#,
            "bad.yaml:7:14: warning: 'web' does not look like a VPC id (vpc-…); links to the AWS console will not work [id-format]",
        ])
    }

    /// One id of every kind that does not look like its kind: one warning each, at that id.
    @Test func everyIdTheFormatTakesIsChecked() {
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - id: web
                    cidr: 10.0.0.0/16
                    internet_gateway: gw
                    vpn_gateway: {id: vgw-x}
                    subnets:
                      - {id: sub-a, az: eu-west-1a, cidr: 10.0.1.0/24, route_table: main}
                    nat_gateways: [{id: nat-gw, subnet: sub-a}]
                    route_tables:
                      - {id: main, main: true, routes: {pl-x: eni-x, '::/0': eigw-x}}
                      - id: rtb-0b
                        routes: [{destination: 10.9.0.0/16, target: nat-gone, state: blackhole}]
                    security_groups:
                      - {id: web-sg, ingress: [{protocol: tcp, ports: 443, from: pl-y}]}
                    endpoints:
                      - {id: api, service: execute-api, private_dns: false, interfaces: [{subnet: sub-a, ip: 10.0.1.10, eni: eni-y}]}
                      - {id: s3, service: s3, route_tables: [main], prefix_list: pl-z}
                    resolver_endpoints:
                      - {id: rslvr-out-0a, direction: inbound}
                      - {id: out, direction: outbound}
                  - {id: vpc-0b, cidr: 10.1.0.0/16}
                peerings: [{id: peer, vpcs: [web, vpc-0b]}]
                transit_gateways:
                  - {id: hub, attachments: [{id: att, vpc: vpc-0b}]}
                vpn_connections:
                  - {id: tunnel, transit_gateway: hub, customer_gateway: cgw-x, on_premises: dc}
                private_hosted_zones:
                  - {id: zone, name: example.internal, vpcs: [web]}
                resolver_rules:
                  - {id: rule, domain: corp.example.com, resolver_endpoint: out, vpcs: [web]}
            on_premises:
              - {id: dc}
              - {id: data centre}
            """
        let console = "links to the AWS console will not work [id-format]"
        #expect(check(yaml) == [
            "bad.yaml:4:13: warning: 'web' does not look like a VPC id (vpc-…); \(console)",
            "bad.yaml:6:27: warning: 'gw' does not look like an internet gateway id (igw-…); \(console)",
            "bad.yaml:7:27: warning: 'vgw-x' does not look like a virtual private gateway id (vgw- and lower-case hex digits); \(console)",
            "bad.yaml:9:18: warning: 'sub-a' does not look like a subnet id (subnet-…); \(console)",
            "bad.yaml:10:29: warning: 'nat-gw' does not look like a NAT gateway id (nat- and lower-case hex digits); \(console)",
            "bad.yaml:12:18: warning: 'main' does not look like a route table id (rtb-…); \(console)",
            "bad.yaml:12:45: warning: 'pl-x' does not look like a prefix list id (pl- and lower-case hex digits); \(console)",
            "bad.yaml:12:51: warning: 'eni-x' does not look like a network interface id (eni- and lower-case hex digits); \(console)",
            "bad.yaml:12:66: warning: 'eigw-x' does not look like an egress-only internet gateway id (eigw- and lower-case hex digits); \(console)",
            "bad.yaml:14:57: warning: 'nat-gone' does not look like a NAT gateway id (nat- and lower-case hex digits); \(console)",
            "bad.yaml:16:18: warning: 'web-sg' does not look like a security group id (sg-…); \(console)",
            "bad.yaml:16:70: warning: 'pl-y' does not look like a prefix list id (pl- and lower-case hex digits); \(console)",
            "bad.yaml:18:18: warning: 'api' does not look like a VPC endpoint id (vpce-…); \(console)",
            "bad.yaml:18:114: warning: 'eni-y' does not look like a network interface id (eni- and lower-case hex digits); \(console)",
            "bad.yaml:19:18: warning: 's3' does not look like a VPC endpoint id (vpce-…); \(console)",
            "bad.yaml:19:70: warning: 'pl-z' does not look like a prefix list id (pl- and lower-case hex digits); \(console)",
            "bad.yaml:21:18: warning: 'rslvr-out-0a' does not look like an inbound Resolver endpoint id (rslvr-in-…); \(console)",
            "bad.yaml:22:18: warning: 'out' does not look like an outbound Resolver endpoint id (rslvr-out-…); \(console)",
            "bad.yaml:24:21: warning: 'peer' does not look like a peering connection id (pcx-…); \(console)",
            "bad.yaml:26:14: warning: 'hub' does not look like a transit gateway id (tgw-…); \(console)",
            "bad.yaml:26:38: warning: 'att' does not look like a transit gateway attachment id (tgw-attach-…); \(console)",
            "bad.yaml:28:14: warning: 'tunnel' does not look like a VPN connection id (vpn-…); \(console)",
            "bad.yaml:28:62: warning: 'cgw-x' does not look like a customer gateway id (cgw- and lower-case hex digits); \(console)",
            "bad.yaml:30:14: warning: 'zone' does not look like a hosted zone id (Z…); \(console)",
            "bad.yaml:32:14: warning: 'rule' does not look like a Resolver rule id (rslvr-rr-…); \(console)",
            "bad.yaml:35:10: error: on-premises network id 'data centre' has characters vpcgraph does not allow in it: ' ' (use letters, digits, '.', '_' and '-') [id-characters]",
        ])
    }
}
