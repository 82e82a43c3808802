import Testing
import VPCModel
import Yams
@testable import CloudFormationImport

/// `Fn::Cidr`, `Fn::Length`, `Fn::ToJsonString`, `Fn::Base64`, evaluated as CloudFormation defines them.
@Suite struct IntrinsicFunctionTests {
    /// The value of `yaml` (one node) in a template with a VPC `Vpc` of 10.0.0.0/16, and the diagnostics.
    static func evaluate(_ yaml: String) throws -> (TemplateValue, [String]) {
        let evaluator = TemplateEvaluator(file: "t.yaml", region: "eu-west-1")
        evaluator.resourceTypes = ["Vpc": "AWS::EC2::VPC"]
        evaluator.resourceProperties = ["Vpc": try #require(try Yams.compose(yaml: "{CidrBlock: 10.0.0.0/16}"))]
        evaluator.parameters = ["Count": TemplateValue(.string("3"), at: SourceLocation(file: "t.yaml"))]
        let value = evaluator.evaluate(try #require(try Yams.compose(yaml: yaml)))
        return (value, evaluator.diagnostics.map(\.description))
    }

    static func strings(_ value: TemplateValue) -> [String?] { value.list?.map(\.string) ?? [] }

    @Test func cidrSplitsTheBlockInAddressOrder() throws {
        #expect(Self.strings(try Self.evaluate("!Cidr [192.168.0.0/24, 6, 5]").0)
                == ["192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27", "192.168.0.96/27", "192.168.0.128/27", "192.168.0.160/27"])
        // Long form, count and bits as strings, the block through !GetAtt of the VPC's literal CIDR (what cdk synth writes).
        #expect(Self.strings(try Self.evaluate(#"{"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, {"Ref": "Count"}, "12"]}"#).0)
                == ["10.0.0.0/20", "10.0.16.0/20", "10.0.32.0/20"])
        #expect(try Self.evaluate("!Select [2, !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]").0.string == "10.0.2.0/24")
        #expect(try Self.evaluate("!Select [255, !Cidr [!GetAtt Vpc.CidrBlock, 256, 8]]").0.string == "10.0.255.0/24")
        #expect(Self.strings(try Self.evaluate("!Cidr ['2001:db8:1200::/56', 3, 64]").0)
                == ["2001:db8:1200::/64", "2001:db8:1200:1::/64", "2001:db8:1200:2::/64"])
    }

    @Test func cidrOfAValueKnownAfterDeploymentIsUnknown() throws {
        let (value, diagnostics) = try Self.evaluate("!Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 4, 64]")
        #expect(value.list == nil)
        #expect(value.summary == "!GetAtt 'Vpc.Ipv6CidrBlocks'")
        #expect(diagnostics == [])
    }

    @Test(arguments: [
        ("!Cidr [10.0.0.0/24, 5, 7]", "t.yaml:1:1: error: !Cidr asks for 5 blocks of /25 in '10.0.0.0/24', which holds 2 [cfn-intrinsic]"),
        ("!Cidr [10.0.0.0/24, 0, 4]", "t.yaml:1:1: error: !Cidr's count '0' is not a whole number from 1 to 256 [cfn-intrinsic]"),
        ("!Cidr [10.0.0.0/24, 2, 9]", "t.yaml:1:1: error: !Cidr's cidrBits '9' is not a whole number from 1 to 8 (the host bits of '10.0.0.0/24') [cfn-intrinsic]"),
        ("!Cidr [10.0.0.1/24, 2, 4]", "t.yaml:1:1: error: !Cidr's ipBlock '10.0.0.1/24' is not a CIDR block [cfn-intrinsic]"),
        ("!Cidr [10.0.0.0/24, 2]", "t.yaml:1:1: error: !Cidr expects [ipBlock, count, cidrBits] [cfn-intrinsic]"),
    ])
    func cidrWithWrongArgumentsIsAnError(_ yaml: String, _ expected: String) throws {
        #expect(try Self.evaluate(yaml).1 == [expected])
    }

    /// A short-form tag on a list where the function takes a name: refused, not evaluated again and again.
    @Test func aShortFormOnTheWrongShapeIsRefused() throws {
        #expect(try Self.evaluate("!Ref [Vpc]").1 == ["t.yaml:1:1: error: !Ref expects the name of a parameter or resource [cfn-intrinsic]"])
    }

    @Test func lengthCountsTheList() throws {
        #expect(try Self.evaluate("!Length [a, b, c]").0.string == "3")
        #expect(try Self.evaluate(#"{"Fn::Length": {"Fn::Split": [",", "a,b"]}}"#).0.string == "2")
        #expect(try Self.evaluate("!Length [a, !Ref AWS::NoValue]").0.string == "1")
        #expect(try Self.evaluate(#"{"Fn::Length": {"Fn::GetAtt": ["Vpc", "CidrBlockAssociations"]}}"#).0.string == nil)
        #expect(try Self.evaluate(#"{"Fn::Length": "abc"}"#).1 == ["t.yaml:1:1: error: Fn::Length expects a list [cfn-intrinsic]"])
    }

    @Test func toJsonStringWritesCompactJSONInTheOrderWritten() throws {
        #expect(try Self.evaluate(#"!ToJsonString {b: [1, "x"], a: {c: !GetAtt Vpc.CidrBlock}}"#).0.string == #"{"b":["1","x"],"a":{"c":"10.0.0.0/16"}}"#)
        #expect(try Self.evaluate("!ToJsonString [a, !Ref Vpc]").0.string == nil)
        #expect(try Self.evaluate("!ToJsonString [a, !Ref Vpc]").0.summary == "!Ref 'Vpc'")
    }

    @Test func base64EncodesTheUTF8Bytes() throws {
        #expect(try Self.evaluate("!Base64 hello").0.string == "aGVsbG8=")
        #expect(try Self.evaluate("!Base64 ab").0.string == "YWI=")
        #expect(try Self.evaluate("!Base64 abc").0.string == "YWJj")
        #expect(try Self.evaluate("!Base64 ''").0.string == "")
        #expect(try Self.evaluate(#"{"Fn::Base64": {"Fn::Sub": "é ${AWS::Region}"}}"#).0.string == "w6kgZXUtd2VzdC0x")
        #expect(try Self.evaluate("!Base64 [a]").1 == ["t.yaml:1:1: error: !Base64 expects a string [cfn-intrinsic]"])
    }
}
