import Testing
@testable import CloudFormationImport
