@testable import Diagram
import Foundation
import Pipeline
import TestSupport
import Testing
import VPCModel

/// Real consumers draw our SVG: headless Chromium shows it through `<img>`, the way GitHub and
/// GitLab embed it (nothing external loads there), and rsvg-convert renders it. In both, every
/// icon is drawn (its box shows the icon's tile colour, not the node's background) and the image
/// has the size the SVG asks for.
@Suite(.serialized) struct BrowserRenderingTests {
    /// The page behind the image: a colour the diagrams never use.
    static let page = (255, 0, 255)

    struct Rendered {
        var directory: URL
        var name: String
        var geometry: SVGGeometry
        var svgURL: URL { directory.appendingPathComponent("\(name).svg") }
    }

    static func render(_ sample: String, theme: Theme = .auto) throws -> Rendered {
        let url = Paths.samples.appendingPathComponent(sample)
        let topology = try SampleRendering.load(url)
        let name = Pipeline.baseName(of: url.path)
        let pipeline = Pipeline(formats: [.svg], diagramOptions: DiagramOptions(theme: theme))
        let svg = try #require(pipeline.render(topology, name: name).files.first?.contents)
        let directory = Paths.temporaryDirectory("browser")
        try svg.write(to: directory.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
        return Rendered(directory: directory, name: name, geometry: try SVGGeometry(svg: svg))
    }

    static func chromium() throws -> String {
        let found = ["chromium", "chromium-browser", "google-chrome"].first { name in
            (try? Run.process("which", [name]))?.status == 0
        }
        return try #require(found, "headless Chromium is needed (Debian: apt-get install chromium)")
    }

    /// A screenshot of a page that embeds the SVG with `<img>`, at one CSS pixel per pixel.
    static func screenshot(_ rendered: Rendered, dark: Bool) throws -> Bitmap {
        let page = rendered.directory.appendingPathComponent("page.html")
        try """
        <!doctype html>
        <html><head><meta charset="utf-8"><style>html, body { margin: 0; padding: 0; background: #ff00ff; }</style></head>
        <body><img src="\(rendered.name).svg" alt="diagram"></body></html>
        """.write(to: page, atomically: true, encoding: .utf8)
        let shot = rendered.directory.appendingPathComponent(dark ? "dark.png" : "light.png")
        let size = rendered.geometry.pixelSize
        var arguments = ["60", try chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                         "--force-device-scale-factor=1", "--window-size=\(size.width + 40),\(size.height + 40)",
                         "--user-data-dir=\(rendered.directory.appendingPathComponent("profile").path)",
                         "--screenshot=\(shot.path)"]
        if dark { arguments.append("--force-dark-mode") }
        arguments.append(page.absoluteString)
        let result = try Run.process("timeout", arguments)
        #expect(result.status == 0, "chromium: \(result.stderr)")
        return try Bitmap.read(png: shot)
    }

    /// Every `<use>` shows its icon: most of its box has the icon's tile colour.
    static func expectIconsDrawn(_ bitmap: Bitmap, _ rendered: Rendered, by consumer: String) throws {
        #expect(rendered.geometry.icons.count > 10)
        for icon in rendered.geometry.icons {
            let kind = try #require(Icon(rawValue: String(icon.symbol.dropFirst("icon-".count))))
            let tile = Bitmap.rgb(hex: try #require(kind.tileColor))
            let box = rendered.geometry.pixels(icon.box)
            let share = bitmap.share(of: tile, x: box.x + 2, y: box.y + 2, width: box.width - 4, height: box.height - 4)
            #expect(share > 0.3, "\(consumer): icon \(kind) of '\(icon.owner)' not drawn at \(box) (\(Int(share * 100))% tile colour)")
        }
    }

    @Test(arguments: LayoutTests.samples)
    func chromiumShowsTheSVGThroughImgWithIconsAtItsSize(_ sample: String) throws {
        let rendered = try Self.render(sample)
        defer { try? FileManager.default.removeItem(at: rendered.directory) }
        let expected = rendered.geometry.pixelSize
        for dark in [false, true] {
            let bitmap = try Self.screenshot(rendered, dark: dark)
            let extent = bitmap.extent(excluding: Self.page)
            #expect(abs(extent.width - expected.width) <= 1 && abs(extent.height - expected.height) <= 1,
                    "\(sample): drawn \(extent), the SVG asks for \(expected)")
            try Self.expectIconsDrawn(bitmap, rendered, by: "chromium\(dark ? " (dark)" : "")")
            // The auto theme follows the viewer: the background is the palette's, light or dark.
            let background = Bitmap.rgb(hex: dark ? Palette.dark.background : Palette.light.background)
            #expect(Bitmap.close(bitmap.rgb(2, 2), background, within: 6), "\(sample) dark=\(dark): background \(bitmap.rgb(2, 2))")
        }
    }

    @Test(arguments: LayoutTests.samples)
    func rsvgConvertDrawsTheIconsAtTheSVGSize(_ sample: String) throws {
        for theme in [Theme.auto, .dark] {
            let rendered = try Self.render(sample, theme: theme)
            defer { try? FileManager.default.removeItem(at: rendered.directory) }
            let png = rendered.directory.appendingPathComponent("rsvg.png")
            let result = try Run.process("rsvg-convert", [rendered.svgURL.path, "-o", png.path])
            #expect(result.status == 0, "rsvg-convert: \(result.stderr)")
            let size = try Bitmap.pngSize(png)
            let expected = rendered.geometry.pixelSize
            #expect(abs(size.width - expected.width) <= 1 && abs(size.height - expected.height) <= 1, "\(sample): \(size) vs \(expected)")
            let bitmap = try Bitmap.read(png: png)
            try Self.expectIconsDrawn(bitmap, rendered, by: "rsvg-convert (\(theme))")
            let background = Bitmap.rgb(hex: theme.palette.background)
            #expect(Bitmap.close(bitmap.rgb(2, 2), background, within: 6))
        }
    }
}
