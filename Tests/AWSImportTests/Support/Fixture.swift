import AWSImport
import Foundation
import VPCModel

/// Snapshot folders for tests: the committed ones, or copies changed by a test.
enum Fixture {
    /// The committed snapshot written to the documented AWS CLI output shapes.
    static var documented: String { Tools.fixtures + "/documented" }

    /// Imports a snapshot, naming files relative to it in diagnostics.
    static func load(_ path: String) -> AWSImportResult {
        importAWSSnapshot(at: path, displayPath: "")
    }

    /// A temporary copy of a snapshot, changed by `edit` (which gets the copy's path).
    static func copy(of source: String = documented, edit: (String) throws -> Void = { _ in }) throws -> String {
        let folder = try Tools.temporaryFolder("snapshot")
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        try edit(folder)
        return folder
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// Every diagnostic as printed.
    static func printed(_ result: AWSImportResult) -> [String] {
        result.diagnostics.map(\.description)
    }
}

extension Topology {
    func region(_ name: String) -> Region? { regions.first { $0.name == name } }
}
