// AWS's DNS names for its services, as the PrivateLink guide and each service's "interface VPC
// endpoints" page document them: the private DNS name an interface endpoint's private DNS answers
// (the service's own regional name), and the label endpoint-specific names use
// (`vpce-…-abcd.LABEL.REGION.vpce.amazonaws.com`). Most services are `SERVICE.REGION.amazonaws.com`;
// the exceptions are in `ServiceDNS.exceptions`, and every service vpcgraph knows is in `known`.

/// How AWS names one service in DNS.
public struct ServiceDNSForm: Equatable, Sendable {
    /// The short service name, as in `com.amazonaws.REGION.<service>`.
    public let service: String
    /// The host label before the region: `dkr.ecr` for `ecr.dkr`, `kinesis` for `kinesis-streams`.
    public let label: String
    /// The private DNS name is a wildcard (`*.execute-api.REGION.amazonaws.com`): it covers every name below it.
    public let wildcardPrivateName: Bool
    /// Endpoint-specific names are wildcards too (`*.vpce-….s3.REGION.vpce.amazonaws.com`): S3's bucket names go in front.
    public let wildcardEndpointNames: Bool

    /// The private DNS name in a region: `*.dkr.ecr.eu-west-1.amazonaws.com`.
    public func privateDNSName(region: String) -> String {
        (wildcardPrivateName ? "*." : "") + "\(label).\(region).amazonaws.com"
    }
}

public enum ServiceDNS {
    /// Services whose DNS names differ from `SERVICE.REGION.amazonaws.com`.
    public static let exceptions: [ServiceDNSForm] = [
        ServiceDNSForm(service: "ecr.api", label: "api.ecr", wildcardPrivateName: false, wildcardEndpointNames: false),
        ServiceDNSForm(service: "ecr.dkr", label: "dkr.ecr", wildcardPrivateName: true, wildcardEndpointNames: false),
        ServiceDNSForm(service: "execute-api", label: "execute-api", wildcardPrivateName: true, wildcardEndpointNames: false),
        ServiceDNSForm(service: "kinesis-firehose", label: "firehose", wildcardPrivateName: false, wildcardEndpointNames: false),
        ServiceDNSForm(service: "kinesis-streams", label: "kinesis", wildcardPrivateName: false, wildcardEndpointNames: false),
        ServiceDNSForm(service: "s3", label: "s3", wildcardPrivateName: true, wildcardEndpointNames: true),
        ServiceDNSForm(service: "sagemaker.api", label: "api.sagemaker", wildcardPrivateName: false, wildcardEndpointNames: false),
        ServiceDNSForm(service: "sagemaker.runtime", label: "runtime.sagemaker", wildcardPrivateName: false, wildcardEndpointNames: false),
    ]

    /// AWS services (short names of `com.amazonaws.REGION.NAME`) that offer VPC endpoints, from the
    /// PrivateLink guide's "AWS services that integrate with AWS PrivateLink". A name outside this
    /// list gets an `unknown-service` warning (AWS adds services: the list is not exhaustive).
    public static let known: [String] = [
        "access-analyzer", "account", "acm-pca", "airflow.api", "airflow.env", "airflow.ops", "apigateway", "app-integrations",
        "appconfig", "appconfigdata", "application-autoscaling", "applicationinsights", "appmesh", "appmesh-envoy-management",
        "apprunner", "appstream.api", "appstream.streaming", "appsync-api", "aps", "aps-workspaces", "athena", "auditmanager",
        "autoscaling", "autoscaling-plans", "backup", "backup-gateway", "batch", "bedrock", "bedrock-agent", "bedrock-agent-runtime",
        "bedrock-runtime", "billingconductor", "braket", "cassandra", "cloudcontrolapi", "cloudformation", "cloudhsmv2",
        "cloudtrail", "codeartifact.api", "codeartifact.repositories", "codebuild", "codecommit", "codedeploy",
        "codedeploy-commands-secure", "codeguru-profiler", "codeguru-reviewer", "codepipeline", "codestar-connections.api",
        "comprehend", "comprehendmedical", "config", "connect-campaigns", "databrew", "dataexchange", "datasync", "datazone",
        "detective", "devops-guru", "dms", "ds", "dynamodb", "ebs", "ec2", "ec2messages", "ecr.api", "ecr.dkr", "ecs", "ecs-agent",
        "ecs-telemetry", "eks", "eks-auth", "elasticache", "elasticbeanstalk", "elasticbeanstalk-health", "elasticfilesystem",
        "elasticfilesystem-fips", "elasticloadbalancing", "elasticmapreduce", "email-smtp", "emr-containers", "emr-serverless",
        "events", "evidently", "execute-api", "finspace", "finspace-api", "fis", "forecast", "forecastquery", "frauddetector",
        "fsx", "git-codecommit", "glue", "grafana", "greengrass", "groundstation", "guardduty-data", "healthlake", "iam",
        "identitystore", "imagebuilder", "inspector2", "iot.data", "iot.credentials", "iot.fleethub.api", "iotsitewise.api",
        "iotsitewise.data", "iottwinmaker.api", "iottwinmaker.data", "kafka", "kafka-fips", "kendra", "kendra-ranking",
        "kinesis-firehose", "kinesis-streams", "kms", "kms-fips", "lakeformation", "lambda", "license-manager", "logs",
        "lookoutequipment", "lookoutmetrics", "lookoutvision", "m2", "macie2", "managedblockchain", "memory-db", "mgn",
        "migrationhub-orchestrator", "monitoring", "neptune-graph", "network-firewall", "nimble", "omics.analytics",
        "omics.control-storage", "omics.storage", "omics.tags", "omics.workflows", "panorama", "pipes", "pipes-data", "polly",
        "private-networks", "profile", "proton", "qldb.session", "ram", "rbin", "rds", "rds-data", "redshift", "redshift-data",
        "redshift-serverless", "refactor-spaces", "rekognition", "resource-groups", "robomaker", "rolesanywhere", "route53resolver",
        "rum", "rum-dataplane", "s3", "s3-outposts", "s3express", "sagemaker.api", "sagemaker.featurestore-runtime",
        "sagemaker.metrics", "sagemaker.runtime", "sagemaker.runtime-fips", "scheduler", "schemas", "sdb", "secretsmanager",
        "securityhub", "securitylake", "servicecatalog", "servicecatalog-appregistry", "servicediscovery",
        "servicediscovery-fips", "signin", "simspaceweaver", "sms", "sms-voice", "snow-device-management", "sns", "sqs", "ssm",
        "ssm-contacts", "ssm-incidents", "ssmmessages", "states", "storagegateway", "sts", "swf", "synthetics", "tagging",
        "textract", "timestream-influxdb", "transcribe", "transcribestreaming", "transfer", "transfer.server", "translate",
        "verifiedpermissions", "voiceid", "vpc-lattice", "wisdom", "workspaces", "x-ray", "xray",
    ]

    /// AWS's commercial, GovCloud and China regions (`aws ec2 describe-regions --all-regions`).
    public static let regions: [String] = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ca-central-1", "ca-west-1", "cn-north-1", "cn-northwest-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
        "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1",
        "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1", "us-west-1", "us-west-2",
    ]

    /// How AWS names `service` in DNS: its exception, else `SERVICE.REGION.amazonaws.com`.
    public static func form(of service: String) -> ServiceDNSForm {
        exceptions.first { $0.service == service }
            ?? ServiceDNSForm(service: service, label: service, wildcardPrivateName: false, wildcardEndpointNames: false)
    }

    public static func isKnownService(_ service: String) -> Bool { known.contains(service) }
    public static func isKnownRegion(_ region: String) -> Bool { regions.contains(region) }

    /// The AWS service (and region) a public DNS name belongs to, when it is one of the forms above:
    /// `s3.eu-west-1.amazonaws.com`, `my-bucket.s3.eu-west-1.amazonaws.com`, `api.ecr.eu-west-1.amazonaws.com`.
    public static func service(forName name: String) -> ServiceName? {
        var text = name.lowercased()
        while text.hasSuffix(".") { text.removeLast() }
        guard text.hasSuffix(".amazonaws.com"), !text.hasSuffix(".vpce.amazonaws.com") else { return nil }
        let labels = text.dropLast(".amazonaws.com".count).split(separator: ".").map(String.init)
        guard let regionIndex = labels.lastIndex(where: Regions.looksLikeRegion), regionIndex == labels.count - 1 else { return nil }
        let region = labels[regionIndex]
        let before = Array(labels[..<regionIndex])
        // The longest label (one or two DNS labels) that names a service, from the right.
        for take in [2, 1] where before.count >= take {
            let label = before.suffix(take).joined(separator: ".")
            if let exception = exceptions.first(where: { $0.label == label }) {
                if before.count > take && !exception.wildcardPrivateName { continue }
                return ServiceName(fullName: "com.amazonaws.\(region).\(exception.service)")
            }
            if take == 1, known.contains(label), exceptions.allSatisfy({ $0.service != label || $0.label == label }) {
                return ServiceName(fullName: "com.amazonaws.\(region).\(label)")
            }
        }
        return nil
    }
}
