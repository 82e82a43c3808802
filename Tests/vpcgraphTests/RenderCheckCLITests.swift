import Foundation
import Pipeline
import TestSupport
import Testing

/// `render --check`, `--prune`, the manifest and no-op regeneration, run through the built binary.
@Suite struct RenderCheckCLITests {
    static let manager = FileManager.default

    /// What a folder holds, down to the inode and the mtime in nanoseconds: equal snapshots mean
    /// nothing was written, renamed or touched (the folder's own entry included).
    struct Entry: Equatable, CustomStringConvertible {
        var name: String
        var data: Data
        var inode: UInt64
        var mtime: Int
        var description: String { "\(name) (\(data.count) bytes, inode \(inode), mtime \(mtime))" }
    }

    static func stamp(_ path: String) -> (inode: UInt64, mtime: Int) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return (0, 0) }
        return (UInt64(info.st_ino), info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec)
    }

    static func snapshot(_ dir: String) -> [Entry] {
        let names = ((try? manager.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        let folder = stamp(dir)
        return [Entry(name: ".", data: Data(), inode: folder.inode, mtime: folder.mtime)] + names.map { name in
            let (inode, mtime) = stamp(dir + "/" + name)
            return Entry(name: name, data: manager.contents(atPath: dir + "/" + name) ?? Data(), inode: inode, mtime: mtime)
        }
    }

    static func listing(_ dir: String) -> [String] { ((try? manager.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    /// A work folder with copies of two samples (so a test can change one), and the output folder's path.
    static func workspace() throws -> (dir: String, app: String, shared: String, out: String) {
        let dir = Paths.temporaryDirectory("render-check").path
        try manager.createDirectory(atPath: dir + "/net", withIntermediateDirectories: true)
        for name in ["app-vpc.yaml", "shared-services.yaml"] {
            try manager.copyItem(atPath: Paths.samples.appendingPathComponent(name).path, toPath: dir + "/net/" + name)
        }
        return (dir, "net/app-vpc.yaml", "net/shared-services.yaml", "docs")
    }

    static func vpcgraph(_ arguments: [String], in dir: String) throws -> ProcessResult {
        try Run.vpcgraph(arguments, currentDirectory: URL(fileURLWithPath: dir))
    }

    /// Waits until the clock has moved past the last write, so that a rewrite would show in the mtimes.
    static func letTheClockMove(_ dir: String) {
        let before = stamp(dir).mtime
        var now = timespec()
        repeat {
            usleep(2_000)
            clock_gettime(CLOCK_REALTIME, &now)
        } while now.tv_sec * 1_000_000_000 + now.tv_nsec <= before + 10_000_000
    }

    @Test func checkOnFreshOutputsExitsZeroAndPrintsNothing() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let render = try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out], in: w.dir)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(Self.listing(w.dir + "/docs") == [".vpcgraph.json", "app-vpc.dot", "app-vpc.md", "app-vpc.svg",
                                                   "shared-services.dot", "shared-services.md", "shared-services.svg"])
        let before = Self.snapshot(w.dir + "/docs")
        let check = try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out, "--check"], in: w.dir)
        #expect(check.status == 0)
        #expect(check.stdout == "")
        #expect(check.stderr == "")
        #expect(Self.snapshot(w.dir + "/docs") == before)
    }

    @Test func afterChangingOneInputCheckNamesItsFilesAndWritesNothing() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        #expect(try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out], in: w.dir).status == 0)
        let path = w.dir + "/" + w.app
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "name: public-a,", with: "name: public-x,").write(toFile: path, atomically: true, encoding: .utf8)
        Self.letTheClockMove(w.dir + "/docs")
        let before = Self.snapshot(w.dir + "/docs")
        let check = try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out, "--check"], in: w.dir)
        #expect(check.status == 1)
        #expect(check.stdout == """
            stale: docs/app-vpc.dot
            stale: docs/app-vpc.md
            stale: docs/app-vpc.svg
            run 'vpcgraph render net/app-vpc.yaml net/shared-services.yaml -o docs' to update

            """)
        #expect(check.stderr == "")
        #expect(Self.snapshot(w.dir + "/docs") == before, "--check wrote, renamed or touched something")
        // The same check after the files are gone: missing, and still nothing written.
        try Self.manager.removeItem(atPath: w.dir + "/docs/app-vpc.svg")
        let afterRemoval = Self.snapshot(w.dir + "/docs")
        let again = try Self.vpcgraph(["render", w.app, "-o", w.out, "--check"], in: w.dir)
        #expect(again.status == 1)
        #expect(again.stdout == "stale: docs/app-vpc.dot\nstale: docs/app-vpc.md\nmissing: docs/app-vpc.svg\n"
            + "run 'vpcgraph render net/app-vpc.yaml -o docs' to update\n")
        #expect(Self.snapshot(w.dir + "/docs") == afterRemoval)
        // Rendering brings it up to date.
        #expect(try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out], in: w.dir).status == 0)
        #expect(try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out, "--check"], in: w.dir).status == 0)
    }

    @Test func checkOfAFolderThatIsNotThereListsEverythingMissingAndCreatesNothing() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let check = try Self.vpcgraph(["render", w.app, "-o", "new folder", "--format", "svg", "--check"], in: w.dir)
        #expect(check.status == 1)
        #expect(check.stdout == "missing: new folder/app-vpc.svg\nrun 'vpcgraph render net/app-vpc.yaml -o '\\''new folder'\\'' --format svg' to update\n"
                || check.stdout == "missing: new folder/app-vpc.svg\nrun 'vpcgraph render net/app-vpc.yaml -o 'new folder' --format svg' to update\n")
        #expect(!Self.manager.fileExists(atPath: w.dir + "/new folder"))
    }

    @Test func extraFilesAreListedAndPruneRemovesOnlyVpcgraphsOwn() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        // One diagram per VPC first; then the full view, which no longer writes them.
        #expect(try Self.vpcgraph(["render", w.app, "-o", w.out, "--view", "vpc"], in: w.dir).status == 0)
        let perVPC = ["app-vpc.vpc-0a1b2c3d4e5f60718.dot", "app-vpc.vpc-0a1b2c3d4e5f60718.svg"]
        #expect(Self.listing(w.dir + "/docs") == [".vpcgraph.json", "app-vpc.md"] + perVPC)
        // Files that are not vpcgraph's, one of them named like an output.
        let others = ["README.txt", "app-vpc.vpc-0fffffffffffffff0.svg"]
        for name in others { try Data("mine\n".utf8).write(to: URL(fileURLWithPath: w.dir + "/docs/" + name)) }
        let full = ["render", w.app, "-o", w.out]
        let before = Self.snapshot(w.dir + "/docs")
        let check = try Self.vpcgraph(full + ["--check"], in: w.dir)
        #expect(check.status == 1)
        // The vpc view's document shows the per-VPC diagrams, the full view's the whole one: it is stale.
        #expect(check.stdout == """
            stale: docs/app-vpc.md
            missing: docs/app-vpc.dot
            missing: docs/app-vpc.svg
            extra: docs/app-vpc.vpc-0a1b2c3d4e5f60718.dot
            extra: docs/app-vpc.vpc-0a1b2c3d4e5f60718.svg
            run 'vpcgraph render net/app-vpc.yaml -o docs --prune' to update

            """)
        #expect(Self.snapshot(w.dir + "/docs") == before)

        // Without --prune the extra files stay, are named, and stay known to the manifest.
        let render = try Self.vpcgraph(full, in: w.dir)
        #expect(render.status == 0, "\(render.stderr)")
        #expect(render.stdout == """
            wrote docs/app-vpc.dot
            wrote docs/app-vpc.svg
            wrote docs/app-vpc.md
            docs/app-vpc.vpc-0a1b2c3d4e5f60718.dot: an earlier render wrote it and this one does not; --prune removes it
            docs/app-vpc.vpc-0a1b2c3d4e5f60718.svg: an earlier render wrote it and this one does not; --prune removes it

            """)
        let still = try Self.vpcgraph(full + ["--check"], in: w.dir)
        #expect(still.status == 1)
        #expect(still.stdout == "extra: docs/app-vpc.vpc-0a1b2c3d4e5f60718.dot\nextra: docs/app-vpc.vpc-0a1b2c3d4e5f60718.svg\n"
            + "run 'vpcgraph render net/app-vpc.yaml -o docs --prune' to update\n")

        let prune = try Self.vpcgraph(full + ["--prune"], in: w.dir)
        #expect(prune.status == 0, "\(prune.stderr)")
        #expect(prune.stdout == "removed docs/app-vpc.vpc-0a1b2c3d4e5f60718.dot\nremoved docs/app-vpc.vpc-0a1b2c3d4e5f60718.svg\n")
        #expect(Self.listing(w.dir + "/docs") == ([".vpcgraph.json", "app-vpc.dot", "app-vpc.md", "app-vpc.svg"] + others).sorted())
        for name in others { #expect(Self.manager.contents(atPath: w.dir + "/docs/" + name) == Data("mine\n".utf8)) }
        let clean = try Self.vpcgraph(full + ["--check"], in: w.dir)
        #expect(clean.status == 0)
        #expect(clean.stdout == "")
    }

    @Test func anotherInputsFilesAreNeverExtra() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        #expect(try Self.vpcgraph(["render", w.app, w.shared, "-o", w.out], in: w.dir).status == 0)
        // Rendering (and pruning) one input alone leaves the other's files and record alone.
        let prune = try Self.vpcgraph(["render", w.app, "-o", w.out, "--prune"], in: w.dir)
        #expect(prune.status == 0)
        #expect(prune.stdout == "")
        #expect(try Self.vpcgraph(["render", w.shared, "-o", w.out, "--check"], in: w.dir).status == 0)
        #expect(Self.listing(w.dir + "/docs").count == 7)
    }

    @Test func aNoOpRenderRewritesNoFile() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let arguments = ["render", w.app, w.shared, "-o", w.out, "--format", "dot,svg,md"]
        #expect(try Self.vpcgraph(arguments, in: w.dir).status == 0)
        Self.letTheClockMove(w.dir + "/docs")
        let before = Self.snapshot(w.dir + "/docs")
        let again = try Self.vpcgraph(arguments, in: w.dir)
        #expect(again.status == 0)
        #expect(again.stdout == "")
        #expect(again.stderr == "")
        #expect(Self.snapshot(w.dir + "/docs") == before, "a no-op render rewrote a file")
    }

    @Test func onlyFilesWhoseBytesChangeAreRewritten() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        #expect(try Self.vpcgraph(["render", w.app, "-o", w.out], in: w.dir).status == 0)
        Self.letTheClockMove(w.dir + "/docs")
        let before = Self.snapshot(w.dir + "/docs")
        // Another theme changes the diagrams, not the document: the record does not match, the Markdown is kept.
        let dark = try Self.vpcgraph(["render", w.app, "-o", w.out, "--theme", "dark"], in: w.dir)
        #expect(dark.status == 0, "\(dark.stderr)")
        #expect(dark.stdout == "wrote docs/app-vpc.dot\nwrote docs/app-vpc.svg\n")
        let after = Self.snapshot(w.dir + "/docs")
        #expect(after.first { $0.name == "app-vpc.md" } == before.first { $0.name == "app-vpc.md" })
        #expect(after.first { $0.name == "app-vpc.svg" } != before.first { $0.name == "app-vpc.svg" })
        // A file changed by hand is put back, even though input, options and version match the record.
        try Data("edited\n".utf8).write(to: URL(fileURLWithPath: w.dir + "/docs/app-vpc.md"))
        let check = try Self.vpcgraph(["render", w.app, "-o", w.out, "--theme", "dark", "--check"], in: w.dir)
        #expect(check.stdout == "stale: docs/app-vpc.md\nrun 'vpcgraph render net/app-vpc.yaml -o docs --theme dark' to update\n")
        let repair = try Self.vpcgraph(["render", w.app, "-o", w.out, "--theme", "dark"], in: w.dir)
        #expect(repair.stdout == "wrote docs/app-vpc.md\n")
        #expect(Self.manager.contents(atPath: w.dir + "/docs/app-vpc.md") == before.first { $0.name == "app-vpc.md" }?.data)
    }

    @Test func theManifestIsByteStableAndHoldsNoPathOrTime() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        try Self.manager.createDirectory(atPath: w.dir + "/elsewhere", withIntermediateDirectories: true)
        try Self.manager.copyItem(atPath: w.dir + "/" + w.app, toPath: w.dir + "/elsewhere/app-vpc.yaml")
        #expect(try Self.vpcgraph(["render", w.app, "-o", "one"], in: w.dir).status == 0)
        #expect(try Self.vpcgraph(["render", "elsewhere/app-vpc.yaml", "-o", "two"], in: w.dir).status == 0)
        let one = try #require(Self.manager.contents(atPath: w.dir + "/one/.vpcgraph.json"))
        let two = try #require(Self.manager.contents(atPath: w.dir + "/two/.vpcgraph.json"))
        #expect(one == two)
        let text = String(decoding: one, as: UTF8.self)
        #expect(!text.contains("net/") && !text.contains("elsewhere"))
        let input = SHA256.hex(try #require(Self.manager.contents(atPath: w.dir + "/" + w.app)))
        let svg = SHA256.hex(try #require(Self.manager.contents(atPath: w.dir + "/one/app-vpc.svg")))
        let dot = SHA256.hex(try #require(Self.manager.contents(atPath: w.dir + "/one/app-vpc.dot")))
        let md = SHA256.hex(try #require(Self.manager.contents(atPath: w.dir + "/one/app-vpc.md")))
        #expect(text == """
            {
              "manifest" : "vpcgraph-manifest/1",
              "renders" : {
                "app-vpc" : {
                  "files" : {
                    "app-vpc.dot" : "\(dot)",
                    "app-vpc.md" : "\(md)",
                    "app-vpc.svg" : "\(svg)"
                  },
                  "input" : "\(input)",
                  "options" : "from=topology format=dot,svg,md view=full split=auto theme=auto transparent=false legend=true link=none templates=built-in",
                  "version" : "\(VPCGraphVersion.current)"
                }
              }
            }

            """)
    }

    @Test func aDamagedManifestIsReportedAndReplaced() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        try Self.manager.createDirectory(atPath: w.dir + "/docs", withIntermediateDirectories: true)
        try Data("{\"renders\": 3}".utf8).write(to: URL(fileURLWithPath: w.dir + "/docs/.vpcgraph.json"))
        let render = try Self.vpcgraph(["render", w.app, "-o", w.out], in: w.dir)
        #expect(render.status == 0)
        #expect(render.stderr == "docs/.vpcgraph.json: warning: ignoring 'docs/.vpcgraph.json': not a manifest this vpcgraph can read; it will be replaced [manifest]\n")
        #expect(try Self.vpcgraph(["render", w.app, "-o", w.out, "--check"], in: w.dir).stderr == "")
        // With --strict the warning fails the run, and nothing is written.
        try Data("not json".utf8).write(to: URL(fileURLWithPath: w.dir + "/docs/.vpcgraph.json"))
        let strict = try Self.vpcgraph(["render", w.app, "-o", w.out, "--strict"], in: w.dir)
        #expect(strict.status == 1)
        #expect(strict.stderr == "docs/.vpcgraph.json: error: ignoring 'docs/.vpcgraph.json': not a manifest this vpcgraph can read; it will be replaced [manifest]\n")
        #expect(Self.manager.contents(atPath: w.dir + "/docs/.vpcgraph.json") == Data("not json".utf8))
    }

    @Test func checkAndPruneTogetherAreAUsageError() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let result = try Self.vpcgraph(["render", w.app, "--check", "--prune"], in: w.dir)
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --check writes nothing; drop --prune, or --check to prune\n"))
    }

    @Test func versionIsPrintedAndNeverWrittenIntoAnOutput() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let version = try Self.vpcgraph(["--version"], in: w.dir)
        #expect(version.status == 0)
        #expect(version.stdout == VPCGraphVersion.current + "\n")
        #expect(try Self.vpcgraph(["render", w.app, "-o", w.out], in: w.dir).status == 0)
        for name in ["app-vpc.dot", "app-vpc.svg", "app-vpc.md"] {
            let text = String(decoding: Self.manager.contents(atPath: w.dir + "/docs/" + name) ?? Data(), as: UTF8.self)
            // The version as a word of its own (CIDRs like 10.0.10.0/24 hold its digits).
            let word = try Regex("(^|[^0-9.])" + NSRegularExpression.escapedPattern(for: VPCGraphVersion.current) + "($|[^0-9.])")
            #expect(!text.isEmpty && !text.contains(word), "\(name)")
        }
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let w = try Self.workspace()
        defer { try? Self.manager.removeItem(atPath: w.dir) }
        let path = w.dir + "/" + w.app
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "igw-0f1e2d3c4b5a69788", with: "igw-NOTHEX").write(toFile: path, atomically: true, encoding: .utf8)
        let warning = "net/app-vpc.yaml:15:32: warning: 'igw-NOTHEX' does not look like an internet gateway id (igw- and lower-case hex digits); links to the AWS console will not work [id-format]\n"
        let check = try Self.vpcgraph(["check", w.app], in: w.dir)
        #expect(check.status == 0)
        #expect(check.stderr == warning)
        let strict = try Self.vpcgraph(["check", "--strict", w.app], in: w.dir)
        #expect(strict.status == 1)
        #expect(strict.stderr == warning.replacingOccurrences(of: ": warning: ", with: ": error: "))
        let render = try Self.vpcgraph(["render", "--strict", w.app, "-o", w.out], in: w.dir)
        #expect(render.status == 1)
        #expect(render.stdout == "")
        #expect(!Self.manager.fileExists(atPath: w.dir + "/docs"))
        // A render that is skipped (nothing changed) still prints the input's warnings, and --strict still fails.
        #expect(try Self.vpcgraph(["render", w.app, "-o", w.out], in: w.dir).stderr == warning)
        // The manifest keeps the warning (without the input's path), so a skipped render does not read the input again.
        let manifest = String(decoding: Self.manager.contents(atPath: w.dir + "/docs/.vpcgraph.json") ?? Data(), as: UTF8.self)
        #expect(manifest.contains(#""message" : "'igw-NOTHEX' does not look like an internet gateway id"#) && !manifest.contains("net/"))
        let before = Self.snapshot(w.dir + "/docs")
        let skipped = try Self.vpcgraph(["render", w.app, "-o", w.out], in: w.dir)
        #expect(skipped.status == 0)
        #expect(skipped.stdout == "")
        #expect(skipped.stderr == warning)
        #expect(Self.snapshot(w.dir + "/docs") == before)
        let strictSkipped = try Self.vpcgraph(["render", "--strict", w.app, "-o", w.out, "--check"], in: w.dir)
        #expect(strictSkipped.status == 1)
        #expect(strictSkipped.stderr == warning.replacingOccurrences(of: ": warning: ", with: ": error: "))
        // From another folder (another path to the same input), the warning names the path given.
        let other = try Run.vpcgraph(["render", w.dir + "/" + w.app, "-o", w.dir + "/docs"])
        #expect(other.stderr == warning.replacingOccurrences(of: "net/app-vpc.yaml", with: w.dir + "/" + w.app))
        #expect(other.stdout == "")
    }
}
