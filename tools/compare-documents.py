#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Compare the documents two watcherd binaries make of the same inputs (issue 9's proof that a
restructuring changed nothing).

    tools/compare-documents.py OLD_WATCHERD NEW_WATCHERD [DIR] [--ignore KEY ...]

Runs `OLD process FILE...` and `NEW process FILE...` over every regular file in DIR (default:
../shared/data/articles/saudinewsnet, read in place; SOURCE.txt and MANIFEST.tsv left out), one
JSON document per line, and compares them document by document after removing what is allowed to
differ: `source.received_at` (the time of the run), `pipeline.stage_ms` (timings, whose keys are
allowed to change) and the keys named with --ignore (e.g. `metadata`, a new object). Prints the
number of documents, the number identical, and the first differences; exits 1 when any differ.
Stdout and stderr of both runs must also agree on which inputs failed.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "articles" / "saudinewsnet"


def documents(binary: str, files: list[str]) -> tuple[dict[str, dict], list[str]]:
    run = subprocess.run([binary, "process", *files], capture_output=True, text=True)
    by_path = {}
    for line in run.stdout.splitlines():
        document = json.loads(line)
        by_path[document["source"]["path"]] = document
    failures = sorted(line for line in run.stderr.splitlines() if line.strip())
    return by_path, failures


def comparable(document: dict, ignored: list[str]) -> dict:
    document = json.loads(json.dumps(document))
    document["source"].pop("received_at", None)
    document["pipeline"].pop("stage_ms", None)
    for key in ignored:
        document.pop(key, None)
    return document


def first_difference(a, b, path="") -> str:
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}.{key}: only in {'new' if key not in a else 'old'}"
            if a[key] != b[key]:
                return first_difference(a[key], b[key], f"{path}.{key}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} items"
        for index, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, f"{path}[{index}]")
    return f"{path}: {str(a)[:120]!r} vs {str(b)[:120]!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("dir", nargs="?", default=str(DEFAULT_DIR))
    parser.add_argument("--ignore", action="append", default=[], help="a top-level key allowed to differ")
    args = parser.parse_args()
    directory = Path(args.dir)
    if not directory.is_dir():
        print(f"compare-documents: no such directory: {directory}", file=sys.stderr)
        return 2
    files = sorted(str(p) for p in directory.iterdir()
                   if p.is_file() and p.name not in ("SOURCE.txt", "MANIFEST.tsv"))
    old, old_failures = documents(args.old, files)
    new, new_failures = documents(args.new, files)
    stage_keys_old = sorted({k for d in old.values() for k in d["pipeline"].get("stage_ms", {})})
    stage_keys_new = sorted({k for d in new.values() for k in d["pipeline"].get("stage_ms", {})})
    new_keys = sorted({k for d in new.values() for k in d} - {k for d in old.values() for k in d})
    differing = []
    for path in sorted(set(old) | set(new)):
        if path not in old or path not in new:
            differing.append((path, "only in " + ("new" if path not in old else "old")))
            continue
        a, b = comparable(old[path], args.ignore), comparable(new[path], args.ignore)
        if a != b:
            differing.append((path, first_difference(a, b)))
    print(f"inputs: {len(files)} in {directory}")
    print(f"documents: old {len(old)}, new {len(new)}; failures: old {len(old_failures)}, new {len(new_failures)}")
    print(f"top-level keys only in new documents: {', '.join(new_keys) or '(none)'}; ignored: {', '.join(args.ignore) or '(none)'}")
    print(f"stage_ms keys: old {stage_keys_old}; new {stage_keys_new}")
    failures_agree = [f.split(": ", 1)[-1] for f in old_failures] == [f.split(": ", 1)[-1] for f in new_failures]
    print(f"failures agree: {failures_agree}")
    print(f"identical after removing received_at, stage_ms and the ignored keys: {len(old) - len(differing)} of {len(old)}")
    for path, difference in differing[:20]:
        print(f"  differs: {path}: {difference}")
    return 0 if not differing and failures_agree else 1


if __name__ == "__main__":
    sys.exit(main())
