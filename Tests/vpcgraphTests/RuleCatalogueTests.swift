import Foundation
import TestSupport
import Testing
import VPCModel

/// The rule catalogue against the sources (every rule reported is declared, by its owner, and every
/// rule declared is reported), the tests (every rule has a test that prints it), the README's table
/// and `vpcgraph rules`.
@Suite struct RuleCatalogueTests {
    /// Every `rule: "id"` (and `rule: String = "id"`, and an advice rule type's `static let id = "id"`) in the Swift files under `folder`, with the files.
    static func reportedRules(under folder: String) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        let root = Paths.repository.appendingPathComponent(folder)
        let pattern = try! NSRegularExpression(pattern: #"(?:rule: *(?:String = )?|static let id = )"([a-z][a-z0-9-]*)""#)
        for path in FileManager.default.enumerator(atPath: root.path)!.compactMap({ $0 as? String }) where path.hasSuffix(".swift") {
            let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let id = String(text[Range(match.range(at: 1), in: text)!])
                result[id, default: []].insert("\(folder)/\(path)")
            }
        }
        return result
    }

    @Test func idsAreUniqueAndWellFormed() {
        var seen = Set<String>()
        for rule in RuleCatalogue.all {
            #expect(seen.insert(rule.id).inserted, "'\(rule.id)' is declared twice")
            #expect(rule.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "'\(rule.id)'")
            for text in [rule.summary, rule.reason, rule.fix] {
                let properNoun = ["AWS", "YAML", "S3", "Graphviz", "SVG", "DynamoDB", "VPC"].contains { text.hasPrefix($0) }
                #expect(!text.isEmpty && !text.hasSuffix(".") && (properNoun || text.first?.isUppercase == false),
                        "'\(rule.id)': '\(text)' should start lower-case and have no trailing period")
            }
            #expect(RuleCatalogue.rule(rule.id) == rule)
        }
    }

    /// Each rule id the sources report is in the catalogue, and reported only where its owner (or an
    /// owner it is shared with) lives; each rule of the catalogue is reported somewhere.
    @Test func sourcesReportExactlyTheCatalogue() {
        let reported = Self.reportedRules(under: "Sources")
        for (id, files) in reported.sorted(by: { $0.key < $1.key }) {
            guard let rule = RuleCatalogue.rule(id) else {
                Issue.record("'\(id)' is reported in \(files.sorted()) but not declared in RuleCatalogue")
                continue
            }
            let allowed = ([rule.owner] + rule.sharedWith).flatMap(\.sources)
            for file in files.sorted() where !allowed.contains(where: { file.hasPrefix($0) }) {
                Issue.record("'\(id)' (owner \(rule.owner.rawValue)) is reported in \(file), outside its owner's \(allowed)")
            }
        }
        for rule in RuleCatalogue.all where reported[rule.id] == nil {
            Issue.record("'\(rule.id)' is declared but nothing reports it")
        }
    }

    /// A rule has a test when a test asserts a diagnostic printed with it: the text `[id]` in a test
    /// source or golden file (tests compare diagnostics by their full printed string).
    @Test func everyRuleHasATest() throws {
        let root = Paths.repository.appendingPathComponent("Tests")
        var text = ""
        for path in FileManager.default.enumerator(atPath: root.path)!.compactMap({ $0 as? String }) where !path.hasSuffix("RuleCatalogueTests.swift") {
            var isDirectory: ObjCBool = false
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard ["swift", "txt", "json", "sarif", "md", "golden", "stderr"].contains(url.pathExtension) else { continue }
            text += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        let untested = RuleCatalogue.all.map(\.id).filter { !text.contains("[\($0)]") && !text.contains("\"ruleId\" : \"\($0)\"") }
        #expect(untested.isEmpty, "rules no test prints: \(untested.joined(separator: ", "))")
    }

    @Test func readmeTableIsGeneratedFromTheCatalogue() throws {
        let readme = Paths.repository.appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let begin = "<!-- rules: begin; generated from RuleCatalogue, RuleCatalogueTests keeps it in sync -->\n"
        let end = "<!-- rules: end -->"
        let start = try #require(text.range(of: begin)), stop = try #require(text.range(of: end))
        let current = String(text[start.upperBound..<stop.lowerBound])
        let generated = RuleCatalogue.markdownTable
        if current != generated {
            if Golden.updating {
                try (String(text[..<start.upperBound]) + generated + String(text[stop.lowerBound...])).write(to: readme, atomically: true, encoding: .utf8)
                Issue.record("rewrote the README's rule table (UPDATE_GOLDEN=1); run the tests again without it")
            } else {
                let diff = Golden.unifiedDiff(current, generated)
                Issue.record("the README's rule table differs from RuleCatalogue; run with UPDATE_GOLDEN=1:\n\(diff)")
            }
        }
    }

    @Test func rulesCommandListsTheCatalogue() throws {
        let all = try Run.vpcgraph(["rules"])
        #expect(all.status == 0)
        #expect(all.stdout == RuleCatalogue.listing())
        let one = try Run.vpcgraph(["rules", "blackhole-route"])
        #expect(one.stdout == """
            blackhole-route (warning, advice): a route is a blackhole: its target is gone
              why: traffic to the destination is dropped without a trace
              fix: remove the route, or point it at a target that exists

            """)
        let unknown = try Run.vpcgraph(["rules", "blackhole"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Error: unknown rule 'blackhole'; 'vpcgraph rules' lists them"))
    }
}
