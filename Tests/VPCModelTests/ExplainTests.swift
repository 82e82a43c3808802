import Foundation
import Testing
@testable import VPCModel
import VPCReaders

/// `explain` on the samples (each the full text, so any change of wording or path shows), and the
/// ways traffic does not get there.
@Suite struct ExplainTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> Topology {
        let text = try! String(contentsOf: repository.appendingPathComponent("samples/\(name).yaml"), encoding: .utf8)
        return TopologyParser.parse(text, file: "samples/\(name).yaml").topology!
    }

    static func explain(_ sample: String, _ source: ExplainSource, _ to: String) -> Explanation {
        try! Self.sample(sample).explain(from: source, to: to).get()
    }

    @Test func privateSubnetToS3InItsRegionUsesTheGatewayEndpointsPrefixListRoute() {
        let e = Self.explain("app-vpc", .subnet("subnet-0c1a2b3c4d5e6f703"), "s3.eu-west-1.amazonaws.com")
        #expect(e.text == """
            explain: from subnet 'subnet-0c1a2b3c4d5e6f703' (private-a) in vpc 'vpc-0a1b2c3d4e5f60718' (app), eu-west-1a to s3.eu-west-1.amazonaws.com:443 (tcp)
              1. dns: the Amazon-provided resolver of vpc 'vpc-0a1b2c3d4e5f60718' (10.0.0.2) takes the query
              2. dns: no private hosted zone, endpoint private DNS or Resolver rule covers the name: public DNS answers
              3. dns: answer: the public addresses of 'com.amazonaws.eu-west-1.s3'
              4. route: route table 'rtb-0b1a2b3c4d5e6f702' (private-a) of subnet 'subnet-0c1a2b3c4d5e6f703': pl-6da54004 → vpce-0a1b2c3d4e5f60101, the prefix list of 'com.amazonaws.eu-west-1.s3' (pl-6da54004), which AWS prefers to a default route  [samples/app-vpc.yaml:42:13]
              5. network-acl: network ACL of subnet 'subnet-0c1a2b3c4d5e6f703': not in the snapshot (not evaluated)
              6. hop: gateway endpoint 'vpce-0a1b2c3d4e5f60101' (s3) takes the traffic to 'com.amazonaws.eu-west-1.s3'  [samples/app-vpc.yaml:42:13]
            result: reaches 'com.amazonaws.eu-west-1.s3' through gateway endpoint 'vpce-0a1b2c3d4e5f60101', on the AWS network

            """)
        #expect(e.outcome.end == .gatewayEndpoint)
        #expect(e.outcome.reached)
        #expect(e.text.contains("gateway endpoint 'vpce-0a1b2c3d4e5f60101'"))
        #expect(e.text.contains("pl-6da54004 → vpce-0a1b2c3d4e5f60101"))
    }

    @Test func ssmResolvesToTheInterfaceEndpointsIPs() {
        let e = Self.explain("app-vpc", .subnet("subnet-0c1a2b3c4d5e6f703"), "ssm.eu-west-1.amazonaws.com")
        #expect(e.text == """
            explain: from subnet 'subnet-0c1a2b3c4d5e6f703' (private-a) in vpc 'vpc-0a1b2c3d4e5f60718' (app), eu-west-1a to ssm.eu-west-1.amazonaws.com:443 (tcp)
              1. dns: the Amazon-provided resolver of vpc 'vpc-0a1b2c3d4e5f60718' (10.0.0.2) takes the query
              2. dns: the private DNS of interface endpoint 'vpce-0a1b2c3d4e5f60104' (ssm.eu-west-1.amazonaws.com) answers  [samples/app-vpc.yaml:64:26]
              3. dns: answer: 10.0.10.11, 10.0.11.11, the network interfaces of interface endpoint 'vpce-0a1b2c3d4e5f60104'; following 10.0.10.11 (in the client's zone eu-west-1a)
              4. route: route table 'rtb-0b1a2b3c4d5e6f702' (private-a) of subnet 'subnet-0c1a2b3c4d5e6f703': 10.0.0.0/16 → local, the longest prefix that matches  [samples/app-vpc.yaml:29:13]
              5. network-acl: 10.0.10.11 is in subnet 'subnet-0c1a2b3c4d5e6f703' itself: traffic does not cross a network ACL
              6. hop: 10.0.10.11 is the network interface of interface endpoint 'vpce-0a1b2c3d4e5f60104' (ssm) in subnet 'subnet-0c1a2b3c4d5e6f703' (eu-west-1a)  [samples/app-vpc.yaml:67:26]
              7. security-group: security group 'sg-0e1f2a3b4c5d6e7f8' (vpc-endpoints) of interface endpoint 'vpce-0a1b2c3d4e5f60104' admits tcp 443 from 10.0.0.0/16  [samples/app-vpc.yaml:40:17]
            result: reaches interface endpoint 'vpce-0a1b2c3d4e5f60104' of 'com.amazonaws.eu-west-1.ssm' at 10.0.10.11, on the AWS network

            """)
        #expect(e.outcome.end == .interfaceEndpoint)
        #expect(e.outcome.reached)
        #expect(e.text.contains("answer: 10.0.10.11, 10.0.11.11"))
    }

    @Test func s3InAnotherRegionGoesOutThroughTheNATGatewayAndLeavesAWS() {
        let e = Self.explain("multi-region", .subnet("subnet-0a9b8c7d6e5f4a002"), "my-bucket.s3.eu-west-1.amazonaws.com")
        #expect(e.text == """
            explain: from subnet 'subnet-0a9b8c7d6e5f4a002' (private-a) in vpc 'vpc-0a9b8c7d6e5f40321' (analytics), eu-central-1a to my-bucket.s3.eu-west-1.amazonaws.com:443 (tcp)
              1. dns: the Amazon-provided resolver of vpc 'vpc-0a9b8c7d6e5f40321' (10.50.0.2) takes the query
              2. dns: no private hosted zone, endpoint private DNS or Resolver rule covers the name: public DNS answers
              3. dns: answer: the public addresses of 'com.amazonaws.eu-west-1.s3'
              4. route: the main route table 'rtb-0a9b8c7d6e5f4a000' (private) of subnet 'subnet-0a9b8c7d6e5f4a002': 0.0.0.0/0 → nat-0a9b8c7d6e5f4b001, the default route  [samples/multi-region.yaml:50:22]
              5. network-acl: network ACL of subnet 'subnet-0a9b8c7d6e5f4a002': not in the snapshot (not evaluated)
              6. hop: NAT gateway 'nat-0a9b8c7d6e5f4b001' in subnet 'subnet-0a9b8c7d6e5f4a001' (public) translates the source address  [samples/multi-region.yaml:42:13]
              7. network-acl: network ACL of subnet 'subnet-0a9b8c7d6e5f4a001': not in the snapshot (not evaluated)
              8. route: route table 'rtb-0a9b8c7d6e5f4a001' (public) of subnet 'subnet-0a9b8c7d6e5f4a001': 0.0.0.0/0 → igw-0a9b8c7d6e5f4e001, the default route  [samples/multi-region.yaml:46:22]
              9. hop: internet gateway 'igw-0a9b8c7d6e5f4e001' sends the traffic to the internet  [samples/multi-region.yaml:36:27]
              10. hop: gateway endpoint 'vpce-0a9b8c7d6e5f4c001' serves 'com.amazonaws.eu-central-1.s3' only: a gateway endpoint is region-scoped
            result: reaches the public addresses of 'com.amazonaws.eu-west-1.s3' over the internet through internet gateway 'igw-0a9b8c7d6e5f4e001': it leaves the AWS network

            """)
        #expect(e.outcome.end == .internet)
        #expect(e.outcome.reached)
        #expect(e.text.contains("NAT gateway 'nat-0a9b8c7d6e5f4b001'"))
        #expect(e.text.contains("it leaves the AWS network"))
    }

    @Test func consumerVPCReachesTheSharedEndpointThroughPeering() {
        let e = Self.explain("shared-services", .subnet("subnet-0c1d2e3f4a5b6a002"), "apigateway.eu-west-1.amazonaws.com")
        #expect(e.text == """
            explain: from subnet 'subnet-0c1d2e3f4a5b6a002' (consumer-a-1b) in vpc 'vpc-0c1d2e3f4a5b60001' (consumer-a), eu-west-1b to apigateway.eu-west-1.amazonaws.com:443 (tcp)
              1. dns: the Amazon-provided resolver of vpc 'vpc-0c1d2e3f4a5b60001' (10.20.0.2) takes the query
              2. dns: private hosted zone 'apigateway.eu-west-1.amazonaws.com' (Z0123456789ABCDEFGHIJ), associated with the vpc, holds A record 'apigateway.eu-west-1.amazonaws.com'  [samples/shared-services.yaml:87:9]
              3. dns: an alias to 'vpce-0e2a3b4c5d6e7f8b1-l1xf6pcv.execute-api.eu-west-1.vpce.amazonaws.com', the regional DNS name of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1'
              4. dns: answer: 10.10.1.10, 10.10.2.10, the network interfaces of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1'; following 10.10.2.10 (in the client's zone eu-west-1b)
              5. route: the main route table 'rtb-0c1d2e3f4a5b6a000' (consumer-a) of subnet 'subnet-0c1d2e3f4a5b6a002': 10.10.0.0/16 → pcx-0d4e5f60718293a41, the longest prefix that matches  [samples/shared-services.yaml:63:80]
              6. network-acl: network ACL of subnet 'subnet-0c1d2e3f4a5b6a002': not in the snapshot (not evaluated)
              7. hop: peering connection 'pcx-0d4e5f60718293a41' to vpc 'vpc-0b2c3d4e5f6071829' (shared-services)  [samples/shared-services.yaml:81:9]
              8. hop: 10.10.2.10 is the network interface of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' (api-gateway) in subnet 'subnet-0e2a3b4c5d6e7f802' (eu-west-1b)  [samples/shared-services.yaml:46:64]
              9. network-acl: network ACL of subnet 'subnet-0e2a3b4c5d6e7f802': not in the snapshot (not evaluated)
              10. security-group: security group 'sg-0e2a3b4c5d6e7f8a1' (api-endpoint) of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' admits tcp 443 from 10.20.0.0/16 (consumers and on-premises)  [samples/shared-services.yaml:32:17]
              11. route: reply route: route table 'rtb-0e2a3b4c5d6e7f800' of subnet 'subnet-0e2a3b4c5d6e7f802' sends 10.20.0.0/16 back through 'pcx-0d4e5f60718293a41'  [samples/shared-services.yaml:24:15]
            result: reaches interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' of 'com.amazonaws.eu-west-1.execute-api' at 10.10.2.10, on the AWS network (through 'pcx-0d4e5f60718293a41')

            """)
        #expect(e.outcome.end == .interfaceEndpoint)
        #expect(e.outcome.reached)
        #expect(e.text.contains("private hosted zone 'apigateway.eu-west-1.amazonaws.com' (Z0123456789ABCDEFGHIJ)"))
        #expect(e.text.contains("10.10.0.0/16 → pcx-0d4e5f60718293a41"))
        #expect(e.text.contains("security group 'sg-0e2a3b4c5d6e7f8a1' (api-endpoint) of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' admits tcp 443 from 10.20.0.0/16"))
    }

    @Test func onPremisesResolvesThroughTheResolverInboundEndpoint() {
        let e = Self.explain("shared-services", .onPremises("datacenter"), "apigateway.eu-west-1.amazonaws.com")
        #expect(e.text == """
            explain: from on-premises network 'datacenter' (Dublin data centre) to apigateway.eu-west-1.amazonaws.com:443 (tcp)
              1. dns: the on-premises DNS servers (172.16.0.2, 172.16.0.3) forward 'apigateway.eu-west-1.amazonaws.com' to Resolver inbound endpoint 'rslvr-in-0f3a4b5c6d7e8f901' (10.10.1.53, 10.10.2.53) in vpc 'vpc-0b2c3d4e5f6071829'  [samples/shared-services.yaml:97:15]
              2. dns: the Amazon-provided resolver of vpc 'vpc-0b2c3d4e5f6071829' (10.10.0.2) takes the query
              3. dns: private hosted zone 'apigateway.eu-west-1.amazonaws.com' (Z0123456789ABCDEFGHIJ), associated with the vpc, holds A record 'apigateway.eu-west-1.amazonaws.com'  [samples/shared-services.yaml:87:9]
              4. dns: an alias to 'vpce-0e2a3b4c5d6e7f8b1-l1xf6pcv.execute-api.eu-west-1.vpce.amazonaws.com', the regional DNS name of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1'
              5. dns: answer: 10.10.1.10, 10.10.2.10, the network interfaces of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1'; following 10.10.1.10
              6. hop: site-to-site VPN 'vpn-0a4b5c6d7e8f90123' through 'vgw-0c3d4e5f607182930' into vpc 'vpc-0b2c3d4e5f6071829' (shared-services)  [samples/shared-services.yaml:85:9]
              7. hop: 10.10.1.10 is the network interface of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' (api-gateway) in subnet 'subnet-0e2a3b4c5d6e7f801' (eu-west-1a)  [samples/shared-services.yaml:46:26]
              8. network-acl: network ACL of subnet 'subnet-0e2a3b4c5d6e7f801': not in the snapshot (not evaluated)
              9. security-group: security group 'sg-0e2a3b4c5d6e7f8a1' (api-endpoint) of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' admits tcp 443 from 172.16.0.0/12 (consumers and on-premises)  [samples/shared-services.yaml:32:17]
              10. route: reply route: route table 'rtb-0e2a3b4c5d6e7f800' of subnet 'subnet-0e2a3b4c5d6e7f801' sends 172.16.0.0/12 back through 'vgw-0c3d4e5f607182930'  [samples/shared-services.yaml:27:15]
            result: reaches interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' of 'com.amazonaws.eu-west-1.execute-api' at 10.10.1.10, on the AWS network (through 'vgw-0c3d4e5f607182930')

            """)
        #expect(e.outcome.end == .interfaceEndpoint)
        #expect(e.outcome.reached)
        #expect(e.text.contains("Resolver inbound endpoint 'rslvr-in-0f3a4b5c6d7e8f901'"))
        #expect(e.text.contains("site-to-site VPN 'vpn-0a4b5c6d7e8f90123'"))
    }

    /// The shared-services sample with `edit` applied to its text.
    static func edited(_ edit: (String) -> String) -> Topology {
        let text = try! String(contentsOf: repository.appendingPathComponent("samples/shared-services.yaml"), encoding: .utf8)
        let (topology, diagnostics) = TopologyParser.parse(edit(text), file: "shared.yaml")
        #expect(diagnostics.filter { $0.severity == .error } == [])
        return topology!
    }

    /// An input that does not say how the on-premises servers forward (an imported snapshot has
    /// no forwarding): the walk goes on through the inbound endpoint, worded as a condition.
    @Test func onPremisesWithoutForwardingRulesIsConditional() throws {
        let topology = Self.edited { $0.replacingOccurrences(of: "    forward: {apigateway.eu-west-1.amazonaws.com: rslvr-in-0f3a4b5c6d7e8f901}\n", with: "") }
        let e = try topology.explain(from: .onPremises("datacenter"), to: "apigateway.eu-west-1.amazonaws.com").get()
        let lines = e.text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "  1. dns: if the on-premises DNS servers forward 'apigateway.eu-west-1.amazonaws.com' to Resolver inbound endpoint 'rslvr-in-0f3a4b5c6d7e8f901' (10.10.1.53, 10.10.2.53) in vpc 'vpc-0b2c3d4e5f6071829' (the input does not say; if they do not, public DNS answers), the query goes on as below")
        #expect(e.text.contains("the network interfaces of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1'"))
    }

    @Test func withoutARouteBackRepliesCannotReturn() {
        let t = Self.edited { $0.replacingOccurrences(of: "              10.20.0.0/16: pcx-0d4e5f60718293a41\n", with: "") }
        let e = try! t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a002"), to: "apigateway.eu-west-1.amazonaws.com").get()
        #expect(!e.outcome.reached)
        #expect(e.outcome.end == .unreachable)
        #expect(e.outcome.text == "replies cannot return: route table 'rtb-0e2a3b4c5d6e7f800' of subnet 'subnet-0e2a3b4c5d6e7f802' has no route to 10.20.2.0/24 through 'pcx-0d4e5f60718293a41'")
        #expect(e.text.hasSuffix("result: cannot get there: \(e.outcome.text)\n"))
    }

    @Test func withoutTheZoneTheConsumerGetsThePublicAnswerAndHasNoRouteForIt() {
        let t = Self.edited { $0.replacingOccurrences(of: "vpcs: [vpc-0c1d2e3f4a5b60001, vpc-0c1d2e3f4a5b60002", with: "vpcs: [vpc-0c1d2e3f4a5b60002") }
        let e = try! t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a002"), to: "apigateway.eu-west-1.amazonaws.com").get()
        #expect(e.steps.map(\.text).contains("answer: the public addresses of 'com.amazonaws.eu-west-1.apigateway'"))
        #expect(e.outcome.text == "the main route table 'rtb-0c1d2e3f4a5b6a000' of subnet 'subnet-0c1d2e3f4a5b6a002' has no route to the public addresses of 'com.amazonaws.eu-west-1.apigateway' (no default route)")
    }

    @Test func aSecurityGroupThatDoesNotAdmitThePortStopsTheTraffic() {
        let e = Self.explain("shared-services", .subnet("subnet-0c1d2e3f4a5b6a001"), "10.10.1.10:22")
        #expect(e.port == 22)
        #expect(e.steps.first?.text == "'10.10.1.10' is an IP address: no DNS lookup")
        #expect(e.outcome.text == "no security group of interface endpoint 'vpce-0e2a3b4c5d6e7f8b1' (sg-0e2a3b4c5d6e7f8a1) admits tcp 22 from 10.20.1.0/24")
        #expect(!e.outcome.reached)
    }

    @Test func aPeeringDoesNotCarryTrafficOnward() {
        // consumer-a has no route to consumer-b; give it one through its peering: not transitive.
        let t = Self.edited { $0.replacingOccurrences(of: "routes: {10.10.0.0/16: pcx-0d4e5f60718293a41}", with: "routes: {10.10.0.0/16: pcx-0d4e5f60718293a41, 10.21.0.0/16: pcx-0d4e5f60718293a41}") }
        let e = try! t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a001"), to: "10.21.1.5").get()
        #expect(e.outcome.text == "peering connection 'pcx-0d4e5f60718293a41' carries only traffic to vpc 'vpc-0b2c3d4e5f6071829' (10.10.0.0/16); 10.21.1.5 is not in it (no transitive routing)")
    }

    @Test func badRequestsSayWhat() {
        let t = Self.sample("shared-services")
        #expect(t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a00"), to: "x").failure?.message
                == "'subnet-0c1d2e3f4a5b6a00' is not a subnet or an on-premises network of the topology; did you mean 'subnet-0c1d2e3f4a5b6a001'?")
        #expect(t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a001"), to: "10.0.0.1:99999").failure?.message
                == "'10.0.0.1:99999' is not a DNS name, an IP address or NAME:PORT / IP:PORT with a port 0-65535")
        #expect(t.explain(from: .subnet("subnet-0c1d2e3f4a5b6a001"), to: "a b").failure == .invalidDestination("a b"))
    }

    @Test func jsonHasItsKeysInAFixedOrder() {
        let e = Self.explain("app-vpc", .subnet("subnet-0c1a2b3c4d5e6f703"), "s3.eu-west-1.amazonaws.com")
        #expect(e.json == """
            {
              "from": "subnet 'subnet-0c1a2b3c4d5e6f703' (private-a) in vpc 'vpc-0a1b2c3d4e5f60718' (app), eu-west-1a",
              "to": "s3.eu-west-1.amazonaws.com",
              "port": 443,
              "protocol": "tcp",
              "steps": [
                {"kind": "dns", "text": "the Amazon-provided resolver of vpc 'vpc-0a1b2c3d4e5f60718' (10.0.0.2) takes the query", "location": null},
                {"kind": "dns", "text": "no private hosted zone, endpoint private DNS or Resolver rule covers the name: public DNS answers", "location": null},
                {"kind": "dns", "text": "answer: the public addresses of 'com.amazonaws.eu-west-1.s3'", "location": null},
                {"kind": "route", "text": "route table 'rtb-0b1a2b3c4d5e6f702' (private-a) of subnet 'subnet-0c1a2b3c4d5e6f703': pl-6da54004 → vpce-0a1b2c3d4e5f60101, the prefix list of 'com.amazonaws.eu-west-1.s3' (pl-6da54004), which AWS prefers to a default route", "location": "samples/app-vpc.yaml:42:13"},
                {"kind": "network-acl", "text": "network ACL of subnet 'subnet-0c1a2b3c4d5e6f703': not in the snapshot (not evaluated)", "location": null},
                {"kind": "hop", "text": "gateway endpoint 'vpce-0a1b2c3d4e5f60101' (s3) takes the traffic to 'com.amazonaws.eu-west-1.s3'", "location": "samples/app-vpc.yaml:42:13"}
              ],
              "reached": true,
              "end": "gateway-endpoint",
              "id": "vpce-0a1b2c3d4e5f60101",
              "result": "reaches 'com.amazonaws.eu-west-1.s3' through gateway endpoint 'vpce-0a1b2c3d4e5f60101', on the AWS network"
            }

            """)
        let data = e.json.data(using: .utf8)!
        #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "valid JSON")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let f) = self { return f }
        return nil
    }
}

/// AWS's DNS names for services: the exceptions to `SERVICE.REGION.amazonaws.com` and the wildcards.
@Suite struct ServiceDNSTests {
    static func endpoint(_ service: String) -> (InterfaceEndpoint, VPC) {
        let e = InterfaceEndpoint(id: "vpce-1", service: ServiceName(service, region: "eu-west-1"),
                                  interfaces: [EndpointInterface(subnetID: "subnet-a", ip: IPAddress("10.0.1.10")!)], dnsSuffix: "abcd")
        let v = VPC(id: "vpc-1", cidrs: [CIDR("10.0.0.0/16")!], subnets: [Subnet(id: "subnet-a", availabilityZone: "eu-west-1a", cidr: CIDR("10.0.1.0/24")!)])
        return (e, v)
    }

    static func names(_ service: String) -> [String] {
        let (e, v) = endpoint(service)
        return e.dnsNames(in: v).map(\.name)
    }

    @Test func ecrDockerIsAWildcardBelowDkrECR() {
        #expect(Self.names("ecr.dkr") == ["vpce-1-abcd.dkr.ecr.eu-west-1.vpce.amazonaws.com", "vpce-1-abcd-eu-west-1a.dkr.ecr.eu-west-1.vpce.amazonaws.com",
                                          "*.dkr.ecr.eu-west-1.amazonaws.com"])
    }

    @Test func ecrAPIIsAPIDotECR() {
        #expect(Self.names("ecr.api") == ["vpce-1-abcd.api.ecr.eu-west-1.vpce.amazonaws.com", "vpce-1-abcd-eu-west-1a.api.ecr.eu-west-1.vpce.amazonaws.com",
                                          "api.ecr.eu-west-1.amazonaws.com"])
    }

    @Test func sageMakerAPIIsAPIDotSageMaker() {
        #expect(ServiceName("sagemaker.api", region: "eu-west-1").publicDNSName == "api.sagemaker.eu-west-1.amazonaws.com")
        #expect(ServiceName("sagemaker.runtime", region: "eu-west-1").publicDNSName == "runtime.sagemaker.eu-west-1.amazonaws.com")
    }

    @Test func kinesisStreamsIsKinesis() {
        #expect(ServiceName("kinesis-streams", region: "eu-west-1").publicDNSName == "kinesis.eu-west-1.amazonaws.com")
        #expect(ServiceName("kinesis-firehose", region: "eu-west-1").publicDNSName == "firehose.eu-west-1.amazonaws.com")
    }

    @Test func executeAPIHasAWildcardPrivateName() {
        #expect(Self.names("execute-api").last == "*.execute-api.eu-west-1.amazonaws.com")
        #expect(Self.names("execute-api").first == "vpce-1-abcd.execute-api.eu-west-1.vpce.amazonaws.com")
    }

    @Test func s3InterfaceEndpointNamesAreWildcardsForBuckets() {
        #expect(Self.names("s3") == ["*.vpce-1-abcd.s3.eu-west-1.vpce.amazonaws.com", "*.vpce-1-abcd-eu-west-1a.s3.eu-west-1.vpce.amazonaws.com",
                                     "*.s3.eu-west-1.amazonaws.com"])
    }

    @Test func ordinaryServicesKeepTheirName() {
        #expect(Self.names("ssm") == ["vpce-1-abcd.ssm.eu-west-1.vpce.amazonaws.com", "vpce-1-abcd-eu-west-1a.ssm.eu-west-1.vpce.amazonaws.com",
                                      "ssm.eu-west-1.amazonaws.com"])
        // Another account's endpoint service has no private name of AWS's.
        #expect(ServiceName(fullName: "com.amazonaws.vpce.eu-west-1.vpce-svc-0123").publicDNSName == nil)
    }

    @Test func wildcardPrivateDNSAnswersNamesBelowIt() {
        var (e, v) = Self.endpoint("execute-api")
        v.dnsHostnames = true
        v.interfaceEndpoints = [e]
        e.id = "unused"
        let t = Topology(regions: [Region(name: "eu-west-1", vpcs: [v])])
        #expect(t.resolve("abc123.execute-api.eu-west-1.amazonaws.com", inVPC: "vpc-1").1 == .endpointIPs(endpointID: "vpce-1", ips: [IPAddress("10.0.1.10")!]))
    }

    @Test func publicNamesTellTheirService() {
        #expect(ServiceDNS.service(forName: "my-bucket.s3.eu-west-1.amazonaws.com")?.fullName == "com.amazonaws.eu-west-1.s3")
        #expect(ServiceDNS.service(forName: "s3.eu-central-1.amazonaws.com.")?.fullName == "com.amazonaws.eu-central-1.s3")
        #expect(ServiceDNS.service(forName: "api.ecr.eu-west-1.amazonaws.com")?.fullName == "com.amazonaws.eu-west-1.ecr.api")
        #expect(ServiceDNS.service(forName: "1234.dkr.ecr.eu-west-1.amazonaws.com")?.fullName == "com.amazonaws.eu-west-1.ecr.dkr")
        #expect(ServiceDNS.service(forName: "kinesis.eu-west-1.amazonaws.com")?.fullName == "com.amazonaws.eu-west-1.kinesis-streams")
        #expect(ServiceDNS.service(forName: "example.com") == nil)
        #expect(ServiceDNS.service(forName: "vpce-1.ssm.eu-west-1.vpce.amazonaws.com") == nil)
    }
}
