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
        // swift-mustache 2.1.1 with a patch that makes its lookups cheaper (Vendor/README.md).
        .package(path: "Vendor/swift-mustache"),
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
        // The stages, one target each, so that a dependency can only point down (README,
        // "Development", holds the diagram; StageDiagramTests keeps it true).
        // Values: the model, diagnostics, versions, dates; no disk, no libraries but Version.
        .target(
            name: "RelnotesModel",
            dependencies: [.product(name: "Version", package: "Version")]
        ),
        // The only importer of cmark: parse, extensions, audience containers, rendering.
        .target(name: "RelnotesMarkdown", dependencies: ["RelnotesModel", "CCmark"]),
        // Who sees what: the project cut down per audience.
        .target(name: "RelnotesAudience", dependencies: ["RelnotesModel"]),
        // The file system as the disk stages see it: listings, the project boundary, the staging lock.
        .target(name: "RelnotesFiles", dependencies: ["RelnotesModel"]),
        // Load: relnotes.yml, content/ and the project's templates/, read into values.
        .target(
            name: "RelnotesLoading",
            dependencies: ["RelnotesModel", "RelnotesMarkdown", "RelnotesFiles", .product(name: "Yams", package: "Yams")]
        ),
        // Release rules and sensitive patterns, over loaded values.
        .target(name: "RelnotesChecks", dependencies: ["RelnotesModel", "RelnotesMarkdown", "RelnotesAudience"]),
        // Render: view models, templates, notes, announcements, feed, JSON; the built-in theme.
        .target(
            name: "RelnotesRendering",
            dependencies: ["RelnotesModel", "RelnotesMarkdown", "RelnotesAudience", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedThemePlugin"]
        ),
        // Write: the atomic output folder and its manifest.
        .target(name: "RelnotesWriting", dependencies: ["RelnotesModel", "RelnotesFiles"]),
        // The pipeline: load → parse → check → filter → render → write, for the CLI and the preview.
        .target(
            name: "Relnotes",
            dependencies: ["RelnotesModel", "RelnotesMarkdown", "RelnotesAudience", "RelnotesLoading", "RelnotesChecks", "RelnotesRendering", "RelnotesWriting"]
        ),
        // The commands that edit a project: init, new entry, new release, import (git, TOML).
        .target(
            name: "RelnotesWorkflow",
            dependencies: [
                "RelnotesModel", "RelnotesMarkdown", "RelnotesFiles", "RelnotesLoading", "RelnotesChecks", "RelnotesWriting",
                .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The preview server: every audience's drafts build, served from memory, rebuilt on change.
        .target(
            name: "RelnotesPreview",
            dependencies: [
                "Relnotes", "RelnotesModel", "RelnotesMarkdown",
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
                "RelnotesModel",
                "RelnotesMarkdown",
                "RelnotesLoading",
                "RelnotesWorkflow",
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
            dependencies: [
                "RelnotesModel", "RelnotesMarkdown", "RelnotesAudience", "RelnotesFiles", "RelnotesLoading", "RelnotesChecks",
                "RelnotesRendering", "RelnotesWriting", "Relnotes", "RelnotesWorkflow", "RelnotesPreview", "RelnotesCLI",
                .product(name: "PropertyBased", package: "swift-property-based"), .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Release builds optimise across the stage targets — generic code specialised where it is
// called, small functions inlined — as when the library was one target: without it the
// preview's rebuild on the large benchmark corpus took 70% longer after the split.
for target in package.targets where target.type == .regular || target.type == .executable {
    target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]
}
