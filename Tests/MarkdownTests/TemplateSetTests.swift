import Foundation
@testable import Markdown
import Testing
import VPCModel

@Suite struct TemplateSetTests {
    /// A fresh directory with the built-in templates exported into it.
    static func exported() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vpcgraph-templates-\(UUID().uuidString)").path
        try TemplateSet.builtIn.export(to: dir)
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func diagnostics(loading dir: String) -> [String] {
        do {
            _ = try TemplateSet(directory: dir)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func exportedTemplatesLoadAndRenderTheSameDocument() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names.contains("document.mustache") && names.contains("prices.json") && names.count == TemplateSet.builtIn.files.count)
        let loaded = try TemplateSet(directory: dir)
        let topology = SampleTopologies.sharedServices
        #expect(renderMarkdown(topology, documentName: "x", templates: loaded) == renderMarkdown(topology, documentName: "x"))
    }

    @Test func exportRefusesToOverwriteUnlessForced() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("mine", to: "\(dir)/cost.mustache")
        #expect(throws: TemplateSetError.self) { try TemplateSet.builtIn.export(to: dir) }
        #expect(try String(contentsOfFile: "\(dir)/cost.mustache", encoding: .utf8) == "mine", "nothing was overwritten")
        do {
            try TemplateSet.builtIn.export(to: dir)
        } catch {
            #expect(error.diagnostics.first?.description == "\(dir)/connectivity.mustache: error: file exists; use --force to overwrite it [template-export]")
        }
        try TemplateSet.builtIn.export(to: dir, overwrite: true)
        #expect(try String(contentsOfFile: "\(dir)/cost.mustache", encoding: .utf8) == TemplateSet.builtIn.sources["cost"])
    }

    @Test func aUserTemplateReplacesTheBuiltInOne() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vpcgraph-one-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("## Costs\n\nAsk finance ({{cost.total}}).\n", to: "\(dir)/cost.mustache")
        let markdown = renderMarkdown(SampleTopologies.appVPC, documentName: "app", templates: try TemplateSet(directory: dir))
        #expect(markdown.hasSuffix("## Costs\n\nAsk finance ($62.05).\n"))
        #expect(markdown.contains("## <a id=\"section-endpoints\"></a>Endpoints"), "the other templates are the built-in ones")
    }

    @Test func aBadTagIsReportedAtItsLineAndColumn() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("# Title\n\nText {{#regions}}\n  {{/vpcs}}\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == [
            "\(dir)/summary.mustache:4:3: error: closing tag 'vpcs' does not match section 'regions' opened at 3:6 [template-syntax]",
        ])
        try Self.write("one\n{{#regions}}\nnever closed\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == ["\(dir)/summary.mustache:2:1: error: section 'regions' is never closed [template-syntax]"])
        try Self.write("one\ntwo {{title\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == ["\(dir)/summary.mustache:2:5: error: unfinished tag: no closing '}}' [template-syntax]"])
    }

    @Test func theTemplateEngineErrorsKeepTheirLocation() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The scanner leaves pragmas to the engine, whose position is kept (less the line the set adds).
        try Self.write("line\n  {{% CONTENT_TYPE: NOPE}}\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == ["\(dir)/summary.mustache:2:27: error: unknown pragma [template-syntax]"])
        try Self.write("line\n  {{code(title}}\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == ["\(dir)/summary.mustache:2:3: error: unbalanced parentheses in 'code(title' [template-syntax]"])
    }

    @Test func unknownPartialsAndTransformsAreErrors() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.write("{{> summray}}\n", to: "\(dir)/document.mustache")
        try Self.write("{{cod(title)}}\n", to: "\(dir)/summary.mustache")
        #expect(Self.diagnostics(loading: dir) == [
            "\(dir)/document.mustache:1:1: error: unknown partial 'summray' [template-syntax]",
            "\(dir)/summary.mustache:1:1: error: unknown transform 'cod'; transforms are: \(TemplateCheckTests.transformList) [template-syntax]",
        ])
    }

    @Test func priceTableProblemsAreReported() throws {
        let dir = try Self.exported()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let prices = try String(contentsOfFile: "\(dir)/prices.json", encoding: .utf8)
        try Self.write(prices.replacingOccurrences(of: #""0.045""#, with: #""4.5e-2""#), to: "\(dir)/prices.json")
        #expect(Self.diagnostics(loading: dir).first?.hasSuffix("error: price 'nat_gateway_per_gb' is not a decimal number: '4.5e-2' [price-table]") == true
                || Self.diagnostics(loading: dir).first?.hasSuffix("error: price 'nat_gateway_per_hour' is not a decimal number: '4.5e-2' [price-table]") == true)
        try Self.write("{", to: "\(dir)/prices.json")
        #expect(Self.diagnostics(loading: dir) == ["\(dir)/prices.json: error: not valid JSON [price-table]"])
    }

    @Test func builtInPriceTableMatchesTheIssue() {
        let prices = TemplateSet.builtIn.prices
        #expect(prices.region == "us-east-1" && prices.hoursPerMonth == 730 && prices.currency == "USD")
        #expect(prices["interface_endpoint_per_az_hour"].text == "0.01")
        #expect(prices["interface_endpoint_per_gb"].text == "0.01")
        #expect(prices["gateway_endpoint_per_hour"].value == 0)
        #expect(prices["resolver_endpoint_per_eni_hour"].text == "0.125")
        #expect(prices["nat_gateway_per_hour"].text == "0.045" && prices["nat_gateway_per_gb"].text == "0.045")
        #expect(prices.note.contains("vary by region"))
    }

    @Test func moneyIsExactAndRounded() throws {
        let prices = TemplateSet.builtIn.prices
        #expect(prices.money(Decimal(string: "14.6")!) == "$14.60")
        #expect(prices.money(Decimal(string: "182.5")!) == "$182.50")
        #expect(prices.money(Decimal(string: "0.005")!) == "$0.01")
        #expect(prices.money(0) == "$0.00")
        #expect(prices.money(Decimal(3) * Decimal(string: "0.1")! * 730) == "$219.00")
    }
}
