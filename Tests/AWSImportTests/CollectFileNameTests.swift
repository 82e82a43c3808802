@testable import AWSCollect
import Testing

/// Ids in AWS's answers name files of the snapshot: none can lead outside it.
@Suite struct CollectFileNameTests {
    @Test func idsFromAnswersStayOneFileName() {
        let calls = CollectionPlan.resourceCalls(region: "eu-west-1", vpcIDs: ["vpc-1/../../x", "vpc-0a1b2c3d4e5f60718"],
                                                 resolverEndpointIDs: ["../../rslvr"])
            + CollectionPlan.zoneCalls(region: "eu-west-1", zoneIDs: ["Z1/../../../etc"])
            + CollectionPlan.regionalCalls(region: "../up")
        for call in calls {
            let parts = call.fileName.split(separator: "/", omittingEmptySubsequences: false)
            #expect(parts.count == 2, "\(call.fileName)")
            #expect(!parts.contains { $0 == ".." || $0 == "." || $0.isEmpty || $0.hasPrefix(".") }, "\(call.fileName)")
        }
        #expect(calls.map(\.fileName).contains("eu-west-1/describe-vpc-attribute.vpc-0a1b2c3d4e5f60718.enableDnsSupport.json"))
        #expect(calls.map(\.fileName).contains("eu-west-1/describe-vpc-attribute.vpc-1_2F.._2F.._2Fx.enableDnsSupport.json"))
    }
}
