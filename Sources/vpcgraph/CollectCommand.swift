import ArgumentParser
import AWSCollect
import Foundation
import VPCModel

struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collect",
        abstract: "Save the AWS CLI outputs vpcgraph reads into a snapshot folder.",
        discussion: """
            Runs 'aws' from PATH with your environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, credentials files), \
            read-only calls only: one file per call, in a folder per region and 'global/' for Route 53. \
            The folder appears only when every call succeeded. Outputs are read into memory: VPN device configurations \
            and tunnel pre-shared keys are removed before anything is written. SIGINT or SIGTERM stops the calls and \
            leaves the folder as it was (exit 130 or 143). '--print-iam-policy' prints the IAM policy the calls need.
            """)

    @Option(name: .long, parsing: .singleValue, help: "A region to collect (repeat, or separate with commas).")
    var region: [String] = []

    @Option(name: .shortAndLong, help: "The snapshot folder to create.")
    var output: String?

    @Flag(help: "Replace the snapshot folder if it exists.")
    var force = false

    @Option(help: "How many AWS CLI calls run at once.")
    var jobs = 4

    @Flag(help: "Print the IAM policy collect needs, and exit.")
    var printIAMPolicy = false

    var regions: [String] {
        var out: [String] = []
        for word in region.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty && !out.contains(word) {
            out.append(word)
        }
        return out
    }

    func validate() throws {
        if printIAMPolicy { return }
        if regions.isEmpty { throw ValidationError("name at least one region with --region (e.g. --region eu-west-1)") }
        for r in regions where !Regions.looksLikeRegion(r) { throw ValidationError("'\(r)' is not a region code such as 'eu-west-1'") }
        if output == nil { throw ValidationError("name the snapshot folder with -o") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        if printIAMPolicy {
            print(CollectionPlan.iamPolicy, terminator: "")
            return
        }
        guard let output else { return }
        guard let cli = AWSCLI() else { fail(CollectError.awsNotFound) }
        var collector = SnapshotCollector(cli: cli, regions: regions)
        collector.parallelCalls = jobs
        let terminal = isatty(STDERR_FILENO) != 0
        let session = CollectSession()
        let exit = ExitClaim()
        // SIGINT and SIGTERM are ignored as signals and handled as events on a queue, where
        // killing the `aws` children and removing the staging folder are safe to do.
        let sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                guard exit.claim() else { return } // collect has finished and is exiting
                let published = session.interrupt()
                let name = number == SIGINT ? "SIGINT" : "SIGTERM"
                let outcome = published ? "after writing '\(output)'" : "'\(output)' left as it was"
                FileHandle.standardError.write(Data(((terminal ? "\n" : "") + "collect: interrupted by \(name); \(outcome)\n").utf8))
                Foundation.exit(128 + number) // what a shell reports for a command ended by the signal
            }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        var failure: CollectError?
        do {
            try await collector.collect(into: output, force: force, session: session) { line in
                FileHandle.standardError.write(Data(((terminal ? "\r\u{1B}[K" : "") + "collect: \(line)" + (terminal ? "" : "\n")).utf8))
            }
        } catch let error as CollectError {
            failure = error
        }
        // Ctrl-C reaches the whole process group: an `aws` child may die of it before our handler
        // has run. A call ended by SIGINT or SIGTERM gives the handler a second to claim the exit.
        if case .failed(_, let code, _)? = failure, code == 128 + SIGINT || code == 128 + SIGTERM {
            for _ in 0..<100 where !session.isInterrupted { try? await Task.sleep(for: .milliseconds(10)) }
        }
        // A signal's handler, once it has claimed the exit, cleans up and exits: wait for it.
        guard exit.claim() else { await ExitClaim.waitForever() }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        if let failure { fail(failure) }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }

    func fail(_ error: CollectError) -> Never {
        DiagnosticPrinter.print([Diagnostic(.error, error.description, at: nil, rule: "collect")])
        Collect.exit(withError: ExitCode(1))
    }
}

/// Who ends the process: collect finishing, or a signal's handler; the first to claim it.
private final class ExitClaim: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false

    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }

    static func waitForever() async -> Never {
        await withUnsafeContinuation { (_: UnsafeContinuation<Void, Never>) in }
        fatalError("unreachable")
    }
}
