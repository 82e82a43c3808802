import Testing
@testable import VPCModel

@Suite struct CIDRTests {
    @Test func parsesIPv4Blocks() throws {
        let cidr = try #require(CIDR("10.0.1.0/24"))
        #expect(cidr.description == "10.0.1.0/24")
        #expect(cidr.contains(IPAddress("10.0.1.10")!))
        #expect(!cidr.contains(IPAddress("10.0.2.10")!))
        #expect(CIDR("10.0.0.0/16")!.contains(cidr))
        #expect(!cidr.contains(CIDR("10.0.0.0/16")!))
    }

    @Test func rejectsMalformedBlocks() {
        for text in ["10.0.1.0", "10.0.1.0/33", "10.0.256.0/24", "10.0.1/24", "a.b.c.d/8", "10.0.1.0/-1", "010.0.1.0/24", ""] {
            #expect(CIDR.parse(text) == .failure(.malformed), "\(text)")
        }
    }

    @Test func reportsHostBits() {
        #expect(CIDR.parse("10.0.1.5/24") == .failure(.hostBitsSet(network: "10.0.1.0/24")))
    }

    @Test func overlapIsSymmetric() {
        let a = CIDR("10.0.0.0/23")!, b = CIDR("10.0.1.0/24")!, c = CIDR("10.0.2.0/24")!
        #expect(a.overlaps(b) && b.overlaps(a))
        #expect(!a.overlaps(c) && !c.overlaps(a))
    }

    @Test func parsesIPv6() throws {
        let any = try #require(CIDR("::/0"))
        #expect(any.isDefaultRoute)
        let block = try #require(CIDR("2001:db8::/56"))
        #expect(block.contains(IPAddress("2001:db8:0:ff::1")!))
        #expect(!block.contains(IPAddress("2001:db8:1::1")!))
        #expect(!block.contains(IPAddress("10.0.0.1")!))
        #expect(IPAddress("2001:db8::1") == IPAddress("2001:0db8:0:0:0:0:0:1"))
        #expect(IPAddress("1:2:3:4:5:6:7:8:9") == nil)
    }
}
