import Foundation
import Testing
import TestSupport

/// Golden files under `Tests/MarkdownTests/Fixtures/<case>/`, found through `#filePath`;
/// `UPDATE_GOLDEN=1` rewrites them (see `TestSupport.Golden`).
enum GoldenFile {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func check(_ actual: String, case name: String, file: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let problem = Golden.mismatch(actual, file: fixtures.appendingPathComponent(name).appendingPathComponent(file)) {
            Issue.record("\(name)/\(file): \(problem)", sourceLocation: sourceLocation)
        }
    }
}
