/// Why a collection stopped. Each says what to do about it.
public enum CollectError: Error, Equatable, Sendable, CustomStringConvertible {
    case awsNotFound
    case cannotRun(executable: String, reason: String)
    case denied(call: String, iamAction: String, message: String)
    case failed(call: String, exitCode: Int32, message: String)
    case notJSON(call: String, reason: String)
    case outputExists(path: String)
    case cannotWrite(path: String)
    /// A signal ended the collection (`CollectSession.interrupt()`).
    case interrupted

    public var description: String {
        switch self {
        case .awsNotFound:
            "the AWS CLI ('aws') is not in PATH; install it (AWS CLI v2, or 'pip install awscli') and configure credentials"
        case .cannotRun(let executable, let reason):
            "cannot run '\(executable)': \(reason)"
        case .denied(let call, let action, let message):
            "'\(call)' was denied: the credentials need the IAM action '\(action)' (see 'vpcgraph collect --print-iam-policy')\n  aws said: \(message)"
        case .failed(let call, let code, let message):
            "'\(call)' failed (exit \(code))" + (message.isEmpty ? "" : "\n  aws said: \(message)")
        case .notJSON(let call, let reason):
            "'\(call)' printed something that is not JSON: \(reason)"
        case .outputExists(let path):
            "'\(path)' already exists and is not empty; pass --force to replace it"
        case .cannotWrite(let path):
            "cannot write '\(path)'"
        case .interrupted:
            "interrupted"
        }
    }

    /// Reads AWS's "An error occurred (AccessDenied) when calling …" forms.
    static func isDenial(_ message: String) -> Bool {
        ["(AccessDenied", "(UnauthorizedOperation)", "(UnauthorizedAccess", "(AuthorizationError)", "is not authorized to perform", "not authorized to perform"]
            .contains { message.contains($0) }
    }
}
