#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Turns an annotator's working notes into offset labels for labels.jsonl.

The notes are kept outside the repository (they quote article text). One notes file per article:

    file snn_was_0014.txt
    ref 2015-08-11                  (optional: default is the date part of date_extracted in MANIFEST.tsv)
    # a comment
    Q r | وقال | فلان الفلاني | >معاليه | الكلمة_الأولى | EOS | person
    D 26 شوال 1436 هـ | 2015-08-11 | day | hijri | f

Q fields: r (reported) or d (direct); the verb token as written, optionally `#n` for its n-th occurrence after the
previous Q's verb; the canonical speaker; the speaker mention (`<text` nearest before the verb, `>text` first after
the verb, `-` implicit); the first words of the quotation (searched after the verb); its end (`EOS` the end of the
sentence, `CLOSE` the next closing quotation mark, `=text` the end of the first `text` after the start, `^text` just
before it); the speaker kind (person, organization, location, other).
D fields: the date expression (optionally `#n`, searched after the previous D), value (`-` for null), precision (day,
month, year, week or `-`), calendar (g/gregorian or h/hijri), relative (t/f).
All text matching ignores tashkeel and tatweel and only matches whole words.

Usage: anchor.py NOTES... [--labels FILE] [--data DIR] [--quiet] [--leftovers]
Each notes file replaces its article's record in labels.jsonl (default: next to this script); the records stay sorted
by file name. Without --quiet it prints every label with its text for review; --leftovers lists speech verbs and date
words that no label covers (a checklist for the second pass).
"""

import argparse
import json
import re
import sys
from pathlib import Path

import articles

MARKS = "[\u064B-\u065F\u0670\u0640]*"
CLOSERS = "\"”»'’"
SENTENCE_END = ".!?؟"
KINDS = {"person", "organization", "location", "other"}


class NotesError(Exception):
    pass


def pattern(s: str) -> re.Pattern:
    """Whole-word, tashkeel-insensitive regex for `s` (spaces match any run of horizontal whitespace)."""
    parts = []
    for c in articles.strip_tashkeel(s):
        if c == " ":
            parts.append("[ \t\u00a0]+")
        else:
            parts.append(re.escape(c) + MARKS)
    body = "".join(parts)
    left = r"(?<![\w\u064B-\u065F\u0670\u0640])" if articles.is_word_char(s[0]) else ""
    right = r"(?![\w\u064B-\u065F\u0670\u0640])" if articles.is_word_char(articles.strip_tashkeel(s)[-1]) else ""
    return re.compile(left + body + right)


def find(text: str, s: str, after: int, nth: int = 1) -> tuple[int, int]:
    pos = after
    for _ in range(nth):
        m = pattern(s).search(text, pos)
        if not m:
            raise NotesError(f"not found after {after}: {s!r} (#{nth})")
        pos = m.end()
    return m.start(), m.end()


def find_before(text: str, s: str, before: int) -> tuple[int, int]:
    best = None
    for m in pattern(s).finditer(text, 0, before):
        best = m
    if best is None:
        raise NotesError(f"not found before {before}: {s!r}")
    return best.start(), best.end()


def split_nth(s: str) -> tuple[str, int]:
    m = re.fullmatch(r"(.*?)#(\d+)", s)
    return (m.group(1).strip(), int(m.group(2))) if m else (s.strip(), 1)


def trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,؛;:" + SENTENCE_END + CLOSERS + "“«"):
        end -= 1
    return end


def sentence_end(text: str, start: int) -> int:
    i = start
    while i < len(text):
        c = text[i]
        if c == "\n":
            break
        if c in SENTENCE_END and (i + 1 == len(text) or text[i + 1].isspace() or text[i + 1] in CLOSERS):
            break
        i += 1
    return trim_end(text, start, i)


def quote_end(text: str, start: int, spec: str) -> int:
    if spec == "EOS":
        return sentence_end(text, start)
    if spec == "CLOSE":
        m = re.compile("[" + re.escape(CLOSERS) + "]").search(text, start)
        if not m:
            raise NotesError(f"no closing mark after {start}")
        return trim_end(text, start, m.start())
    if spec.startswith("="):
        s, n = split_nth(spec[1:])
        return find(text, s, start, n)[1]
    if spec.startswith("^"):
        s, n = split_nth(spec[1:])
        return trim_end(text, start, find(text, s, start, n)[0])
    raise NotesError(f"bad end spec {spec!r}")


def parse_notes(path: Path, root: Path, manifest: dict) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    name, ref = None, None
    quotes, dates = [], []
    text = None
    qcursor = dcursor = qstart = 0
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("file "):
                name = line[5:].strip()
                text = articles.body_text(root, name)
                continue
            if line.startswith("ref "):
                ref = line[4:].strip()
                continue
            if text is None:
                raise NotesError("a `file` line must come first")
            fields = [f.strip() for f in line[1:].split("|")]
            if line.startswith("Q"):
                if len(fields) != 7:
                    raise NotesError(f"Q needs 7 fields, got {len(fields)}")
                kind, verb, speaker, mention, first, endspec, skind = fields
                if kind not in ("r", "d") or skind not in KINDS:
                    raise NotesError("bad direct/reported flag or speaker kind")
                vtext, vn = split_nth(verb)
                # `#0` reuses the previous quotation's verb (one verb introducing several quoted fragments)
                vs, ve = find(text, vtext, qstart, 1) if vn == 0 else find(text, vtext, qcursor, vn)
                qcursor, qstart = ve, vs
                if mention == "-":
                    ss = se = None
                    pos = "implicit"
                elif mention.startswith("<"):
                    ss, se = find_before(text, mention[1:].strip(), vs)
                    pos = "before"
                elif mention.startswith(">"):
                    m, n = split_nth(mention[1:])
                    ss, se = find(text, m, ve, n)
                    pos = "after"
                else:
                    raise NotesError(f"bad mention spec {mention!r}")
                ftext, fn = split_nth(first)
                qs, _ = find(text, ftext, ve if pos != "after" else max(ve, se), fn)
                qe = quote_end(text, qs, endspec)
                quotes.append({"start": qs, "end": qe, "direct": kind == "d", "verb": text[vs:ve], "verb_start": vs,
                               "verb_end": ve, "speaker": speaker, "speaker_start": ss, "speaker_end": se,
                               "speaker_position": pos, "speaker_kind": skind})
            elif line.startswith("D"):
                if len(fields) != 5:
                    raise NotesError(f"D needs 5 fields, got {len(fields)}")
                expr, value, prec, cal, rel = fields
                etext, en = split_nth(expr)
                ds, de = find(text, etext, dcursor, en)
                dcursor = de
                cal = {"g": "gregorian", "h": "hijri"}.get(cal, cal)
                if cal not in ("gregorian", "hijri") or rel not in ("t", "f"):
                    raise NotesError("bad calendar or relative flag")
                dates.append({"start": ds, "end": de, "value": None if value == "-" else value,
                              "precision": None if prec == "-" else prec, "calendar": cal, "relative": rel == "t"})
            else:
                raise NotesError("unknown line")
        except NotesError as e:
            raise SystemExit(f"{path}:{lineno}: {e}\n  {raw}")
    if name is None:
        raise SystemExit(f"{path}: no `file` line")
    if ref is None:
        ref = manifest[name]["date_extracted"][:10]
    for q in quotes:
        q["verb"] = articles.strip_tashkeel(q["verb"])
        if q["speaker_start"] is not None and articles.strip_tashkeel(q["speaker"]) == articles.strip_tashkeel(
                text[q["speaker_start"]:q["speaker_end"]]):
            q["speaker"] = articles.strip_tashkeel(text[q["speaker_start"]:q["speaker_end"]])
    quotes.sort(key=lambda q: q["start"])
    dates.sort(key=lambda d: d["start"])
    return {"file": name, "source": manifest[name]["source"], "reference_date": ref, "quotes": quotes,
            "dates": dates}, text


def show(rec: dict, text: str) -> None:
    def snip(s, e, head=50, tail=30):
        t = text[s:e].replace("\n", "⏎")
        return t if len(t) <= head + tail + 3 else t[:head] + " … " + t[-tail:]
    print(f"== {rec['file']} ref {rec['reference_date']}: {len(rec['quotes'])} quotes, {len(rec['dates'])} dates")
    for q in rec["quotes"]:
        mention = text[q["speaker_start"]:q["speaker_end"]] if q["speaker_start"] is not None else "-"
        print(f"  Q{'d' if q['direct'] else 'r'} [{q['verb']}] {q['speaker_position']:8} {q['speaker']} "
              f"({mention}) :: «{snip(q['start'], q['end'])}» [{q['start']},{q['end']})")
    for d in rec["dates"]:
        print(f"  D «{text[d['start']:d['end']]}» {d['value']} {d['precision']} {d['calendar']} "
              f"{'rel' if d['relative'] else 'abs'} [{d['start']},{d['end']})")


VERB_STEMS = ("قال", "قالت", "أكد", "أعلن", "أوضح", "صرح", "شدد", "أشار", "دعا", "طالب", "عبر", "تابع", "أضاف",
              "نفى", "نفت", "حذر", "بين", "أفاد", "ذكر", "لفت", "كشف", "نوه", "أبان", "أردف", "زاد", "قائل", "مؤكد",
              "مشير", "مضيف", "موضح", "مبين", "لافت", "منوه", "كاشف", "محذر", "مشدد", "أفصح", "اعتبر", "رأى",
              "يرى", "توقع", "أعرب", "يقول", "تقول", "يؤكد", "تؤكد", "يشير", "تشير", "يضيف", "يوضح")
DATE_WORDS = ("يناير", "فبراير", "مارس", "أبريل", "ابريل", "إبريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس",
              "سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان",
              "رمضان", "شوال", "القعدة", "الحجة", "هـ", "اليوم", "أمس", "الأمس", "غد", "غدا", "الماضي", "الماضية",
              "المقبل", "المقبلة", "القادم", "القادمة", "الجاري", "الحالي", "الحالية", "الأحد", "الاثنين",
              "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "عام", "العام", "مؤخرا", "حاليا",
              "الآن", "قريبا", "لاحقا", "لاحق", "سابق", "الأخيرة", "الأسبوع", "الشهر", "السنة", "الراهن", "تموز",
              "آب", "أيلول", "حزيران")


def leftovers(rec: dict, text: str) -> None:
    covered_q = [(q["verb_start"], q["verb_end"]) for q in rec["quotes"]]
    covered_d = [(d["start"], d["end"]) for d in rec["dates"]]
    for m in re.finditer(r"[\w\u064B-\u065F\u0670\u0640]+", text):
        tok = articles.strip_tashkeel(m.group())
        bare = re.sub(r"^(و|ف|ب|ل|وب|ول|فب|ك)", "", tok)
        inside = lambda spans: any(s <= m.start() < e for s, e in spans)
        ctx = text[max(0, m.start() - 25):m.end() + 25].replace("\n", "⏎")
        if any(bare.startswith(v) or tok.startswith(v) for v in VERB_STEMS) and not inside(covered_q):
            print(f"  ?verb {tok} @{m.start()} …{ctx}…")
        if (tok in DATE_WORDS or bare in DATE_WORDS or re.fullmatch(r"(1[34]\d\d|20[0-3]\d|19\d\d)", tok)) \
                and not inside(covered_d):
            print(f"  ?date {tok} @{m.start()} …{ctx}…")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("notes", nargs="+", type=Path)
    ap.add_argument("--labels", type=Path, default=articles.HERE / "labels.jsonl")
    ap.add_argument("--data")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--leftovers", action="store_true")
    args = ap.parse_args()
    root = articles.data_dir(args.data)
    manifest = articles.manifest(root)
    records = {}
    if args.labels.exists():
        for line in args.labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records[rec["file"]] = rec
    for path in args.notes:
        rec, text = parse_notes(path, root, manifest)
        records[rec["file"]] = rec
        if not args.quiet:
            show(rec, text)
        if args.leftovers:
            leftovers(rec, text)
    with open(args.labels, "w", encoding="utf-8") as f:
        for name in sorted(records):
            f.write(json.dumps(records[name], ensure_ascii=False) + "\n")
    print(f"{len(records)} articles in {args.labels}", file=sys.stderr)


if __name__ == "__main__":
    main()
