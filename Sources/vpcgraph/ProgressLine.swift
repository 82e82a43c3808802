import Foundation

/// One line on stderr telling how far a long render has got: `vpcgraph: laying out big: 120/401
/// diagrams`, rewritten in place. Only on a terminal (never in a log or a pipe, whose readers want
/// the diagnostics alone), only once the run has taken a second (a short run prints nothing), at
/// most ten times a second, and wiped before anything else is printed.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private let delay: Duration
    private var lastDrawn: ContinuousClock.Instant?
    private var shown = false
    let enabled: Bool

    /// `VPCGRAPH_PROGRESS_AFTER` (seconds, hidden) changes the delay, for the tests.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = isatty(STDERR_FILENO) != 0 && environment["TERM"] != "dumb"
        let seconds = environment["VPCGRAPH_PROGRESS_AFTER"].flatMap(Double.init) ?? 1
        delay = .milliseconds(Int(max(0, seconds) * 1000))
    }

    /// The callback for one input's pipeline.
    func reporter(for name: String) -> (@Sendable (Int, Int) -> Void)? {
        guard enabled else { return nil }
        let label = DiagnosticPrinter.printable(name).replacingOccurrences(of: "\n", with: " ")
        return { [self] done, total in update("laying out \(label): \(done)/\(total) diagrams", last: done == total) }
    }

    private func update(_ text: String, last: Bool) {
        lock.withLock {
            let now = ContinuousClock.now
            guard now - start >= delay else { return }
            if !last, let lastDrawn, now - lastDrawn < .milliseconds(100) { return }
            lastDrawn = now
            shown = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }

    /// Wipes the line, if one was drawn, so that what follows starts on a clean line.
    func clear() {
        lock.withLock {
            guard shown else { return }
            shown = false
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
    }
}
