import AWSImport
import Foundation
import Pipeline
import VPCModel
import FuzzSupport

/// (b) The AWS snapshot reader. Every input goes through `JSONParser` on its own; then it is written
/// as a one-region snapshot folder (`eu-west-1/…`) and imported and checked like `--from aws` does
/// (`Pipeline.loadAWSSnapshot`: decoder, assembler, validate). A NUL byte (never valid in JSON)
/// separates files, so one input can hold several outputs whose references join (up to 8 files).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    var parser = JSONParser(bytes)
    _ = try? parser.parse()

    let folder = SnapshotFolder.shared
    folder.clear()
    for (index, part) in bytes.split(separator: 0, maxSplits: 7, omittingEmptySubsequences: false).enumerated() {
        FileManager.default.createFile(atPath: "\(folder.region)/part-\(index).json", contents: Data(part))
    }
    let (topology, diagnostics) = Pipeline.loadAWSSnapshot(path: folder.root)
    for diagnostic in diagnostics { _ = diagnostic.description }
    _ = topology
    return 0
}

/// A scratch folder in memory when /dev/shm exists, removed at exit.
final class SnapshotFolder: @unchecked Sendable {
    static let shared = SnapshotFolder()
    let root: String
    let region: String

    init() {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        root = "\(base)/vpcgraph-fuzz-snapshot-\(getpid())"
        region = "\(root)/eu-west-1"
        try? FileManager.default.createDirectory(atPath: region, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: SnapshotFolder.shared.root) }
    }

    func clear() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: region)) ?? [] {
            try? FileManager.default.removeItem(atPath: "\(region)/\(name)")
        }
    }
}
