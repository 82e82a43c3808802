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
    ]

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
