import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// `relnotes preview` as a user runs it: a real server on a free port of 127.0.0.1,
/// rebuilding as files change, and a real browser (headless Chromium through
/// chromedriver) reading its pages.
@Suite("relnotes preview", .serialized, .onOwnThread)
struct PreviewServerTests {
    /// Starts `relnotes preview --port 0` on a copy of the `cycle` fixture.
    static func start() throws -> (root: URL, server: BackgroundProcess) {
        let root = try Fixtures.copy("projects/cycle")
        let server = try BackgroundProcess(Relnotes.executable, ["preview", "--port", "0", "--root", root.path])
        return (root, server)
    }

    static func edit(_ root: URL, _ path: String, _ change: (String) -> String) throws {
        let url = root.appending(path: path)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("serves every audience on 127.0.0.1, rebuilds on change, shows errors in the page and recovers")
    func serveAndRebuild() async throws {
        let (root, server) = try Self.start()
        defer { server.stop(); TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let address = try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/")
        let base = try #require(URL(string: address))

        let page = try await HTTP.get(base.appending(path: "external/releases/1.1.0/"))
        #expect(page.status == 200)
        #expect(page.body.contains("Parquet arrives."))
        #expect(page.headers["cache-control"] == "no-store")
        let generation = try await HTTP.get(base.appending(path: "_relnotes/generation")).body

        try Self.edit(root, "content/releases/1.1.0/release.md") { $0.replacingOccurrences(of: "Parquet arrives.", with: "Parquet has arrived.") }
        try await HTTP.eventually("the rebuild") {
            try await HTTP.get(base.appending(path: "external/releases/1.1.0/")).body.contains("Parquet has arrived.")
        }
        #expect(try await HTTP.get(base.appending(path: "_relnotes/generation")).body != generation)

        try Self.edit(root, "content/releases/1.1.0/CY-7-docs.md") { $0.replacingOccurrences(of: "type: upgrade", with: "type: upgrad") }
        try await HTTP.eventually("the error page") {
            try await HTTP.get(base.appending(path: "internal/")).body.contains("unknown type &#39;upgrad&#39; — did you mean &#39;upgrade&#39;?")
        }
        #expect(server.output.contains("content/releases/1.1.0/CY-7-docs.md:2:7: error: unknown type 'upgrad' — did you mean 'upgrade'?"), "errors show on the terminal too")

        try Self.edit(root, "content/releases/1.1.0/CY-7-docs.md") { $0.replacingOccurrences(of: "type: upgrad\n", with: "type: upgrade\n") }
        try await HTTP.eventually("the recovery") {
            try await HTTP.get(base.appending(path: "internal/")).body.contains("preview-banner")
        }
    }

    @Test("in a real browser: the banner, the audience switch, and pages that reload themselves", Browser.installed)
    func browser() async throws {
        let (root, server) = try Self.start()
        defer { server.stop(); TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let base = try #require(URL(string: try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/")))
        let browser = try await Browser.start()
        defer { browser.stop() }

        try await browser.open(base.appending(path: "internal/releases/1.1.0/"))
        let banner = try await browser.run("return document.querySelector('.preview-banner').innerText") as? String ?? ""
        #expect(banner.contains("Internal release notes") && banner.contains("drafts included"))
        #expect(try await browser.run("return document.body.innerText.includes('locks the exports table')") as? Bool == true)
        #expect(try await browser.run("return getComputedStyle(document.querySelector('.audience-only')).borderLeftStyle") as? String == "solid",
                "internal-only material is visibly marked")

        _ = try await browser.run("document.querySelector('.preview-switch a[href^=\"/external/\"]').click(); return true")
        try await HTTP.eventually("the switch to the external page") {
            try await browser.run("return location.pathname") as? String == "/external/releases/1.1.0/"
        }
        #expect(try await browser.run("return document.body.innerText.includes('locks the exports table')") as? Bool == false)

        _ = try await browser.run("window.relnotesBeforeReload = true; return true")
        try Self.edit(root, "content/releases/1.1.0/release.md") { $0.replacingOccurrences(of: "Parquet arrives.", with: "Parquet arrives today.") }
        try await HTTP.eventually("the page to reload by itself") {
            try await browser.run("return document.body.innerText.includes('Parquet arrives today.') && !window.relnotesBeforeReload") as? Bool == true
        }
    }

    @Test("in a real browser: the compare view, opened from the banner, shows both audiences side by side with internal-only material highlighted", Browser.installed)
    func compareView() async throws {
        let (root, server) = try Self.start()
        defer { server.stop(); TemporaryFolder.remove(root.deletingLastPathComponent()) }
        let base = try #require(URL(string: try await server.waitFor("http://127\\.0\\.0\\.1:[0-9]+/")))
        let browser = try await Browser.start()
        defer { browser.stop() }

        try await browser.open(base.appending(path: "internal/releases/1.1.0/"))
        try await HTTP.eventually("the compare link in the banner") {
            try await browser.run("return document.querySelector('.preview-banner .preview-compare a') !== null") as? Bool == true
        }
        _ = try await browser.run("document.querySelector('.preview-banner .preview-compare a').click(); return true")
        try await HTTP.eventually("the compare view") {
            try await browser.run("return location.pathname + location.search") as? String == "/_relnotes/compare/1.1.0?a=external&b=internal"
        }
        let onlyInternal = try await browser.run("""
            return Array.from(document.querySelectorAll('.compare-row.is-only-b .compare-cell[data-audience=internal]')).map(function (cell) { return cell.innerText; }).join(' | ')
            """) as? String ?? ""
        #expect(onlyInternal.contains("locks the exports table") && onlyInternal.lowercased().contains("only internal release notes"))
        #expect(try await browser.run("""
            return Array.from(document.querySelectorAll('.compare-cell[data-audience=external]')).some(function (cell) { return cell.innerText.includes('locks the exports table'); })
            """) as? Bool == false, "the external column does not show it")
        let highlight = try await browser.run("return getComputedStyle(document.querySelector('.compare-row.is-only-b .compare-cell.is-marked')).borderLeftColor") as? String
        #expect(highlight != nil && highlight != "rgba(0, 0, 0, 0)", "internal-only cells are visibly marked")
        #expect(try await browser.run("""
            var row = document.querySelector('.compare-row.is-same');
            var cells = row.querySelectorAll('.compare-cell');
            var left = cells[0].getBoundingClientRect(), right = cells[1].getBoundingClientRect();
            return left.right <= right.left && Math.abs(left.top - right.top) < 2
            """) as? Bool == true, "the two audiences stand side by side")
        #expect(try await browser.run("return document.body.innerText.includes('Parquet arrives.')") as? Bool == true)
    }
}

/// Headless Chromium driven through chromedriver's WebDriver protocol.
struct Browser {
    /// Tests that need the browser run only where Debian's chromium and chromium-driver are
    /// installed (`scripts/install-dependencies --tests`), and say they were skipped elsewhere.
    static var installed: ConditionTrait {
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver"),
                 "headless Chromium or chromedriver is not installed (scripts/install-dependencies --tests)")
    }

    let driver: BackgroundProcess
    let session: URL

    static func start() async throws -> Browser {
        let port = try FreePort.find()
        let driver = try BackgroundProcess(URL(fileURLWithPath: "/usr/bin/chromedriver"), ["--port=\(port)"])
        do {
            _ = try await driver.waitFor("started successfully|ChromeDriver was started")
        } catch {
            driver.stop()
            throw error
        }
        let endpoint = URL(string: "http://127.0.0.1:\(port)/")!
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": ["goog:chromeOptions": [
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        ]]]]
        let reply = try await HTTP.send("POST", endpoint.appending(path: "session"), json: capabilities) as? [String: Any]
        guard let value = reply?["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            driver.stop()
            throw BackgroundProcess.ProcessError(message: "no browser session: \(String(describing: reply))")
        }
        return Browser(driver: driver, session: endpoint.appending(path: "session/\(id)"))
    }

    func open(_ url: URL) async throws {
        _ = try await HTTP.send("POST", session.appending(path: "url"), json: ["url": url.absoluteString])
    }

    /// Runs JavaScript in the page and returns its result.
    func run(_ script: String) async throws -> Any? {
        let reply = try await HTTP.send("POST", session.appending(path: "execute/sync"), json: ["script": script, "args": []]) as? [String: Any]
        return reply?["value"]
    }

    func stop() {
        // Closing the session is tidying up: the driver is stopped next either way.
        _ = try? Command.output(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", "-X", "DELETE", session.absoluteString])
        driver.stop()
    }
}

/// A TCP port nothing listens on, found by binding port 0 and reading the port given.
enum FreePort {
    static func find() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) } }
        guard bound == 0 else { throw BackgroundProcess.ProcessError(message: "cannot bind a port") }
        withUnsafeMutablePointer(to: &address) { pointer in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
