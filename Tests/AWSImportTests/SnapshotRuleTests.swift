import AWSImport
import Foundation
import Testing
import VPCModel

/// The importer's rules no other test printed, each from the documented snapshot with one defect:
/// the diagnostics of that rule, by their full printed string.
@Suite struct SnapshotRuleTests {
    let dir = "/eu-west-1/"

    func printed(_ folder: String, rule: String) -> [String] {
        Fixture.printed(Fixture.load(folder)).filter { $0.contains("[\(rule)]") }
    }

    @Test func aResourceListedTwiceKeepsTheFirstListing() throws {
        let folder = try Fixture.copy { d in
            try FileManager.default.copyItem(atPath: d + dir + "describe-transit-gateways.json", toPath: d + dir + "describe-transit-gateways.again.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-duplicate") == [
            "eu-west-1/describe-transit-gateways.json: $.TransitGateways[0]: warning: transit gateway 'tgw-0123456789abcdef0' is listed twice; the first listing is used [aws-duplicate]\neu-west-1/describe-transit-gateways.again.json: $.TransitGateways[0]: note: first listed here",
        ])
    }

    @Test func aRouteTableAssociatedWithASubnetNotInTheSnapshot() throws {
        let folder = try Fixture.copy { d in
            let path = d + dir + "describe-route-tables.json"
            let text = try Fixture.read(path)
            let range = try #require(text.range(of: "\"SubnetId\": \"subnet-0aa1111111111111a\""))
            try Fixture.write(text.replacingCharacters(in: range, with: "\"SubnetId\": \"subnet-0ffffffffffffffff\""), to: path)
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-unknown-subnet") == [
            "eu-west-1/describe-route-tables.json: $.RouteTables[1].Associations[0].SubnetId: warning: route table 'rtb-0b0b0b0b0b0b0b0b0' is associated with subnet 'subnet-0ffffffffffffffff', which is not in VPC 'vpc-0a1b2c3d4e5f60718' in the snapshot; association ignored [aws-unknown-subnet]",
        ])
    }

    @Test func attachmentsOfATransitGatewayNotInTheSnapshot() throws {
        let folder = try Fixture.copy { d in try FileManager.default.removeItem(atPath: d + dir + "describe-transit-gateways.json") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-unknown-transit-gateway") == [
            "eu-west-1/describe-transit-gateway-attachments.json: $.TransitGatewayAttachments[0]: warning: attachment 'tgw-attach-0bbbbbbbbbbbbbbb2' is on transit gateway 'tgw-0123456789abcdef0', which is not in the snapshot; left out [aws-unknown-transit-gateway]",
            "eu-west-1/describe-transit-gateway-attachments.json: $.TransitGatewayAttachments[1]: warning: attachment 'tgw-attach-0aaaaaaaaaaaaaaa1' is on transit gateway 'tgw-0123456789abcdef0', which is not in the snapshot; left out [aws-unknown-transit-gateway]",
        ])
    }

    @Test func hostedZonesOfAVPCTheFileDoesNotName() throws {
        let folder = try Fixture.copy { d in
            try FileManager.default.moveItem(atPath: d + dir + "list-hosted-zones-by-vpc.vpc-0a1b2c3d4e5f60718.json", toPath: d + dir + "list-hosted-zones-by-vpc.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-unattributed-output") == [
            "eu-west-1/list-hosted-zones-by-vpc.json: $: warning: cannot tell which VPC these hosted zones are associated with; name the file after the VPC (e.g. 'list-hosted-zones-by-vpc.vpc-….json') [aws-unattributed-output]",
        ])
    }

    @Test func routesToAPeeringNotInTheSnapshot() throws {
        let folder = try Fixture.copy { d in try FileManager.default.removeItem(atPath: d + dir + "describe-vpc-peering-connections.json") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-outside-snapshot") == [
            "eu-west-1/describe-route-tables.json: $.RouteTables[2].Routes[4].VpcPeeringConnectionId: warning: route to '10.1.0.0/16' in 'rtb-0c0c0c0c0c0c0c0c0' goes to 'pcx-0123456789abcdef0', which is not in the snapshot (another account's?); route left out [aws-outside-snapshot]",
            "eu-west-1/describe-route-tables.json: $.RouteTables[3].Routes[1].VpcPeeringConnectionId: warning: route to '10.0.0.0/16' in 'rtb-0d0d0d0d0d0d0d0d0' goes to 'pcx-0123456789abcdef0', which is not in the snapshot (another account's?); route left out [aws-outside-snapshot]",
        ])
    }

    @Test func transitGatewayRoutesOfOnePage() throws {
        let folder = try Fixture.copy { d in
            try Fixture.write(#"{"Routes": [], "AdditionalRoutesAvailable": true}"#, to: d + dir + "search-transit-gateway-routes.tgw-rtb-0a1b2c3d4e5f60789.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-incomplete") == [
            "eu-west-1/search-transit-gateway-routes.tgw-rtb-0a1b2c3d4e5f60789.json: $.AdditionalRoutesAvailable: warning: 'search-transit-gateway-routes.tgw-rtb-0a1b2c3d4e5f60789.json' says more routes are available than it lists (AdditionalRoutesAvailable); the routes it lists are kept, others are not in the snapshot [aws-incomplete]",
        ])
    }

    /// `TransitGatewayAttachments` is a list in AWS's output; one object in its place (an emulator's
    /// serialisation of a single attachment) is read as a list of one.
    @Test func transitGatewayRouteAttachmentsAsAListOrOneObject() throws {
        let folder = try Fixture.copy { d in
            try RealAccountTests.withNetworkFacts(d)
            try Fixture.write("""
                {"Routes": [
                    {"DestinationCidrBlock": "10.0.0.0/16", "TransitGatewayAttachments": [{"ResourceId": "vpc-0a1b2c3d4e5f60718", "TransitGatewayAttachmentId": "tgw-attach-0aaaaaaaaaaaaaaa1", "ResourceType": "vpc"}], "Type": "propagated", "State": "active"},
                    {"DestinationCidrBlock": "10.1.0.0/16", "TransitGatewayAttachments": {"ResourceId": "vpc-0b2c3d4e5f6071829", "TransitGatewayAttachmentId": "tgw-attach-0bbbbbbbbbbbbbbb2", "ResourceType": "vpc"}, "Type": "static", "State": "active"}
                ], "AdditionalRoutesAvailable": false}
                """, to: d + dir + "search-transit-gateway-routes.tgw-rtb-0a1b2c3d4e5f60789.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let routes = Fixture.load(folder).topology.regions.flatMap(\.transitGateways).flatMap(\.routeTables).flatMap(\.routes)
        #expect(routes.map { "\($0.destination) \($0.attachmentIDs)" } == ["10.0.0.0/16 [\"tgw-attach-0aaaaaaaaaaaaaaa1\"]", "10.1.0.0/16 [\"tgw-attach-0bbbbbbbbbbbbbbb2\"]"])
    }

    @Test func aFileThatCannotBeRead() throws {
        let folder = try Fixture.copy { d in
            try FileManager.default.createSymbolicLink(atPath: d + dir + "describe-vpcs.extra.json", withDestinationPath: d + "/nowhere.json")
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(printed(folder, rule: "aws-unreadable") == ["eu-west-1/describe-vpcs.extra.json: error: cannot read file [aws-unreadable]"])
    }
}
