import Foundation
import TestSupport

/// An RGB image read from a PNG by way of `convert FILE.png ppm:-` (ImageMagick; transparent parts
/// come out white), so the tests need no image library.
struct Bitmap {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func read(png url: URL) throws -> Bitmap {
        // stdout straight into a file: the PPM is binary.
        let ppm = url.deletingPathExtension().appendingPathExtension("ppm")
        _ = FileManager.default.createFile(atPath: ppm.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: ppm) }
        let output = try FileHandle(forWritingTo: ppm)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["convert", url.path, "ppm:-"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "convert could not read \(url.lastPathComponent) (is ImageMagick installed? apt-get install imagemagick)")
        }
        return try parse(ppm: try Data(contentsOf: ppm))
    }

    /// The width and height a PNG file declares (its IHDR chunk).
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: url)
        guard data.count > 24, data.prefix(8) == Data([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) else { throw Failure(description: "not a PNG") }
        func be32(_ at: Int) -> Int { data[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    /// A binary PPM (P6, maxval 255).
    static func parse(ppm data: Data) throws -> Bitmap {
        var fields: [Int] = []
        var index = data.startIndex
        guard data.count > 2, data[index] == UInt8(ascii: "P"), data[index + 1] == UInt8(ascii: "6") else { throw Failure(description: "not a P6 PPM") }
        index += 2
        while fields.count < 3 {
            while index < data.endIndex, data[index] == 0x20 || data[index] == 0x0a || data[index] == 0x0d || data[index] == 0x09 { index += 1 }
            if data[index] == UInt8(ascii: "#") { while data[index] != 0x0a { index += 1 }; continue }
            var value = 0
            while index < data.endIndex, (0x30...0x39).contains(data[index]) { value = value * 10 + Int(data[index] - 0x30); index += 1 }
            fields.append(value)
        }
        index += 1
        let pixels = [UInt8](data[index...])
        guard fields[2] == 255, pixels.count >= fields[0] * fields[1] * 3 else { throw Failure(description: "unexpected PPM \(fields), \(pixels.count) bytes") }
        return Bitmap(width: fields[0], height: fields[1], pixels: pixels)
    }

    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * 3
        return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
    }

    static func rgb(hex: String) -> (Int, Int, Int) {
        let v = Int(hex.dropFirst(), radix: 16)!
        return ((v >> 16) & 255, (v >> 8) & 255, v & 255)
    }

    static func close(_ a: (Int, Int, Int), _ b: (Int, Int, Int), within tolerance: Int = 40) -> Bool {
        abs(a.0 - b.0) + abs(a.1 - b.1) + abs(a.2 - b.2) <= tolerance
    }

    /// The share of pixels in a box that are close to a colour.
    func share(of color: (Int, Int, Int), x: Int, y: Int, width w: Int, height h: Int) -> Double {
        var hits = 0, total = 0
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) {
                total += 1
                if Bitmap.close(rgb(xx, yy), color) { hits += 1 }
            }
        }
        return total == 0 ? 0 : Double(hits) / Double(total)
    }

    /// The smallest box holding every pixel that is not `background`.
    func extent(excluding background: (Int, Int, Int)) -> (width: Int, height: Int) {
        var maxX = -1, maxY = -1
        for y in 0..<height {
            for x in 0..<width where !Bitmap.close(rgb(x, y), background, within: 6) {
                maxX = max(maxX, x)
                maxY = max(maxY, y)
            }
        }
        return (maxX + 1, maxY + 1)
    }
}
