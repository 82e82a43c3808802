import AWSImport
import Foundation

/// Collects a snapshot: runs every call of the `CollectionPlan` for each region through the AWS CLI,
/// a few at a time, into a temporary folder that replaces the output folder only when all succeeded.
/// Secrets in outputs (the VPN device configuration, tunnel pre-shared keys) are removed before
/// anything is written to the snapshot.
public struct SnapshotCollector: Sendable {
    public let cli: AWSCLI
    public let regions: [String]
    /// How many calls run at once.
    public var parallelCalls = 4

    public init(cli: AWSCLI, regions: [String]) {
        self.cli = cli
        self.regions = regions
    }

    /// Collects into `outputPath`; `progress` gets one line per finished call.
    /// With `force`, an existing folder is replaced; otherwise only an empty or missing one is used.
    public func collect(into outputPath: String, force: Bool, progress: @Sendable (String) -> Void) async throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outputPath, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? fm.contentsOfDirectory(atPath: outputPath))?.isEmpty ?? false)
            if !empty && !force { throw CollectError.outputExists(path: outputPath) }
        }
        let staging = outputPath.trimmingTrailingSlashes + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? fm.removeItem(atPath: staging)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw CollectError.cannotWrite(path: staging)
        }
        do {
            try await collectAll(into: staging, progress: progress)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
        // Swap the finished snapshot in.
        let previous = outputPath.trimmingTrailingSlashes + ".previous-\(ProcessInfo.processInfo.processIdentifier)"
        let hadPrevious = fm.fileExists(atPath: outputPath)
        do {
            if hadPrevious { try fm.moveItem(atPath: outputPath, toPath: previous) }
            try fm.moveItem(atPath: staging, toPath: outputPath)
        } catch {
            if hadPrevious && !fm.fileExists(atPath: outputPath) { try? fm.moveItem(atPath: previous, toPath: outputPath) }
            try? fm.removeItem(atPath: staging)
            throw CollectError.cannotWrite(path: outputPath)
        }
        if hadPrevious { try? fm.removeItem(atPath: previous) }
    }

    func collectAll(into folder: String, progress: @Sendable (String) -> Void) async throws {
        let counter = Counter()
        // Lists first, then the per-resource calls their outputs ask for.
        var lists: [AWSCall] = regions.flatMap { CollectionPlan.regionalCalls(region: $0) }
        if let first = regions.first { lists.append(CollectionPlan.globalListCall(region: first)) }
        counter.add(lists.count)
        let listOutputs = try await run(lists, into: folder, counter: counter, progress: progress)

        var resourceCalls: [AWSCall] = []
        for region in regions {
            let vpcs = listOutputs["\(region)/describe-vpcs.json"].map(CollectionPlan.vpcIDs) ?? []
            let resolvers = listOutputs["\(region)/list-resolver-endpoints.json"].map(CollectionPlan.resolverEndpointIDs) ?? []
            resourceCalls += CollectionPlan.resourceCalls(region: region, vpcIDs: vpcs, resolverEndpointIDs: resolvers)
        }
        if let first = regions.first, let zones = listOutputs["global/list-hosted-zones.json"] {
            resourceCalls += CollectionPlan.zoneCalls(region: first, zoneIDs: CollectionPlan.privateZoneIDs(in: zones))
        }
        counter.add(resourceCalls.count)
        _ = try await run(resourceCalls, into: folder, counter: counter, progress: progress)
    }

    /// Runs calls a few at a time; returns each output by file name. Stops at the first failure.
    func run(_ calls: [AWSCall], into folder: String, counter: Counter, progress: @Sendable (String) -> Void) async throws -> [String: JSONValue] {
        var outputs: [String: JSONValue] = [:]
        try await withThrowingTaskGroup(of: (String, JSONValue).self) { group in
            var pending = calls[...]
            func startNext() {
                guard let call = pending.popFirst() else { return }
                group.addTask { (call.fileName, try await self.run(call, into: folder)) }
            }
            for _ in 0..<max(1, parallelCalls) { startNext() }
            while let (name, output) = try await group.next() {
                outputs[name] = output
                let (done, total) = counter.finish()
                progress("[\(done)/\(total)] \(name)")
                startNext()
            }
        }
        return outputs
    }

    func run(_ call: AWSCall, into folder: String) async throws -> JSONValue {
        let path = folder + "/" + call.fileName
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let outcome = try await cli.run(call, outputPath: path)
        let message = outcome.standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.last ?? ""
        guard outcome.exitCode == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            if CollectError.isDenial(outcome.standardError) {
                throw CollectError.denied(call: call.description, iamAction: call.iamAction, message: message)
            }
            throw CollectError.failed(call: call.description, exitCode: outcome.exitCode, message: message)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw CollectError.cannotWrite(path: path) }
        var parser = JSONParser([UInt8](data))
        let value: JSONValue
        do {
            value = try parser.parse()
        } catch {
            throw CollectError.notJSON(call: call.description, reason: "\(error.message) at line \(error.line)")
        }
        if parser.redactedCount > 0 {
            // Rewrite without the secrets; the original bytes never stay on disk.
            guard FileManager.default.createFile(atPath: path, contents: Data(value.formatted().utf8)) else {
                throw CollectError.cannotWrite(path: path)
            }
        }
        return value
    }
}

/// Finished and planned calls, for progress lines.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var done = 0
    private var total = 0

    func add(_ n: Int) { lock.withLock { total += n } }
    func finish() -> (Int, Int) { lock.withLock { done += 1; return (done, total) } }
}

extension String {
    var trimmingTrailingSlashes: String {
        var s = self
        while s.count > 1 && s.hasSuffix("/") { s.removeLast() }
        return s
    }
}
