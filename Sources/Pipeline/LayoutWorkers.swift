#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Graphviz
import VPCModel

/// Graphviz layout in worker processes (`--jobs N`): libgvc is not thread-safe, so parallel layout
/// means processes. The parent re-executes its own binary with a hidden subcommand
/// (`vpcgraph _layout-worker`), writes the diagrams' DOT to its stdin and reads the SVGs back from its
/// stdout, in frames. Each worker lays out every N-th diagram; results are put back in the
/// diagrams' order, so the outputs and diagnostics are the same whatever N. A worker that dies is
/// reported as an error of each diagram it did not return, never as the whole run's signal.
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

    /// Lays out `diagrams` (file name for messages, DOT) as SVG, in order. `finished` is called
    /// once per diagram as its answer arrives, from any thread (progress lines).
    public func layout(_ diagrams: [(file: String, dot: String)], finished: (@Sendable () -> Void)? = nil) -> [Result] {
        if jobs == 1 || diagrams.count < 2 {
            return diagrams.map {
                let result = GraphvizRenderer.render(dot: $0.dot, format: .svg, file: $0.file)
                finished?()
                return result
            }
        }
        // A worker that dies closes its stdin: writing to it must be an error (EPIPE), not SIGPIPE for the whole run.
        signal(SIGPIPE, SIG_IGN)
        let count = min(jobs, diagrams.count)
        let results = ResultBox(count: diagrams.count)
        let group = DispatchGroup()
        for worker in 0..<count {
            let indices = Array(stride(from: worker, to: diagrams.count, by: count))
            group.enter()
            Thread.detachNewThread {
                let answers = run(indices.map { diagrams[$0] }, finished: finished)
                for (offset, index) in indices.enumerated() { results.set(index, answers[offset]) }
                group.leave()
            }
        }
        group.wait()
        return results.all()
    }

    /// One worker process over `batch`: answers for each diagram, an error for each it did not answer.
    func run(_ batch: [(file: String, dot: String)], finished: (@Sendable () -> Void)? = nil) -> [Result] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        var answers: [Result] = []
        do {
            try process.run()
        } catch {
            return batch.map { (nil, [Self.failure($0.file, "cannot start a layout worker: \(error.localizedDescription)")]) }
        }
        // Write on another thread while reading here, so that neither pipe fills up and blocks.
        let writer = Thread {
            var data = Data()
            for item in batch {
                Frame.append(Data(item.file.utf8), to: &data)
                Frame.append(Data(item.dot.utf8), to: &data)
            }
            try? input.fileHandleForWriting.write(contentsOf: data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        // Answers are taken as they arrive (so progress can be told), each whole frame once.
        let handle = output.fileHandleForReading
        var pending = Data()
        var readable = true
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            guard readable else { continue }  // drain what a broken worker still writes
            pending.append(chunk)
            var reader = Frame.Reader(pending)
            while answers.count < batch.count, let frame = reader.next() {
                guard let answer = try? JSONDecoder().decode(WorkerAnswer.self, from: frame) else {
                    readable = false
                    break
                }
                answers.append((answer.output, answer.diagnostics.map(\.diagnostic)))
                finished?()
            }
            pending = pending.subdata(in: reader.offset..<pending.endIndex)
        }
        process.waitUntilExit()
        let why = process.terminationReason == .uncaughtSignal ? "was killed by signal \(process.terminationStatus)"
            : "exited with status \(process.terminationStatus)"
        for item in batch.dropFirst(answers.count) {
            answers.append((nil, [Self.failure(item.file, "the layout worker \(why) before it laid out '\(item.file)'")]))
        }
        return answers
    }

    static func failure(_ file: String, _ message: String) -> Diagnostic {
        .error(message, at: SourceLocation(file: file), rule: "layout-worker")
    }

    /// The worker's side: reads (file name, DOT) frame pairs from stdin until it ends, answers each on stdout.
    public static func serve() {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        var reader = Frame.Reader(input)
        let out = FileHandle.standardOutput
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        while let file = reader.next(), let dot = reader.next() {
            let (svg, diagnostics) = GraphvizRenderer.render(dot: String(decoding: dot, as: UTF8.self), format: .svg,
                                                             file: String(decoding: file, as: UTF8.self))
            let answer = WorkerAnswer(output: svg, diagnostics: diagnostics.map(WorkerDiagnostic.init))
            var data = Data()
            Frame.append((try? encoder.encode(answer)) ?? Data(), to: &data)
            try? out.write(contentsOf: data)
        }
    }
}

/// Results written by several threads, each to its own indices.
private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [LayoutWorkers.Result?]
    init(count: Int) { results = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: LayoutWorkers.Result) { lock.withLock { results[index] = result } }
    func all() -> [LayoutWorkers.Result] { lock.withLock { results.map { $0 ?? (nil, []) } } }
}

/// Length-prefixed frames: 8 bytes big-endian length, then the bytes.
enum Frame {
    static func append(_ payload: Data, to data: inout Data) {
        var length = UInt64(payload.count).bigEndian
        withUnsafeBytes(of: &length) { data.append(contentsOf: $0) }
        data.append(payload)
    }

    struct Reader {
        let data: Data
        var offset: Int
        init(_ data: Data) {
            self.data = data
            offset = data.startIndex
        }

        mutating func next() -> Data? {
            guard data.endIndex - offset >= 8 else { return nil }
            let length = data[offset..<offset + 8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            guard length <= UInt64(data.endIndex - offset - 8) else { return nil }
            let start = offset + 8, end = start + Int(length)
            offset = end
            return data.subdata(in: start..<end)
        }
    }
}

struct WorkerAnswer: Codable {
    var output: String?
    var diagnostics: [WorkerDiagnostic]
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
