import AWSImport
import Foundation
import Testing

// TEMPORARY: dumps an imported snapshot named by DUMP_SNAPSHOT.
@Test func debugDump() throws {
    guard let path = ProcessInfo.processInfo.environment["DUMP_SNAPSHOT"] else { return }
    let result = importAWSSnapshot(at: path, displayPath: "snap")
    var out = ""
    dump(result.topology, to: &out)
    for d in result.diagnostics { out += "\(d)\n" }
    for d in result.topology.validate() { out += "VALIDATE: \(d)\n" }
    try out.write(toFile: path + ".dump", atomically: true, encoding: .utf8)
}
