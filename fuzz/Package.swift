// swift-tools-version: 6.0
// SPDX-License-Identifier: GPL-2.0-or-later
//
// libFuzzer targets for the pure text code, outside watcherd's own package so that the test build
// never needs them. Built by `make fuzz` with `-sanitize=fuzzer,address`; each target's main.swift
// hands libFuzzer's driver (LLVMFuzzerRunDriver) a function that feeds the bytes to one entry point
// and traps on a broken invariant. Seeds come from ../shared/data (read in place by `make fuzz`).
import PackageDescription

let targets = ["FuzzDecoder", "FuzzHTML", "FuzzJSON", "FuzzTokenizer", "FuzzSentences"]

let package = Package(
    name: "watcherd-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "watcherd", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport", dependencies: [.product(name: "ArabicText", package: "watcherd")],
            swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzSupport", .product(name: "ArabicText", package: "watcherd")],
                swiftSettings: [.enableUpcomingFeature("ExistentialAny")])
        },
    swiftLanguageModes: [.v6]
)
