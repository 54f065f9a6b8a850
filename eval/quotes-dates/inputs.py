#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Writes one JSON input per labelled article for the daemon: {"title", "text", "published"}, the text as
`articles.body_text` derives it and `published` the label's reference date, so that the daemon resolves relative
dates as the labels do. Scoring what the daemon writes:

    python3 eval/quotes-dates/inputs.py /tmp/qd-inputs
    watcherd process /tmp/qd-inputs/*.json > /tmp/qd-documents.jsonl
    watcherd eval quotes-dates --documents /tmp/qd-documents.jsonl

Usage: inputs.py OUTDIR [--labels FILE] [--data DIR]. The inputs hold article text: keep them outside the repository.
"""

import argparse
import json
from pathlib import Path

import articles


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--labels", default=str(articles.HERE / "labels.jsonl"))
    ap.add_argument("--data")
    args = ap.parse_args()
    root = articles.data_dir(args.data)
    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for line in open(args.labels, encoding="utf-8"):
        if not line.strip():
            continue
        record = json.loads(line)
        name = record["file"]
        raw = (root / articles.CORPUS / name).read_text(encoding="utf-8")
        title = raw.partition("\n")[0].strip()
        doc = {"title": title, "text": articles.body_text(root, name), "published": record["reference_date"]}
        (out / (Path(name).stem + ".json")).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        n += 1
    print(f"{n} inputs in {out}")


if __name__ == "__main__":
    main()
