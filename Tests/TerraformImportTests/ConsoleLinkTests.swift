import Foundation
import TestSupport
import Testing
import VPCModel

/// `--link console` links only ids AWS assigned: a plan's addresses and a template's logical ids
/// (`vpc-Vpc`) open nothing in the console, so they get no console link; `--link docs` links them all.
@Suite struct ConsoleLinkTests {
    /// The `xlink:href`s of every SVG `render` writes for `input`.
    static func hrefs(_ arguments: [String], in directory: URL) throws -> [String] {
        let out = Paths.temporaryDirectory("links")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Run.vpcgraph(["render", "--jobs", "1", "--format", "svg"] + arguments + ["-o", out.path], currentDirectory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        var hrefs: [String] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() where name.hasSuffix(".svg") {
            let svg = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            hrefs += svg.components(separatedBy: "xlink:href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        return hrefs
    }

    static let console = "https://console.aws.amazon.com/"

    @Test func aStateLinksItsResourcesToTheConsole() throws {
        let hrefs = try Self.hrefs(["--from", "terraform", "--link", "console", "vpc-module/state.json"], in: TF.fixtures).filter { $0.hasPrefix(Self.console) }
        let vpc = try #require(TF.load("vpc-module/state.json").topology?.allVPCs.first?.vpc)
        #expect(hrefs.contains("\(Self.console)vpcconsole/home?region=eu-west-1#VpcDetails:VpcId=\(vpc.id)"))
        #expect(hrefs.count > 10)
    }

    @Test func aPlanMakesNoConsoleLinkButDocsLinksStay() throws {
        let console = try Self.hrefs(["--from", "terraform", "--link", "console", "vpc-module/plan.json"], in: TF.fixtures)
        #expect(!console.contains { $0.hasPrefix(Self.console) }, "\(console.filter { $0.hasPrefix(Self.console) })")
        let docs = try Self.hrefs(["--from", "terraform", "--link", "docs", "vpc-module/plan.json"], in: TF.fixtures)
        #expect(docs.contains("plan.md#module.vpc.aws_nat_gateway.this-0-"))
        #expect(docs.contains("plan.md#module.endpoints.aws_vpc_endpoint.this--s3--"))
        #expect(docs.filter { $0.hasPrefix("plan.md#") }.count > 10)
    }

    @Test func aTemplatesLogicalIDsMakeNoConsoleLink() throws {
        let folder = Paths.repository.appendingPathComponent("Tests/CloudFormationImportTests/Fixtures/cloudformation")
        let console = try Self.hrefs(["--from", "cloudformation", "--link", "console", "cdk-cidr.json"], in: folder)
        #expect(!console.contains { $0.hasPrefix(Self.console) }, "\(console.filter { $0.hasPrefix(Self.console) })")
        let docs = try Self.hrefs(["--from", "cloudformation", "--link", "docs", "cdk-cidr.json"], in: folder)
        #expect(docs.contains("cdk-cidr.md#vpc-LakeVpc1A2B3C4D"))
    }

    @Test func awsAssignedIDsHaveAWSsForm() {
        #expect(IDRules.isAWSAssigned("vpc-0a1b2c3d4e5f60718", as: .vpc))
        #expect(IDRules.isAWSAssigned("vpc-0a1b2c3d", as: .vpc))
        #expect(IDRules.isAWSAssigned("rslvr-in-0a1b2c3d4e5f60718", as: .inboundResolverEndpoint))
        #expect(IDRules.isAWSAssigned("Z0123456789ABCDEFGHIJ", as: .hostedZone))
        #expect(!IDRules.isAWSAssigned("vpc-Vpc", as: .vpc))
        #expect(!IDRules.isAWSAssigned("rtb-Vpc-main", as: .routeTable))
        #expect(!IDRules.isAWSAssigned("module.vpc.aws_vpc.this[0]", as: .vpc))
        #expect(!IDRules.isAWSAssigned("aws_vpc.app.main_route_table_id", as: .routeTable))
        #expect(!IDRules.isAWSAssigned("vpc-1", as: .vpc))
        #expect(!IDRules.isAWSAssigned("subnet-0a1b2c3d4e5f60718", as: .vpc))
        #expect(!IDRules.isAWSAssigned("vpc-0A1B2C3D", as: .vpc))
    }
}
