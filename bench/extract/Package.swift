// swift-tools-version: 6.0
// SPDX-License-Identifier: GPL-2.0-or-later
//
// The extraction benchmark, outside watcherd's own package so that its test build never needs it
// (swift-log keeps its benchmarks apart the same way). `make bench-build` builds it in release
// mode; bench/run.py runs `watcherd-bench-extract --files DIR` for the "extraction alone" figure.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "watcherd-bench",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "watcherd", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        .executableTarget(
            name: "watcherd-bench-extract",
            dependencies: [
                .product(name: "ArabicText", package: "watcherd"),
                .product(name: "ArticleExtraction", package: "watcherd"),
                .product(name: "Pipeline", package: "watcherd"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExtractionBenchmarkTests",
            dependencies: ["watcherd-bench-extract"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
