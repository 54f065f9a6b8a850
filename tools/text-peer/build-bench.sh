#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds .build/text-bench: the ArabicText sources plus tools/text-peer/bench/*.swift, optimised.
set -eu
cd "$(dirname "$0")/../.."
mkdir -p .build
swiftc -O -wmo -module-name TextBench Sources/ArabicText/*.swift tools/text-peer/bench/*.swift -o .build/text-bench
echo .build/text-bench
