@testable import AWSImport
import Testing

@Suite struct JSONParserTests {
    func parse(_ text: String, redacting: Set<String> = JSONParser.secretKeys) throws(JSONParser.SyntaxError) -> JSONValue {
        var parser = JSONParser(Array(text.utf8), redactedKeys: redacting)
        return try parser.parse()
    }

    func syntaxError(_ text: String) -> JSONParser.SyntaxError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsValuesKeepingMemberOrderAndNumberText() throws {
        let value = try parse(#"{"b": [1, 2.50, -3e2], "a": {"t": true, "f": false, "n": null}, "s": "x\"\u00e9\n\ud83d\ude00"}"#)
        #expect(value.keys == ["b", "a", "s"])
        #expect(value["b"] == .array([.number("1"), .number("2.50"), .number("-3e2")]))
        #expect(value["a"]?["t"] == .bool(true) && value["a"]?["n"] == .null)
        #expect(value["s"] == .string("x\"é\n😀"))
    }

    @Test func formattedOutputParsesBackToTheSameValue() throws {
        let value = try parse(#"{"Vpcs": [{"VpcId": "vpc-1", "Tags": [], "Cidr": {"A": 1}}], "Empty": {}, "Text": "tab\there"}"#)
        #expect(try parse(value.formatted()) == value)
        #expect(value.formatted().hasPrefix("{\n    \"Vpcs\": [\n        {\n"))
    }

    @Test func reportsWhereATruncatedFileEnds() {
        let error = syntaxError("{\n    \"Subnets\": [\n        {\"SubnetId\": \"subnet-1\"")
        #expect(error == JSONParser.SyntaxError(message: "unexpected end of file inside an object, expected ',' or '}' (truncated file?)", line: 3, column: 32))
    }

    @Test func reportsSyntaxErrorsWithLineAndColumn() {
        #expect(syntaxError("") == .init(message: "empty file", line: 1, column: 1))
        #expect(syntaxError("{\"a\": 1,}")?.message == "unexpected '}', expected a member name in double quotes")
        #expect(syntaxError("[1 2]") == .init(message: "unexpected '2', expected ',' or ']'", line: 1, column: 4))
        #expect(syntaxError("{\"a\": tru}")?.message == "unexpected '}', expected 'true'")
        #expect(syntaxError("{} {}")?.message == "unexpected '{' after the JSON value")
        #expect(syntaxError("\"a\u{01}\"")?.message == "control character byte 0x1 in string (write it as an escape)")
        #expect(syntaxError("[01]")?.message == "unexpected '1', expected ',' or ']'")
    }

    @Test func dropsSecretMembersWhileReading() throws {
        var parser = JSONParser(Array(#"{"VpnConnections": [{"VpnConnectionId": "vpn-1", "CustomerGatewayConfiguration": "<psk>s3cret</psk>", "Options": {"TunnelOptions": [{"OutsideIpAddress": "203.0.113.1", "PreSharedKey": "s3cret"}]}}]}"#.utf8))
        let value = try parser.parse()
        #expect(parser.redactedCount == 2)
        #expect(!value.formatted().contains("s3cret"))
        #expect(value["VpnConnections"] == .array([.object([("VpnConnectionId", .string("vpn-1")),
                                                              ("Options", .object([("TunnelOptions", .array([.object([("OutsideIpAddress", .string("203.0.113.1"))])]))]))])]))
    }
}
