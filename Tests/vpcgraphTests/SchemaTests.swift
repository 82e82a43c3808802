import Foundation
import Pipeline
import TestSupport
import Testing

/// `vpcgraph schema`, the committed schema, and Python's `jsonschema` (installed by `make test-deps`)
/// reading every sample and every YAML fixture vpcgraph accepts.
@Suite(.serialized) struct SchemaTests {
    static let manager = FileManager.default
    static var committed: URL { Paths.repository.appendingPathComponent("schema/topology.schema.json") }

    /// Validates each file with Draft 2020-12 (the schema itself is checked first); prints one line
    /// per invalid file: `path: json path: message`.
    static let validator = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            with open(path) as f:
                document = yaml.safe_load(f)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
                print(f"{path}: $.{'.'.join(map(str, error.absolute_path))}: {error.message}")
        """

    static func validate(_ files: [String]) throws -> ProcessResult {
        try Run.process("python3", ["-c", validator, committed.path] + files)
    }

    @Test func schemaCommandPrintsTheCommittedFile() throws {
        let result = try Run.vpcgraph(["schema"])
        #expect(result.status == 0)
        let file = try String(contentsOf: Self.committed, encoding: .utf8)
        #expect(result.stdout == file, "schema/topology.schema.json differs from 'vpcgraph schema'; run 'vpcgraph schema > schema/topology.schema.json'")
        #expect(TopologySchema.json + "\n" == file)
        #expect(file.contains(#""$schema": "https://json-schema.org/draft/2020-12/schema""#))
    }

    @Test func everySampleValidatesAndNamesTheSchema() throws {
        let samples = Paths.sampleFiles().map(\.path)
        #expect(samples.count >= 3)
        let result = try Self.validate(samples)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        for sample in samples {
            let first = try String(contentsOfFile: sample, encoding: .utf8).split(separator: "\n").first.map(String.init)
            #expect(first == "# yaml-language-server: $schema=../schema/topology.schema.json", "\(sample)")
        }
    }

    /// Every YAML topology written in a test's Swift source (a multi-line string holding `regions:`,
    /// without interpolation) that `vpcgraph check` accepts, the YAML `import aws` writes for the
    /// snapshot fixtures, and a generated topology: the schema accepts them all.
    @Test func everyYAMLFixtureVpcgraphAcceptsValidates() throws {
        let dir = Paths.temporaryDirectory("schema-fixtures")
        defer { try? Self.manager.removeItem(at: dir) }
        var accepted: [String] = []
        var candidates = 0
        let tests = Paths.repository.appendingPathComponent("Tests")
        let sources = (Self.manager.enumerator(atPath: tests.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".swift") }.sorted()
        for source in sources {
            let text = try String(contentsOf: tests.appendingPathComponent(source), encoding: .utf8)
            for (index, block) in Self.multiLineStrings(text).enumerated() where block.contains("regions:") && !block.contains("\\(") {
                candidates += 1
                let file = dir.appendingPathComponent(source.replacingOccurrences(of: "/", with: "_") + ".\(index).yaml").path
                try block.write(toFile: file, atomically: true, encoding: .utf8)
                if try Run.vpcgraph(["check", file]).status == 0 { accepted.append(file) }
            }
        }
        // Imported snapshots.
        let snapshots = Paths.repository.appendingPathComponent("Tests/AWSImportTests/Fixtures/aws")
        for name in (try? Self.manager.contentsOfDirectory(atPath: snapshots.path))?.sorted() ?? [] {
            let file = dir.appendingPathComponent("imported-\(name).yaml").path
            let result = try Run.vpcgraph(["import", "aws", snapshots.appendingPathComponent(name).path, "-o", file])
            if result.status == 0 { accepted.append(file) }
        }
        let generated = try Run.process("python3", [Paths.repository.appendingPathComponent("scripts/generate-topology.py").path, "3"])
        let generatedFile = dir.appendingPathComponent("generated.yaml").path
        try generated.stdout.write(toFile: generatedFile, atomically: true, encoding: .utf8)
        accepted.append(generatedFile)
        #expect(candidates >= 7, "found only \(candidates) YAML fixtures in the tests' sources")
        #expect(accepted.count >= 4)
        let result = try Self.validate(accepted)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
    }

    @Test func aMisspeltKeyIsRejected() throws {
        let dir = Paths.temporaryDirectory("schema-misspelt")
        defer { try? Self.manager.removeItem(at: dir) }
        let sample = try String(contentsOf: Paths.samples.appendingPathComponent("app-vpc.yaml"), encoding: .utf8)
        let first = try #require(sample.range(of: "route_table: rtb-0a1a2b3c4d5e6f701}"))
        let misspelt = sample.replacingCharacters(in: first, with: "route_tabel: rtb-0a1a2b3c4d5e6f701}")
        #expect(misspelt != sample)
        let file = dir.appendingPathComponent("app-vpc.yaml").path
        try misspelt.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Self.validate([file])
        #expect(result.stdout == "\(file): $.regions.eu-west-1.vpcs.0.subnets.0: Additional properties are not allowed ('route_tabel' was unexpected)\n")
        // vpcgraph agrees.
        #expect(try Run.vpcgraph(["check", file]).status == 1)
    }

    /// YAML built by string interpolation in the tests cannot be validated file by file, so the
    /// schema is held to the reader itself: every key the reader accepts (the literal key lists of
    /// `TopologyParser`) is a property somewhere in the schema, and every property in the schema is
    /// a key the reader accepts. A key added to one and not the other fails here.
    @Test func theSchemaKnowsExactlyTheKeysTheReaderAccepts() throws {
        // The reader's files (TopologyParser and the readers it hands parts to, e.g. IgnoreReader).
        let readers = Paths.repository.appendingPathComponent("Sources/VPCReaders")
        let parser = try FileManager.default.contentsOfDirectory(atPath: readers.path).filter { $0.hasSuffix(".swift") }.sorted()
            .map { try String(contentsOf: readers.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
        var readerKeys: Set<String> = []
        // `keys: [ ... ]` and `let keys = [ ... ]`, over several lines: the string literals inside.
        for opener in ["keys: [", "let keys = ["] {
            var rest = parser[...]
            while let start = rest.range(of: opener) {
                let tail = rest[start.upperBound...]
                guard let end = tail.firstIndex(of: "]") else { break }
                for match in tail[..<end].matches(of: /"([a-z0-9_]+)"/) { readerKeys.insert(String(match.1)) }
                rest = tail[end...]
            }
        }
        // Keys that depend on the rule's direction (`from`/`to` peers) are computed, not listed.
        if parser.contains("? \"from\" : \"to\"") { readerKeys.formUnion(["from", "to"]) }
        // Every resource with an id takes `ignore:` (MappingReader's `acceptsIgnore`).
        if parser.contains("acceptsIgnore && entry.key == \"ignore\"") { readerKeys.insert("ignore") }
        #expect(readerKeys.count >= 60, "found only \(readerKeys.count) keys in Sources/VPCReaders")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.committed))
        var schemaKeys: Set<String> = []
        func walk(_ value: Any) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { schemaKeys.formUnion(properties.keys) }
                object.values.forEach(walk)
            } else if let array = value as? [Any] {
                array.forEach(walk)
            }
        }
        walk(schema)
        #expect(readerKeys.subtracting(schemaKeys).sorted() == [], "keys the reader accepts that the schema lacks")
        #expect(schemaKeys.subtracting(readerKeys).sorted() == [], "schema properties the reader does not accept")
    }

    /// The contents of Swift multi-line string literals (`"""` … `"""`), indentation removed as Swift does.
    static func multiLineStrings(_ source: String) -> [String] {
        var blocks: [String] = []
        var current: [Substring]?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if current == nil {
                if line.hasSuffix("\"\"\"") && !line.hasSuffix("#\"\"\"") && trimmed != "\"\"\"" && !trimmed.hasPrefix("///") { current = [] }
                continue
            }
            if trimmed.hasPrefix("\"\"\"") {
                let indent = line.count - trimmed.count
                blocks.append(current!.map { $0.count >= indent ? String($0.dropFirst(indent)) : "" }.joined(separator: "\n") + "\n")
                current = nil
            } else {
                current!.append(line)
            }
        }
        return blocks
    }
}
