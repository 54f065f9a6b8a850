// swift-tools-version: 6.0
//
// watcherd: an inotify-driven daemon that turns Arabic (and other) news articles dropped into an
// inbox into one JSON document each. See README.md and ../shared/DESIGN.md.
import PackageDescription

let swift6: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "watcherd",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "watcherd", targets: ["watcherd"]),
        .library(name: "Pipeline", targets: ["Pipeline"]),
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
        // The configuration file (TOML; toml++ underneath, which reports parse errors by line).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        // Metrics API, and its Prometheus text-format exporter.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CInotify",
            path: "Sources/CInotify",
            providers: [.apt(["libinotifytools0-dev"])]
        ),
        // syncfs(2) for batched durable writes: Glibc exports it only under _GNU_SOURCE.
        .target(name: "CLinux", path: "Sources/CLinux"),
        .target(
            name: "Pipeline",
            dependencies: [
                "CInotify",
                "CLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swift6
        ),
        // What running watcherd as a service needs beside the pipeline: the configuration file and
        // its validation, the status file, the processing-log reader for `tail`, the journald log
        // handler, metrics, the watchdog's health rule, the progress bar. Pure where it can be.
        .target(
            name: "Operations",
            dependencies: [
                "Pipeline",
                "CLinux",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swift6
        ),
        .executableTarget(
            name: "watcherd",
            dependencies: [
                "Pipeline",
                "Operations",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: swift6
        ),
        .testTarget(
            name: "PipelineTests",
            dependencies: ["Pipeline", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swift6
        ),
        .testTarget(
            name: "OperationsTests",
            dependencies: ["Operations", "Pipeline", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swift6
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["Pipeline", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swift6
        ),
    ],
    swiftLanguageModes: [.v6]
)
