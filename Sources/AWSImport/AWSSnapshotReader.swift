import FileAccess
import Foundation
import VPCModel

/// What importing a snapshot gives: the topology and every diagnostic, sorted by location.
public struct AWSImportResult: Sendable {
    public var topology: Topology
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads a folder of AWS CLI JSON outputs (one folder per region, or all together) into a topology.
/// `displayPath` is how file names are printed in diagnostics (by default the folder as given).
public func importAWSSnapshot(at path: String, displayPath: String? = nil) -> AWSImportResult {
    var reader = AWSSnapshotReader(root: path, displayPath: displayPath ?? path)
    return reader.read()
}

struct AWSSnapshotReader {
    let root: String
    let displayPath: String
    var decoder = AWSSnapshotDecoder()

    init(root: String, displayPath: String) {
        self.root = root
        self.displayPath = displayPath
    }

    mutating func read() -> AWSImportResult {
        var diagnostics = DiagnosticCollector()
        let shown = displayPath.isEmpty ? "." : displayPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
            diagnostics.emit(.error("no such file or folder", at: SourceLocation(file: shown), rule: "aws-no-snapshot"))
            return AWSImportResult(topology: Topology(), diagnostics: diagnostics.sorted)
        }
        let files: [String]
        if isDirectory.boolValue {
            files = snapshotFiles()
        } else {
            files = [""]
        }
        for relative in files {
            readFile(relative)
        }
        diagnostics.emit(contentsOf: decoder.diagnostics.diagnostics)
        // With a file unread, references into it would only add noise: report the reading errors alone.
        if diagnostics.hasErrors {
            return AWSImportResult(topology: Topology(), diagnostics: diagnostics.sorted)
        }
        if decoder.snapshot.outputCount == 0 {
            diagnostics.emit(.error("no AWS CLI output found in '\(shown)' (run 'vpcgraph collect' or save 'aws ec2 describe-…' outputs there)",
                                    at: SourceLocation(file: shown), rule: "aws-empty-snapshot"))
        }
        var assembler = TopologyAssembler(snapshot: decoder.snapshot)
        let topology = assembler.assemble()
        diagnostics.emit(contentsOf: assembler.diagnostics.diagnostics)
        return AWSImportResult(topology: topology, diagnostics: diagnostics.sorted)
    }

    /// Regular files under the root, hidden ones left out, in byte order of their relative paths.
    func snapshotFiles() -> [String] {
        guard let all = try? FileManager.default.subpathsOfDirectory(atPath: root) else { return [] }
        return all.filter { relative in
            !relative.split(separator: "/").contains { $0.hasPrefix(".") }
                && !isDirectory(join(root, relative))
        }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    func join(_ a: String, _ b: String) -> String {
        if b.isEmpty { return a }
        if a.isEmpty { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }

    mutating func readFile(_ relative: String) {
        let shownName = relative.isEmpty ? displayPath : join(displayPath, relative)
        let location = SourceLocation(file: shownName)
        let data: Data
        do {
            data = try InputFile.read(join(root, relative))
        } catch {
            if case .tooLarge = error {
                decoder.diagnostics.emit(.error(error.message(path: shownName), at: location, rule: InputFileError.tooLargeRule))
            } else {
                decoder.diagnostics.emit(.error("cannot read file", at: location, rule: "aws-unreadable"))
            }
            return
        }
        let bytes = [UInt8](data)
        let firstByte = bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) })
        // One file given directly (not a folder) that is not JSON: most often a topology file read as a snapshot.
        if relative.isEmpty, let firstByte, firstByte != UInt8(ascii: "{"), firstByte != UInt8(ascii: "[") {
            let lower = displayPath.lowercased()
            let what = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || firstByte == UInt8(ascii: "#") || firstByte == UInt8(ascii: "-")
                ? "it is YAML (a topology file?), not the JSON the AWS CLI writes" : "it does not start with '{' or '[' as the AWS CLI's JSON does"
            decoder.diagnostics.emit(.error("not an AWS snapshot: \(what); read it as a topology (without '--from aws', or for explain '--input-kind aws'), or give a folder of 'aws … describe-…' outputs",
                                            at: SourceLocation(file: shownName, line: 1, column: 1), rule: "aws-not-json"))
            return
        }
        let looksLikeJSON = relative.lowercased().hasSuffix(".json") || relative.isEmpty
            || bytes.first(where: { ![0x20, 0x0A, 0x0D, 0x09, 0xEF, 0xBB, 0xBF].contains($0) }).map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
        guard looksLikeJSON else {
            decoder.warn("not an AWS CLI JSON output; skipped", at: location, rule: "aws-unknown-file")
            return
        }
        var parser = JSONParser(bytes)
        let value: JSONValue
        do {
            value = try parser.parse()
        } catch {
            decoder.diagnostics.emit(.error("invalid JSON: \(error.message)", at: SourceLocation(file: shownName, line: error.line, column: error.column),
                                            rule: "aws-json-syntax"))
            return
        }
        let node = JSONNode(root: value, file: shownName)
        guard let kind = AWSOutputKind.recognise(value) else {
            let keys = value.keys.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            let what = keys.isEmpty ? "its top level is not an object" : "top-level keys \(keys)"
            decoder.warn("not an AWS CLI output vpcgraph reads (\(what)); skipped", at: node.location, rule: "aws-unknown-file")
            return
        }
        // One page of a paged list (`--max-items`, `--no-paginate`, an SDK's single call): what it
        // lacks would vanish or look like broken references. Reading it would mislead.
        let baseName = relative.split(separator: "/").last.map(String.init) ?? displayPath
        if let marker = Self.pageMarker(in: value) {
            decoder.diagnostics.emit(.error("'\(baseName)' is one page of several ('\(marker)' is set): save the whole list (the AWS CLI pages on its own unless given '--max-items' or '--no-paginate') or let 'vpcgraph collect' save it",
                                            at: node.location(of: marker), rule: "aws-paged-output"))
            return
        }
        let folders = relative.split(separator: "/").dropLast().map(String.init)
        let folderRegion = folders.last(where: Regions.looksLikeRegion)
        decoder.decode(node, kind: kind, folderRegion: folderRegion, fileName: baseName)
    }

    /// The member that says an output is one page of a longer list: a `NextToken` (EC2, Route 53
    /// Resolver; `nextToken` in Direct Connect), `IsTruncated: true` (Route 53), or the marker of the next page.
    static func pageMarker(in root: JSONValue) -> String? {
        for key in ["NextToken", "nextToken", "NextMarker", "NextRecordName"] {
            if case .string(let token)? = root[key], !token.isEmpty { return key }
        }
        if root["IsTruncated"] == .bool(true) { return "IsTruncated" }
        return nil
    }
}
