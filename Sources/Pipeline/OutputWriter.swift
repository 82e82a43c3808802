import Foundation
import VPCModel

/// Writes output files all-or-nothing: each goes to a temporary file in the target directory and
/// is renamed into place, so a reader never sees a half-written file.
public enum OutputWriter {
    public static func write(_ files: [OutputFile], to directory: String) throws -> [String] {
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var written: [String] = []
        var staged: [(temporary: URL, final: URL)] = []
        defer { for item in staged { try? manager.removeItem(at: item.temporary) } }
        let base = URL(fileURLWithPath: directory)
        for file in files {
            let final = base.appendingPathComponent(file.fileName)
            let temporary = base.appendingPathComponent(".\(file.fileName).\(ProcessInfo.processInfo.processIdentifier).tmp")
            try Data(file.contents.utf8).write(to: temporary)
            staged.append((temporary, final))
        }
        for item in staged {
            if rename(item.temporary.path, item.final.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: item.final.path])
            }
            written.append(item.final.path)
        }
        staged.removeAll()
        return written
    }
}
