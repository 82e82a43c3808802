import Foundation

/// The `aws` command found in `PATH`, run with the caller's environment (so `AWS_PROFILE`,
/// `AWS_ENDPOINT_URL`, `AWS_REGION`, credentials and config files all apply).
public struct AWSCLI: Sendable {
    public let executable: String
    public let environment: [String: String]

    /// Finds `aws` in the `PATH` of `environment`; nil when it is not there.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        guard let found = path.split(separator: ":").map({ "\($0)/aws" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        executable = found
        var env = environment
        env["AWS_PAGER"] = "" // AWS CLI v2 would page through `less`
        env["AWS_CLI_AUTO_PROMPT"] = "off"
        self.environment = env
    }

    public struct Outcome: Sendable {
        /// The exit code, or 128 + the signal that ended it.
        public var exitCode: Int32
        /// What it printed, in memory only: it may hold secrets until parsed and scrubbed.
        public var standardOutput: [UInt8]
        public var standardError: String
    }

    /// Runs one call as one of `children`, its outputs read through pipes into memory.
    func run(_ call: AWSCall, as children: ChildProcesses) async throws -> Outcome {
        let finished = try await children.run(executable: executable, arguments: call.commandLine, environment: environment)
        return Outcome(exitCode: finished.status, standardOutput: finished.standardOutput,
                       standardError: String(decoding: finished.standardError, as: UTF8.self))
    }

    /// Runs one call, its outputs read through pipes into memory.
    public func run(_ call: AWSCall) async throws -> Outcome {
        try await run(call, as: ChildProcesses())
    }
}
