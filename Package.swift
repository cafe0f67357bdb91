// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "relnotes",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "relnotes", targets: ["relnotes"]),
        .library(name: "Relnotes", targets: ["Relnotes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/mxcl/Version", from: "2.1.0"),
        // The preview's HTTP server; without its swift-configuration trait, which relnotes does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        // Hummingbird's own dependencies, named because the preview's channel handlers use them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Tests only: property-based generation for the fuzz test (Tests/…/Robustness/FuzzTests.swift).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config; no cmark source is vendored.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The library: load → parse → filter → render → write.
        .target(
            name: "Relnotes",
            dependencies: [
                "CCmark",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Version", package: "Version"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ],
            plugins: ["EmbedThemePlugin"]
        ),
        // The preview server: every audience's drafts build, served from memory, rebuilt on change.
        .target(
            name: "RelnotesPreview",
            dependencies: [
                "Relnotes",
                // Hummingbird's HTTP server core on SwiftNIO; the preview's bounds are NIO channel handlers (README).
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The command line, thin over the library.
        .target(
            name: "RelnotesCLI",
            dependencies: [
                "Relnotes",
                "RelnotesPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "relnotes", dependencies: ["RelnotesCLI"]),
        // Build-time tool: embeds the top-level templates/ folder (the built-in theme) into the library.
        .executableTarget(name: "EmbedTheme"),
        .plugin(name: "EmbedThemePlugin", capability: .buildTool(), dependencies: ["EmbedTheme"]),
        .testTarget(
            name: "RelnotesTests",
            dependencies: ["Relnotes", "RelnotesCLI", "RelnotesPreview", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
