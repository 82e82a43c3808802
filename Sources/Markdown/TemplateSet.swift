import FileAccess
import Foundation
import VPCModel

/// The Markdown templates and the price table a document is rendered with: the built-in ones
/// (compiled into the binary from `templates/`), or a user's copy in a directory, where files
/// replace the built-in ones of the same name.
public struct TemplateSet: Sendable {
    /// The template that renders a whole document; the others are its partials.
    public static let documentTemplate = "document"
    /// The price table's file name.
    public static let priceTableFile = "prices.json"

    /// Template sources by name (file name without `.mustache`).
    public let sources: [String: String]
    /// The price table's JSON text.
    public let priceTableJSON: String
    public let prices: PriceTable
    /// Every template, parsed.
    let parsed: [String: Template]

    /// The templates compiled into the binary. They are parsed and checked against the view model's
    /// schema; tests scan them (`builtInTemplatesScanClean`), so a render need not.
    public static let builtIn: TemplateSet = {
        do {
            return try TemplateSet(sources: builtInSources, priceTableJSON: builtInPriceTable, directory: "templates/markdown", scan: false)
        } catch {
            fatalError("built-in templates do not load: \(error)")
        }
    }()

    static var builtInSources: [String: String] {
        var sources: [String: String] = [:]
        for (path, text) in EmbeddedTemplates.files where path.hasPrefix("markdown/") && path.hasSuffix(".mustache") {
            sources[String(path.dropFirst("markdown/".count).dropLast(".mustache".count))] = text
        }
        return sources
    }

    static var builtInPriceTable: String {
        EmbeddedTemplates.files.first { $0.path == priceTableFile }!.contents
    }

    /// Loads `*.mustache` and `prices.json` from a directory (as written by `export(to:)`); what the
    /// directory lacks comes from the built-in set. Problems are thrown as diagnostics located in
    /// the files (`DIR/x.mustache:LINE:COL: error: … [template-syntax]`).
    public init(directory: String) throws(TemplateSetError) {
        let dir = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        } catch {
            throw TemplateSetError(diagnostics: [.error("cannot read template directory", at: SourceLocation(file: dir), rule: "template-io")])
        }
        var sources = Self.builtInSources
        var prices = Self.builtInPriceTable
        var problems: [Diagnostic] = []
        for name in names where name.hasSuffix(".mustache") || name == Self.priceTableFile {
            let path = "\(dir)/\(name)"
            let data: Data
            do {
                data = try InputFile.read(path)
            } catch {
                if case .tooLarge = error {
                    problems.append(.error(error.message(path: path), at: SourceLocation(file: path), rule: InputFileError.tooLargeRule))
                } else {
                    problems.append(.error("cannot read file as UTF-8 text", at: SourceLocation(file: path), rule: "template-io"))
                }
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                problems.append(.error("cannot read file as UTF-8 text", at: SourceLocation(file: path), rule: "template-io"))
                continue
            }
            if name == Self.priceTableFile { prices = text } else { sources[String(name.dropLast(".mustache".count))] = text }
        }
        if !problems.isEmpty { throw TemplateSetError(diagnostics: problems) }
        try self.init(sources: sources, priceTableJSON: prices, directory: dir)
    }

    /// Parses every template (and the price table), reporting problems with `directory/name.mustache` locations.
    /// `scan`: also look for the mistakes `TemplateScanner` reports (unclosed sections, unknown partials, …).
    /// The document template and the partials it includes that parse are then checked against the
    /// view model's schema (`TemplateCheck`): unknown names, transforms on the wrong kind of value.
    init(sources: [String: String], priceTableJSON: String, directory: String, scan: Bool = true) throws(TemplateSetError) {
        var problems: [Diagnostic] = []
        var parsed: [String: Template] = [:]
        let partials = Set(sources.keys)
        if sources[Self.documentTemplate] == nil {
            problems.append(.error("missing template '\(Self.documentTemplate).mustache'", at: SourceLocation(file: directory), rule: "template-syntax"))
        }
        for name in sources.keys.sorted() {
            let file = "\(directory)/\(name).mustache"
            let source = sources[name]!
            if scan, let problem = TemplateScanner(source: source).firstProblem(partials: partials) {
                problems.append(.error(problem.message, at: SourceLocation(file: file, line: problem.line, column: problem.column), rule: "template-syntax"))
                continue
            }
            do {
                parsed[name] = try Template(source)
            } catch {
                let (line, column) = error.location(in: source)
                problems.append(.error(error.message, at: SourceLocation(file: file, line: line, column: column), rule: "template-syntax"))
            }
        }
        if parsed[Self.documentTemplate] != nil {
            let unparsed = Set(sources.keys).subtracting(parsed.keys)
            let found = TemplateCheck.problems(of: Self.documentTemplate, in: parsed, unparsed: unparsed, root: .document)
            for problem in found.sorted(by: { ($0.template, $0.offset) < ($1.template, $1.offset) }) {
                let (line, column) = TemplateParseError(offset: problem.offset, message: "").location(in: sources[problem.template]!)
                problems.append(.error(problem.message, at: SourceLocation(file: "\(directory)/\(problem.template).mustache", line: line, column: column),
                                       rule: problem.rule))
            }
        }
        var table: PriceTable?
        do {
            table = try PriceTable(json: priceTableJSON)
        } catch {
            problems.append(.error(error.message, at: SourceLocation(file: "\(directory)/\(Self.priceTableFile)"), rule: "price-table"))
        }
        guard problems.isEmpty, let table else {
            // Sorted by location (a stable sort: one place's problems keep their order).
            throw TemplateSetError(diagnostics: problems.enumerated().sorted { a, b in
                let (x, y) = (a.element.location ?? SourceLocation(file: ""), b.element.location ?? SourceLocation(file: ""))
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element))
        }
        self.sources = sources
        self.priceTableJSON = priceTableJSON
        self.prices = table
        self.parsed = parsed
    }

    /// The files `export(to:)` writes, in name order: every template and the price table.
    public var files: [(name: String, contents: String)] {
        sources.keys.sorted().map { ("\($0).mustache", sources[$0]!) } + [(Self.priceTableFile, priceTableJSON)]
    }

    /// Writes the templates and the price table into `directory` (created if needed), all or nothing
    /// (`FileSetWriter`). Refuses, before writing anything, when a file exists already, unless
    /// `overwrite`. Returns the paths written.
    @discardableResult
    public func export(to directory: String, overwrite: Bool = false) throws(TemplateSetError) -> [String] {
        let dir = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        do {
            return try FileSetWriter().write(files.map { ($0.name, Data($0.contents.utf8)) }, into: dir, replacing: overwrite)
        } catch {
            throw TemplateSetError(diagnostics: error.problems.map { problem in
                switch problem.kind {
                case .exists: .error("file exists; use --force to overwrite it", at: SourceLocation(file: problem.path), rule: "template-export")
                case .invalidName, .failed: .error(problem.message, at: SourceLocation(file: problem.path), rule: "template-export")
                }
            })
        }
    }
}

/// Problems with a template directory, as diagnostics.
public struct TemplateSetError: Error, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
