#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Verifies labels.jsonl against the article texts in the shared data and prints the counts.

Checks, per label: offsets in range; spans on word boundaries (no word is cut); the verb and a literal speaker equal
the text at their offsets once tashkeel is removed, and a speaker whose mention differs (a title, a pronoun-like
description) occurs somewhere in the article; the speaker position agrees with the offsets; quotation spans do not
overlap each other or contain their verb; date spans do not overlap; each date value has the form its precision
says and is a real calendar date. Per article: source and reference date as in MANIFEST.tsv. Overall: the issue's
minimums (articles, outlets, SPA files, quotations, dates, speakers before and after the verb).

Usage: check.py [--labels FILE] [--data DIR] [--daemon BIN]
  --daemon BIN  also runs `BIN process FILE` for every labelled article and compares its `text` with ours.
Exit status 1 when any check fails.
"""

import argparse
import datetime
import json
import re
import subprocess
import sys
from collections import Counter

import articles

KINDS = {"person", "organization", "location", "other"}
VALUE_FORMS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}", "week": r"\d{4}-W\d{2}"}
MINIMUMS = {"articles": 32, "outlets": 8, "was": 6, "quotes": 110, "dates": 110, "before": 12, "after": 12,
            "implicit": 1}


def boundary_ok(text: str, i: int) -> bool:
    """True when offset i does not fall inside a word (between two letters, digits or marks)."""
    if i <= 0 or i >= len(text):
        return True
    return not (articles.is_word_char(text[i - 1]) and articles.is_word_char(text[i]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", default=str(articles.HERE / "labels.jsonl"))
    ap.add_argument("--data")
    ap.add_argument("--daemon")
    args = ap.parse_args()
    root = articles.data_dir(args.data)
    manifest = articles.manifest(root)
    errors: list[str] = []
    totals = Counter()
    outlets = Counter()
    rows = []
    seen = set()
    with open(args.labels, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for rec in records:
        name = rec["file"]

        def err(msg: str) -> None:
            errors.append(f"{name}: {msg}")

        if name in seen:
            err("duplicate record")
        seen.add(name)
        if name not in manifest:
            err("not in MANIFEST.tsv")
            continue
        text = articles.body_text(root, name)
        bare = articles.strip_tashkeel(text)
        if rec["source"] != manifest[name]["source"]:
            err(f"source {rec['source']} != {manifest[name]['source']}")
        if rec["reference_date"] != manifest[name]["date_extracted"][:10]:
            err(f"reference_date {rec['reference_date']} != manifest {manifest[name]['date_extracted'][:10]}")
        if args.daemon:
            out = subprocess.run([args.daemon, "process", str(root / articles.CORPUS / name)], capture_output=True,
                                 text=True, check=True).stdout
            if json.loads(out.splitlines()[0])["text"] != text:
                err("daemon text differs from the derived text")
        n = len(text)

        def span_ok(s, e, what: str) -> bool:
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
                err(f"{what} [{s},{e}) out of range (text has {n} code points)")
                return False
            if not (boundary_ok(text, s) and boundary_ok(text, e)):
                err(f"{what} [{s},{e}) cuts a word: {text[max(0, s - 3):e + 3]!r}")
            return True

        qspans = []
        for q in rec["quotes"]:
            tag = f"quote [{q['start']},{q['end']})"
            if not span_ok(q["start"], q["end"], tag) or not span_ok(q["verb_start"], q["verb_end"], tag + " verb"):
                continue
            if articles.strip_tashkeel(text[q["verb_start"]:q["verb_end"]]) != articles.strip_tashkeel(q["verb"]):
                err(f"{tag} verb {q['verb']!r} != text {text[q['verb_start']:q['verb_end']]!r}")
            if q["verb_start"] < q["end"] and q["start"] < q["verb_end"]:
                err(f"{tag} contains its verb")
            if not isinstance(q["direct"], bool):
                err(f"{tag} direct must be true or false")
            if q["speaker_kind"] not in KINDS:
                err(f"{tag} speaker_kind {q['speaker_kind']!r}")
            ss, se, pos = q["speaker_start"], q["speaker_end"], q["speaker_position"]
            if pos == "implicit":
                if ss is not None or se is not None:
                    err(f"{tag} implicit speaker with offsets")
                totals["implicit"] += 1
            elif pos in ("before", "after"):
                if span_ok(ss, se, tag + " speaker"):
                    if (pos == "before" and se > q["verb_start"]) or (pos == "after" and ss < q["verb_end"]):
                        err(f"{tag} speaker position {pos} disagrees with offsets")
                    if q["start"] < se and ss < q["end"]:
                        err(f"{tag} speaker mention inside the quotation")
                    mention = articles.strip_tashkeel(text[ss:se])
                    speaker = articles.strip_tashkeel(q["speaker"])
                    if mention == speaker:
                        totals["speaker_literal"] += 1
                    elif speaker in bare:
                        totals["speaker_resolved"] += 1
                    else:
                        err(f"{tag} speaker {q['speaker']!r} differs from the mention {mention!r} and is not in "
                            f"the article")
                totals[pos] += 1
            else:
                err(f"{tag} speaker_position {pos!r}")
            totals["direct" if q["direct"] else "reported"] += 1
            totals[("direct_" if q["direct"] else "reported_") + pos] += 1
            totals["kind_" + q["speaker_kind"]] += 1
            qspans.append((q["start"], q["end"]))
        qspans.sort()
        for (a, b), (c, d) in zip(qspans, qspans[1:]):
            if c < b:
                err(f"quotes [{a},{b}) and [{c},{d}) overlap")

        dspans = []
        for d in rec["dates"]:
            tag = f"date [{d['start']},{d['end']})"
            if not span_ok(d["start"], d["end"], tag):
                continue
            value, prec, cal = d["value"], d["precision"], d["calendar"]
            if cal not in ("gregorian", "hijri"):
                err(f"{tag} calendar {cal!r}")
            if not isinstance(d["relative"], bool):
                err(f"{tag} relative must be true or false")
            if value is None:
                if prec is not None:
                    err(f"{tag} null value with precision {prec}")
                totals["dates_vague"] += 1
            elif prec not in VALUE_FORMS or not re.fullmatch(VALUE_FORMS[prec], value):
                err(f"{tag} value {value!r} does not fit precision {prec!r}")
            else:
                try:
                    if prec == "day":
                        datetime.date.fromisoformat(value)
                    elif prec == "month" and not 1 <= int(value[5:]) <= 12:
                        raise ValueError
                    elif prec == "week":
                        datetime.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
                except ValueError:
                    err(f"{tag} {value!r} is not a real date")
                # Hijri days carry the Gregorian day; Hijri months and years keep Hijri (AH) numbering.
                ah = cal == "hijri" and prec in ("month", "year")
                year = int(value[:4])
                if (ah and not 1300 <= year <= 1500) or (not ah and not 1800 <= year <= 2100):
                    err(f"{tag} year {year} unlikely for {cal} {prec}")
                totals["dates_" + prec] += 1
            totals["dates_" + cal] += 1
            totals["dates_relative" if d["relative"] else "dates_absolute"] += 1
            dspans.append((d["start"], d["end"]))
        dspans.sort()
        for (a, b), (c, e) in zip(dspans, dspans[1:]):
            if c < b:
                err(f"dates [{a},{b}) and [{c},{e}) overlap")
        outlets[rec["source"]] += 1
        totals["quotes"] += len(rec["quotes"])
        totals["dates"] += len(rec["dates"])
        rows.append((name, rec["reference_date"], len(rec["quotes"]), len(rec["dates"])))

    print(f"{'file':28} {'reference':10} {'quotes':>6} {'dates':>6}")
    for r in rows:
        print(f"{r[0]:28} {r[1]:10} {r[2]:6} {r[3]:6}")
    totals["articles"] = len(rows)
    totals["outlets"] = len(outlets)
    totals["was"] = outlets.get("was", 0)
    print("\noutlets: " + ", ".join(f"{k} {v}" for k, v in sorted(outlets.items())))
    print(f"articles {totals['articles']}, outlets {totals['outlets']}, SPA (was) files {totals['was']}")
    print(f"quotations {totals['quotes']}: direct {totals['direct']}, reported {totals['reported']}; speaker before "
          f"the verb {totals['before']}, after {totals['after']}, implicit {totals['implicit']}; mention = canonical "
          f"{totals['speaker_literal']}, resolved to a name given elsewhere {totals['speaker_resolved']}; kinds: "
          + ", ".join(f"{k[5:]} {totals[k]}" for k in sorted(totals) if k.startswith("kind_")))
    print("  direct: " + ", ".join(f"{p} {totals['direct_' + p]}" for p in ("before", "after", "implicit"))
          + "; reported: " + ", ".join(f"{p} {totals['reported_' + p]}" for p in ("before", "after", "implicit")))
    print(f"dates {totals['dates']}: day {totals['dates_day']}, week {totals['dates_week']}, month "
          f"{totals['dates_month']}, year {totals['dates_year']}, vague (null) {totals['dates_vague']}; gregorian "
          f"{totals['dates_gregorian']}, hijri {totals['dates_hijri']}; relative {totals['dates_relative']}, "
          f"absolute {totals['dates_absolute']}")
    short = [f"{k} {totals[k]} < {m}" for k, m in MINIMUMS.items() if totals[k] < m]
    if short:
        print("below the minimums: " + "; ".join(short))
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    print(f"{len(errors)} errors" if errors else "all checks passed")
    return 1 if errors or short else 0


if __name__ == "__main__":
    sys.exit(main())
