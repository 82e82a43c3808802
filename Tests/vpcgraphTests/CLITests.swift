import Foundation
import TestSupport
import Testing

/// The built `vpcgraph` binary: exit codes, what it prints, what it writes.
@Suite struct CLITests {
    func write(_ text: String, named name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func listing(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test func renderWritesDOTSVGAndMarkdownPerInput() throws {
        let out = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("nested/dir")
        let samples = Paths.sampleFiles().map(\.path)
        let result = try Run.vpcgraph(["render"] + samples + ["-o", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        // One line per file, in input order, DOT, SVG, then Markdown.
        let names = samples.flatMap { path -> [String] in
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            return ["\(name).dot", "\(name).svg", "\(name).md"]
        }
        #expect(listing(target) == ([".vpcgraph.json"] + names).sorted())
        #expect(result.stdout == names.map { "wrote \(target.path)/\($0)\n" }.joined())
    }

    @Test func formatOptionSelectsOutputs() throws {
        let out = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let sample = Paths.samples.appendingPathComponent("app-vpc.yaml").path
        #expect(try Run.vpcgraph(["render", sample, "--format", "svg", "-o", out.path]).status == 0)
        #expect(listing(out) == [".vpcgraph.json", "app-vpc.svg"])
    }

    @Test func badInputExitsOneAndWritesNothing() throws {
        let dir = Paths.temporaryDirectory(), out = dir.appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = Paths.samples.appendingPathComponent("app-vpc.yaml").path
        let bad = try write("""
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                subnets:
                  - {id: subnet-1, az: eu-west-1a, cidr: 10.1.0.0/24}
        """, named: "bad.yaml", in: dir)
        // The good file comes first: nothing of it may be written either.
        let result = try Run.vpcgraph(["render", good, bad, "-o", out.path], currentDirectory: dir)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "\(bad):7:50: error: subnet 'subnet-1' cidr '10.1.0.0/24' is outside vpc 'vpc-1' (10.0.0.0/16) [subnet-outside-vpc]\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func malformedYAMLAndMissingFile() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = try write("regions:\n  eu-west-1:\n    vpcs: [\n", named: "broken.yaml", in: dir)
        let result = try Run.vpcgraph(["check", bad, dir.appendingPathComponent("missing.yaml").path])
        #expect(result.status == 1)
        #expect(result.stderr == """
        \(bad):4:1: error: did not find expected node content (while parsing a flow node at line 4) [yaml-syntax]
        \(dir.path)/missing.yaml: error: no such file '\(dir.path)/missing.yaml' [input-file]

        """)
    }

    @Test func existingOutputIsKeptWhenInputIsBad() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let sample = Paths.samples.appendingPathComponent("app-vpc.yaml").path
        #expect(try Run.vpcgraph(["render", sample, "-o", out.path]).status == 0)
        let before = try Data(contentsOf: out.appendingPathComponent("app-vpc.svg"))
        let copy = try write(try String(contentsOfFile: sample, encoding: .utf8).replacingOccurrences(of: "cidr: 10.0.0.0/16", with: "cidr: 10.0.0.0/33"),
                             named: "app-vpc.yaml", in: dir)
        #expect(try Run.vpcgraph(["render", copy, "-o", out.path]).status == 1)
        #expect(try Data(contentsOf: out.appendingPathComponent("app-vpc.svg")) == before)
        #expect(listing(out) == [".vpcgraph.json", "app-vpc.dot", "app-vpc.md", "app-vpc.svg"], "no temporary files left behind")
    }

    @Test func usageErrorsExitSixtyFour() throws {
        let sample = Paths.samples.appendingPathComponent("app-vpc.yaml").path
        let unknownFormat = try Run.vpcgraph(["render", sample, "--format", "pdf"])
        #expect(unknownFormat.status == 64)
        #expect(unknownFormat.stderr.contains("unknown format 'pdf'"))
        #expect(try Run.vpcgraph(["render"]).status == 64)
        #expect(try Run.vpcgraph(["frobnicate"]).status == 64)
        // Two inputs with one base name would overwrite each other's output.
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("a"), withIntermediateDirectories: true)
        let other = try write(try String(contentsOfFile: sample, encoding: .utf8), named: "a/app-vpc.yaml", in: dir)
        let clash = try Run.vpcgraph(["render", sample, other, "-o", dir.appendingPathComponent("out").path])
        #expect(clash.status == 64)
        #expect(clash.stderr.contains("would both write 'app-vpc.*'"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func helpOnEveryCommand() throws {
        for args in [["--help"], ["render", "--help"], ["check", "--help"]] {
            let result = try Run.vpcgraph(args)
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE"))
        }
    }

    @Test func checkWritesNothingAndSucceedsOnSamples() throws {
        let dir = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Run.vpcgraph(["check"] + Paths.sampleFiles().map(\.path), currentDirectory: dir)
        #expect(result.status == 0)
        // Only the advice the samples deserve (CheckFormatTests keeps each sample's findings in a golden).
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.contains(": warning: ") || $0.contains(": note: ") })
        #expect(result.stdout == "")
        #expect(listing(dir).isEmpty)
    }
}
