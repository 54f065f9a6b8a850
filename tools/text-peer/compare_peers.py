#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Compare watcherd's Arabic normaliser with two well-known peers, and their throughput.

Peers (offline parts only):
  * pyarabic 0.6.x  -- araby.normalize_ligature, strip_tashkeel, strip_tatweel, normalize_alef,
                       normalize_teh (+ ى->ي and digit folding added here, which pyarabic lacks)
  * camel_tools 1.6 -- utils.normalize.normalize_unicode (NFKC), utils.dediac.dediac_ar,
                       normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar
                       (+ digit folding added here)
Both peer pipelines are configured to match watcherd's default profile "ar-norm-v1" as closely
as their APIs allow, so the remaining disagreements are differences of rule, reported by the
first differing character of each differing whitespace-separated word.

Ours comes from .build/text-bench (tools/text-peer/build-bench.sh), run as a subprocess:
`text-bench normalize DIR` (normalised text per file) and `text-bench bench DIR N` (throughput of
decode + normalise + paragraphs + sentences + tokens, best of N runs, one core).

The peers' throughput is measured in this process on the same files, best of N runs:
  * pyarabic: decode + normalise + araby.sentence_tokenize + araby.tokenize
  * camel_tools: decode + normalise (its word tokenizer needs the `regex` package, not installed)

Usage: python3 tools/text-peer/compare_peers.py [DIR] [--runs N] [--examples K]
Setup: pip install pyarabic emoji && pip install --no-deps camel-tools
"""
import argparse
import collections
import difflib
import json
import os
import subprocess
import sys
import time
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_DIR = os.path.join(ROOT, "..", "shared", "data", "articles", "saudinewsnet")
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹٫٬٪", "01234567890123456789.,%")


def pyarabic_normalize(text, araby):
    t = araby.normalize_ligature(text)
    t = araby.strip_tashkeel(t)
    t = araby.strip_tatweel(t)
    t = araby.normalize_alef(t)
    t = araby.normalize_teh(t)
    return t.replace("ى", "ي").translate(DIGITS)


def camel_normalize(text, cn, dediac_ar):
    t = cn.normalize_unicode(text)
    t = dediac_ar(t)
    t = cn.normalize_alef_ar(t)
    t = cn.normalize_alef_maksura_ar(t)
    t = cn.normalize_teh_marbuta_ar(t)
    return t.translate(DIGITS)


def describe(ch):
    if ch is None:
        return "(nothing)"
    return f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}"


def reason(ours, peer):
    """The first differing character of two words, as a reason key."""
    for a, b in zip(ours, peer):
        if a != b:
            return f"ours {describe(a)} / peer {describe(b)}"
    if len(ours) > len(peer):
        return f"ours keeps {describe(ours[len(peer)])} / peer drops it"
    return f"peer keeps {describe(peer[len(ours)])} / ours drops it"


def compare(ours_texts, peer_texts, examples):
    reasons = collections.Counter()
    samples = collections.defaultdict(list)
    words = differing = articles = 0
    for name, ours in ours_texts.items():
        peer = peer_texts[name]
        a, b = ours.split(), peer.split()
        words += len(a)
        if a == b:
            continue
        articles += 1
        sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            pairs = list(zip(a[i1:i2], b[j1:j2])) or [(" ".join(a[i1:i2]), " ".join(b[j1:j2]))]
            for x, y in pairs:
                if x == y:
                    continue
                differing += 1
                key = reason(x, y)
                reasons[key] += 1
                if len(samples[key]) < examples:
                    samples[key].append(f"{name}: ours «{x}» peer «{y}»")
    return {"words": words, "differing_words": differing, "articles_with_differences": articles,
            "reasons": [{"reason": k, "count": c, "examples": samples[k]} for k, c in reasons.most_common()]}


def best_time(fn, runs):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir", nargs="?", default=DEFAULT_DIR)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--examples", type=int, default=2)
    ap.add_argument("--bench", default=os.path.join(ROOT, ".build", "text-bench"))
    args = ap.parse_args()

    import pyarabic.araby as araby
    import camel_tools.utils.normalize as cn
    from camel_tools.utils.dediac import dediac_ar

    names = sorted(n for n in os.listdir(args.dir) if n.endswith(".txt") and n != "SOURCE.txt")
    blobs = {}
    for n in names:
        with open(os.path.join(args.dir, n), "rb") as f:
            blobs[n] = f.read()
    total = sum(len(b) for b in blobs.values())

    if not os.path.exists(args.bench):
        sys.exit(f"{args.bench} missing: run tools/text-peer/build-bench.sh first")
    out = subprocess.run([args.bench, "normalize", args.dir], check=True, capture_output=True, text=True).stdout
    ours = {}
    for line in out.splitlines():
        rec = json.loads(line)
        ours[rec["file"]] = rec["normalized"]
    ours_bench = json.loads(subprocess.run([args.bench, "bench", args.dir, str(max(args.runs, 3))],
                                           check=True, capture_output=True, text=True).stdout)

    # The peers get the same text ours decoded (UTF-8, BOM stripped, CRLF -> LF).
    def decode(b):
        return b.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")

    texts = {n: decode(b) for n, b in blobs.items() if n in ours}
    py = {n: pyarabic_normalize(t, araby) for n, t in texts.items()}
    cm = {n: camel_normalize(t, cn, dediac_ar) for n, t in texts.items()}

    def run_pyarabic():
        for b in blobs.values():
            t = pyarabic_normalize(decode(b), araby)
            for s in araby.sentence_tokenize(t):
                araby.tokenize(s)

    def run_camel():
        for b in blobs.values():
            camel_normalize(decode(b), cn, dediac_ar)

    t_py = best_time(run_pyarabic, args.runs)
    t_cm = best_time(run_camel, args.runs)
    report = {
        "files": len(texts),
        "bytes": total,
        "throughput_mb_per_s": {
            "ours (decode+normalise+paragraphs+sentences+tokens, Swift -O, 1 core)": round(ours_bench["mb_per_s"], 2),
            "pyarabic (decode+normalise+sentence_tokenize+tokenize)": round(total / 1e6 / t_py, 2),
            "camel_tools (decode+normalise only)": round(total / 1e6 / t_cm, 2),
        },
        "ours_tokens": ours_bench["tokens"],
        "vs_pyarabic": compare({n: ours[n] for n in texts}, py, args.examples),
        "vs_camel_tools": compare({n: ours[n] for n in texts}, cm, args.examples),
    }
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
