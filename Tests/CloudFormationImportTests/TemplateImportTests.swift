import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel
import VPCReaders
@testable import CloudFormationImport

/// The fixtures: templates written to CloudFormation's resource reference.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cloudformation")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Imports and checks a fixture as `render --from cloudformation` does; diagnostics printed with
    /// the fixture's name as file, for goldens that do not depend on where the repository is.
    static func load(_ name: String, _ options: CloudFormationOptions = CloudFormationOptions()) -> (topology: Topology?, diagnostics: [String]) {
        let (topology, diagnostics) = Pipeline.loadCloudFormation(path: path(name), options: options)
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: diagnostics)
        return (topology, collector.sorted.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") })
    }
}

@Suite struct TemplateGoldenTests {
    /// Each fixture with the options it is read with.
    static let cases: [(file: String, options: CloudFormationOptions)] = [
        ("app-vpc.yaml", CloudFormationOptions(region: "eu-west-1")),
        ("shared-services.yaml", CloudFormationOptions()),
        ("multi-region-eu-west-1.yaml", CloudFormationOptions()),
        ("multi-region-eu-central-1.yaml", CloudFormationOptions()),
        ("conditions.yaml", CloudFormationOptions()),
        ("cdk-app.json", CloudFormationOptions(region: "eu-west-1")),
        ("network-facts.yaml", CloudFormationOptions()),
        ("cdk-cidr.json", CloudFormationOptions(region: "eu-west-1")),
    ]

    static func check(_ actual: String, _ name: String, _ file: String) {
        if let problem = Golden.mismatch(actual, file: Fixtures.folder.appendingPathComponent("\(name)/\(file)")) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The YAML export and the diagnostics of each fixture, and its export reads back as the same model.
    @Test(arguments: cases.map(\.file)) func exportAndDiagnostics(file: String) throws {
        let options = Self.cases.first { $0.file == file }!.options
        let name = Pipeline.baseName(of: file)
        let (topology, diagnostics) = Fixtures.load(file, options)
        #expect(!diagnostics.contains { $0.contains(": error: ") }, "\(diagnostics)")
        let imported = try #require(topology)
        let yaml = TopologyWriter.write(imported)
        Self.check(yaml, name, "\(name).topology.yaml")
        Self.check(diagnostics.map { $0 + "\n" }.joined(), name, "diagnostics.txt")
        let (parsed, reparsed) = TopologyParser.parse(yaml, file: "topology.yaml")
        #expect(reparsed.filter { $0.severity == .error }.map(\.description) == [])
        #expect(parsed == imported)
    }

    /// Rendered like the other inputs: DOT, SVG and Markdown, byte for byte.
    @Test(arguments: cases.map(\.file)) func render(file: String) throws {
        let options = Self.cases.first { $0.file == file }!.options
        let name = Pipeline.baseName(of: file)
        let topology = try #require(Fixtures.load(file, options).topology)
        let (files, diagnostics) = Pipeline(formats: [.dot, .svg, .md]).render(topology, name: name)
        #expect(diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(files.map(\.fileName).sorted() == ["\(name).dot", "\(name).md", "\(name).svg"])
        for output in files { Self.check(output.contents, name, output.fileName) }
    }
}

@Suite struct TemplateContentTests {
    @Test func parameterOverridesTheDefault() throws {
        let topology = try #require(Fixtures.load("app-vpc.yaml", CloudFormationOptions(parameters: [("PrivateSubnetCidrs", "10.0.20.0/24,10.0.21.0/24")], region: "eu-west-1")).topology)
        let subnets = topology.regions[0].vpcs[0].subnets
        #expect(subnets.map(\.cidr.description) == ["10.0.0.0/24", "10.0.1.0/24", "10.0.20.0/24", "10.0.21.0/24"])
    }

    @Test func getAZsFollowsTheRegion() throws {
        let topology = try #require(Fixtures.load("app-vpc.yaml", CloudFormationOptions(region: "us-west-2")).topology)
        #expect(topology.regions.map(\.name) == ["us-west-2"])
        #expect(topology.regions[0].vpcs[0].subnets.map(\.availabilityZone) == ["us-west-2a", "us-west-2b", "us-west-2a", "us-west-2b"])
        #expect(topology.regions[0].vpcs[0].gatewayEndpoints.map(\.service.fullName) == ["com.amazonaws.us-west-2.s3", "com.amazonaws.us-west-2.dynamodb"])
    }

    /// A parameter that turns a condition false leaves its resources out, and the `!If`s follow.
    @Test func conditionsFollowParameters() throws {
        let prod = try #require(Fixtures.load("conditions.yaml").topology).regions[0].vpcs[0]
        let dev = try #require(Fixtures.load("conditions.yaml", CloudFormationOptions(parameters: [("Environment", "dev")])).topology).regions[0].vpcs[0]
        #expect(prod.natGateways.map(\.id) == ["nat-NatA", "nat-NatB"])
        #expect(dev.natGateways.map(\.id) == ["nat-NatA"])
        #expect(prod.cidrs.map(\.description) == ["10.60.0.0/16", "100.64.0.0/16"])
        // dev is not in eu-west-1 (us-east-1 by default): no secondary CIDR, and AppA's 100.64.1.0/24 is outside the VPC.
        let devDiagnostics = Fixtures.load("conditions.yaml", CloudFormationOptions(parameters: [("Environment", "dev")])).diagnostics
        #expect(devDiagnostics.contains("conditions.yaml:56:18: error: subnet 'subnet-AppA' cidr '100.64.1.0/24' is outside vpc 'vpc-Vpc' (10.61.0.0/16) [subnet-outside-vpc]"), "\(devDiagnostics)")
        #expect(dev.routeTables.first { $0.id == "rtb-AppRoutes" }?.routes.map(\.target.id) == ["nat-NatA"])
        #expect(dev.name == "dev-edge")
    }

    @Test func intrinsicsEvaluate() throws {
        let template = """
            Parameters:
              Zones: {Type: CommaDelimitedList, Default: "a,b"}
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: !Join ["", [!Select [0, !Split [".", "10.1.2.3"]], ".7.0.0/16"]]
                  Tags: [{Key: Name, Value: !Sub ["${!Literal}-${Zone}-${AWS::Region}", {Zone: !Select [1, !Ref Zones]}]}]
            """
        let (topology, diagnostics) = CloudFormationImporter.importTemplate(text: template, file: "t.yaml", options: CloudFormationOptions(region: "eu-west-3"))
        #expect(diagnostics.map(\.description) == [])
        let vpc = try #require(topology?.regions.first?.vpcs.first)
        #expect(vpc.cidrs.map(\.description) == ["10.7.0.0/16"])
        #expect(vpc.name == "${Literal}-b-eu-west-3")
    }
}

@Suite struct TemplateDiagnosticTests {
    /// Full printed diagnostics of a template that cannot be read.
    static func diagnostics(_ text: String, file: String = "template.yaml", _ options: CloudFormationOptions = CloudFormationOptions(region: "eu-west-1")) -> [String] {
        let (topology, diagnostics) = CloudFormationImporter.importTemplate(text: text, file: file, options: options)
        #expect(topology == nil)
        var collector = DiagnosticCollector()
        collector.emit(contentsOf: diagnostics)
        return collector.sorted.map(\.description)
    }

    static let vpc = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}

        """

    @Test func unresolvableRef() {
        let text = Self.vpc + """
              PrivateA:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpcc
                  CidrBlock: 10.0.1.0/24
                  AvailabilityZone: eu-west-1a
            """
        #expect(Self.diagnostics(text) == ["template.yaml:8:14: error: Subnet 'PrivateA': !Ref 'Vpcc' is not a parameter or resource (did you mean 'Vpc'?) [cfn-unresolved-ref]"])
    }

    @Test func unknownTag() {
        let text = Self.vpc + """
              PrivateA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: !Reff Vpc, CidrBlock: !GetAtt [Vpc, CidrBlock], AvailabilityZone: eu-west-1a}
            """
        #expect(Self.diagnostics(text) == ["template.yaml:7:25: error: Subnet 'PrivateA': unknown tag '!Reff' (did you mean '!Ref'?) [cfn-unknown-tag]"])
    }

    @Test func unknownLongFormAndGetAtt() {
        let text = Self.vpc + """
              PrivateA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: {"Fn::Reff": Vpc}, CidrBlock: !GetAtt Vpx.CidrBlock, AvailabilityZone: eu-west-1a}
            """
        #expect(Self.diagnostics(text) == [
            "template.yaml:7:26: error: Subnet 'PrivateA': unknown intrinsic function 'Fn::Reff' [cfn-unknown-tag]",
            "template.yaml:7:55: error: Subnet 'PrivateA': !GetAtt 'Vpx.CidrBlock' names no resource of the template (did you mean 'Vpc'?) [cfn-unresolved-ref]",
        ])
    }

    @Test func invalidYAML() {
        #expect(Self.diagnostics("Resources:\n  Vpc: {Type: AWS::EC2::VPC\n") == [
            "template.yaml:3:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 2) [yaml-syntax]",
        ])
    }

    @Test func invalidJSON() {
        #expect(Self.diagnostics("{\"Resources\": {\n  \"Vpc\": {\"Type\": \"AWS::EC2::VPC\" \"Properties\": {}}}}\n", file: "template.json") == [
            "template.json:2:35: error: did not find expected ',' or '}' (while parsing a flow mapping at line 2) [yaml-syntax]",
        ])
    }

    @Test func wrongReferenceAndUnknownParameter() {
        let text = Self.vpc + """
              Table:
                Type: AWS::EC2::RouteTable
                Properties: {VpcId: !Ref Vpc}
              PrivateA:
                Type: AWS::EC2::Subnet
                Properties: {VpcId: !Ref Table, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}
            """
        #expect(Self.diagnostics(text, CloudFormationOptions(parameters: [("Cidr", "10.0.0.0/8")], region: "eu-west-1")) == [
            "template.yaml: error: --parameter 'Cidr': the template has no parameter 'Cidr' [cfn-parameter]",
        ])
        #expect(Self.diagnostics(text) == [
            "template.yaml:10:25: error: Subnet 'PrivateA': 'VpcId' refers to 'Table', a AWS::EC2::RouteTable, not a AWS::EC2::VPC [cfn-wrong-type]",
        ])
    }

    /// Aliases that expand past the budget are refused before evaluation.
    @Test func aliasBombIsRefused() {
        var lines = ["Metadata:", "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<9 { lines.append("  a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]") }
        let text = lines.joined(separator: "\n") + "\n" + Self.vpc
        #expect(Self.diagnostics(text) == [
            "template.yaml:1:1: error: the document expands to more than 10000000 values (through YAML aliases); vpcgraph reads no more [input-too-large]",
        ])
    }
}

/// The fixtures are valid CloudFormation by AWS's own linter (`make test-deps` installs it).
/// W3010 ("avoid hardcoding availability zones") is style: the samples name their zones.
@Suite struct TemplateLintTests {
    @Test func fixturesPassCfnLint() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted()
        #expect(files.count == 8)
        let result = try Run.process("/usr/bin/env", ["cfn-lint", "--regions", "eu-west-1", "--ignore-checks", "W3010", "--"] + files.map(Fixtures.path))
        #expect(result.status == 0, "cfn-lint (run 'make test-deps' if it is missing):\n\(result.stdout)\(result.stderr)")
    }
}

/// Every rule id the importer gives is documented in the README.
@Suite struct TemplateRuleDocumentationTests {
    @Test func everyRuleIsInTheREADME() throws {
        let sources = Paths.repository.appendingPathComponent("Sources/CloudFormationImport")
        let readme = try String(contentsOf: Paths.repository.appendingPathComponent("README.md"), encoding: .utf8)
        var rules: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            var rest = Substring(text)
            while let start = rest.range(of: "rule: \"") {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                rules.insert(String(after[..<end]))
                rest = after[end...]
            }
        }
        #expect(rules.contains("cfn-unresolved-ref"))
        let missing = rules.sorted().filter { !readme.contains("`\($0)`") }
        #expect(missing == [], "rule ids missing from the README: \(missing)")
    }
}
