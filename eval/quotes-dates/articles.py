# SPDX-License-Identifier: GPL-2.0-or-later

"""Shared helpers for the quotation/date evaluation set: where the articles are, their text as the daemon sees it.

The `text` field of the document watcherd writes for a plain-text SaudiNewsNet file is the file after its title line
and the blank line that follows, with C0 control characters other than tab and line feed removed (a few alyaum files
hold U+001A). Offsets in labels.jsonl are Unicode scalar (code point) offsets into that text, half-open [start, end).
`check.py --daemon BIN` compares this derivation with the daemon's own output.
"""

import csv
import os
import re
import subprocess
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CORPUS = "articles/saudinewsnet"

# Arabic tashkeel (harakat, tanwin, shadda, sukun, superscript alef) and tatweel.
TASHKEEL = re.compile("[\u064B-\u065F\u0670\u0640]")


def strip_tashkeel(s: str) -> str:
    return TASHKEEL.sub("", s)


def data_dir(override: str | None = None) -> Path:
    """The shared data root: --data, else $WATCHERD_SHARED_DATA, else ../shared/data next to the repository (for a
    git worktree elsewhere, next to the main checkout). Raises SystemExit naming the places tried."""
    tried = []
    candidates = []
    if override:
        candidates.append(Path(override))
    elif os.environ.get("WATCHERD_SHARED_DATA"):
        candidates.append(Path(os.environ["WATCHERD_SHARED_DATA"]))
    else:
        candidates.append(REPO.parent / "shared" / "data")
        try:
            common = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--path-format=absolute",
                                     "--git-common-dir"], capture_output=True, text=True, check=True).stdout.strip()
            candidates.append(Path(common).parent.parent / "shared" / "data")
        except (OSError, subprocess.CalledProcessError):
            pass
    for c in candidates:
        tried.append(str(c))
        if (c / CORPUS).is_dir():
            return c
    raise SystemExit("shared data not found (tried: " + ", ".join(tried) + "); pass --data DIR")


def manifest(root: Path) -> dict[str, dict[str, str]]:
    with open(root / CORPUS / "MANIFEST.tsv", encoding="utf-8", newline="") as f:
        return {row["file"]: row for row in csv.DictReader(f, delimiter="\t")}


def body_text(root: Path, name: str) -> str:
    """The daemon's `text` for a corpus file: after the title line and one blank line, C0 controls removed."""
    raw = (root / CORPUS / name).read_text(encoding="utf-8")
    _, _, rest = raw.partition("\n")
    if rest.startswith("\n"):
        rest = rest[1:]
    return "".join(c for c in rest if c in "\t\n" or unicodedata.category(c) != "Cc")


def is_word_char(c: str) -> bool:
    """Letters, marks and digits (Arabic letters are category Lo, tashkeel Mn)."""
    return unicodedata.category(c)[0] in "LMN"
