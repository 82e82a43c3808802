import Foundation
import TestSupport
import Testing

/// The hooks of `.pre-commit-hooks.yaml`, run by the real `pre-commit` (PyPI, installed by
/// `make test-deps`) with `pre-commit try-repo` on a temporary git repository.
@Suite(.serialized) struct PreCommitHookTests {
    static let manager = FileManager.default

    struct Repo {
        var dir: URL
        var environment: [String: String]

        func run(_ program: String, _ arguments: [String]) throws -> ProcessResult {
            try Run.process(program, arguments, environment: environment, currentDirectory: dir)
        }

        func git(_ arguments: String...) throws -> ProcessResult { try run("git", arguments) }

        /// `pre-commit try-repo <this repository> <hook>` on the staged files.
        func hook(_ id: String) throws -> ProcessResult {
            try run("pre-commit", ["try-repo", Paths.repository.path, id, "--verbose"])
        }
    }

    /// A repository holding net/app-vpc.yaml and its diagrams in out/ (vpcgraph's default output), committed.
    static func repository() throws -> Repo {
        let dir = Paths.temporaryDirectory("pre-commit")
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Paths.vpcgraph.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["PRE_COMMIT_HOME"] = dir.appendingPathComponent(".cache").path
        environment["NO_COLOR"] = "1"
        for (key, value) in ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
                             "GIT_COMMITTER_EMAIL": "t@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": dir.path] {
            environment[key] = value
        }
        let repo = Repo(dir: dir.appendingPathComponent("work"), environment: environment)
        try manager.createDirectory(at: repo.dir.appendingPathComponent("net"), withIntermediateDirectories: true)
        try manager.copyItem(at: Paths.samples.appendingPathComponent("app-vpc.yaml"), to: repo.dir.appendingPathComponent("net/app-vpc.yaml"))
        #expect(try repo.git("init", "-q").status == 0)
        #expect(try repo.git("config", "core.hooksPath", "/dev/null").status == 0)
        #expect(try repo.run("vpcgraph", ["render", "net/app-vpc.yaml"]).status == 0)
        try "/.cache/\n".write(to: dir.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        #expect(try repo.git("add", "-A").status == 0)
        #expect(try repo.git("commit", "-q", "-m", "network").status == 0)
        return repo
    }

    @Test func aStaleDiagramFailsTheRenderHookWhichFixesItAndTheNextRunPasses() throws {
        let repo = try Self.repository()
        defer { try? Self.manager.removeItem(at: repo.dir.deletingLastPathComponent()) }
        // The topology changes, the diagrams are not regenerated.
        let input = repo.dir.appendingPathComponent("net/app-vpc.yaml")
        let text = try String(contentsOf: input, encoding: .utf8)
        try text.replacingOccurrences(of: "name: public-a,", with: "name: public-x,").write(to: input, atomically: true, encoding: .utf8)
        #expect(try repo.git("add", "net/app-vpc.yaml").status == 0)
        let stale = try repo.run("vpcgraph", ["render", "net/app-vpc.yaml", "--check"])
        #expect(stale.status == 1)

        let check = try repo.hook("vpcgraph-check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("vpcgraph check") && check.stdout.contains("Passed"))

        let failed = try repo.hook("vpcgraph-render")
        #expect(failed.status == 1, "\(failed.stdout)\(failed.stderr)")
        #expect(failed.stdout.contains("Failed"))
        #expect(failed.stdout.contains("wrote out/app-vpc.dot\nwrote out/app-vpc.svg\nwrote out/app-vpc.md"), "\(failed.stdout)")
        #expect(failed.stdout.contains("files were modified by this hook"))
        // The hook brought the diagrams up to date.
        #expect(try repo.run("vpcgraph", ["render", "net/app-vpc.yaml", "--check"]).status == 0)
        #expect(try String(contentsOf: repo.dir.appendingPathComponent("out/app-vpc.md"), encoding: .utf8).contains("public-x"))

        // Added to the commit, the hook passes and the commit goes in.
        #expect(try repo.git("add", "-A").status == 0)
        let passed = try repo.hook("vpcgraph-render")
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(passed.stdout.contains("Passed"))
        #expect(try repo.git("commit", "-q", "-m", "rename a subnet").status == 0)
        #expect(try repo.git("status", "--porcelain").stdout == "")
    }

    @Test func aNewDiagramFileFailsTheHookToo() throws {
        // A new VPC's diagram is a new (untracked) file: pre-commit does not see it change, vpcgraph says so.
        let repo = try Self.repository()
        defer { try? Self.manager.removeItem(at: repo.dir.deletingLastPathComponent()) }
        try Self.manager.copyItem(at: repo.dir.appendingPathComponent("net/app-vpc.yaml"), to: repo.dir.appendingPathComponent("net/second.yaml"))
        #expect(try repo.git("add", "net/second.yaml").status == 0)
        let failed = try repo.hook("vpcgraph-render")
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("vpcgraph: files in 'out' changed; add them to the commit"), "\(failed.stdout)")
        #expect(Self.manager.fileExists(atPath: repo.dir.appendingPathComponent("out/second.svg").path))
        #expect(try repo.git("add", "-A").status == 0)
        #expect(try repo.hook("vpcgraph-render").status == 0)
    }

    @Test func anInvalidTopologyFailsTheCheckHook() throws {
        let repo = try Self.repository()
        defer { try? Self.manager.removeItem(at: repo.dir.deletingLastPathComponent()) }
        try "regions:\n  eu-west-1:\n    vpcs:\n      - {id: vpc-0a1b2c3d4e5f60718, cidr: 10.0.0.0/33}\n"
            .write(to: repo.dir.appendingPathComponent("net/bad.yaml"), atomically: true, encoding: .utf8)
        #expect(try repo.git("add", "net/bad.yaml").status == 0)
        let failed = try repo.hook("vpcgraph-check")
        #expect(failed.status == 1)
        #expect(failed.stdout.contains("net/bad.yaml:4:"), "\(failed.stdout)")
    }
}
