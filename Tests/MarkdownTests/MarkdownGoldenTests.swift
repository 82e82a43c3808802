import Markdown
import Testing
import VPCModel

/// The whole document for each sample and built topology, compared with `Fixtures/<case>/<name>.md`.
@Suite struct MarkdownGoldenTests {
    @Test func samplesExistAndParse() {
        #expect(!DocumentCases.sampleNames.isEmpty, "no samples/*.yaml found from \(DocumentCases.repository.path)")
        for name in DocumentCases.sampleNames {
            let (topology, diagnostics) = DocumentCases.sample(name)
            #expect(topology != nil, "samples/\(name).yaml: \(diagnostics.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test(arguments: DocumentCases.names)
    func documentMatchesGoldenFile(_ caseName: String) throws {
        let topology = try #require(DocumentCases.topology(caseName))
        let name = DocumentCases.documentName(caseName)
        GoldenFile.check(renderMarkdown(topology, documentName: name), case: caseName, file: "\(name).md")
    }
}
