#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes THIRD-PARTY-NOTICES.md: what a built watcherd contains or links that we did not write.

Reads, and never guesses:
  - Package.resolved and the checkouts in .build/checkouts (run `swift build` or `swift package resolve` first):
    each package's version, revision, LICENSE file (classified by its text) and NOTICE file;
  - the sources vendored inside those packages (BoringSSL in swift-crypto, toml++ in TOMLKit);
  - the Swift toolchain whose runtime `--static-swift-stdlib` links in (its LICENSE.txt, the ICU data version);
  - the Debian packages of the shared libraries the release binary needs (dpkg-query, /usr/share/doc/PKG/copyright);
  - the derived resources in DERIVED below, each checked against the README that names its sources and licence.
A fact that cannot be read (a missing checkout, an unrecognised licence text, a README that no longer says what the
table says) stops the script with a message instead of being written.

The output is sorted and has no timestamps: on the same machine (same toolchain and Debian packages) a clean clone
regenerates it byte for byte. The shared-library list in DEBIAN is checked against the binary with --binary.

Usage: tools/third-party-notices.py [--output FILE] [--check] [--binary PATH] [--toolchain DIR]
  --check        exit 1 (and say so) if FILE differs from what would be written; write nothing
  --binary PATH  also check that every DT_NEEDED library of PATH (readelf -d) is in DEBIAN, and the reverse
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

# Derived resources: one row each (path relative to the repository; what it is; the licence it inherits, as its
# README states it; the README or SOURCE file that states it; whether `make install` installs it). The script checks
# that the path exists and that every licence string in the third column appears in that README.
DERIVED = [
    ("Sources/ArticleExtraction/Resources/gazetteer/locations.tsv",
     "place-name gazetteer (countries, capitals, large cities)",
     ["CC BY 4.0", "CC BY-SA 4.0"],
     "Sources/ArticleExtraction/Resources/README.md", True),
    ("Sources/ArticleExtraction/Resources/gazetteer/person-first-names.txt",
     "Arabic first-name gazetteer",
     ["MIT"],
     "Sources/ArticleExtraction/Resources/README.md", True),
    ("Sources/ArticleExtraction/Resources/keywords/document-frequencies.tsv",
     "keyword document frequencies (TF-IDF), counted from SaudiNewsNet",
     ["CC BY-NC-SA 4.0"],
     "Sources/ArticleExtraction/Resources/README.md", True),
    ("Sources/ArticleExtraction/Resources/ner/model.bin",
     "trained named-entity model (averaged perceptron, IOB2), trained on ANERcorp",
     ["CC BY-SA 4.0"],
     "Sources/ArticleExtraction/Resources/README.md", True),
    ("eval/quotes-dates/labels.jsonl",
     "hand-labelled quotation and date offsets (evaluation only)",
     ["CC BY-NC-SA 4.0"],
     "eval/quotes-dates/README.md", False),
]

# Shared libraries of the release binary (readelf -d: DT_NEEDED) -> Debian package. For a copyright file in Debian's
# machine-readable format the licences are read from it; for the others, LICENCE states the licence and EVIDENCE is
# a sentence that must appear in the copyright file.
DEBIAN = {
    "libinotifytools.so.0": ("libinotifytools0", None, None),
    "libsqlite3.so.0": ("libsqlite3-0", None, None),
    "libc.so.6": ("libc6", "LGPL-2.1-or-later (most of the GNU C Library)",
                  "version 2.1 of the License, or (at your option) any later version"),
    "libm.so.6": ("libc6", None, None),
    "ld-linux-x86-64.so.2": ("libc6", None, None),
    "libstdc++.so.6": ("libstdc++6", "GPL-3.0-or-later WITH GCC-exception-3.1",
                       "Runtime Library Exception"),
    "libgcc_s.so.1": ("libgcc-s1", "GPL-3.0-or-later WITH GCC-exception-3.1",
                      "Runtime Library Exception"),
}

APACHE = ("Apache License", "Version 2.0, January 2004")
SWIFT_EXCEPTION = "Runtime Library Exception to the Apache 2.0 License"
MIT = ("Permission is hereby granted, free of charge", 'THE SOFTWARE IS PROVIDED "AS IS"')


class Fact(Exception):
    """A fact the notices need could not be read."""


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run(*argv):
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def classify(text, where):
    """SPDX expression of a licence file, from its text."""
    if all(s in text for s in APACHE):
        return "Apache-2.0 WITH Swift-exception" if SWIFT_EXCEPTION in text else "Apache-2.0"
    if all(s in text for s in MIT):
        return "MIT"
    raise Fact(f"{where}: licence text not recognised (add a rule to classify())")


def licence_file(directory):
    names = sorted(n for n in os.listdir(directory) if re.fullmatch(r"(LICEN[CS]E|COPYING)(\.(txt|md))?", n))
    if not names:
        raise Fact(f"{directory}: no LICENSE file")
    return names[0]


def packages(repo):
    resolved_path = os.path.join(repo, "Package.resolved")
    checkouts = os.path.join(repo, ".build", "checkouts")
    if not os.path.exists(resolved_path) or not os.path.isdir(checkouts):
        raise Fact("Package.resolved or .build/checkouts missing: run `swift build` (or `swift package resolve`) first")
    pins = json.loads(read(resolved_path))["pins"]
    result = []
    for pin in sorted(pins, key=lambda p: p["identity"]):
        location = pin["location"]
        name = re.sub(r"\.git$", "", location.rstrip("/").rsplit("/", 1)[-1])
        directory = os.path.join(checkouts, name)
        if not os.path.isdir(directory):
            raise Fact(f"{directory}: checkout missing for {pin['identity']}")
        head = run("git", "-C", directory, "rev-parse", "HEAD").strip()
        if head != pin["state"]["revision"]:
            raise Fact(f"{directory}: checked out {head}, Package.resolved pins {pin['state']['revision']}")
        lic = licence_file(directory)
        notice = next((n for n in ("NOTICE.txt", "NOTICE") if os.path.exists(os.path.join(directory, n))), None)
        result.append({
            "name": name, "identity": pin["identity"], "location": re.sub(r"\.git$", "", location),
            "version": pin["state"].get("version") or pin["state"]["revision"][:12],
            "revision": pin["state"]["revision"], "directory": directory, "licence_file": lic,
            "licence_text": read(os.path.join(directory, lic)),
            "spdx": classify(read(os.path.join(directory, lic)), os.path.join(directory, lic)),
            "notice": notice, "notice_text": read(os.path.join(directory, notice)) if notice else None,
        })
    return result


def boringssl_directories(pkg):
    """The BoringSSL copies vendored in a package (swift-crypto, swift-nio-ssl): Sources/*BoringSSL with hash.txt."""
    sources = os.path.join(pkg["directory"], "Sources")
    if not os.path.isdir(sources):
        return []
    return sorted(os.path.join(sources, d) for d in os.listdir(sources)
                  if d.endswith("BoringSSL") and os.path.exists(os.path.join(sources, d, "hash.txt")))


def boringssl(base):
    """BoringSSL as vendored in BASE: its upstream revision and the licence headers of its files."""
    stamp = read(os.path.join(base, "hash.txt"))
    match = re.search(r"(https://\S+) at revision ([0-9a-f]{40})", stamp)
    if not match:
        raise Fact(f"{base}/hash.txt: no upstream revision")
    kinds = [
        ("ISC-style (\"Permission to use, copy, modify, and/or distribute\")",
         "Permission to use, copy, modify, and/or distribute"),
        ("original SSLeay licence (\"This package is an SSL implementation written\")",
         "This package is an SSL implementation written"),
        ("OpenSSL licence (\"Licensed under the OpenSSL license\")", "Licensed under the OpenSSL license"),
        ("Apache-2.0 (SPDX line)", "SPDX-License-Identifier: Apache-2.0"),
    ]
    counts = {label: 0 for label, _ in kinds}
    total = 0
    for root, dirs, files in os.walk(base):
        dirs.sort()
        for f in sorted(files):
            if not re.search(r"\.(c|cc|h|S|inc)$", f):
                continue
            total += 1
            head = read(os.path.join(root, f))[:4000]
            for label, needle in kinds:
                if needle in head:
                    counts[label] += 1
    return match.group(1), match.group(2), total, counts


def tomlplusplus(pkg):
    """toml++ as vendored in TOMLKit (one header): its version and the MIT text in the header."""
    path = os.path.join(pkg["directory"], "Sources", "CTOML", "Sources", "toml.hpp")
    text = read(path)
    version = ".".join(re.search(rf"#define TOML_LIB_{p}\s+(\d+)", text).group(1) for p in ("MAJOR", "MINOR", "PATCH"))
    if "SPDX-License-Identifier: MIT" not in text[:2000]:
        raise Fact(f"{path}: no MIT SPDX line")
    lines, inside = [], False
    for line in text.splitlines()[:80]:
        if line.strip() == "// MIT License":
            inside = True
        if inside:
            if not line.startswith("//"):
                break
            lines.append(line[3:] if line.startswith("// ") else line[2:])
    if not any(MIT[1] in line for line in lines):
        raise Fact(f"{path}: MIT licence text not found in the header")
    while lines and not lines[-1].strip("- "):
        lines.pop()
    return path, version, "\n".join(lines) + "\n"


def toolchain_facts(toolchain):
    swiftc = os.path.join(toolchain, "usr", "bin", "swiftc")
    version = re.search(r"Swift version (\S+) \(([^)]*)\)", run(swiftc, "--version"))
    if not version:
        raise Fact(f"{swiftc}: version not readable")
    licence = os.path.join(toolchain, "usr", "share", "swift", "LICENSE.txt")
    icu_archive = os.path.join(toolchain, "usr", "lib", "swift_static", "linux", "lib_FoundationICU.a")
    icu = re.search(r"\bicudt(\d+)_dat\b", run("nm", "--defined-only", icu_archive))
    if not icu:
        raise Fact(f"{icu_archive}: no icudtNN_dat symbol")
    return {"version": version.group(1), "tag": version.group(2), "licence": licence,
            "spdx": classify(read(licence), licence), "icu": icu.group(1), "icu_archive": icu_archive}


def dep5_licences(text):
    """(files, licence) of each Files stanza of a machine-readable copyright file, debian/* left out."""
    result = []
    for stanza in re.split(r"\n\s*\n", text):
        files = re.search(r"^Files:\s*(.+(?:\n[ \t]+.+)*)", stanza, re.M)
        lic = re.search(r"^License:\s*(\S+)", stanza, re.M)
        if files and lic:
            names = " ".join(files.group(1).split())
            if not names.startswith("debian/"):
                result.append((names, lic.group(1)))
    return result


def debian_facts():
    result = {}
    for soname, (package, licence, evidence) in sorted(DEBIAN.items()):
        entry = result.setdefault(package, {"sonames": [], "licence": licence, "evidence": evidence})
        entry["sonames"].append(soname)
        if licence:
            entry["licence"], entry["evidence"] = licence, evidence
    for package, entry in result.items():
        fields = run("dpkg-query", "-W", "-f=${Version}\t${source:Package}", package).split("\t")
        entry["version"], entry["source"] = fields[0], fields[1]
        path = f"/usr/share/doc/{package}/copyright"
        text = read(path)
        entry["copyright"] = path
        if text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/"):
            entry["stanzas"] = dep5_licences(text)
            if not entry["stanzas"]:
                raise Fact(f"{path}: no Files/License stanza")
        else:
            if not entry["licence"] or entry["evidence"] not in text:
                raise Fact(f"{path}: not machine-readable and DEBIAN's evidence for {package} is not in it")
            entry["stanzas"] = [("*", entry["licence"])]
    return result


def check_binary(binary):
    needed = set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", run("readelf", "-d", binary)))
    missing, extra = sorted(needed - set(DEBIAN)), sorted(set(DEBIAN) - needed)
    if missing or extra:
        raise Fact(f"{binary}: DT_NEEDED not in DEBIAN: {missing or 'none'}; in DEBIAN but not needed: "
                   f"{extra or 'none'} (update DEBIAN in {os.path.relpath(__file__, REPO)})")


def derived_facts(repo):
    rows = []
    for path, what, licences, readme, installed in sorted(DERIVED):
        if not os.path.exists(os.path.join(repo, path)):
            raise Fact(f"{path}: listed in DERIVED but missing")
        text = read(os.path.join(repo, readme))
        for lic in licences:
            if lic not in text:
                raise Fact(f"{readme} does not state {lic!r} for {path}")
        rows.append((path, what, licences, readme, installed))
    return rows


def fence(text):
    return "```text\n" + text.rstrip("\n") + "\n```\n"


def render(repo, toolchain):
    pkgs = packages(repo)
    by_name = {p["identity"]: p for p in pkgs}
    tool = toolchain_facts(toolchain)
    debs = debian_facts()
    derived = derived_facts(repo)
    out = []
    w = out.append
    w("# Third-party notices for watcherd\n")
    w("Generated by `tools/third-party-notices.py` (`make notices`) from `Package.resolved`, the package checkouts, "
      "the Swift toolchain and the Debian packages of the build machine; do not edit by hand. watcherd's own code is "
      "GPL-2.0-or-later (`COPYING`); the README's Licence section says what combining these licences means for a "
      "binary distributor.\n")

    w("## Swift packages (statically linked)\n")
    w("Every package of `Package.resolved`, whether or not the linker keeps any of its code. Licences are read from "
      "each package's own licence file; `Swift-exception` is the Runtime Library Exception appended to Apache-2.0 "
      "in the Swift projects.\n")
    w("| package | version | revision | licence | licence file (at the revision) | NOTICE |")
    w("|---|---|---|---|---|---|")
    for p in pkgs:
        url = f"{p['location']}/blob/{p['revision']}/{p['licence_file']}"
        notice = f"`{p['notice']}` (below)" if p["notice"] else "none"
        w(f"| [{p['name']}]({p['location']}) | {p['version']} | `{p['revision'][:12]}` | {p['spdx']} | "
          f"[`{p['licence_file']}`]({url}) | {notice} |")
    w("")

    w("## Sources vendored inside those packages\n")
    for pkg, base in [(pkg, base) for pkg in pkgs for base in boringssl_directories(pkg)]:
        upstream, revision, total, counts = boringssl(base)
        rel = os.path.relpath(base, pkg["directory"])
        own = sorted(n for n in os.listdir(base) if n.upper().startswith("LICENSE"))
        w(f"### BoringSSL (in {pkg['name']} {pkg['version']}, `{rel}`)\n")
        w(f"Derived from {upstream} at revision `{revision}` (`{rel}/hash.txt`). "
          + (f"Its licence file: `{rel}/{own[0]}`. " if own else "The directory carries no BoringSSL LICENSE file. ")
          + f"Its files carry their own headers; of its {total} C, C++, assembly and header files, the licence "
          "headers found:\n")
        for label in sorted(counts):
            w(f"- {label}: {counts[label]} files")
        w("\nA file may carry more than one header, and some carry none. BoringSSL's licence file at that revision: "
          f"https://boringssl.googlesource.com/boringssl/+/{revision}/LICENSE\n")
    if "tomlkit" in by_name:
        path, version, text = tomlplusplus(by_name["tomlkit"])
        rel = os.path.relpath(path, by_name["tomlkit"]["directory"])
        w(f"### toml++ {version} (in TOMLKit {by_name['tomlkit']['version']}, `{rel}`)\n")
        w("MIT (`SPDX-License-Identifier: MIT` in the header). Its licence text, from the header:\n")
        w(fence(text))

    w("## Swift runtime (statically linked by `--static-swift-stdlib`)\n")
    w(f"Swift {tool['version']} ({tool['tag']}): the standard library, Foundation, Dispatch and BlocksRuntime are "
      f"{tool['spdx']} (the toolchain's `usr/share/swift/LICENSE.txt`, the Apache-2.0 text below with the exception "
      "below). Foundation embeds ICU (International Components for Unicode) through swift-foundation-icu: the "
      f"toolchain's `lib_FoundationICU.a` carries ICU data version {tool['icu']} (`icudt{tool['icu']}_dat`). ICU's "
      "files state \"License & terms of use: http://www.unicode.org/copyright.html\"; ICU 74 and later are under the "
      "Unicode License v3 (SPDX `Unicode-3.0`). Licence texts: https://github.com/swiftlang/swift/blob/"
      f"{tool['tag']}/LICENSE.txt and https://github.com/swiftlang/swift-foundation-icu (LICENSE).\n")

    w("## Debian packages (dynamically linked)\n")
    w("The shared libraries the release binary needs (`readelf -d`, checked with `--binary`), their Debian "
      "packages, and the licences their Debian copyright files state. Licence texts: the copyright file named, and "
      "`/usr/share/common-licenses/` on Debian.\n")
    w("| package | version | source | libraries | licence (files) | copyright file |")
    w("|---|---|---|---|---|---|")
    for package in sorted(debs):
        d = debs[package]
        lic = "; ".join(f"{lic} ({files})" for files, lic in d["stanzas"])
        w(f"| {package} | {d['version']} | {d['source']} | {', '.join(f'`{s}`' for s in d['sonames'])} | {lic} | "
          f"`{d['copyright']}` |")
    w("")

    w("## Derived resources\n")
    w("Small files derived from third-party data; each inherits the licences of its sources, as the README named "
      "states (with attributions).\n")
    w("| file | what | inherited licences | sources and attribution | installed |")
    w("|---|---|---|---|---|")
    for path, what, licences, readme, installed in derived:
        w(f"| `{path}` | {what} | {', '.join(licences)} | `{readme}` | {'yes' if installed else 'no'} |")
    w("")

    w("## Licence texts\n")
    apache = next((p for p in pkgs if p["spdx"] == "Apache-2.0"), None)
    if apache:
        w(f"### Apache License 2.0 (as in {apache['name']}/{apache['licence_file']})\n")
        w(fence(apache["licence_text"].strip("\n")))
    exception = next((p for p in pkgs if p["spdx"] == "Apache-2.0 WITH Swift-exception"), None)
    if exception:
        text = exception["licence_text"]
        w(f"### Runtime Library Exception (as in {exception['name']}/{exception['licence_file']})\n")
        w(fence(text[text.index("## " + SWIFT_EXCEPTION):].strip()))
    for p in pkgs:
        if p["spdx"] == "MIT":
            w(f"### {p['name']} {p['version']}: {p['licence_file']}\n")
            w(fence(p["licence_text"]))
    for p in pkgs:
        if p["notice_text"]:
            w(f"### {p['name']} {p['version']}: {p['notice']}\n")
            w(fence(p["notice_text"].strip("\n")))
    return "\n".join(out).rstrip("\n") + "\n"


def default_toolchain():
    swiftc = shutil.which("swiftc") or "/opt/swift/usr/bin/swiftc"
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.realpath(swiftc))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=os.path.join(REPO, "THIRD-PARTY-NOTICES.md"))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--binary")
    ap.add_argument("--toolchain", default=None)
    args = ap.parse_args()
    try:
        if args.binary:
            check_binary(args.binary)
        text = render(REPO, args.toolchain or default_toolchain())
    except (Fact, subprocess.CalledProcessError, OSError) as error:
        print(f"third-party-notices: {error}", file=sys.stderr)
        return 2
    if args.check:
        current = read(args.output) if os.path.exists(args.output) else ""
        if current != text:
            print(f"third-party-notices: {args.output} is out of date (run `make notices`)", file=sys.stderr)
            return 1
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
