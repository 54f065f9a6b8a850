#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Builds Sources/ArticleExtraction/Resources/keywords/document-frequencies.tsv: in how many SaudiNewsNet articles each
keyword term (a light stem, or two adjacent stems) occurs, for the TF-IDF of the keywords analyzer.

Reads the 31,030 articles of ../shared/data/unlabeled/saudinewsnet-json (daily zipped JSON; SaudiNewsNet, M. Alhagri
2015, CC BY-NC-SA 4.0) in place, drops exact duplicate texts, and streams them as JSON lines to
`watcherd keywords count`, which tokenises them with the daemon's own tokenizer (so the table and the analyzer share
one vocabulary) and writes the table. The table is a derived work of SaudiNewsNet and inherits CC BY-NC-SA 4.0.

Usage: tools/build-keyword-frequencies.py [--watcherd BIN] [--data DIR] [--minimum-word N] [--minimum-pair N]
"""
import argparse
import json
import os
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
OUT = os.path.join(REPO, "Sources", "ArticleExtraction", "Resources", "keywords", "document-frequencies.tsv")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--watcherd", default=os.path.join(REPO, ".build", "release", "watcherd"))
    ap.add_argument("--data", default=os.path.join(REPO, "..", "shared", "data", "unlabeled", "saudinewsnet-json"))
    ap.add_argument("--minimum-word", default="3")
    ap.add_argument("--minimum-pair", default="10")
    args = ap.parse_args()
    zips = sorted(f for f in os.listdir(args.data) if f.endswith(".zip"))
    if not zips:
        sys.exit(f"no zips in {args.data}")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    comments = ["keyword-term document frequencies: tools/build-keyword-frequencies.py over SaudiNewsNet "
                f"({len(zips)} daily zips, exact duplicates dropped)",
                "SaudiNewsNet: M. Alhagri, 2015, CC BY-NC-SA 4.0; this table is derived from it and inherits the licence",
                f"kept: single stems in >= {args.minimum_word} documents, stem pairs in >= {args.minimum_pair}"]
    cmd = [args.watcherd, "keywords", "count", "--output", OUT, "--minimum-word", args.minimum_word,
           "--minimum-pair", args.minimum_pair]
    for c in comments:
        cmd += ["--comment", c]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, text=True, encoding="utf-8")
    seen = set()
    for name in zips:
        with zipfile.ZipFile(os.path.join(args.data, name)) as z:
            for member in z.namelist():
                for article in json.loads(z.read(member).decode("utf-8")):
                    text = article.get("content") or ""
                    key = hash(text)
                    if not text or key in seen:
                        continue
                    seen.add(key)
                    proc.stdin.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    proc.stdin.close()
    return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
