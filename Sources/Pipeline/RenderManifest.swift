import FileAccess
import Foundation
import VPCModel

/// `.vpcgraph.json` in an output folder: what each render into it wrote, so that `render --check`
/// and `--prune` know which files are vpcgraph's, and a render whose input, options and version are
/// unchanged can skip its work. Byte-stable: sorted keys, no timestamps, no paths of the inputs.
public struct RenderManifest: Codable, Equatable, Sendable {
    public static let fileName = ".vpcgraph.json"
    /// The manifest format.
    public static let formatName = "vpcgraph-manifest/1"

    /// What one input (by its output base name, which is unique in a folder) last rendered.
    public struct Record: Codable, Equatable, Sendable {
        /// vpcgraph's version that rendered it.
        public var version: String
        /// SHA-256 of the input (a file's bytes, or a snapshot folder's files).
        public var input: String
        /// The options that shape the outputs, in one canonical line.
        public var options: String
        /// File name → SHA-256 of its bytes.
        public var files: [String: String]
        /// Files an earlier render of this input wrote that the last one did not (kept until `--prune`).
        public var leftovers: [String]?
        /// What the render told the user (repeated when it is skipped).
        public var notes: [String]?
        /// The input's warnings (printed again when it is skipped, without reading it again); locations
        /// in the input have no file name (it is the input's path of the run).
        var warnings: [WorkerDiagnostic]?

        public init(version: String, input: String, options: String, files: [String: String], leftovers: [String]? = nil, notes: [String]? = nil) {
            self.version = version
            self.input = input
            self.options = options
            self.files = files
            self.leftovers = leftovers
            self.notes = notes
        }
    }

    public var manifest: String = RenderManifest.formatName
    public var renders: [String: Record] = [:]

    public init(renders: [String: Record] = [:]) { self.renders = renders }

    /// The manifest's bytes: pretty JSON with sorted keys and a final line break.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        var data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        data.append(0x0A)
        return data
    }

    /// The manifest in `folder`: empty when there is none; a warning when a file is there that is not one.
    public static func read(folder: String) -> (manifest: RenderManifest, diagnostics: [Diagnostic]) {
        let path = OutputFolder.path(of: fileName, in: folder)
        guard FileManager.default.fileExists(atPath: path) else { return (RenderManifest(), []) }
        guard let data = try? InputFile.read(path), let manifest = try? JSONDecoder().decode(RenderManifest.self, from: data),
              manifest.manifest == formatName else {
            return (RenderManifest(), [.warning("ignoring '\(path)': not a manifest this vpcgraph can read; it will be replaced",
                                                at: SourceLocation(file: path), rule: "manifest")])
        }
        return (manifest, [])
    }
}

/// Hashes of what is in an output folder, and of inputs.
public enum OutputFolder {
    /// `folder/name` as the user will see it.
    public static func path(of name: String, in folder: String) -> String {
        var folder = folder
        while folder.count > 1 && folder.hasSuffix("/") { folder.removeLast() }
        return folder.isEmpty ? name : folder == "/" ? "/" + name : "\(folder)/\(name)"
    }

    /// The bytes of a regular file (a symlink, folder or missing file: nil).
    public static func contents(of name: String, in folder: String) -> Data? {
        let path = path(of: name, in: folder)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular else { return nil }
        return try? InputFile.read(path)
    }

    /// Whether `name` is in the folder as a file or a link (something `--prune` may remove).
    public static func holds(_ name: String, in folder: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path(of: name, in: folder)) else { return false }
        let type = attributes[.type] as? FileAttributeType
        return type == .typeRegular || type == .typeSymbolicLink
    }

    /// SHA-256 of an input: a file's bytes, or for a folder every regular file under it (relative
    /// path and bytes, in path order). Nil when it cannot be read (loading it will say why).
    public static func inputHash(_ path: String) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
        if !isFolder.boolValue { return (try? InputFile.read(path)).map(SHA256.hex) }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return nil }
        var names: [String] = []
        while let name = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { names.append(name) }
        }
        var hash = SHA256()
        for name in names.sorted() {
            guard let data = try? InputFile.read(path + "/" + name) else { return nil }
            hash.update("\(name)\u{0}\(data.count)\u{0}")
            hash.update(data)
        }
        return hash.finalHex()
    }
}
