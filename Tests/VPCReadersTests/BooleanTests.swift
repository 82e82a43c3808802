import Testing
import VPCModel
import Yams
@testable import VPCReaders

/// Booleans are read from the text of plain scalars (`plainBool`), not from tags a regular
/// expression resolved: every YAML 1.1 spelling Yams's boolean rule accepted is still read, quoted
/// values are still strings, and `!!bool` still counts.
@Suite struct BooleanTests {
    /// The VPC's `dns` support and hostnames as parsed from `value`, and the diagnostics.
    func dns(_ value: String) -> (support: Bool?, hostnames: Bool?, diagnostics: [String]) {
        let yaml = """
        regions:
          eu-west-1:
            vpcs:
              - id: vpc-1
                cidr: 10.0.0.0/16
                dns: {support: \(value), hostnames: \(value)}
        """
        let (topology, diagnostics) = TopologyParser.parse(yaml, file: "t.yaml")
        let vpc = topology?.regions.first?.vpcs.first
        return (vpc?.dnsSupport, vpc?.dnsHostnames, diagnostics.map(\.description))
    }

    @Test(arguments: ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "!!bool true"])
    func trueSpellings(_ spelling: String) {
        let read = dns(spelling)
        #expect(read.diagnostics == [])
        #expect(read.support == true)
        #expect(read.hostnames == true)
    }

    @Test(arguments: ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"])
    func falseSpellings(_ spelling: String) {
        let read = dns(spelling)
        #expect(read.diagnostics == [])
        #expect(read.support == false)
        #expect(read.hostnames == false)
    }

    /// Quoted, or spelt as no YAML 1.1 boolean is, the value is refused where a boolean is expected.
    @Test(arguments: ["\"true\"", "'no'", "tRUE", "1", "y"])
    func notBooleans(_ spelling: String) {
        let read = dns(spelling)
        #expect(read.diagnostics.count == 2)
        #expect(read.diagnostics.allSatisfy { $0.contains("expected true or false") && $0.contains("[type-mismatch]") })
    }

    /// An endpoint policy given as YAML keeps its booleans and numbers as JSON values, and quoted
    /// ones as strings.
    @Test func policyJSON() throws {
        let node = try #require(try Yams.compose(yaml: "{a: true, b: 'true', c: 12, d: \"12\", e: Off, f: ~}", TopologyParser.resolver))
        #expect(JSONText.render(node) == #"{"a":true,"b":"true","c":12,"d":"12","e":false,"f":null}"#)
    }
}
