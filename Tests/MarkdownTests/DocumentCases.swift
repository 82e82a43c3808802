import Foundation
import VPCModel
import VPCReaders
import TestSupport

/// Every topology the Markdown tests render: each `samples/*.yaml` of the repository (read with the
/// project's parser) and the topologies built in Swift.
enum DocumentCases {
    static var repository: URL { Paths.repository }

    /// Sample base names, in name order.
    static var sampleNames: [String] {
        let dir = repository.appendingPathComponent("samples")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(".yaml".count)) }.sorted()
    }

    /// Parses `samples/<name>.yaml`; nil (with the diagnostics) when it does not parse cleanly.
    static func sample(_ name: String) -> (topology: Topology?, diagnostics: [Diagnostic]) {
        let path = "samples/\(name).yaml"
        let text = (try? String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)) ?? ""
        let (topology, diagnostics) = TopologyParser.parse(text, file: path)
        let all = diagnostics + (topology?.validate() ?? [])
        return (all.contains { $0.severity == .error } ? nil : topology, all)
    }

    static let built: [(name: String, topology: Topology)] = [
        ("built-app-vpc", SampleTopologies.appVPC),
        ("built-shared-services", SampleTopologies.sharedServices),
        ("hostile-names", SampleTopologies.hostileNames),
        ("blocked-consumers", blockedConsumers),
    ]

    /// A shared SSM endpoint whose consumers resolve its name to it but cannot all reach it: vpc-2
    /// lacks the route back, vpc-3 is not admitted by the security group, the data centre has no VPN.
    /// The Markdown claims "✓" for none of them, and says which of routes, security groups, VPN fails.
    static let blockedConsumers: Topology = {
        let yaml = """
            regions:
              eu-west-1:
                vpcs:
                  - id: vpc-0a0000000000000001
                    name: hub
                    cidr: 10.0.0.0/16
                    dns: {support: true, hostnames: true}
                    subnets:
                      - {id: subnet-0a0000000000000a1, az: eu-west-1a, cidr: 10.0.1.0/24}
                      - {id: subnet-0a0000000000000b1, az: eu-west-1b, cidr: 10.0.2.0/24}
                    route_tables:
                      - {id: rtb-0a0000000000000001, main: true, routes: {10.3.0.0/16: pcx-0a0000000000000003}}
                    security_groups:
                      - {id: sg-0a0000000000000001, ingress: [{protocol: tcp, ports: 443, from: [10.0.0.0/16, 10.2.0.0/16]}]}
                    endpoints:
                      - {id: vpce-0a0000000000000001, service: ssm, private_dns: false, security_groups: [sg-0a0000000000000001], interfaces: {subnet-0a0000000000000a1: 10.0.1.10, subnet-0a0000000000000b1: 10.0.2.10}}
                    resolver_endpoints:
                      - {id: rslvr-in-0a0000000000000001, direction: inbound, ips: {subnet-0a0000000000000a1: 10.0.1.53, subnet-0a0000000000000b1: 10.0.2.53}}
                  - id: vpc-0a0000000000000002
                    name: spoke-2
                    cidr: 10.2.0.0/16
                    subnets: [{id: subnet-0a0000000000000c1, az: eu-west-1a, cidr: 10.2.1.0/24}]
                    route_tables: [{id: rtb-0a0000000000000002, main: true, routes: {10.0.0.0/16: pcx-0a0000000000000002}}]
                  - id: vpc-0a0000000000000003
                    name: spoke-3
                    cidr: 10.3.0.0/16
                    subnets: [{id: subnet-0a0000000000000d1, az: eu-west-1a, cidr: 10.3.1.0/24}]
                    route_tables: [{id: rtb-0a0000000000000003, main: true, routes: {10.0.0.0/16: pcx-0a0000000000000003}}]
                peerings:
                  - {id: pcx-0a0000000000000002, vpcs: [vpc-0a0000000000000002, vpc-0a0000000000000001]}
                  - {id: pcx-0a0000000000000003, vpcs: [vpc-0a0000000000000003, vpc-0a0000000000000001]}
                private_hosted_zones:
                  - {id: Z0A00000000000000001, name: ssm.eu-west-1.amazonaws.com, vpcs: [vpc-0a0000000000000001, vpc-0a0000000000000002, vpc-0a0000000000000003], alias: vpce-0a0000000000000001}
            on_premises:
              - {id: dc, name: data centre, cidrs: [172.16.0.0/12], forward: {ssm.eu-west-1.amazonaws.com: rslvr-in-0a0000000000000001}}
            """
        return TopologyParser.parse(yaml, file: "blocked-consumers.yaml").topology!
    }()

    /// Case names: `sample-<name>` for samples, then the built ones.
    static var names: [String] { sampleNames.map { "sample-\($0)" } + built.map(\.name) }

    static func topology(_ caseName: String) -> Topology? {
        if caseName.hasPrefix("sample-") { return sample(String(caseName.dropFirst("sample-".count))).topology }
        return built.first { $0.name == caseName }?.topology
    }

    /// The document name a case is rendered with: the sample's base name, or the case name.
    static func documentName(_ caseName: String) -> String {
        caseName.hasPrefix("sample-") ? String(caseName.dropFirst("sample-".count)) : caseName
    }
}
