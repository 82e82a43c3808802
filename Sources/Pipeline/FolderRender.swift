import FileAccess
import Foundation
import VPCModel

/// One input of a render into a folder: where it is, and the pipeline (options) that renders it.
public struct RenderJob: Sendable {
    public var path: String
    public var source: InputSource
    public var pipeline: Pipeline
    /// The options that shape the outputs, in one canonical line (recorded in the manifest).
    public var options: String

    public init(path: String, source: InputSource, pipeline: Pipeline, options: String) {
        self.path = path
        self.source = source
        self.pipeline = pipeline
        self.options = options
    }

    public var name: String { Pipeline.baseName(of: path) }
}

/// A render of several inputs into one output folder, against the folder's manifest: what would be
/// written, which files are stale, missing or extra, and the manifest after it.
public struct FolderRender: Sendable {
    public var folder: String
    public var diagnostics: [Diagnostic] = []
    public var notes: [String] = []
    /// The files rendered this run (inputs whose record matched are not rendered again).
    public var files: [OutputFile] = []
    /// Names of inputs skipped because their manifest record matched and their files are intact.
    public var skipped: [String] = []
    /// Files (names in the folder) that differ from what this render produced, that are missing,
    /// and that an earlier render of these inputs wrote and this one did not.
    public var stale: [String] = []
    public var missing: [String] = []
    public var extra: [String] = []
    /// The manifest before and after this render.
    public var oldManifest = RenderManifest()
    public var manifest = RenderManifest()

    /// Loads every input, renders those whose record does not match, and compares with the folder.
    /// `timing` is passed to the pipeline (`--timings`).
    public static func run(_ jobs: [RenderJob], into folder: String, version: String = VPCGraphVersion.current,
                           timing: (@Sendable (String, OutputFormat, Duration) -> Void)? = nil) -> FolderRender {
        var result = FolderRender(folder: folder)
        let (old, manifestDiagnostics) = RenderManifest.read(folder: folder)
        result.oldManifest = old
        result.manifest = old
        result.diagnostics += manifestDiagnostics
        var records: [String: RenderManifest.Record] = [:]
        for job in jobs {
            let inputHash = OutputFolder.inputHash(job.path)
            // Input, options and version as recorded, and the files intact: not even read again.
            if let inputHash, let record = old.renders[job.name], record.version == version, record.input == inputHash,
               record.options == job.options, record.files.allSatisfy({ name, hash in
                   OutputFolder.contents(of: name, in: folder).map(SHA256.hex) == hash
               }) {
                records[job.name] = record
                result.skipped.append(job.name)
                result.notes += (record.notes ?? []).map { "\(job.path): \($0)" }
                result.diagnostics += (record.warnings ?? []).map { stored in
                    var warning = stored
                    warning.file = job.path
                    return warning.diagnostic
                }
                continue
            }
            // For a large input, the layout workers start now, while it is read.
            var info = stat()
            let size = stat(job.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
            let prepared = job.pipeline.prepareWorkers(inputBytes: size)
            let (topology, loaded) = Pipeline.load(path: job.path, from: job.source, cloudFormation: job.pipeline.cloudFormation)
            result.diagnostics += loaded
            guard let topology, !loaded.contains(where: { $0.severity == .error }) else { continue }
            let rendering = job.pipeline.renderAll(topology, name: job.name, timing: timing.map { timing in { timing(job.name, $0, $1) } },
                                                   prepared: prepared)
            result.diagnostics += rendering.diagnostics
            result.notes += rendering.notes.map { "\(job.path): \($0)" }
            result.files += rendering.files
            var hashes: [String: String] = [:]
            for file in rendering.files {
                let hash = SHA256.hex(file.data)
                hashes[file.fileName] = hash
                switch OutputFolder.contents(of: file.fileName, in: folder) {
                case nil: result.missing.append(file.fileName)
                case let current? where current != file.data: result.stale.append(file.fileName)
                default: break
                }
            }
            var record = RenderManifest.Record(version: version, input: inputHash ?? "", options: job.options, files: hashes,
                                               notes: rendering.notes.isEmpty ? nil : rendering.notes)
            // Only warnings located in the input itself (with its path left out) can be replayed; else render it each time.
            let replayable = loaded.allSatisfy { $0.location?.file == job.path && $0.location?.path == nil && $0.notes.isEmpty }
            if !replayable || !rendering.diagnostics.isEmpty { record.input = "" }
            let warnings = loaded.map { d -> WorkerDiagnostic in
                var stored = WorkerDiagnostic(d)
                stored.file = ""
                return stored
            }
            record.warnings = warnings.isEmpty ? nil : warnings
            records[job.name] = record
        }
        for (name, record) in records { result.manifest.renders[name] = record }
        // Extra: what an earlier render of these inputs wrote, that no render in the manifest writes now.
        let current = Set(result.manifest.renders.values.flatMap(\.files.keys))
        for (name, record) in records.sorted(by: { $0.key < $1.key }) {
            let earlier = Set((old.renders[name]?.files.keys).map(Array.init) ?? []).union(old.renders[name]?.leftovers ?? [])
            let extra = earlier.subtracting(current).filter { OutputFolder.holds($0, in: folder) }.sorted()
            result.extra += extra
            var updated = record
            updated.leftovers = extra.isEmpty ? nil : extra
            result.manifest.renders[name] = updated
        }
        result.stale.sort()
        result.missing.sort()
        result.extra = Array(Set(result.extra)).sorted()
        return result
    }

    /// The manifest once extra files are removed (`--prune`): no leftovers recorded.
    public func pruned() -> RenderManifest {
        var manifest = self.manifest
        for name in manifest.renders.keys { manifest.renders[name]?.leftovers = nil }
        return manifest
    }

    /// Writes what changed (files with the same bytes are kept as they are) and the manifest; with
    /// `prune`, removes the extra files in the same all-or-nothing step. Returns the paths written
    /// (not the manifest) and removed.
    public func write(prune: Bool, writer: FileSetWriter = FileSetWriter()) throws(FileWriteError) -> (written: [String], removed: [String], manifestChanged: Bool) {
        let manifest = prune ? pruned() : self.manifest
        let set = files.map { ($0.fileName, $0.data) } + [(RenderManifest.fileName, manifest.encoded())]
        let removing = prune ? extra : []
        let written = try writer.write(set, into: folder, keepingUnchanged: true, removing: removing)
        let manifestPath = OutputFolder.path(of: RenderManifest.fileName, in: folder)
        return (written.filter { $0 != manifestPath }, removing.map { OutputFolder.path(of: $0, in: folder) },
                written.contains(manifestPath))
    }
}
