#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The `aws` processes a collection is running, spawned with their standard output and error on
/// pipes read into memory (never a file), so a signal can end them all.
///
/// Spawning, reaping and killing happen under one lock: a pid is killed only while it is ours and
/// not yet reaped (reused pids are never hit), and no process starts after `stop()`.
final class ChildProcesses: @unchecked Sendable {
    private let condition = NSCondition()
    private var running: Set<pid_t> = []
    private var stopped = false

    /// What one process printed, and how it ended (an exit code, or 128 + the signal that killed it, as a shell says).
    struct Finished: Sendable {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]
    }

    /// True once `stop()` ran: nothing new is started and the calls in flight are being ended.
    var isStopped: Bool { condition.withLock { stopped } }

    /// Runs `executable` to its end, standard input from `/dev/null`, both outputs read concurrently
    /// into memory (a child that fills one pipe while we wait on the other would never finish).
    func run(executable: String, arguments: [String], environment: [String: String]) async throws -> Finished {
        let (pid, out, err) = try spawn(executable: executable, arguments: arguments, environment: environment)
        return await withCheckedContinuation { continuation in
            let result = FinishedBox()
            let group = DispatchGroup()
            // Dedicated threads, not the dispatch pool: these block, and a pool capped at the
            // number of cores could leave a stderr reader queued behind blocked stdout readers.
            group.enter()
            Thread.detachNewThread {
                let (o, e) = Self.readToEnd(out, err)
                result.set { $0.standardOutput = o; $0.standardError = e }
                group.leave()
            }
            group.enter()
            Thread.detachNewThread {
                let status = self.reap(pid)
                result.set { $0.status = status }
                group.leave()
            }
            group.notify(queue: .global()) { continuation.resume(returning: result.value) }
        }
    }

    /// Ends every running process: no new one starts, each gets SIGTERM; those still running after
    /// `grace` get SIGKILL. Returns when all were reaped, or after a second more.
    func stop(grace: TimeInterval = 2) {
        condition.withLock {
            stopped = true
            for pid in running { kill(pid, SIGTERM) }
        }
        if !waitUntilNoneRunning(before: Date().addingTimeInterval(grace)) {
            condition.withLock { for pid in running { kill(pid, SIGKILL) } }
            _ = waitUntilNoneRunning(before: Date().addingTimeInterval(1))
        }
    }

    private func waitUntilNoneRunning(before deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !running.isEmpty {
            if !condition.wait(until: deadline) { return running.isEmpty }
        }
        return true
    }

    // MARK: - Spawning and reaping

    private func spawn(executable: String, arguments: [String], environment: [String: String]) throws -> (pid_t, Int32, Int32) {
        condition.lock()
        defer { condition.unlock() }
        if stopped { throw CollectError.interrupted }
        // Pipes are made close-on-exec under the lock every spawn takes, so no sibling `aws`
        // inherits another call's write end (it would hold that call's pipe open past its end).
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        guard pipe(&out) == 0 else { throw CollectError.cannotRun(executable: executable, reason: String(cString: strerror(errno))) }
        guard pipe(&err) == 0 else {
            let reason = String(cString: strerror(errno))
            close(out[0]); close(out[1])
            throw CollectError.cannotRun(executable: executable, reason: reason)
        }
        for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        // vpcgraph ignores SIGINT and SIGTERM (a dispatch source handles them) and ignored signals
        // are inherited through exec: give the child the default actions and no blocked signal, so
        // `stop()` ends it and it ends as `aws` always does.
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE] { sigaddset(&defaults, signal) }
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in argv + envp { free(p) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(out[1])
        close(err[1])
        guard result == 0 else {
            close(out[0]); close(err[0])
            throw CollectError.cannotRun(executable: executable, reason: String(cString: strerror(result)))
        }
        running.insert(pid)
        return (pid, out[0], err[0])
    }

    /// Waits for `pid` to end without reaping it, then reaps it under the lock: until then `stop()`
    /// may still signal it, and after it nobody does.
    private func reap(_ pid: pid_t) -> Int32 {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        condition.lock()
        defer { condition.unlock() }
        var status: Int32 = 0
        var reaped: pid_t = -1
        repeat { reaped = waitpid(pid, &status, 0) } while reaped == -1 && errno == EINTR
        running.remove(pid)
        condition.broadcast()
        guard reaped == pid else { return -1 } // reaped by someone else: how it ended is unknown, not a success
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }

    /// Reads both pipes to their end, whichever has data first, and closes them.
    private static func readToEnd(_ out: Int32, _ err: Int32) -> ([UInt8], [UInt8]) {
        var fds = [pollfd(fd: out, events: Int16(POLLIN), revents: 0), pollfd(fd: err, events: Int16(POLLIN), revents: 0)]
        var data: [[UInt8]] = [[], []]
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while fds.contains(where: { $0.fd >= 0 }) {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    data[i].append(contentsOf: buffer[0..<n])
                } else if n == 0 || errno != EINTR && errno != EAGAIN {
                    close(fds[i].fd)
                    fds[i].fd = -1
                }
            }
        }
        for f in fds where f.fd >= 0 { close(f.fd) }
        return (data[0], data[1])
    }
}

/// The parts of a `Finished` filled in by two threads.
private final class FinishedBox: @unchecked Sendable {
    private let lock = NSLock()
    private var finished = ChildProcesses.Finished(status: -1, standardOutput: [], standardError: [])
    func set(_ change: (inout ChildProcesses.Finished) -> Void) { lock.withLock { change(&finished) } }
    var value: ChildProcesses.Finished { lock.withLock { finished } }
}
