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
        public var exitCode: Int32
        public var standardError: String
    }

    /// Runs one call, its standard output going to the file at `outputPath`.
    public func run(_ call: AWSCall, outputPath: String) async throws -> Outcome {
        let errorPath = outputPath + ".stderr"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        guard let out = FileHandle(forWritingAtPath: outputPath), let err = FileHandle(forWritingAtPath: errorPath) else {
            throw CollectError.cannotWrite(path: outputPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = call.commandLine
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: CollectError.cannotRun(executable: executable, reason: "\(error)"))
            }
        }
        try? out.close()
        try? err.close()
        let message = (FileManager.default.contents(atPath: errorPath)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Outcome(exitCode: status, standardError: message)
    }
}
