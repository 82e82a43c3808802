import AWSImport
import Foundation
import Testing
import VPCModel

/// Bad or odd snapshots: each problem is named by file and JSON path, errors stop the import,
/// what is not understood is skipped with a warning.
@Suite struct SnapshotDiagnosticsTests {
    let subnets = "/eu-west-1/describe-subnets.json"

    @Test func truncatedJSONIsAnErrorAtItsEnd() throws {
        let folder = try Fixture.copy { dir in
            let text = try Fixture.read(dir + subnets)
            try Fixture.write(String(text.prefix(700)), to: dir + subnets)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(result.hasErrors)
        // The file ends after some whitespace inside the Subnets array, on line 21.
        let lines = try Fixture.read(folder + subnets).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 21)
        #expect(Fixture.printed(result) == [
            "eu-west-1/describe-subnets.json:21:\(lines.last!.utf8.count + 1): error: invalid JSON: unexpected end of file inside an array, expected ',' or ']' (truncated file?) [aws-json-syntax]",
        ])
    }

    @Test func unknownAndNonJSONFilesAreSkippedWithAWarning() throws {
        let folder = try Fixture.copy { dir in
            try Fixture.write(#"{"Reservations": [], "NextToken": null}"#, to: dir + "/eu-west-1/describe-instances.json")
            try Fixture.write("notes about this snapshot\n", to: dir + "/README.txt")
            try Fixture.write("hidden\n", to: dir + "/.DS_Store")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == [
            "README.txt: warning: not an AWS CLI JSON output; skipped [aws-unknown-file]",
            "eu-west-1/describe-instances.json: $: warning: not an AWS CLI output vpcgraph reads (top-level keys 'Reservations', 'NextToken'); skipped [aws-unknown-file]",
        ] + Fixture.goneWarnings())
        #expect(result.topology == Fixture.load(Fixture.documented).topology)
    }

    @Test func emptyFolderIsAnError() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = importAWSSnapshot(at: folder, displayPath: "snap")
        #expect(result.diagnostics.map(\.description) == [
            "snap: error: no AWS CLI output found in 'snap' (run 'vpcgraph collect' or save 'aws ec2 describe-…' outputs there) [aws-empty-snapshot]",
        ])
        let missing = importAWSSnapshot(at: folder + "/nope", displayPath: "nope")
        #expect(missing.diagnostics.map(\.description) == ["nope: error: no such file or folder [aws-no-snapshot]"])
    }

    @Test func referenceToAVPCNotInTheSnapshotIsAnError() throws {
        let folder = try Fixture.copy { dir in
            let text = try Fixture.read(dir + subnets)
            // The fourth subnet (shared-a) moves to a VPC nobody described.
            try Fixture.write(text.replacingOccurrences(of: "\"VpcId\": \"vpc-0b2c3d4e5f6071829\",\n            \"OwnerId\": \"123456789012\",\n            \"AssignIpv6AddressOnCreation\": false,\n            \"Ipv6CidrBlockAssociationSet\": [],\n            \"Tags\": [\n                {\n                    \"Key\": \"Name\",\n                    \"Value\": \"shared-a\"",
                                                              with: "\"VpcId\": \"vpc-0ffffffffffffffff\",\n            \"OwnerId\": \"123456789012\",\n            \"AssignIpv6AddressOnCreation\": false,\n            \"Ipv6CidrBlockAssociationSet\": [],\n            \"Tags\": [\n                {\n                    \"Key\": \"Name\",\n                    \"Value\": \"shared-a\""),
                              to: dir + subnets)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(result.hasErrors)
        #expect(Fixture.printed(result).contains(
            "eu-west-1/describe-subnets.json: $.Subnets[3].VpcId: error: subnet 'subnet-0cc3333333333333a' is in VPC 'vpc-0ffffffffffffffff', which is not in the snapshot (is describe-vpcs for its region missing?) [aws-unknown-vpc]"))
    }

    @Test func whatIsNotUnderstoodIsSkippedWithAWarning() throws {
        let folder = try Fixture.copy { dir in
            try Fixture.write("""
                {"Subnets": [
                  {"SubnetId": "subnet-0aaa", "VpcId": "vpc-0a1b2c3d4e5f60718", "AvailabilityZone": "eu-west-1c", "CidrBlock": "10.0.7.5/24"},
                  {"SubnetId": "subnet-0bbb", "VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.0.8.0/24"},
                  {"SubnetId": "subnet-0ccc", "VpcId": "vpc-0a1b2c3d4e5f60718", "AvailabilityZone": "eu-west-1c", "Ipv6Native": true},
                  "not an object"
                ]}
                """, to: dir + "/eu-west-1/more-subnets.json")
            try Fixture.write("""
                {"VpcEndpoints": [{"VpcEndpointId": "vpce-0glb", "VpcEndpointType": "GatewayLoadBalancer", "VpcId": "vpc-0a1b2c3d4e5f60718",
                                   "ServiceName": "com.amazonaws.vpce.eu-west-1.vpce-svc-0123", "State": "available"}]}
                """, to: dir + "/eu-west-1/more-endpoints.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(!result.hasErrors)
        #expect(Fixture.printed(result) == Fixture.goneWarnings() + [
            "eu-west-1/more-subnets.json: $.Subnets[0].CidrBlock: warning: '10.0.7.5/24' is not a network address (did AWS mean '10.0.7.0/24'?); subnet 'subnet-0aaa' skipped [aws-bad-value]",
            "eu-west-1/more-subnets.json: $.Subnets[1].AvailabilityZone: warning: missing 'AvailabilityZone'; subnet 'subnet-0bbb' skipped [aws-missing-field]",
            "eu-west-1/more-subnets.json: $.Subnets[2].CidrBlock: warning: subnet 'subnet-0ccc' has no IPv4 CIDR block (IPv6-only subnets are not drawn); skipped [aws-skipped]",
            "eu-west-1/more-subnets.json: $.Subnets[3].SubnetId: warning: missing 'SubnetId'; subnet skipped [aws-missing-field]",
        ])
    }

    @Test func cliV1AndV2TimestampsAndStateCaseMakeNoDifference() throws {
        // v1 prints what the service sent ("2024-09-04T10:01:22.000Z"); v2 prints ISO 8601 with an offset;
        // some services send epoch seconds. States may be capitalised.
        func rewrite(_ dir: String, _ transform: (String) -> String) throws {
            for file in try FileManager.default.subpathsOfDirectory(atPath: dir) where file.hasSuffix(".json") {
                try Fixture.write(transform(try Fixture.read(dir + "/" + file)), to: dir + "/" + file)
            }
        }
        let v2 = try Fixture.copy { dir in
            try rewrite(dir) { $0.replacingOccurrences(of: ".000Z\"", with: "+00:00\"").replacingOccurrences(of: ".123Z\"", with: ".123000+00:00\"") }
        }
        let epoch = try Fixture.copy { dir in
            try rewrite(dir) { text in
                text.replacingOccurrences(of: #""20\d\d-\d\d-\d\dT[0-9:.]+(Z|\+00:00)""#, with: "1725444082.123", options: .regularExpression)
                    .replacingOccurrences(of: "\"State\": \"available\"", with: "\"State\": \"AVAILABLE\"")
                    .replacingOccurrences(of: "\"State\": \"blackhole\"", with: "\"State\": \"Blackhole\"")
            }
        }
        defer { for f in [v2, epoch] { try? FileManager.default.removeItem(atPath: f) } }
        #expect(try Fixture.read(epoch + "/eu-west-1/describe-nat-gateways.json").contains("1725444082.123"))
        #expect(try Fixture.read(v2 + "/eu-west-1/describe-vpc-endpoints.json").contains("2024-09-04T10:01:22+00:00"))
        let reference = Fixture.load(Fixture.documented).topology
        for folder in [v2, epoch] {
            let result = Fixture.load(folder)
            #expect(Fixture.printed(result) == Fixture.goneWarnings())
            #expect(result.topology == reference)
        }
    }

    @Test func oneFlatFolderTakesRegionsFromZonesAndServices() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = Fixture.documented
        for file in try FileManager.default.subpathsOfDirectory(atPath: source) where file.hasSuffix(".json") {
            let flat = file.replacingOccurrences(of: "/", with: "_")
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: folder + "/" + flat)
        }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings(prefix: "eu-west-1_"))
        let reference = Fixture.load(Fixture.documented).topology
        #expect(result.topology == reference)
    }

    @Test func aVPCWithNoRegionCluesInAMultiRegionFlatFolderIsAnError() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Fixture.write(#"{"Vpcs": [{"VpcId": "vpc-0empty", "CidrBlock": "10.5.0.0/16", "State": "available"}]}"#, to: folder + "/vpcs.json")
        try Fixture.write(#"{"Subnets": [{"SubnetId": "subnet-0a", "VpcId": "vpc-0a", "AvailabilityZone": "eu-west-1a", "CidrBlock": "10.0.0.0/24"}]}"#, to: folder + "/subnets-eu.json")
        try Fixture.write(#"{"Vpcs": [{"VpcId": "vpc-0a", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-0b", "CidrBlock": "10.1.0.0/16"}]}"#, to: folder + "/vpcs-more.json")
        try Fixture.write(#"{"Subnets": [{"SubnetId": "subnet-0b", "VpcId": "vpc-0b", "AvailabilityZone": "us-east-1a", "CidrBlock": "10.1.0.0/24"}]}"#, to: folder + "/subnets-us.json")
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.unknownDNSWarnings(vpc: "vpc-0a", at: "vpcs-more.json: $.Vpcs[0]", folder: nil)
                + Fixture.unknownDNSWarnings(vpc: "vpc-0b", at: "vpcs-more.json: $.Vpcs[1]", folder: nil) + [
            "vpcs.json: $.Vpcs[0]: error: cannot tell the region of VPC 'vpc-0empty': nothing in it names an availability zone or service; put each region's outputs in a folder named after the region (e.g. 'eu-west-1/') [aws-region-unknown]",
        ])
        #expect(result.topology.regions.map { "\($0.name): \($0.vpcs.map(\.id))" } == ["eu-west-1: [\"vpc-0a\"]", "us-east-1: [\"vpc-0b\"]"])
    }

    @Test func aPeeringToAVPCOutsideTheSnapshotKeepsItAsAnExternalVPC() throws {
        let folder = try Tools.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let region = folder + "/eu-west-1"
        try Fixture.write(#"{"Vpcs": [{"VpcId": "vpc-0a", "CidrBlock": "10.0.0.0/16"}]}"#, to: region + "/vpcs.json")
        try Fixture.write("""
            {"RouteTables": [{"RouteTableId": "rtb-0a", "VpcId": "vpc-0a", "Associations": [{"Main": true}],
              "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"},
                         {"DestinationCidrBlock": "10.8.0.0/16", "VpcPeeringConnectionId": "pcx-0aaa", "State": "active"},
                         {"DestinationCidrBlock": "10.9.0.0/16", "VpcPeeringConnectionId": "pcx-0dead", "State": "blackhole"},
                         {"DestinationCidrBlock": "10.7.0.0/16", "CarrierGatewayId": "cagw-0a", "State": "active"}]}]}
            """, to: region + "/route-tables.json")
        try Fixture.write("""
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-0aaa", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-0a", "Region": "eu-west-1", "OwnerId": "111111111111"},
              "AccepterVpcInfo": {"VpcId": "vpc-0theirs", "Region": "eu-west-1", "OwnerId": "222222222222"}}]}
            """, to: region + "/peerings.json")
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == [
            "eu-west-1/route-tables.json: $.RouteTables[0].Routes[3].CarrierGatewayId: warning: route to '10.7.0.0/16' in 'rtb-0a' goes to 'cagw-0a', a kind of target vpcgraph does not draw; skipped [aws-skipped]",
        ] + Fixture.unknownDNSWarnings(vpc: "vpc-0a", at: "eu-west-1/vpcs.json: $.Vpcs[0]"))
        // Another account's VPC is kept as an external VPC, with its owner; the route to it and the blackhole route stay.
        #expect(result.topology.region("eu-west-1")?.externalVPCs == [ExternalVPC(id: "vpc-0theirs", ownerID: "222222222222")])
        #expect(result.topology.region("eu-west-1")?.peerings.map(\.id) == ["pcx-0aaa"])
        #expect(result.topology.vpc("vpc-0a")?.routeTables.first?.routes.map { "\($0.destination) \($0.state)" } == ["10.8.0.0/16 active", "10.9.0.0/16 blackhole"])
        #expect(result.topology.validate().map(\.description) == [])
    }

    @Test func outputsThatDoNotNameTheirOwnerAreMatchedByFileNameOrContent() throws {
        // Renamed files: the zone is found from its SOA record, the Resolver endpoint from its subnets.
        let folder = try Fixture.copy { dir in
            let fm = FileManager.default
            try fm.moveItem(atPath: dir + "/global/list-resource-record-sets.Z0123456789ABCDEFGHIJ.json", toPath: dir + "/global/records.json")
            try fm.removeItem(atPath: dir + "/eu-west-1/list-resolver-endpoint-ip-addresses.rslvr-out-0fedcba987654321.json")
            try fm.moveItem(atPath: dir + "/eu-west-1/list-resolver-endpoint-ip-addresses.rslvr-in-0123456789abcdef0.json", toPath: dir + "/eu-west-1/ips.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        let shared = try #require(result.topology.vpc("vpc-0b2c3d4e5f6071829"))
        // The inbound endpoint's addresses are named by the network interfaces' descriptions.
        #expect(shared.resolverEndpoints.map { "\($0.id) \($0.ipAddresses.map(\.ip.description))" } == [
            "rslvr-in-0123456789abcdef0 [\"10.1.0.53\", \"10.1.1.53\"]", "rslvr-out-0fedcba987654321 []",
        ])
        #expect(Fixture.printed(result) == Fixture.goneWarnings() + [
            "eu-west-1/list-resolver-endpoints.json: $.ResolverEndpoints[1]: warning: the IP addresses of Resolver endpoint 'rslvr-out-0fedcba987654321' are unknown (no list-resolver-endpoint-ip-addresses output for it) [aws-missing-interface]",
        ])
        #expect(result.topology.regions[0].privateHostedZones.first?.records.count == 3)
    }

    @Test func missingNetworkInterfacesLeaveEndpointSubnetsOutWithAWarning() throws {
        let folder = try Fixture.copy { dir in
            try FileManager.default.removeItem(atPath: dir + "/eu-west-1/describe-network-interfaces.json")
            try FileManager.default.removeItem(atPath: dir + "/eu-west-1/list-resolver-endpoint-ip-addresses.rslvr-in-0123456789abcdef0.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result).filter { $0.contains("vpce-0e1f2a3b4c5d6e7f8") } == [
            "eu-west-1/describe-vpc-endpoints.json: $.VpcEndpoints[0].SubnetIds[0]: warning: the IP of endpoint 'vpce-0e1f2a3b4c5d6e7f8' in subnet 'subnet-0bb2222222222222b' is unknown (no describe-network-interfaces output); documented as not in the snapshot [aws-missing-interface]",
            "eu-west-1/describe-vpc-endpoints.json: $.VpcEndpoints[0].SubnetIds[1]: warning: the IP of endpoint 'vpce-0e1f2a3b4c5d6e7f8' in subnet 'subnet-0aa2222222222222a' is unknown (no describe-network-interfaces output); documented as not in the snapshot [aws-missing-interface]",
        ])
        #expect(!result.hasErrors)
    }

    @Test func endpointInterfacesAreFoundByTheirDescriptionAlone() throws {
        // Interfaces whose description names the endpoint belong to it even when the endpoint does not list them.
        let folder = try Fixture.copy { dir in
            let path = dir + "/eu-west-1/describe-vpc-endpoints.json"
            let text = try Fixture.read(path)
            try Fixture.write(text.replacingOccurrences(of: #""eni-0b2222222222222bb",\s*"eni-0a1111111111111aa""#, with: "",
                                                        options: .regularExpression), to: path)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try !Fixture.read(folder + "/eu-west-1/describe-vpc-endpoints.json").contains("eni-0a1111111111111aa"))
        let result = Fixture.load(folder)
        #expect(Fixture.printed(result) == Fixture.goneWarnings())
        #expect(result.topology == Fixture.load(Fixture.documented).topology)
    }
}
