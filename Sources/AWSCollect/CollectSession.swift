import Foundation

/// What a running collection owns — its `aws` processes and its staging folder — so that a signal
/// handler can end it: `interrupt()` stops the processes and removes the staging folder, leaving
/// the output folder as it was (unless the snapshot was already in place).
public final class CollectSession: @unchecked Sendable {
    let children = ChildProcesses()
    private let lock = NSLock()
    private var staging: StagingFolder?
    private var interrupted = false

    public init() {}

    /// True once `interrupt()` was called.
    public var isInterrupted: Bool { lock.withLock { interrupted } }

    /// Makes the staging folder for `output`; fails with `.interrupted` after `interrupt()`.
    func makeStaging(nextTo output: String) throws -> StagingFolder {
        try lock.withLock {
            if interrupted { throw CollectError.interrupted }
            let folder = try StagingFolder(nextTo: output)
            staging = folder
            return folder
        }
    }

    /// Ends the collection from another thread (a signal source's handler): no new call starts,
    /// the running ones get SIGTERM (SIGKILL if they outlive `grace`), the staging folder is
    /// removed. Returns when that is done; true when the snapshot had already been put in place.
    @discardableResult
    public func interrupt(grace: TimeInterval = 2) -> Bool {
        let folder = lock.withLock {
            interrupted = true
            return staging
        }
        // The children write only to our pipes, never to the staging folder, so its removal does
        // not wait for them.
        let published = folder.map { !$0.discard() } ?? false
        children.stop(grace: grace)
        return published
    }
}
