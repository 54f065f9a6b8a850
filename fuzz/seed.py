#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Seed corpora for `make fuzz`, built from ../shared/data in place (written only under the
corpus directory given, which is outside the repository's tracked files).

    python3 fuzz/seed.py CORPUS_DIR

Writes CORPUS_DIR/<target>/ seeds: SaudiNewsNet plain text for the decoder, tokenizer and
sentence targets (also re-encoded as UTF-16 and Windows-1256 for the decoder), the first HTML
pages of trafilatura's evaluation set for FuzzHTML, and JSON articles for FuzzJSON.
"""
import glob
import io
import json
import os
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data")


def write(directory, name, data):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "wb") as out:
        out.write(data)


def main():
    corpus = sys.argv[1]
    texts = sorted(glob.glob(os.path.join(DATA, "articles", "saudinewsnet", "snn_*.txt")))[:200]
    if not texts:
        sys.exit(f"fuzz/seed.py: no SaudiNewsNet articles under {DATA}: the seeds need ../shared/data")
    for path in texts:
        data = open(path, "rb").read()[:8192]
        name = os.path.basename(path)
        for target in ["FuzzDecoder", "FuzzTokenizer", "FuzzSentences"]:
            write(os.path.join(corpus, target), name, data)
    for path in texts[:40]:
        text = open(path, "rb").read()[:4096].decode("utf-8", "ignore")
        name = os.path.basename(path)
        write(os.path.join(corpus, "FuzzDecoder"), name + ".utf16", text.encode("utf-16"))
        write(os.path.join(corpus, "FuzzDecoder"), name + ".cp1256", text.encode("cp1256", "ignore"))
    archive = os.path.join(DATA, "html-eval", "trafilatura-eval.tar.xz")
    if os.path.exists(archive):
        with tarfile.open(archive) as tar:
            count = 0
            for member in tar:
                if member.isfile() and member.name.endswith((".html", ".htm")) and count < 150:
                    data = tar.extractfile(member).read()[:65536]
                    write(os.path.join(corpus, "FuzzHTML"), f"page-{count}.html", data)
                    count += 1
    for path in texts[:100]:
        lines = open(path, encoding="utf-8").read().split("\n", 2)
        article = {"title": lines[0], "body": lines[-1][:4000], "url": "https://example.org/a", "lang": "ar"}
        name = os.path.basename(path) + ".json"
        write(os.path.join(corpus, "FuzzJSON"), name, json.dumps(article, ensure_ascii=False).encode())
    schema = {"@type": "NewsArticle", "headline": "h", "articleBody": "نص", "author": [{"name": "a"}]}
    write(os.path.join(corpus, "FuzzJSON"), "schema.json", json.dumps(schema, ensure_ascii=False).encode())
    write(os.path.join(corpus, "FuzzJSON"), "array.json", b'[{"title":"a","body":"b"},{"title":"c","body":"d"}]')
    write(os.path.join(corpus, "FuzzHTML"), "feed.xml", b'<?xml version="1.0"?><rss><channel></channel></rss>')


if __name__ == "__main__":
    main()
