/// Facts about AWS regions the model derives values from.
public enum Regions {
    /// True for strings shaped like a region code: `eu-west-1`, `us-gov-west-1`, `ap-southeast-3`.
    public static func looksLikeRegion(_ text: String) -> Bool {
        // ASCII (every region name): the same test over bytes, without splitting.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var parts = 0, length = 0, firstLength = 0, digitsOnly = true, lettersOnly = true, earlierOK = true
            for byte in text.utf8 {
                if byte == UInt8(ascii: "-") {
                    if length == 0 || !lettersOnly { earlierOK = false }
                    if parts == 0 { firstLength = length }
                    parts += 1
                    length = 0; digitsOnly = true; lettersOnly = true
                } else {
                    length += 1
                    if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { digitsOnly = false }
                    if !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) { lettersOnly = false }
                }
            }
            return parts + 1 >= 3 && length > 0 && digitsOnly && earlierOK && firstLength == 2
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, let last = parts.last, !last.isEmpty, last.allSatisfy(\.isNumber) else { return false }
        return parts.dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter && $0.isLowercase } }
            && parts[0].count == 2
    }

    /// The region an availability zone belongs to: `eu-west-1a` → `eu-west-1`.
    public static func region(ofAvailabilityZone zone: String) -> String? {
        guard let last = zone.last, last.isLetter else { return nil }
        let region = String(zone.dropLast())
        return looksLikeRegion(region) ? region : nil
    }

    /// AWS-managed prefix lists for the gateway endpoint services, per region
    /// (`aws ec2 describe-prefix-lists`); they are the same in every account.
    /// Only ids checked against AWS documentation are listed; elsewhere the input names the id
    /// (`prefix_list:`), or the model says it does not know it.
    static let prefixLists: [String: [String: String]] = [
        "us-east-1": ["s3": "pl-63a5400a", "dynamodb": "pl-02cd2c6b"],
        "us-west-2": ["s3": "pl-68a54001", "dynamodb": "pl-00a54069"],
        "eu-west-1": ["s3": "pl-6da54004", "dynamodb": "pl-6fa54006"],
        "eu-central-1": ["s3": "pl-6ea54007", "dynamodb": "pl-66a5400f"],
    ]

    /// The prefix list id for `s3` or `dynamodb` in a region, when known.
    public static func prefixListID(service: String, region: String) -> String? {
        prefixLists[region]?[service]
    }
}
