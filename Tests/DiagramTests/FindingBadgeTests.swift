import Diagram
import Foundation
import Pipeline
import Testing
import VPCModel
import VPCReaders

/// The article's advice on the picture: the resource a finding is about carries an "advice"
/// badge in the SVG, the finding (rule and message) in its tooltip; accepted findings do not.
@Suite struct FindingBadgeTests {
    /// One VPC in two zones whose SSM interface endpoint is in one of them only.
    static func yaml(ignore: Bool = false) -> String {
        let accepted = ignore ? ", ignore: [{rule: endpoint-single-az, reason: dev account}]" : ""
        return """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: {support: true, hostnames: true}
                internet_gateway: igw-1
                subnets:
                  - {id: subnet-pa, az: eu-west-1a, cidr: 10.0.0.0/24, route_table: rtb-pub}
                  - {id: subnet-a1, az: eu-west-1a, cidr: 10.0.1.0/24, route_table: rtb-priv}
                  - {id: subnet-b1, az: eu-west-1b, cidr: 10.0.2.0/24, route_table: rtb-priv}
                nat_gateways:
                  - {id: nat-1, subnet: subnet-pa}
                route_tables:
                  - {id: rtb-pub, routes: {0.0.0.0/0: igw-1}}
                  - {id: rtb-priv, main: true, routes: {0.0.0.0/0: nat-1}}
                security_groups:
                  - {id: sg-1, ingress: [{protocol: tcp, ports: 443, from: 10.0.0.0/16}]}
                endpoints:
                  - {id: vpce-s3, service: s3, type: gateway, route_tables: [rtb-priv]}
                  - {id: vpce-ssm, service: ssm, security_groups: [sg-1], interfaces: {subnet-a1: 10.0.1.10}\(accepted)}
        """
    }

    func svg(_ yaml: String, view: DiagramView = .full) throws -> String {
        let (parsed, diagnostics) = TopologyParser.parse(yaml, file: "net.yaml")
        let topology = try #require(parsed)
        #expect(diagnostics.filter { $0.severity == .error } == [])
        let (files, problems) = Pipeline(formats: [.svg], view: view).render(topology, name: "net")
        #expect(problems == [])
        return Self.plain(try #require(files.first { $0.fileName.hasSuffix(".svg") }).contents)
    }

    /// Graphviz writes '-' and '\'' as character references; the tests read plain text.
    static func plain(_ svg: String) -> String {
        svg.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&#39;", with: "'")
    }

    /// The SVG group of the element whose id is `id`.
    func element(_ id: String, in svg: String) throws -> String {
        let start = try #require(svg.range(of: "<g id=\"\(id)\""), "no element \(id)")
        let end = try #require(svg.range(of: "</g>", range: start.upperBound..<svg.endIndex))
        return String(svg[start.lowerBound..<end.upperBound])
    }

    @Test(arguments: [DiagramView.full, .vpc]) func theEndpointAtFaultCarriesTheBadgeAndTheFinding(view: DiagramView) throws {
        let picture = try svg(Self.yaml(), view: view)
        let endpoint = try element("vpce-ssm", in: picture)
        #expect(endpoint.contains(">advice</text>"), "\(endpoint)")
        #expect(endpoint.contains("warning [endpoint-single-az]: interface endpoint 'vpce-ssm' is only in eu-west-1a"), "\(endpoint)")
        // Only the resource at fault is marked.
        #expect(picture.components(separatedBy: ">advice</text>").count == 2)
    }

    @Test func anAcceptedFindingDrawsNoBadge() throws {
        let picture = try svg(Self.yaml(ignore: true))
        #expect(!picture.contains(">advice</text>"))
        #expect(!picture.contains("endpoint-single-az"))
    }

    @Test func theSamplesBadgeExactlyWhatCheckFinds() throws {
        for url in SampleRendering.samples {
            let topology = try SampleRendering.load(url)
            let findings = topology.advise().filter { $0.severity != .note }
            let files = try SampleRendering.render(url, formats: [.svg])
            let svg = Self.plain(try #require(files.values.first))
            for finding in findings {
                #expect(svg.contains("[\(finding.ruleID)]"), "\(url.lastPathComponent): \(finding.ruleID) not drawn")
            }
            if topology.advise().isEmpty { #expect(!svg.contains(">advice")) }
        }
    }
}
