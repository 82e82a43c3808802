// swift-tools-version: 6.0
// libFuzzer harnesses for vpcgraph, a package of their own so that `make test` never builds them:
// `make fuzz` builds them into ../.build-fuzz with `--sanitize=fuzzer --sanitize=address`.
// Each harness is a library-style module (`-parse-as-library`, no main) defining
// `LLVMFuzzerTestOneInput`; libFuzzer's own main drives it.
import PackageDescription

let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let vpcgraph = Target.Dependency.product(name: "VPCGraphFuzzing", package: "vpcgraph")

// The folder is not called Fuzz: SwiftPM names a package by its folder, and this one must not
// share a name with the repository it depends on (a clone called fuzz).
let package = Package(
    name: "vpcgraph-fuzz",
    products: [
        .executable(name: "fuzz-topology", targets: ["FuzzTopology"]),
        .executable(name: "fuzz-snapshot", targets: ["FuzzSnapshot"]),
        .executable(name: "fuzz-render", targets: ["FuzzRender"]),
    ],
    dependencies: [
        .package(name: "vpcgraph", path: ".."),
    ],
    targets: [
        // What the harnesses share: reading the input, the SVG checks, render options from bytes.
        .target(name: "FuzzSupport", dependencies: [vpcgraph]),
        // (a) the YAML topology reader: bytes → TopologyParser.parse → validate.
        .executableTarget(name: "FuzzTopology", dependencies: [vpcgraph, "FuzzSupport"], swiftSettings: harness),
        // (b) the AWS snapshot reader: bytes → JSONParser, and a snapshot folder of those bytes → import → validate.
        .executableTarget(name: "FuzzSnapshot", dependencies: [vpcgraph, "FuzzSupport"], swiftSettings: harness),
        // (c) the whole render: bytes → generator parameters → YAML → parse → validate → Pipeline.renderAll (DOT + SVG).
        .executableTarget(name: "FuzzRender", dependencies: [vpcgraph, "FuzzSupport"], swiftSettings: harness),
    ]
)
