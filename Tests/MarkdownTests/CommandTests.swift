import Foundation
import Testing
import TestSupport

/// The built `vpcgraph` binary: `render --format md`, `--templates`, `templates export`.
@Suite struct CommandTests {
    static func vpcgraph(_ arguments: [String], in directory: URL) throws -> ProcessResult {
        try #require(FileManager.default.isExecutableFile(atPath: Paths.vpcgraph.path), "\(Paths.vpcgraph.path) not built")
        return try Run.vpcgraph(arguments, currentDirectory: directory)
    }

    static func temporaryDirectory() throws -> URL { Paths.temporaryDirectory("vpcgraph-md-cli") }

    static let sample = DocumentCases.repository.appendingPathComponent("samples/shared-services.yaml").path

    @Test func renderWritesTheGoldenMarkdownTheSameInEveryProcess() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Separate processes hash with different seeds: any order taken from a hash would show.
        var documents: [String] = []
        for run in ["a", "b"] {
            // With the SVG it embeds (a document without pictures embeds none).
            let result = try Self.vpcgraph(["render", "--format", "svg,md", "-o", run, Self.sample], in: dir)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(run).path).sorted()
                == [".vpcgraph.json", "shared-services.md", "shared-services.svg"])
            documents.append(try String(contentsOf: dir.appendingPathComponent("\(run)/shared-services.md"), encoding: .utf8))
        }
        #expect(documents[0] == documents[1])
        let golden = GoldenFile.fixtures.appendingPathComponent("sample-shared-services/shared-services.md")
        #expect(documents[0] == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func markdownIsInTheDefaultFormats() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Self.vpcgraph(["render", "-o", "out", Self.sample], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
        #expect(files.contains("shared-services.md") && files.contains("shared-services.svg"))
    }

    @Test func aTemplateErrorExitsOneAndWritesNothing() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = try Self.vpcgraph(["templates", "export", "templates"], in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        try Data("## VPCs\n\n{{#regions}}\n- {{id}\n{{/regions}}\n".utf8).write(to: dir.appendingPathComponent("templates/vpcs.mustache"))
        let result = try Self.vpcgraph(["render", "--templates", "templates", "-o", "out", Self.sample], in: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "templates/vpcs.mustache:4:3: error: unfinished tag: no closing '}}' [template-syntax]\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
    }

    @Test func unknownNamesAndTransformsExitOneAndWriteNothing() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templates = dir.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("# {{titel}}\n\n{{> summary}}\n".utf8).write(to: templates.appendingPathComponent("document.mustache"))
        try Data("{{#sorted(regionNames)}}{{.}}{{/sorted(regionNames)}}\n".utf8).write(to: templates.appendingPathComponent("summary.mustache"))
        let result = try Self.vpcgraph(["render", "--templates", "templates", "-o", "out", Self.sample], in: dir)
        #expect(result.status == 1)
        let transforms = TemplateCheckTests.transformList
        #expect(result.stderr == """
            templates/document.mustache:1:3: error: unknown name 'titel' at the top level; did you mean 'title'? [template-name]
            templates/summary.mustache:1:1: error: unknown transform 'sorted'; transforms are: \(transforms) [template-syntax]

            """)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path), "nothing written")
        // Fixed, the same directory renders.
        try Data("{{#regionNames}}{{.}}{{/regionNames}}\n".utf8).write(to: templates.appendingPathComponent("summary.mustache"))
        try Data("# {{title}}\n\n{{> summary}}\n".utf8).write(to: templates.appendingPathComponent("document.mustache"))
        let fixed = try Self.vpcgraph(["render", "--format", "md", "--templates", "templates", "-o", "out", Self.sample], in: dir)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out/shared-services.md"), encoding: .utf8)
                == "# Shared services endpoint for API Gateway\n\neu-west-1\n")
    }

    @Test func userTemplatesAreUsed() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("mine"), withIntermediateDirectories: true)
        try Data("# {{title}}\n\n{{#regions}}{{#vpcs}}- {{displayName}}\n{{/vpcs}}{{/regions}}".utf8).write(to: dir.appendingPathComponent("mine/document.mustache"))
        let result = try Self.vpcgraph(["render", "--format", "md", "--templates", "mine", "-o", "out", Self.sample], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("out/shared-services.md"), encoding: .utf8)
                == "# Shared services endpoint for API Gateway\n\n- shared-services\n- consumer-a\n- consumer-b\n- consumer-c\n")
    }

    @Test func exportRefusesToOverwriteWithoutForce() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Self.vpcgraph(["templates", "export", "t"], in: dir).status == 0)
        try Data("changed".utf8).write(to: dir.appendingPathComponent("t/cost.mustache"))
        let again = try Self.vpcgraph(["templates", "export", "t"], in: dir)
        #expect(again.status == 1)
        #expect(again.stderr.contains("t/cost.mustache: error: file exists; use --force to overwrite it [template-export]"))
        #expect(try String(contentsOf: dir.appendingPathComponent("t/cost.mustache"), encoding: .utf8) == "changed")
        #expect(try Self.vpcgraph(["templates", "export", "--force", "t"], in: dir).status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("t/cost.mustache"), encoding: .utf8) != "changed")
    }
}
