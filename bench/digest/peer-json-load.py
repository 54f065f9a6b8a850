#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""The peer for `watcherd digest`: one Python process, json.load over every document of a tree,
tallying what the digest tallies (languages, entities by articles and mentions, speakers, hours).

Usage: peer-json-load.py OUTPUT_DIR
"""
import collections
import json
import os
import sys
import time


def main() -> None:
    root = sys.argv[1]
    started = time.monotonic()
    languages = collections.Counter()
    entities = collections.Counter()
    mentions = collections.Counter()
    speakers = collections.Counter()
    hours = collections.Counter()
    documents = unreadable = 0
    for directory, _, names in os.walk(root):
        for name in names:
            if not name.endswith(".json") or name.startswith(".") or name.endswith(".error.json"):
                continue
            try:
                with open(os.path.join(directory, name), encoding="utf-8") as f:
                    document = json.load(f)
            except (OSError, ValueError):
                unreadable += 1
                continue
            documents += 1
            languages[document.get("language", {}).get("code", "und")] += 1
            for entry in document.get("entity_index", []):
                key = (entry["type"], entry["canonical"])
                entities[key] += 1
                mentions[key] += entry.get("mentions", 0)
            for quote in document.get("quotes", []):
                speaker = quote.get("speaker_canonical") or quote.get("speaker")
                if speaker:
                    speakers[speaker] += 1
            hours[document.get("source", {}).get("received_at", "")[:13]] += 1
    elapsed = time.monotonic() - started
    print(f"peer: {documents} documents ({unreadable} unreadable) in {elapsed:.2f} s; "
          f"{len(entities)} entities, {len(speakers)} speakers, {len(hours)} hours", file=sys.stderr)


if __name__ == "__main__":
    main()
