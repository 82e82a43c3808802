// The generators live in the TopologyGenerator library (shared with the fuzz harnesses); this
// keeps the name the diagram tests use.
import TopologyGenerator

typealias GeneratedTopology = TopologyGenerator.GeneratedTopology
