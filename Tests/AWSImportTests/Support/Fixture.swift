import AWSImport
import Foundation
import VPCModel

/// Snapshot folders for tests: the committed ones, or copies changed by a test.
enum Fixture {
    /// The committed snapshot written to the documented AWS CLI output shapes.
    static var documented: String { Tools.fixtures + "/documented" }

    /// Imports a snapshot, naming files relative to it in diagnostics.
    static func load(_ path: String) -> AWSImportResult {
        importAWSSnapshot(at: path, displayPath: "")
    }

    /// A temporary copy of a snapshot, changed by `edit` (which gets the copy's path).
    static func copy(of source: String = documented, edit: (String) throws -> Void = { _ in }) throws -> String {
        let folder = try Tools.temporaryFolder("snapshot")
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        try edit(folder)
        return folder
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The warnings the documented snapshot gives: it lists a NAT gateway, an endpoint and a peering
    /// connection as deleted, and each is left out with a warning naming it (`prefix`: how its folder shows).
    static func goneWarnings(prefix: String = "eu-west-1/") -> [String] {
        [
            "\(prefix)describe-nat-gateways.json: $.NatGateways[1].State: warning: NAT gateway 'nat-0deadbeefdeadbeef' is deleted; left out [aws-gone]",
            "\(prefix)describe-vpc-endpoints.json: $.VpcEndpoints[3].State: warning: VPC endpoint 'vpce-0dddddddddddddddd' is deleted; left out [aws-gone]",
            "\(prefix)describe-vpc-peering-connections.json: $.VpcPeeringConnections[1]: warning: peering connection 'pcx-0fffffffffffffff0' is deleted; left out [aws-gone]",
        ]
    }

    /// The two warnings of a VPC without its describe-vpc-attribute outputs, at `location` (`file: $.Vpcs[0]`).
    static func unknownDNSWarnings(vpc: String, at location: String, folder: String? = "eu-west-1") -> [String] {
        let dir = folder.map { "\($0)/" } ?? ""
        return [
            "\(location): warning: DNS hostnames ('enableDnsHostnames') of VPC '\(vpc)' is unknown: no 'ec2 describe-vpc-attribute' output for it ('\(dir)describe-vpc-attribute.\(vpc).enableDnsHostnames.json'); documented as unknown [aws-missing-output]",
            "\(location): warning: DNS support ('enableDnsSupport') of VPC '\(vpc)' is unknown: no 'ec2 describe-vpc-attribute' output for it ('\(dir)describe-vpc-attribute.\(vpc).enableDnsSupport.json'); documented as unknown [aws-missing-output]",
        ]
    }

    /// Every diagnostic as printed.
    static func printed(_ result: AWSImportResult) -> [String] {
        result.diagnostics.map(\.description)
    }
}

extension Topology {
    func region(_ name: String) -> Region? { regions.first { $0.name == name } }
}
