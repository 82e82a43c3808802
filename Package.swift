// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "vpcgraph",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vpcgraph", targets: ["vpcgraph"]),
        // For the fuzz harnesses (a separate package under Fuzzing/ that depends on this one by path).
        .library(name: "VPCGraphFuzzing", targets: ["VPCModel", "VPCReaders", "AWSImport", "Diagram", "Pipeline", "TopologyGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        // Reading inputs with a size bound, writing sets of output files all-or-nothing (POSIX calls only).
        .target(name: "FileAccess"),
        // Pure Swift model: ids, derived facts, validation rules, diagnostics. No C, no I/O.
        .target(name: "VPCModel"),
        // The project's YAML/JSON topology format (and later importers) -> model + diagnostics.
        .target(name: "VPCReaders", dependencies: ["VPCModel", .product(name: "Yams", package: "Yams")]),
        // AWS CLI `describe-*` outputs (a snapshot folder) -> model + diagnostics located by file and JSON path.
        .target(name: "AWSImport", dependencies: ["VPCModel", "FileAccess"]),
        // `terraform show -json` (state or plan) and terraform.tfstate -> model + diagnostics at file:line:col and resource address.
        .target(name: "TerraformImport", dependencies: ["VPCModel", "AWSImport", "FileAccess"]),
        // CloudFormation templates (YAML with `!` tags, or JSON) -> model + diagnostics located at line:col.
        .target(name: "CloudFormationImport", dependencies: ["VPCModel", "VPCReaders", "FileAccess", .product(name: "Yams", package: "Yams")]),
        // Runs the AWS CLI to collect a snapshot that AWSImport reads.
        .target(name: "AWSCollect", dependencies: ["AWSImport", "VPCModel"]),
        // Graphviz through pkg-config; Debian: libgraphviz-dev.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // What Swift cannot express: an id discipline, plugin loading, error capture.
        .target(name: "CGraphvizShim", dependencies: ["CGraphviz"], linkerSettings: [.linkedLibrary("dl")]),
        // The only Swift code that talks to Graphviz.
        .target(name: "Graphviz", dependencies: ["CGraphviz", "CGraphvizShim", "Diagram"]),
        // Model -> cluster graph description (pure Swift) and its DOT text.
        .target(name: "Diagram", dependencies: ["VPCModel"]),
        // Model -> Markdown documentation through Mustache templates (built in, or a user's copy), with its own Mustache renderer.
        .target(name: "Markdown", dependencies: ["VPCModel", "FileAccess"]),
        // SHA-256 blocks with the x86 SHA extensions (the manifest hashes every file written); Swift is the fallback.
        .target(name: "CSHA256"),
        // The stages wired together, and all-or-nothing output writing.
        .target(name: "Pipeline", dependencies: ["CSHA256", "VPCModel", "VPCReaders", "AWSImport", "TerraformImport", "CloudFormationImport", "Diagram", "Graphviz", "Markdown", "FileAccess"]),
        .executableTarget(name: "vpcgraph", dependencies: [
            "VPCModel", "VPCReaders", "AWSImport", "AWSCollect", "Diagram", "Pipeline", "FileAccess", "CloudFormationImport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Seeded random topologies (YAML) and the SVG safety check, for the generative tests and the fuzz harnesses.
        .target(name: "TopologyGenerator"),
        // Helpers shared by the test targets: paths, running programs, golden files.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "VPCModelTests", dependencies: ["VPCModel", "VPCReaders"]),
        .testTarget(name: "VPCReadersTests", dependencies: ["VPCModel", "VPCReaders", "TestSupport"]),
        .testTarget(name: "DiagramTests", dependencies: ["VPCModel", "VPCReaders", "Diagram", "Graphviz", "Pipeline", "TestSupport", "TopologyGenerator"], exclude: ["Fixtures"]),
        .testTarget(name: "MarkdownTests", dependencies: ["VPCModel", "VPCReaders", "Markdown", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "vpcgraphTests", dependencies: ["VPCModel", "Pipeline", "FileAccess", "TestSupport"]),
        .testTarget(name: "TerraformImportTests", dependencies: ["VPCModel", "VPCReaders", "TerraformImport", "Pipeline", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "AWSImportTests", dependencies: ["VPCModel", "VPCReaders", "AWSImport", "AWSCollect", "Pipeline", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "CloudFormationImportTests", dependencies: ["VPCModel", "VPCReaders", "CloudFormationImport", "Pipeline", "TestSupport"],
                    exclude: ["Fixtures"]),
    ]
)
