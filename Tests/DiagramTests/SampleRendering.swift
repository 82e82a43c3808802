import Diagram
import Foundation
import Pipeline
import TestSupport
import VPCModel

/// Renders a sample in-process, the way `vpcgraph render` does.
enum SampleRendering {
    static func load(_ url: URL) throws -> Topology {
        let (topology, diagnostics) = Pipeline.load(path: url.path)
        guard let topology, diagnostics.isEmpty else {
            throw RenderFailure(message: diagnostics.map(\.description).joined(separator: "\n"))
        }
        return topology
    }

    static func render(_ url: URL, formats: [OutputFormat] = [.dot, .svg]) throws -> [String: String] {
        let topology = try load(url)
        let (files, diagnostics) = Pipeline(formats: formats).render(topology, name: Pipeline.baseName(of: url.path))
        if !diagnostics.isEmpty { throw RenderFailure(message: diagnostics.map(\.description).joined(separator: "\n")) }
        return Dictionary(uniqueKeysWithValues: files.map { ($0.fileName, $0.contents) })
    }

    static var samples: [URL] { Paths.sampleFiles() }
}

struct RenderFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
