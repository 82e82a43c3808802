import Foundation
@testable import Markdown
import Testing

/// `Sources/Markdown/EmbeddedTemplates.swift` is generated from `templates/`; it must not fall behind.
@Suite struct EmbeddedTemplatesTests {
    static let repository = DocumentCases.repository
    static let command = "scripts/embed-resources.py --root templates --output Sources/Markdown/EmbeddedTemplates.swift --enum EmbeddedTemplates templates/markdown templates/prices.json"

    @Test func embeddedFilesEqualTheFilesInTemplates() throws {
        var onDisk: [String: String] = [:]
        let root = Self.repository.appendingPathComponent("templates")
        let markdown = root.appendingPathComponent("markdown")
        for name in try FileManager.default.contentsOfDirectory(atPath: markdown.path) where !name.hasPrefix(".") {
            onDisk["markdown/\(name)"] = try String(contentsOf: markdown.appendingPathComponent(name), encoding: .utf8)
        }
        onDisk["prices.json"] = try String(contentsOf: root.appendingPathComponent("prices.json"), encoding: .utf8)
        let embedded = Dictionary(uniqueKeysWithValues: EmbeddedTemplates.files.map { ($0.path, $0.contents) })
        #expect(embedded.keys.sorted() == onDisk.keys.sorted(), "run \(Self.command)")
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("templates/\(path) changed since EmbeddedTemplates.swift was generated; run \(Self.command)")
        }
    }

    @Test func generatorOutputIsTheCommittedFile() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let interpreter = try #require(python, "python3 is needed to check the generated file")
        let script = Self.repository.appendingPathComponent("scripts/embed-resources.py").path
        let args = Self.command.split(separator: " ").dropFirst().map(String.init) + ["--check"]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: interpreter)
        process.arguments = [script] + args
        process.currentDirectoryURL = Self.repository
        let err = Pipe()
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }

    @Test func builtInSetHoldsEveryTemplate() {
        #expect(TemplateSet.builtIn.sources.keys.sorted() == [
            "connectivity", "cost", "dns", "document", "endpoints", "findings", "policy", "route-tables", "summary", "vpcs",
        ])
    }

    /// `TemplateSet.builtIn` only parses its templates; the scan a user's templates get is here.
    @Test func builtInTemplatesScanClean() throws {
        let set = TemplateSet.builtIn
        let partials = Set(set.sources.keys)
        for (name, source) in set.sources {
            #expect(TemplateScanner(source: source).firstProblem(partials: partials) == nil, "\(name)")
        }
        _ = try TemplateSet(sources: set.sources, priceTableJSON: set.priceTableJSON, directory: "templates/markdown")
    }
}
