import FileAccess
import Foundation
import TestSupport
import Testing

/// The built binary's file handling: output sets all-or-nothing, temporaries that cannot be hijacked,
/// leftovers cleaned, and the input size bound.
@Suite struct SafeFilesCLITests {
    static let manager = FileManager.default
    static var sample: String { Paths.samples.appendingPathComponent("app-vpc.yaml").path }
    static var snapshot: String { Paths.repository.appendingPathComponent("Tests/AWSImportTests/Fixtures/aws/documented").path }

    static func listing(_ dir: String) -> [String] { ((try? manager.contentsOfDirectory(atPath: dir)) ?? []).sorted() }

    static func contents(_ path: String) -> Data? { manager.contents(atPath: path) }

    static func temporaryName(_ digit: Character) -> String { FileSetWriter.temporaryPrefix + String(repeating: digit, count: 32) }

    /// A sparse file of `size` bytes (nothing is written to the disk).
    static func sparse(_ path: String, size: Int) throws {
        #expect(manager.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
    }

    @Test func aFolderInTheWayLeavesTheOldOutputsAndSaysWhichPath() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let out = dir + "/out"
        #expect(try Run.vpcgraph(["render", Self.sample, "-o", out]).status == 0)
        // An older set: the SVG and DOT of a previous version, and a non-empty folder where the Markdown goes.
        try Data("old dot".utf8).write(to: URL(fileURLWithPath: out + "/app-vpc.dot"))
        try Data("old svg".utf8).write(to: URL(fileURLWithPath: out + "/app-vpc.svg"))
        try Self.manager.removeItem(atPath: out + "/app-vpc.md")
        try Self.manager.createDirectory(atPath: out + "/app-vpc.md/notes", withIntermediateDirectories: true)
        let result = try Run.vpcgraph(["render", Self.sample, "-o", out])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(out)/app-vpc.md: error: cannot write '\(out)/app-vpc.md': it is a folder; nothing was written [output]\n")
        #expect(Self.listing(out) == [".vpcgraph.json", "app-vpc.dot", "app-vpc.md", "app-vpc.svg"])
        #expect(Self.contents(out + "/app-vpc.dot") == Data("old dot".utf8))
        #expect(Self.contents(out + "/app-vpc.svg") == Data("old svg".utf8))
        #expect(Self.listing(out + "/app-vpc.md") == ["notes"])
    }

    @Test func renderRemovesLeftoversAndNeverWritesThroughAPlantedLink() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let out = dir + "/out", victim = dir + "/victim"
        try Self.manager.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        // What `kill -9` leaves (temporaries with the pattern), a link planted at one such name, and files that are not vpcgraph's.
        try Data("half an svg".utf8).write(to: URL(fileURLWithPath: out + "/" + Self.temporaryName("1")))
        try Data("half a backup".utf8).write(to: URL(fileURLWithPath: out + "/" + Self.temporaryName("2")))
        try Self.manager.createSymbolicLink(atPath: out + "/" + Self.temporaryName("3"), withDestinationPath: victim)
        let others = [".keep", ".app-vpc.svg.4242.tmp", Self.temporaryName("4") + ".bak"]
        for name in others { try Data("mine".utf8).write(to: URL(fileURLWithPath: out + "/" + name)) }
        let result = try Run.vpcgraph(["render", Self.sample, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote \(out)/app-vpc.dot\nwrote \(out)/app-vpc.svg\nwrote \(out)/app-vpc.md\n")
        #expect(Self.listing(out) == (others + [".vpcgraph.json", "app-vpc.dot", "app-vpc.md", "app-vpc.svg"]).sorted())
        for name in others { #expect(Self.contents(out + "/" + name) == Data("mine".utf8)) }
        #expect(Self.contents(victim) == Data("secret\n".utf8))
        #expect(String(decoding: Self.contents(out + "/app-vpc.md") ?? Data(), as: UTF8.self).hasPrefix("#"))
    }

    @Test func templatesExportGoesThroughTheWriter() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let templates = dir + "/templates", victim = dir + "/victim"
        try Self.manager.createDirectory(atPath: templates, withIntermediateDirectories: true)
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        try Self.manager.createSymbolicLink(atPath: templates + "/" + Self.temporaryName("5"), withDestinationPath: victim)
        // A link at a target name is replaced (with --force), the file it points to untouched.
        try Self.manager.createSymbolicLink(atPath: templates + "/cost.mustache", withDestinationPath: victim)
        let refused = try Run.vpcgraph(["templates", "export", templates])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(templates)/cost.mustache: error: file exists; use --force to overwrite it [template-export]\n")
        #expect(Self.listing(templates) == ["cost.mustache"], "the leftover went, nothing else was written")
        try Self.manager.createSymbolicLink(atPath: templates + "/" + Self.temporaryName("6"), withDestinationPath: victim)
        let forced = try Run.vpcgraph(["templates", "export", templates, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(Self.contents(victim) == Data("secret\n".utf8))
        #expect((try? Self.manager.destinationOfSymbolicLink(atPath: templates + "/cost.mustache")) == nil)
        #expect(Self.listing(templates).allSatisfy { !$0.hasPrefix(".") })
        #expect(Self.listing(templates).count == forced.stdout.split(separator: "\n").count)
    }

    @Test func importAWSGoesThroughTheWriter() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let victim = dir + "/victim"
        try Data("secret\n".utf8).write(to: URL(fileURLWithPath: victim))
        try Self.manager.createSymbolicLink(atPath: dir + "/" + Self.temporaryName("7"), withDestinationPath: victim)
        try Self.manager.createSymbolicLink(atPath: dir + "/net.yaml", withDestinationPath: victim)
        let refused = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", dir + "/net.yaml"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "\(dir)/net.yaml: error: '\(dir)/net.yaml' already exists; pass --force to replace it [output-exists]\n")
        let forced = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", dir + "/net.yaml", "--force"])
        #expect(forced.status == 0 && Self.withoutWarnings(forced.stderr) == "wrote \(dir)/net.yaml\n", "\(forced.stderr)")
        #expect(Self.contents(victim) == Data("secret\n".utf8))
        #expect(String(decoding: Self.contents(dir + "/net.yaml") ?? Data(), as: UTF8.self).hasPrefix("regions:\n"))
        #expect(Self.listing(dir) == ["net.yaml", "victim"])
        // A bare file name is written into the current folder and named as given.
        let bare = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", "here.yaml"], currentDirectory: URL(fileURLWithPath: dir))
        #expect(bare.status == 0 && Self.withoutWarnings(bare.stderr) == "wrote here.yaml\n")
        let again = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", "here.yaml"], currentDirectory: URL(fileURLWithPath: dir))
        #expect(Self.withoutWarnings(again.stderr) == "here.yaml: error: 'here.yaml' already exists; pass --force to replace it [output-exists]\n")
        for output in [dir + "/", dir + "/..", ""] {
            let folder = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", output, "--force"])
            #expect(folder.status == 1)
            #expect(folder.stderr == "\(output): error: '\(output)' does not name a file; give the topology file's path, or '-' for standard output [output]\n")
        }
        let missing = try Run.vpcgraph(["import", "aws", Self.snapshot, "-o", dir + "/missing/net.yaml"])
        #expect(missing.status == 1)
        #expect(Self.withoutWarnings(missing.stderr) == "\(dir)/missing/net.yaml: error: cannot write '\(dir)/missing/net.yaml': No such file or directory [output]\n")
        #expect(Self.listing(dir) == ["here.yaml", "net.yaml", "victim"])
    }
    /// What the snapshot fixture's own warnings (resources AWS lists as deleted) leave of stderr.
    static func withoutWarnings(_ stderr: String) -> String {
        stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(": warning: ") }.joined(separator: "\n")
    }


    @Test func aTopologyOverTheBoundIsRefused() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        try Self.sparse(dir + "/big.yaml", size: 70 << 20)
        for command in [["check", "big.yaml"], ["render", "big.yaml", "-o", "out"]] {
            let result = try Run.vpcgraph(command, currentDirectory: URL(fileURLWithPath: dir))
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "big.yaml: error: 'big.yaml' is 70.0 MiB; vpcgraph reads inputs of at most 64 MiB [input-too-large]\n")
        }
        #expect(Self.listing(dir) == ["big.yaml"])
    }

    @Test func anAWSSnapshotFileOverTheBoundIsRefused() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        let snapshot = dir + "/snap"
        try Self.manager.copyItem(atPath: Self.snapshot, toPath: snapshot)
        let files = try #require(Self.manager.subpathsOfDirectory(atPath: snapshot).filter { $0.hasSuffix("describe-vpcs.json") }.first)
        try Self.sparse(snapshot + "/" + files, size: (64 << 20) + 1)
        let expected = "\(snapshot)/\(files): error: '\(snapshot)/\(files)' is 67108865 bytes; vpcgraph reads inputs of at most 64 MiB [input-too-large]\n"
        for command in [["check", "--from", "aws", snapshot], ["import", "aws", snapshot, "-o", dir + "/net.yaml"]] {
            let result = try Run.vpcgraph(command)
            #expect(result.status == 1)
            #expect(result.stderr == expected)
        }
        #expect(Self.listing(dir) == ["snap"])
    }

    @Test func aTemplateOverTheBoundIsRefused() throws {
        let dir = Paths.temporaryDirectory().path
        defer { try? Self.manager.removeItem(atPath: dir) }
        try Self.sparse(dir + "/cost.mustache", size: 65 << 20)
        let result = try Run.vpcgraph(["render", Self.sample, "--templates", dir, "-o", dir + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr == "\(dir)/cost.mustache: error: '\(dir)/cost.mustache' is 65.0 MiB; vpcgraph reads inputs of at most 64 MiB [input-too-large]\n")
        #expect(Self.listing(dir) == ["cost.mustache"])
    }
}
