import Foundation
import Testing
import VPCModel
@testable import CloudFormationImport

/// One small template per importer rule that no fixture triggers: the rule's diagnostics as printed.
@Suite struct TemplateRuleTests {
    static let vpc = """
          Vpc:
            Type: AWS::EC2::VPC
            Properties: {CidrBlock: 10.0.0.0/16}
          Subnet:
            Type: AWS::EC2::Subnet
            Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}

        """

    static let cases: [(rule: String, template: String, expected: [String])] = [
        ("cfn-condition-cycle", "Conditions:\n  A: !Condition B\n  B: !Condition A\nResources:\n" + vpc + "  Igw:\n    Type: AWS::EC2::InternetGateway\n    Condition: A\n", ["template.yaml:3:6: error: condition 'A' depends on itself [cfn-condition-cycle]"]),
        ("cfn-condition-false", """
            Parameters:
              Env: {Type: String, Default: prod}
            Conditions:
              IsDev: !Equals [!Ref Env, dev]
            Resources:
            \(vpc)  Igw:
                Type: AWS::EC2::InternetGateway
                Condition: IsDev
              Attach:
                Type: AWS::EC2::VPCGatewayAttachment
                Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}
            """, ["template.yaml:17:54: warning: VPCGatewayAttachment 'Attach': 'InternetGatewayId' refers to 'Igw', which condition 'IsDev' leaves out; the attachment is left out [cfn-condition-false]"]),
        ("cfn-duplicate-association", """
            Resources:
            \(vpc)  A:
                Type: AWS::EC2::RouteTable
                Properties: {VpcId: !Ref Vpc}
              B:
                Type: AWS::EC2::RouteTable
                Properties: {VpcId: !Ref Vpc}
              AssocA:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Properties: {SubnetId: !Ref Subnet, RouteTableId: !Ref A}
              AssocB:
                Type: AWS::EC2::SubnetRouteTableAssociation
                Properties: {SubnetId: !Ref Subnet, RouteTableId: !Ref B}
            """, ["template.yaml:17:3: error: SubnetRouteTableAssociation 'AssocB': subnet 'Subnet' is already associated with route table 'rtb-A' [cfn-duplicate-association]"]),
        ("cfn-endpoint-type", """
            Resources:
            \(vpc)  Endpoint:
                Type: AWS::EC2::VPCEndpoint
                Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.eu-west-1.s3, VpcEndpointType: Gateways}
            """, ["template.yaml:10:93: warning: VPCEndpoint 'Endpoint': 'VpcEndpointType' 'Gateways' is not Interface, Gateway or GatewayLoadBalancer; the endpoint is left out [cfn-endpoint-type]"]),
        ("cfn-intrinsic", """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: {CidrBlock: !Select [5, [10.0.0.0/16, 10.1.0.0/16]]}
            """, ["template.yaml:4:29: error: VPC 'Vpc': !Select index 5 is outside the list of 2 values [cfn-intrinsic]"]),
        ("cfn-logical-id", "Resources:\n" + vpc + "  My-Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n", ["template.yaml:8:3: error: logical id 'My-Vpc' is not alphanumeric (A-Z, a-z, 0-9), as CloudFormation requires [cfn-logical-id]"]),
        ("cfn-missing-property", """
            Resources:
            \(vpc)  Other:
                Type: AWS::EC2::Subnet
                Properties: {CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1a}
            """, ["template.yaml:8:3: error: Subnet 'Other' has no 'VpcId'; the subnet is left out [cfn-missing-property]"]),
        ("cfn-security-group-rule", """
            Resources:
            \(vpc)  Group:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: web
                  VpcId: !Ref Vpc
                  SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443}]
            """, ["template.yaml:13:30: warning: SecurityGroup 'Group': a rule names no peer (CidrIp, CidrIpv6, SourceSecurityGroupId, SourcePrefixListId); it is left out [cfn-security-group-rule]"]),
        ("cfn-template", "AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n", ["template.yaml:1:1: error: the template has no 'Resources' mapping [cfn-template]"]),
        ("cfn-unattached", "Resources:\n" + vpc + "  Igw:\n    Type: AWS::EC2::InternetGateway\n", ["template.yaml:8:3: warning: InternetGateway 'Igw' is attached to no VPC (no AWS::EC2::VPCGatewayAttachment); it is left out [cfn-unattached]"]),
        ("cfn-unknown-value", "Resources:\n" + vpc + "  Other:\n    Type: AWS::EC2::Subnet\n    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}\n", ["template.yaml:8:3: warning: Subnet 'Other' names no availability zone; AWS picks one, drawn as 'eu-west-1a' [cfn-unknown-value]"]),
        ("cfn-unsupported-intrinsic", "Resources:\n" + vpc
            + "  Other:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc\n      AvailabilityZone: eu-west-1b\n      CidrBlock: !Transform {Name: 'AWS::Include', Parameters: {Location: 's3://bucket/cidr.yaml'}}\n",
         ["template.yaml:13:18: warning: Subnet 'Other': !Transform is not evaluated by vpcgraph; the value is treated as unknown [cfn-unsupported-intrinsic]"]),
    ]

    @Test(arguments: cases)
    func ruleIsReported(_ rule: String, _ template: String, _ expected: [String]) {
        let (_, diagnostics) = CloudFormationImporter.importTemplate(text: template, file: "template.yaml", options: CloudFormationOptions(region: "eu-west-1"))
        #expect(diagnostics.map(\.description).filter { $0.hasSuffix("[\(rule)]") } == expected, "\(diagnostics.map(\.description))")
    }
}
