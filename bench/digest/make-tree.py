#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Builds a synthetic output tree for measuring `watcherd digest`: N documents made by copying a few
real documents (from `watcherd process`) and varying their identity, path, outlet and received time.

Usage: make-tree.py SEED_DIR OUT_DIR [N]   (N defaults to 30000)

SEED_DIR holds documents (*.json). Nothing of the corpus is stored here: the seeds are produced on
the machine that measures (see bench/digest/README.md), and the tree goes to a temporary directory.
"""
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone


def main() -> None:
    seed_dir, out_dir = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 30000
    seeds = []
    for name in sorted(os.listdir(seed_dir)):
        if name.endswith(".json"):
            with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
                seeds.append(json.load(f))
    if not seeds:
        sys.exit(f"no documents in {seed_dir}")
    rng = random.Random(14)
    now = datetime.now(timezone.utc)
    outlets = ["alriyadh", "okaz", "aawsat", "almadina", "aljazirah", "sabq", "3alyoum", "alwatan"]
    for i in range(count):
        document = json.loads(json.dumps(seeds[i % len(seeds)]))
        outlet = outlets[i % len(outlets)]
        received = now - timedelta(seconds=rng.randrange(0, 48 * 3600))
        document["id"] = "sha256:%064x" % i
        source = document["source"]
        source["path"] = f"{outlet}/{i:05d}.txt"
        source["name"] = f"{i:05d}.txt"
        source["sha256"] = "%064x" % i
        source["received_at"] = received.strftime("%Y-%m-%dT%H:%M:%S.") + f"{received.microsecond // 1000:03d}Z"
        directory = os.path.join(out_dir, outlet, f"{i // 1000:02d}")
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"{i:05d}.txt.json"), "w", encoding="utf-8") as f:
            json.dump(document, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
