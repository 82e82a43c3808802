import AWSImport
import Foundation

/// Collects a snapshot: runs every call of the `CollectionPlan` for each region through the AWS CLI,
/// a few at a time, into a private staging folder that replaces the output folder only when all
/// succeeded. Outputs are read into memory and parsed there; secrets in them (the VPN device
/// configuration, tunnel pre-shared keys) are removed before anything is written, so no file ever
/// holds one.
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
    /// `session` lets a signal handler end the collection (`CollectSession.interrupt()`).
    public func collect(into outputPath: String, force: Bool, session: CollectSession = CollectSession(),
                        progress: @Sendable (String) -> Void) async throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: outputPath, isDirectory: &isDirectory) {
            let empty = isDirectory.boolValue && ((try? fm.contentsOfDirectory(atPath: outputPath))?.isEmpty ?? false)
            if !empty && !force { throw CollectError.outputExists(path: outputPath) }
        }
        let output = outputPath.trimmingTrailingSlashes
        let staging = try session.makeStaging(nextTo: output)
        do {
            try await collectAll(into: staging, session: session, progress: progress)
            try staging.publish(to: output)
        } catch {
            staging.discard()
            throw session.isInterrupted ? CollectError.interrupted : error
        }
    }

    func collectAll(into folder: StagingFolder, session: CollectSession, progress: @Sendable (String) -> Void) async throws {
        let counter = Counter()
        // Lists first, then the per-resource calls their outputs ask for.
        var lists: [AWSCall] = regions.flatMap { CollectionPlan.regionalCalls(region: $0) }
        if let first = regions.first { lists += [CollectionPlan.globalListCall(region: first), CollectionPlan.directConnectListCall(region: first)] }
        counter.add(lists.count)
        let listOutputs = try await run(lists, into: folder, session: session, counter: counter, progress: progress)

        var resourceCalls: [AWSCall] = []
        for region in regions {
            let vpcs = listOutputs["\(region)/describe-vpcs.json"].map(CollectionPlan.vpcIDs) ?? []
            let resolvers = listOutputs["\(region)/list-resolver-endpoints.json"].map(CollectionPlan.resolverEndpointIDs) ?? []
            let tables = listOutputs["\(region)/describe-transit-gateway-route-tables.json"].map(CollectionPlan.transitGatewayRouteTableIDs) ?? []
            let lists = listOutputs["\(region)/describe-managed-prefix-lists.json"].map(CollectionPlan.customerPrefixListIDs) ?? []
            resourceCalls += CollectionPlan.resourceCalls(region: region, vpcIDs: vpcs, resolverEndpointIDs: resolvers,
                                                          transitGatewayRouteTableIDs: tables, prefixListIDs: lists)
        }
        if let first = regions.first, let zones = listOutputs["global/list-hosted-zones.json"] {
            resourceCalls += CollectionPlan.zoneCalls(region: first, zoneIDs: CollectionPlan.privateZoneIDs(in: zones))
        }
        if let first = regions.first, let gateways = listOutputs["global/describe-direct-connect-gateways.json"] {
            resourceCalls += CollectionPlan.directConnectCalls(region: first, gatewayIDs: CollectionPlan.directConnectGatewayIDs(in: gateways))
        }
        counter.add(resourceCalls.count)
        _ = try await run(resourceCalls, into: folder, session: session, counter: counter, progress: progress)
    }

    /// Runs calls a few at a time; returns each output by file name. Stops at the first failure.
    func run(_ calls: [AWSCall], into folder: StagingFolder, session: CollectSession, counter: Counter, progress: @Sendable (String) -> Void) async throws -> [String: JSONValue] {
        var outputs: [String: JSONValue] = [:]
        try await withThrowingTaskGroup(of: (String, JSONValue?, String?).self) { group in
            var pending = calls[...]
            func startNext() {
                guard let call = pending.popFirst() else { return }
                group.addTask {
                    do {
                        return (call.fileName, try await self.run(call, into: folder, session: session), nil)
                    } catch CollectError.failed(_, _, let message) where call.optional {
                        return (call.fileName, nil, message)
                    }
                }
            }
            for _ in 0..<max(1, parallelCalls) { startNext() }
            while let (name, output, skipped) = try await group.next() {
                outputs[name] = output
                let (done, total) = counter.finish()
                progress("[\(done)/\(total)] \(name)" + (skipped.map { ": skipped, not in the snapshot (\($0))" } ?? ""))
                startNext()
            }
        }
        return outputs
    }

    /// Runs one call and saves its output, secrets removed: the raw output exists only in memory.
    func run(_ call: AWSCall, into folder: StagingFolder, session: CollectSession) async throws -> JSONValue {
        let outcome = try await cli.run(call, as: session.children)
        if session.isInterrupted { throw CollectError.interrupted }
        let message = outcome.standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.last ?? ""
        guard outcome.exitCode == 0 else {
            if CollectError.isDenial(outcome.standardError) {
                throw CollectError.denied(call: call.description, iamAction: call.iamAction, message: message)
            }
            throw CollectError.failed(call: call.description, exitCode: outcome.exitCode, message: message)
        }
        var parser = JSONParser(outcome.standardOutput)
        let value: JSONValue
        do {
            value = try parser.parse()
        } catch {
            throw CollectError.notJSON(call: call.description, reason: "\(error.message) at line \(error.line)")
        }
        // As the CLI printed it, unless secrets were dropped: then the value without them.
        try folder.save(parser.redactedCount > 0 ? Array(value.formatted().utf8) : outcome.standardOutput, as: call.fileName)
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
