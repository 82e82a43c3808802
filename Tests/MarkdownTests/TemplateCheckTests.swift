import Foundation
@testable import Markdown
import Testing
import TestSupport
import VPCModel
import VPCReaders

/// The load-time check of templates: one list of transforms (`TemplateTransform`), names checked
/// against the view model's schema (`NodeSchema.document`), and the schema held to what
/// `DocumentBuilder` really builds.
@Suite struct TemplateCheckTests {
    /// The diagnostics of a directory holding only `files` (the rest comes from the built-in set).
    static func diagnostics(_ files: [String: String]) throws -> (dir: String, messages: [String]) {
        let dir = Paths.temporaryDirectory("vpcgraph-check").path
        for (name, text) in files { try TemplateSetTests.write(text, to: "\(dir)/\(name)") }
        return (dir, TemplateSetTests.diagnostics(loading: dir))
    }

    static let transformList = "code, anchor, html, url, capitalized, lowercased, uppercased, first, last, reversed, count, empty, "
        + "equalzero, plusone, minusone, even, odd, index"

    @Test func transformsTheRendererDoesNotHaveAreRefusedWithTheList() throws {
        let (dir, messages) = try Self.diagnostics([
            "summary.mustache": "Regions:\n{{#sorted(regionNames)}}- {{.}}\n{{/sorted(regionNames)}}\n",
            "vpcs.mustache": "{{#regions}}\n  {{#enumerated(vpcs)}}{{id}}{{/enumerated(vpcs)}}\n{{/regions}}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == [
            "\(dir)/summary.mustache:2:1: error: unknown transform 'sorted'; transforms are: \(Self.transformList) [template-syntax]",
            "\(dir)/vpcs.mustache:2:3: error: unknown transform 'enumerated'; transforms are: \(Self.transformList) [template-syntax]",
        ])
    }

    @Test func theListOfTransformsIsTheEnum() {
        #expect(TemplateTransform.names == Self.transformList)
        // An inner transform is checked as well as the outer one.
        #expect(throws: TemplateParseError(offset: 2, message: "unknown transform 'sortd'; transforms are: \(Self.transformList)")) {
            try Template("x {{code(sortd(list))}}")
        }
    }

    @Test func aMisspeltNameIsAnErrorWithASuggestion() throws {
        let (dir, messages) = try Self.diagnostics([
            "document.mustache": "# {{titel}}\n\n{{> vpcs}}\n",
            "vpcs.mustache": "{{#regions}}\n{{#vpcs}}\n- {{dispayName}} {{code(cidr)}}\n{{/vpcs}}\n{{/regions}}\n{{counts.vpcs.m}} {{xyzzy}}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == [
            "\(dir)/document.mustache:1:3: error: unknown name 'titel' at the top level; did you mean 'title'? [template-name]",
            "\(dir)/vpcs.mustache:3:3: error: unknown name 'dispayName' in section 'vpcs'; did you mean 'displayName'? [template-name]",
            "\(dir)/vpcs.mustache:3:18: error: unknown name 'cidr' in section 'vpcs'; did you mean 'cidrs'? [template-name]",
            "\(dir)/vpcs.mustache:6:1: error: unknown name 'm' in 'counts.vpcs'; did you mean 'n'? [template-name]",
            "\(dir)/vpcs.mustache:6:19: error: unknown name 'xyzzy' at the top level [template-name]",
        ])
    }

    @Test func valuesOfTheWrongKindAreErrors() throws {
        let (dir, messages) = try Self.diagnostics([
            "vpcs.mustache": """
                {{regions}} {{counts}}
                {{#regions}}{{#vpcs}}{{code(cidrs)}} {{plusone(name)}}{{/vpcs}}{{/regions}}
                {{#first()}}x{{/first()}} {{count()}} {{title.n}}
                {{#counts}}{{.vpcs.n}} {{.title}}{{/counts}}

                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == [
            "\(dir)/vpcs.mustache:1:1: error: 'regions' is a list and prints nothing; use it as a section: {{#regions}}…{{/regions}} [template-type]",
            "\(dir)/vpcs.mustache:1:13: error: 'counts' is a node and prints nothing; print one of its names, or use it as a section [template-type]",
            "\(dir)/vpcs.mustache:2:22: error: transform 'code' applies to input text, not to a list ('code(cidrs)') [template-type]",
            "\(dir)/vpcs.mustache:2:38: error: transform 'plusone' applies to a number, not to input text ('plusone(name)') [template-type]",
            "\(dir)/vpcs.mustache:3:1: error: 'first()' is only known in the items of a list section [template-type]",
            "\(dir)/vpcs.mustache:3:27: error: transform 'count' needs a value: 'count()' is not a list item's position [template-type]",
            "\(dir)/vpcs.mustache:3:39: error: unknown name 'n' in 'title', which is input text and has no names [template-name]",
            "\(dir)/vpcs.mustache:4:24: error: unknown name 'title' in section 'counts' [template-name]",
        ])
    }

    @Test func partialsThatIncludeThemselvesAreRefused() throws {
        let (dir, messages) = try Self.diagnostics([
            "document.mustache": "{{> summary}}\n",
            "summary.mustache": "{{#regions}}{{> vpcs}}{{/regions}}\n",
            "vpcs.mustache": "{{#vpcs}}\n  {{> summary}}\n{{/vpcs}}\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == ["\(dir)/vpcs.mustache:2:3: error: partial 'summary' includes itself (summary → vpcs → summary) [template-syntax]"])
    }

    @Test func namesAreCheckedUnderOtherDelimitersToo() throws {
        // The scanner leaves templates that change delimiters to the parser and the check.
        let (dir, messages) = try Self.diagnostics([
            "summary.mustache": "{{=<% %>=}}\n<%# regions %><% nmae %><%/ regions %> <%> sumary %>\n<% sorted(regionNames) %>\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == ["\(dir)/summary.mustache:3:1: error: unknown transform 'sorted'; transforms are: \(Self.transformList) [template-syntax]"])
        try TemplateSetTests.write("{{=<% %>=}}\n<%# regions %><% nmae %><%/ regions %> <%> sumary %>\n", to: "\(dir)/summary.mustache")
        #expect(TemplateSetTests.diagnostics(loading: dir) == [
            "\(dir)/summary.mustache:2:15: error: unknown name 'nmae' in section 'regions'; did you mean 'name'? [template-name]",
            "\(dir)/summary.mustache:2:40: error: unknown partial 'sumary' [template-syntax]",
        ])
    }

    @Test func aCorrectCustomTemplateWithDottedAndEnclosingNamesRenders() throws {
        let (dir, messages) = try Self.diagnostics([
            "document.mustache": """
                # {{title}} ({{counts.vpcs.n}} VPC{{#counts.vpcs.plural}}s{{/counts.vpcs.plural}})
                {{#regions}}
                {{#vpcs}}
                {{#subnets}}
                - {{code(id)}} in {{displayName}}, {{code(region)}}{{#tier.public}}, public{{/tier.public}}{{#routeTable}} → {{code(id)}}{{/routeTable}}{{#last()}} (last of {{count(subnets)}} in {{title}}){{/last()}}
                {{/subnets}}
                {{/vpcs}}
                {{/regions}}
                {{#cost}}{{#interfaceEndpoints}}{{#first()}}First endpoint: {{endpoint.link}} in {{vpc.link}}, {{monthly}} of {{total}}{{/first()}}{{/interfaceEndpoints}}{{/cost}}

                """,
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(messages == [])
        let markdown = renderMarkdown(SampleTopologies.appVPC, documentName: "app", templates: try TemplateSet(directory: dir))
        #expect(markdown == """
            # App VPC endpoints (1 VPC)
            - `subnet-0a00000000000001a` in app, `eu-west-1`, public → `rtb-0000000000000public`
            - `subnet-0a00000000000001b` in app, `eu-west-1`, public → `rtb-0000000000000public`
            - `subnet-0a00000000000002a` in app, `eu-west-1` → `rtb-00000000000private-a`
            - `subnet-0a00000000000002b` in app, `eu-west-1` → `rtb-00000000000private-b`
            - `subnet-0a00000000000003a` in app, `eu-west-1` → `rtb-000000000000000main` (last of 5 in App VPC endpoints)
            First endpoint: [`vpce-0a1a1a1a1a1a1a1a1`](#vpce-0a1a1a1a1a1a1a1a1) in [`vpc-0a1b2c3d4e5f60718`](#vpc-0a1b2c3d4e5f60718), $14.60 of $62.05

            """)
    }

    @Test func theBuiltInTemplatesPassTheCheck() {
        #expect(TemplateCheck.problems(of: TemplateSet.documentTemplate, in: TemplateSet.builtIn.parsed, root: .document) == [])
    }

    // MARK: - The schema is what the builder builds

    /// Every field of `value` must be declared, with its kind; `seen` collects the paths found.
    static func conform(_ value: TemplateValue, to type: TemplateType, path: String, seen: inout Set<String>, problems: inout [String]) {
        switch (type, value) {
        case (.optional, .none):
            return
        case (.optional(let wrapped), _):
            conform(value, to: wrapped, path: path, seen: &seen, problems: &problems)
        case (.text, .text), (.fragment, .fragment), (.string, .string), (.bool, .bool), (.int, .int):
            return
        case (.node(let schema), .node(let node)):
            for (key, field) in node.entries {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let declared = schema[key] else {
                    problems.append("\(child): built, not in the schema")
                    continue
                }
                seen.insert(child)
                conform(field, to: declared, path: child, seen: &seen, problems: &problems)
            }
        case (.list(let element), .list(let items)):
            for item in items { conform(item, to: element, path: path + "[]", seen: &seen, problems: &problems) }
        default:
            problems.append("\(path): built as \(value), declared \(type.words)")
        }
    }

    /// Every path the schema declares, as `conform` writes them.
    static func paths(_ type: TemplateType, path: String) -> [String] {
        switch type.unwrapped {
        case .node(let schema):
            schema.fields.flatMap { field -> [String] in
                let child = path.isEmpty ? field.name : "\(path).\(field.name)"
                return [child] + paths(field.type, path: child)
            }
        case .list(let element):
            paths(element, path: path + "[]")
        default:
            []
        }
    }

    /// What the samples leave out: resolver rules, policies of gateway endpoints, a subnet without
    /// a route table, record values, transit gateway attachments of VPNs and peerings, a client
    /// answered by a hosted zone without the name, a VPC without DNS support.
    static let coverage = """
        title: Schema coverage
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.1.0.0/16
                ipv6_cidrs: ["2001:db8::/56"]
                dns: {support: true, hostnames: true}
                dhcp_options: {id: dopt-1, name: corp, domain_name: corp.example.com, domain_name_servers: [10.1.0.2], ntp_servers: [10.1.0.3]}
                egress_only_internet_gateway: {id: eigw-1, name: v6}
                vpn_gateway: {id: vgw-1, name: v, direct_connect_gateways: [dxgw-1]}
                subnets:
                  - {id: subnet-1a, az: eu-west-1a, cidr: 10.1.1.0/24, route_table: rtb-1, ipv6_cidrs: ["2001:db8::/64"]}
                  - {id: subnet-1b, az: eu-west-1b, cidr: 10.1.2.0/24}
                route_tables:
                  - {id: rtb-1, gateways: [vgw-1], routes: {0.0.0.0/0: tgw-1, 10.9.0.0/16: vpce-1l, 10.8.0.0/16: pcx-1}}
                network_acls:
                  - id: acl-1
                    name: web
                    default: true
                    subnets: [subnet-1a]
                    ingress: [{rule: 100, action: allow, protocol: tcp, ports: 443, cidr: 0.0.0.0/0}]
                    egress: [{rule: 32767, action: deny, protocol: all, cidr: 0.0.0.0/0}]
                nat_gateways:
                  - {id: nat-1, subnet: subnet-1b, state: pending, secondary_private_ips: [10.1.2.7], secondary_public_ips: [203.0.113.7]}
                security_groups:
                  - {id: sg-1, egress: [{protocol: tcp, ports: 443, to: 0.0.0.0/0}]}
                endpoints:
                  - {id: vpce-1l, service: com.amazonaws.vpce.eu-west-1.vpce-svc-1, type: gateway_load_balancer, subnet: subnet-1b, ip: 10.1.2.30}
                  - {id: vpce-1p, service: ssm, type: interface, private_dns: false, state: pending-acceptance, interfaces: {subnet-1b: 10.1.2.40}}
                  - id: vpce-1g
                    service: s3
                    type: gateway
                    route_tables: [rtb-1]
                    policy: '{"Statement": [{"Sid": "A", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]}'
                  - {id: vpce-2g, service: dynamodb, type: gateway, route_tables: [rtb-1], policy: 'not a policy'}
                  - {id: vpce-1i, service: sqs, type: interface, private_dns: false, interfaces: {subnet-1a: 10.1.1.10}, ip_address_type: dualstack,
                     dns_record_ip_type: dualstack, requester_managed: true, additional_private_dns_names: [sqs.example.com]}
                  - id: vpce-1r
                    name: db
                    type: resource
                    resource_configuration: "arn:aws:vpc-lattice:eu-west-1:111111111111:resourceconfiguration/rcfg-1"
                    service_network: "arn:aws:vpc-lattice:eu-west-1:111111111111:servicenetwork/sn-1"
                    subnets: [subnet-1a]
                    security_groups: [sg-1]
                    private_dns: true
                    dns_names: [db.example.on.aws]
                    ip_address_type: ipv4
                    state: pending
                resolver_endpoints:
                  - {id: rslvr-out-1, direction: outbound, ips: {subnet-1a: 10.1.1.20, subnet-1b: 10.1.2.20}}
                  - {id: rslvr-in-1, direction: inbound, ips: {subnet-1a: 10.1.1.30, subnet-1b: 10.1.2.30}}
              - id: vpc-2
                cidr: 10.2.0.0/16
                dns: {support: false}
                subnets:
                  - {id: subnet-2a, az: eu-west-1a, cidr: 10.2.1.0/24}
                endpoints:
                  - {id: vpce-2i, service: sns, type: interface, private_dns: false, interfaces: {subnet-2a: 10.2.1.10}}
              - id: vpc-3
                cidr: 10.3.0.0/16
                subnets:
                  - {id: subnet-3a, az: eu-west-1a, cidr: 10.3.1.0/24}
                endpoints:
                  - {id: vpce-3i, service: kms, type: interface, private_dns: false, interfaces: {subnet-3a: 10.3.1.10}}
            transit_gateways:
              - id: tgw-1
                attachments:
                  - {id: tgw-attach-1, vpc: vpc-1, subnets: [subnet-1a]}
                  - {id: tgw-attach-2, vpn: vpn-1}
                  - {id: tgw-attach-3, peer: tgw-2}
                  - {id: tgw-attach-4, direct_connect_gateway: dxgw-2}
                direct_connect_gateways: [{id: dxgw-2, name: dx, asn: 64512, allowed_prefixes: [10.0.0.0/8]}]
                route_tables:
                  - id: tgw-rtb-1
                    name: spokes
                    default_association: true
                    default_propagation: true
                    associations: [tgw-attach-1]
                    propagations: [tgw-attach-1]
                    routes: [{destination: 10.1.0.0/16, attachments: [tgw-attach-1], type: propagated}, {destination: 10.7.0.0/16, state: blackhole}]
              - {id: tgw-2}
            peerings:
              - {id: pcx-1, vpcs: [vpc-8, vpc-1]}
              - {id: pcx-2, vpcs: [vpc-2, vpc-9]}
            external_vpcs:
              - {id: vpc-8, owner: 999999999999, region: us-east-2, cidrs: [10.8.0.0/16]}
              - {id: vpc-9, owner: 888888888888, cidrs: [10.9.0.0/16]}
            prefix_lists:
              - {id: pl-1, name: offices, address_family: IPv4, max_entries: 5, owner: 111111111111, entries: [{cidr: 198.51.100.0/24, description: Berlin}]}
            vpn_connections:
              - id: vpn-1
                transit_gateway: tgw-1
                customer_gateway: cgw-1
                on_premises: dc
                customer_gateway_ip: 198.51.100.7
                customer_gateway_asn: 65000
                tunnels: [{outside_ip: 203.0.113.1, status: DOWN, status_message: IPSEC IS DOWN}]
            private_hosted_zones:
              - {id: Z1, name: example.internal, vpcs: [vpc-1], records: [{name: db.example.internal, type: A, values: [10.1.1.5]}]}
              - {id: Z2, name: kms.eu-west-1.amazonaws.com, vpcs: [vpc-3]}
            resolver_rules:
              - {id: rslvr-rr-1, name: corp, domain: amazonaws.com, resolver_endpoint: rslvr-out-1, targets: [172.16.0.2], vpcs: [vpc-1]}
        on_premises:
          - {id: dc, cidrs: [172.16.0.0/12], dns_servers: [172.16.0.2], forward: {example.internal: 10.1.1.99}}
          - {id: dc2, cidrs: [192.168.0.0/16]}

        """

    @Test func templateNamesAreWhatTheBuilderMakes() throws {
        var seen: Set<String> = [], problems: [String] = []
        let (parsed, diagnostics) = TopologyParser.parse(Self.coverage, file: "coverage.yaml")
        let all = diagnostics + (parsed?.validate() ?? [])
        #expect(!all.contains { $0.severity == .error }, "\(all.map(\.description))")
        let coverage = try #require(parsed)
        for name in DocumentCases.names + ["coverage"] {
            let topology = try #require(name == "coverage" ? coverage : DocumentCases.topology(name), "\(name) does not load")
            var builder = DocumentBuilder(topology: topology, documentName: name, prices: TemplateSet.builtIn.prices)
            var caseProblems: [String] = []
            Self.conform(.node(builder.build()), to: .node(.document), path: "", seen: &seen, problems: &caseProblems)
            problems += caseProblems.map { "\(name): \($0)" }
        }
        #expect(Set(problems).sorted() == [], "the builder sets names the schema does not declare")
        let unseen = Self.paths(.node(.document), path: "").filter { !seen.contains($0) }
        #expect(unseen == [], "the schema declares names no sample builds")
    }

    // MARK: - Transforms: what the check expects is what the renderer does

    @Test func everyTransformGivesTheKindTheCheckExpects() {
        let samples: [(TemplateType, TemplateValue)] = [
            (.text, .text("b|a")), (.fragment, .fragment("**x**")), (.string, .string("b a")), (.bool, .bool(true)), (.int, .int(3)),
            (.list(.text), .list([.text("x"), .text("y")])), (.node(NodeSchema(["a": .int])), .node(["a": 1])),
        ]
        func kind(_ type: TemplateType) -> String { "\(type.unwrapped)".prefix { $0 != "(" }.description }
        func kind(_ value: TemplateValue) -> String { "\(value)".prefix { $0 != "(" }.description }
        for transform in TemplateTransform.allCases {
            for (type, value) in samples {
                let expected = transform.result(of: type), result = transform.apply(to: value)
                if let expected {
                    #expect(kind(expected) == kind(result), "\(transform)(\(type.words))")
                } else {
                    #expect(kind(result) == "none", "\(transform)(\(type.words)) is refused by the check but gives \(result)")
                }
            }
            let position = transform.apply(to: ListPosition(first: true, last: false, index: 2))
            #expect(kind(position) == (transform.positionResult.map(kind) ?? "none"), "\(transform)()")
        }
        #expect(TemplateTransform.code.appliesTo == "input text")
        #expect(TemplateTransform.empty.appliesTo == "input text, a string, a list or a node")
        #expect(TemplateTransform.first.appliesTo == "a list or a list item's position (first())")
    }

    // MARK: - README

    @Test func theReadmeListsTheSchemasNames() throws {
        let url = Paths.repository.appendingPathComponent("README.md")
        let readme = try String(contentsOf: url, encoding: .utf8)
        let begin = "<!-- template-names: begin; generated from NodeSchema.document, TemplateCheckTests keeps it in sync -->\n"
        let end = "<!-- template-names: end -->"
        let start = try #require(readme.range(of: begin), "README has no template-names block")
        let stop = try #require(readme.range(of: end, range: start.upperBound..<readme.endIndex))
        let listed = String(readme[start.upperBound..<stop.lowerBound])
        let expected = NodeSchema.documentation()
        if listed != expected {
            if Golden.updating {
                try (String(readme[..<start.upperBound]) + expected + String(readme[stop.lowerBound...])).write(to: url, atomically: true, encoding: .utf8)
                Issue.record("rewrote the README's list of template names (UPDATE_GOLDEN=1); run the tests again without it")
            } else {
                Issue.record("the README's list of template names is out of date; run with UPDATE_GOLDEN=1:\n\(Golden.unifiedDiff(listed, expected))")
            }
        }
    }
}
