import Foundation
import Pipeline
import TestSupport
import Testing

/// Each sample's DOT and SVG against `Fixtures/<sample>/`. `UPDATE_GOLDEN=1 make test` rewrites them.
@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test(arguments: Paths.sampleFiles().map(\.lastPathComponent))
    func sampleMatchesGoldenFiles(_ sample: String) throws {
        let url = Paths.samples.appendingPathComponent(sample)
        let name = Pipeline.baseName(of: url.path)
        let outputs = try SampleRendering.render(url)
        for ext in ["dot", "svg"] {
            let actual = try #require(outputs["\(name).\(ext)"])
            if let problem = Golden.mismatch(actual, file: Self.fixtures.appendingPathComponent("\(name)/\(name).\(ext)")) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test func everySampleHasFixtures() throws {
        #expect(!Paths.sampleFiles().isEmpty)
        for sample in Paths.sampleFiles() {
            let name = Pipeline.baseName(of: sample.path)
            for ext in ["dot", "svg"] {
                #expect(FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent("\(name)/\(name).\(ext)").path), "\(name).\(ext)")
            }
        }
    }
}
