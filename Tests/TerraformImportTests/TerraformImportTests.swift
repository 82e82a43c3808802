import Testing
@testable import TerraformImport
