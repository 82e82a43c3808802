import Markdown
import Testing
import VPCModel

/// The whole document for each sample topology, compared with `Fixtures/<case>/<case>.md`.
@Suite struct MarkdownGoldenTests {
    static let cases: [(name: String, topology: Topology)] = [
        ("app-vpc", SampleTopologies.appVPC),
        ("shared-services", SampleTopologies.sharedServices),
        ("hostile-names", SampleTopologies.hostileNames),
    ]

    @Test(arguments: cases.map(\.name))
    func documentMatchesGoldenFile(_ name: String) {
        let topology = Self.cases.first { $0.name == name }!.topology
        GoldenFile.check(renderMarkdown(topology, documentName: name), case: name, file: "\(name).md")
    }
}
