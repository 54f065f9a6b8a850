// swift-tools-version: 6.0
// SPDX-License-Identifier: GPL-2.0-or-later
//
// watcherd: an inotify-driven daemon that turns Arabic (and other) news articles dropped into an
// inbox into one JSON document each. See README.md and ../shared/DESIGN.md.
//
// Layers, each its own target: ArabicText (decoding, normalisation, segmentation, tokens; pure)
// <- ArticleExtraction (the analyzers and the document they fill; pure) <- Pipeline (inotify,
// intake, the Dispatch engine, output) <- watcherd (the executable). Benchmarks live in
// bench/extract (a package of their own) and tools/text-peer, outside the test build.
import PackageDescription

/// The strict settings every target gets (Swift 6 language mode is set package-wide below).
let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "watcherd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "watcherd", targets: ["watcherd"]),
        .library(name: "ArabicText", targets: ["ArabicText"]),
        .library(name: "ArticleExtraction", targets: ["ArticleExtraction"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
        .library(name: "ArticlePages", targets: ["ArticlePages"]),
    ],
    dependencies: [
        // CLI parsing: the standard Swift argument parser.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Logging API used across the server ecosystem (journald-friendly stderr handler).
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // FilePath keeps file names as bytes (non-UTF-8 names survive); FileDescriptor wraps open(2).
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // SHA-256 content identity (BoringSSL-backed on Linux).
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        // Deque for the bounded stage queues, Heap for settle deadlines.
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        // The ledger: SQLite through a well-kept, concurrency-safe wrapper (Debian libsqlite3-dev).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Ordered start-up and graceful shutdown of the daemon's long-running parts (signals included).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        // The configuration file (TOML; toml++ underneath, which reports parse errors by line).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Metrics API, and its Prometheus text-format exporter.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        // The shared ledger of several hosts, and the documents table: PostgreSQL through postgres-nio
        // (SwiftNIO underneath; its PostgresClient pools connections and is a ServiceLifecycle Service).
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CInotify",
            path: "Sources/CInotify",
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        // syncfs(2) for batched durable writes: Glibc exports it only under _GNU_SOURCE.
        .target(name: "CLinux", path: "Sources/CLinux"),
        .target(name: "ArabicText", swiftSettings: strict),
        .target(
            name: "ArticleExtraction",
            dependencies: ["ArabicText"],
            resources: [.copy("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "ArabicText",
                "ArticleExtraction",
                "CInotify",
                "CLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        // What running watcherd as a service needs beside the pipeline: the configuration file and
        // its validation, the status file, the processing-log reader for `tail`, the journald log
        // handler, metrics, the watchdog's health rule, the progress bar. Pure where it can be.
        .target(
            name: "Operations",
            dependencies: [
                "ArabicText",
                "ArticleExtraction",
                "Pipeline",
                "CLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // The analyst's pages: an article page (`watcherd show`) and the digest of an output tree
        // (`watcherd digest`). Rendering/ and Digest/ are pure (documents in, HTML out); Reading/
        // holds the one place that reads files.
        .target(name: "ArticlePages", swiftSettings: strict),
        .executableTarget(
            name: "watcherd",
            dependencies: [
                "ArticleExtraction",
                "ArticlePages",
                "Pipeline",
                "Operations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        // Test helpers shared by the test targets (the shared evaluation data, temporary trees).
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "ArabicTextTests", dependencies: ["ArabicText", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "ArticleExtractionTests",
            dependencies: ["ArabicText", "ArticleExtraction", "TestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: [
                "ArabicText", "ArticleExtraction", "Pipeline", "TestSupport",
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "OperationsTests",
            dependencies: [
                "ArticleExtraction", "Operations", "Pipeline", .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ArticlePagesTests",
            dependencies: [
                "ArticlePages", "ArticleExtraction", "Pipeline", "TestSupport",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "ArticleExtraction", "Pipeline", "TestSupport",
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
