#!/bin/sh
# Builds .build/text-bench: the Text/ sources plus tools/text-peer/bench/main.swift, optimised.
set -eu
cd "$(dirname "$0")/../.."
mkdir -p .build
swiftc -O -wmo -module-name TextBench Sources/Pipeline/Text/*.swift tools/text-peer/bench/main.swift -o .build/text-bench
echo .build/text-bench
