import ArgumentParser
import AWSCollect
import Foundation
import VPCModel

struct Collect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Save the AWS CLI outputs vpcgraph reads into a snapshot folder.",
        discussion: """
            Runs 'aws' from PATH with your environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL, credentials files), \
            read-only calls only: one file per call, in a folder per region and 'global/' for Route 53. \
            The folder appears only when every call succeeded. VPN device configurations and tunnel pre-shared keys \
            are removed before anything is written. '--print-iam-policy' prints the IAM policy the calls need.
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
        do {
            try await collector.collect(into: output, force: force) { line in
                FileHandle.standardError.write(Data(((terminal ? "\r\u{1B}[K" : "") + "collect: \(line)" + (terminal ? "" : "\n")).utf8))
            }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        } catch let error as CollectError {
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
            fail(error)
        }
        FileHandle.standardError.write(Data("wrote \(output)\n".utf8))
    }

    func fail(_ error: CollectError) -> Never {
        DiagnosticPrinter.print([Diagnostic(.error, error.description, at: nil, rule: "collect")])
        Collect.exit(withError: ExitCode(1))
    }
}
