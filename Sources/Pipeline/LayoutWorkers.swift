#if canImport(Glibc)
import Glibc
#endif
import Diagram
import Foundation
import Graphviz
import VPCModel

/// Graphviz layout in worker processes (`--jobs N`): libgvc is not thread-safe, so parallel layout
/// means processes. The parent re-executes its own binary with a hidden subcommand
/// (`vpcgraph _layout-worker`), writes the diagrams' DOT to its stdin and reads the SVGs back from its
/// stdout, in frames. Each diagram goes to the worker with the fewest in hand as soon as it is
/// submitted (the workers lay out while the parent builds the next DOT, its Markdown, and
/// post-processes what came back);
/// results are put back in the diagrams' order, so the outputs and diagnostics are the same
/// whatever N. A worker that dies is reported as an error of each diagram it did not return, never
/// as the whole run's signal.
public struct LayoutWorkers: Sendable {
    /// The executable to run (this program), and the arguments that make it a worker.
    public var executable: String
    public var arguments: [String]
    public var jobs: Int

    public init(executable: String, arguments: [String], jobs: Int) {
        self.executable = executable
        self.arguments = arguments
        self.jobs = max(1, jobs)
    }

    /// Layout in this process, one diagram after the other (no worker is started for one job).
    public static let inProcess = LayoutWorkers(executable: "", arguments: [], jobs: 1)

    /// This program as a worker: `/proc/self/exe _layout-worker`.
    public static func current(jobs: Int, subcommand: String = "_layout-worker") -> LayoutWorkers {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return LayoutWorkers(executable: exe, arguments: [subcommand], jobs: jobs)
    }

    public typealias Result = (output: String?, diagnostics: [Diagnostic])
    /// A result as bytes, finished when the session was given `Finishing`: the SVG, Graphviz's
    /// messages, and what `SVGSafety` found wrong with the finished SVG (then it must not be written).
    public typealias ByteResult = (output: [UInt8]?, diagnostics: [Diagnostic], problems: [String])

    /// What is done to each SVG where it was laid out: `SVGPostProcessor` with these options, then
    /// `SVGSafety` with these linkable files. In the workers, it runs in parallel too.
    public struct Finishing: Codable, Sendable {
        public var theme: String
        public var transparent: Bool
        public var linkableFiles: [String]

        public init(options: SVGPostProcessor.Options, linkableFiles: Set<String>) {
            theme = options.theme.rawValue
            transparent = options.transparent
            self.linkableFiles = linkableFiles.sorted()
        }

        /// The finished SVG and the safety check's problems.
        func apply(_ svg: [UInt8]) -> (svg: [UInt8], problems: [String]) {
            let options = SVGPostProcessor.Options(theme: Theme(rawValue: theme) ?? .auto, transparent: transparent)
            let processed = SVGPostProcessor.process(bytes: svg, options: options)
            return (processed, SVGSafety.problems(in: processed, linkableFiles: Set(linkableFiles)))
        }
    }

    /// Lays out `diagrams` (file name for messages, DOT) as SVG, in order. `finished` is called
    /// once per diagram as its answer arrives, from any thread (progress lines).
    public func layout(_ diagrams: [(file: String, dot: String)], finished: (@Sendable () -> Void)? = nil) -> [Result] {
        let session = start(count: diagrams.count, finished: finished)
        for diagram in diagrams { session.submit(file: diagram.file, dot: Array(diagram.dot.utf8)) }
        session.close()
        return diagrams.indices.map { index in
            let result = session.result(index)
            return (result.output.map { String(decoding: $0, as: UTF8.self) }, result.diagnostics)
        }
    }

    /// A layout of `count` diagrams, submitted one by one (`submit`), answered in any order and
    /// taken in order (`result`). In this process (one job, or fewer than two diagrams), each is laid
    /// out when it is asked for.
    public func start(count: Int, finishing: Finishing? = nil, finished: (@Sendable () -> Void)? = nil,
                      prepared: PreparedWorkers? = nil) -> LayoutSession {
        LayoutSession(workers: self, count: count, finishing: finishing, finished: finished, prepared: prepared)
    }

    /// Starts the worker processes ahead of their session (nil for one job), so that their start-up
    /// (about 15 ms each) runs while this process still reads the input, on a core that is idle then.
    public func prepare() -> PreparedWorkers? {
        jobs > 1 ? PreparedWorkers((0..<jobs).map { _ in Worker(executable: executable, arguments: arguments) }) : nil
    }

    /// Layout (and finishing) of one diagram in this process: what a worker answers.
    static func layOut(file: String, dot: [UInt8], finishing: Finishing?) -> ByteResult {
        let (data, diagnostics) = GraphvizRenderer.renderData(dot: dot, format: .svg, file: file)
        guard let data else { return (nil, diagnostics, []) }
        guard let finishing else { return ([UInt8](data), diagnostics, []) }
        let (svg, problems) = finishing.apply([UInt8](data))
        return (svg, diagnostics, problems)
    }

    static func failure(_ file: String, _ message: String) -> Diagnostic {
        .error(message, at: SourceLocation(file: file), rule: "layout-worker")
    }

    /// The worker's side: reads the finishing (a JSON frame: `Finishing`, or `null`), then (file
    /// name, DOT) frame pairs from stdin as they arrive, and answers each on stdout: the SVG frame (a
    /// marker byte, then the bytes), then a JSON frame of its diagnostics and safety problems.
    public static func serve() {
        var input = FrameStream(fd: 0)
        guard let settings = input.next() else { return }
        let finishing = try? JSONDecoder().decode(Finishing?.self, from: Data(settings))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        while let file = input.next(), let dot = input.next() {
            let (svg, diagnostics, problems) = layOut(file: String(decoding: file, as: UTF8.self), dot: dot, finishing: finishing ?? nil)
            var data: [UInt8] = []
            var output: [UInt8] = svg == nil ? [0] : [1]
            if let svg { output.append(contentsOf: svg) }
            Frame.append(output, to: &data)
            let report = WorkerReport(diagnostics: diagnostics.map(WorkerDiagnostic.init), problems: problems)
            Frame.append(Array((try? encoder.encode(report)) ?? Data("{}".utf8)), to: &data)
            guard FrameStream.write(data, to: 1) else { return }
        }
    }
}

/// A worker's answer for one diagram, besides the SVG.
struct WorkerReport: Codable {
    var diagnostics: [WorkerDiagnostic]
    var problems: [String]
}

/// Worker processes started before their session (`LayoutWorkers.prepare`). A session takes as
/// many as it needs; those it does not take, or all when no session takes them (the input had
/// errors), get their input closed and exit.
public final class PreparedWorkers: @unchecked Sendable {
    private let lock = NSLock()
    private var workers: [Worker]

    fileprivate init(_ workers: [Worker]) { self.workers = workers }

    /// Up to `count` workers (the rest are let go).
    fileprivate func take(_ count: Int) -> [Worker] {
        lock.withLock {
            let taken = Array(workers.prefix(count))
            for worker in workers.dropFirst(count) { worker.closeInput() }
            workers = []
            return taken
        }
    }

    deinit { for worker in workers { worker.closeInput() } }
}

/// One layout of a known number of diagrams (see `LayoutWorkers.start`).
///
/// Diagrams go to whichever worker has the fewest in hand, at most `inHand` each (one being laid
/// out, one waiting in its pipe so that it never idles); the rest wait here, in order. Fixed turns
/// (diagram i to worker i mod N) left one worker idle at the end while the other still had a
/// queue of large diagrams.
public final class LayoutSession: @unchecked Sendable {
    private static let inHand = 2
    private let count: Int
    private let finishing: LayoutWorkers.Finishing?
    private let finished: (@Sendable () -> Void)?
    private let workers: [Worker]
    /// Diagrams kept for in-process layout (no workers).
    private var local: [(file: String, dot: [UInt8])] = []
    private let condition = NSCondition()
    private var results: [LayoutWorkers.ByteResult?]
    private var files: [String?]
    private var submitted = 0
    private var closed = false
    /// Submitted, not yet handed to a worker: (diagram number, file, DOT), oldest first from `nextWaiting`.
    private var waiting: [(index: Int, file: String, dot: [UInt8])] = []
    private var nextWaiting = 0
    /// Per worker: the diagram numbers it was handed, in order (its answers come in that order), and how many it answered.
    private var handed: [[Int]]
    private var answered: [Int]
    /// Which worker has diagram i (nil while it waits here).
    private var owner: [Int?]
    private var inputsClosed = false

    init(workers settings: LayoutWorkers, count: Int, finishing: LayoutWorkers.Finishing?, finished: (@Sendable () -> Void)?,
         prepared: PreparedWorkers? = nil) {
        self.count = count
        self.finishing = finishing
        self.finished = finished
        results = Array(repeating: nil, count: count)
        files = Array(repeating: nil, count: count)
        owner = Array(repeating: nil, count: count)
        let processes = settings.jobs == 1 || count < 2 ? 0 : min(settings.jobs, count)
        if processes > 0 {
            // A worker that dies closes its stdin: writing to it must be an error (EPIPE), not SIGPIPE for the whole run.
            signal(SIGPIPE, SIG_IGN)
        }
        handed = Array(repeating: [], count: processes)
        answered = Array(repeating: 0, count: processes)
        let settingsFrame = Array((try? JSONEncoder().encode(finishing)) ?? Data("null".utf8))
        let ready = prepared?.take(processes) ?? []
        workers = ready + (ready.count..<processes).map { _ in Worker(executable: settings.executable, arguments: settings.arguments) }
        for worker in workers { worker.begin(settings: settingsFrame) }
        for (number, worker) in workers.enumerated() {
            worker.startReading { [self] offset, answer in
                record(worker: number, offset: offset, answer)
            } ended: { [self] in
                condition.lock()
                handOut()  // what waits goes to the workers still alive
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    /// Takes the next diagram: to a worker with room for it, else it waits for one. Never blocks on a busy worker.
    public func submit(file: String, dot: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        let index = submitted
        submitted += 1
        files[index] = file
        if workers.isEmpty {
            local.append((file, dot))
        } else {
            waiting.append((index, file, dot))
            handOut()
        }
    }

    /// No more diagrams: the workers' stdin is closed once every diagram was handed out and written.
    public func close() {
        condition.lock()
        closed = true
        handOut()
        condition.unlock()
    }

    /// Hands waiting diagrams to the living workers with room, fewest in hand first (then the lowest
    /// number); closes their input once nothing waits and nothing more comes. Called with the lock held.
    private func handOut() {
        while nextWaiting < waiting.count {
            let candidates = workers.indices.filter { workers[$0].failure == nil && handed[$0].count - answered[$0] < Self.inHand }
            guard let chosen = candidates.min(by: { (handed[$0].count - answered[$0], $0) < (handed[$1].count - answered[$1], $1) }) else { break }
            let item = waiting[nextWaiting]
            waiting[nextWaiting].dot = []  // its bytes are the worker's queue's now
            nextWaiting += 1
            handed[chosen].append(item.index)
            owner[item.index] = chosen
            workers[chosen].send(file: item.file, dot: item.dot)
        }
        if nextWaiting == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            nextWaiting = 0
            if closed && !inputsClosed {
                inputsClosed = true
                for worker in workers { worker.closeInput() }
            }
        }
    }

    /// The index-th diagram's SVG (bytes) and Graphviz's messages; waits for it. An error when its
    /// worker died first (or every worker did, before it was handed out).
    public func result(_ index: Int) -> LayoutWorkers.ByteResult {
        if workers.isEmpty {
            let item = local[index]
            let result = LayoutWorkers.layOut(file: item.file, dot: item.dot, finishing: finishing)
            finished?()
            return result
        }
        condition.lock()
        defer { condition.unlock() }
        while results[index] == nil {
            // Its worker's end, or, while it still waits here, the end of every worker.
            let why = owner[index].map { workers[$0].failure } ?? (workers.allSatisfy { $0.failure != nil } ? workers.first?.failure : nil)
            if let why, closed {
                let file = files[index] ?? "diagram \(index + 1)"
                return (nil, [LayoutWorkers.failure(file, why(file))], [])
            }
            condition.wait()
        }
        return results[index]!
    }

    private func record(worker: Int, offset: Int, _ answer: LayoutWorkers.ByteResult) {
        finished?()  // counted before anyone waiting for it can go on (and the run end, wiping the progress line)
        condition.lock()
        let index = handed[worker][offset]
        answered[worker] += 1
        if index < count { results[index] = answer }
        handOut()
        condition.broadcast()
        condition.unlock()
    }
}

/// One worker process: a writer queue for its stdin, a reader thread for its stdout.
private final class Worker: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe(), output = Pipe()
    private let writer = DispatchQueue(label: "vpcgraph.layout-worker.stdin")
    private let lock = NSLock()
    private var ended: ((String) -> String)?
    /// Set once the worker ended (or could not start): the message for a diagram it did not answer.
    var failure: ((String) -> String)? { lock.withLock { ended } }
    private var started = true

    init(executable: String, arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            started = false
            let reason = error.localizedDescription
            ended = { _ in "cannot start a layout worker: \(reason)" }
            return
        }
    }

    /// Sends the session's settings, the first frame a worker reads.
    func begin(settings: [UInt8]) {
        guard started else { return }
        var frame: [UInt8] = []
        Frame.append(settings, to: &frame)
        let first = frame, fd = input.fileHandleForWriting.fileDescriptor
        writer.async { _ = FrameStream.write(first, to: fd) }
    }

    func send(file: String, dot: [UInt8]) {
        guard started else { return }
        let fd = input.fileHandleForWriting.fileDescriptor
        writer.async {
            var data: [UInt8] = []
            data.reserveCapacity(dot.count + file.utf8.count + 16)
            Frame.append(Array(file.utf8), to: &data)
            Frame.append(dot, to: &data)
            _ = FrameStream.write(data, to: fd)
        }
    }

    func closeInput() {
        guard started else { return }
        let handle = input.fileHandleForWriting
        writer.async { try? handle.close() }
    }

    /// Reads answers on a thread of its own: `answer(offset, result)` for each, in the worker's order;
    /// `done` once it ended (its failure set for whatever it did not answer).
    func startReading(answer: @escaping @Sendable (Int, LayoutWorkers.ByteResult) -> Void, ended done: @escaping @Sendable () -> Void) {
        guard started else { return }
        Thread.detachNewThread { [self] in
            var stream = FrameStream(fd: output.fileHandleForReading.fileDescriptor)
            var offset = 0
            let decoder = JSONDecoder()
            while let svg = stream.next(), let report = stream.next() {
                guard let first = svg.first, let stored = try? decoder.decode(WorkerReport.self, from: Data(report)) else { break }
                answer(offset, (first == 1 ? Array(svg.dropFirst()) : nil, stored.diagnostics.map(\.diagnostic), stored.problems))
                offset += 1
            }
            stream.drain()  // what a broken worker still writes
            process.waitUntilExit()
            let why = process.terminationReason == .uncaughtSignal ? "was killed by signal \(process.terminationStatus)"
                : "exited with status \(process.terminationStatus)"
            lock.withLock { ended = { file in "the layout worker \(why) before it laid out '\(file)'" } }
            done()
        }
    }
}

/// Length-prefixed frames: 8 bytes big-endian length, then the bytes.
enum Frame {
    static func append(_ payload: [UInt8], to data: inout [UInt8]) {
        let length = UInt64(payload.count)
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: length >> UInt64(shift))) }
        data.append(contentsOf: payload)
    }
}

/// Frames read from a file descriptor as they arrive.
struct FrameStream {
    let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    init(fd: Int32) { self.fd = fd }

    /// The next whole frame; nil at the end of the stream (or a cut frame).
    mutating func next() -> [UInt8]? {
        while true {
            if buffer.count - start >= 8 {
                let length = buffer[start..<start + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                if length <= UInt64(buffer.count - start - 8) {
                    let from = start + 8, to = from + Int(length)
                    start = to
                    return Array(buffer[from..<to])
                }
                if length > UInt64(Int32.max) { return nil }  // not a frame of ours
            }
            guard !atEnd, fill() else { return nil }
        }
    }

    /// Reads and drops everything up to the end of the stream.
    mutating func drain() {
        buffer = []
        start = 0
        while !atEnd, fill() { buffer.removeAll(keepingCapacity: true) }
    }

    /// Reads what is available (blocking for at least one byte); false at the end or on an error.
    private mutating func fill() -> Bool {
        if start > 0 && start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        let chunk = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        while true {
            let got = buffer.withUnsafeMutableBufferPointer { read(fd, $0.baseAddress! + old, chunk) }
            if got < 0 && errno == EINTR { continue }
            buffer.removeLast(chunk - max(got, 0))
            if got <= 0 { atEnd = true }
            return got > 0
        }
    }

    /// Writes all of `data`; false when the other side is gone.
    static func write(_ data: [UInt8], to fd: Int32) -> Bool {
        data.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let wrote = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if wrote < 0 && errno == EINTR { continue }
                if wrote <= 0 { return false }
                offset += wrote
            }
            return true
        }
    }
}

struct WorkerDiagnostic: Codable, Equatable, Sendable {
    var severity: String
    var message: String
    var file: String?
    var line: Int?
    var column: Int?
    var rule: String?

    init(_ d: Diagnostic) {
        severity = d.severity.rawValue
        message = d.message
        file = d.location?.file
        line = d.location?.line
        column = d.location?.column
        rule = d.rule
    }

    var diagnostic: Diagnostic {
        Diagnostic(Diagnostic.Severity(rawValue: severity) ?? .error, message,
                   at: file.map { SourceLocation(file: $0, line: line, column: column) }, rule: rule)
    }
}
