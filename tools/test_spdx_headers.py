#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Tests of tools/spdx-headers (run by `make test`): --check fails on a tree with one source file without the SPDX
line and names it; --fix adds the line in each file's comment syntax, keeps #! and swift-tools-version first, leaves
data files alone and is idempotent; `make lint` runs the check.

Run: python3 tools/test_spdx_headers.py
"""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SCRIPT = os.path.join(HERE, "spdx-headers")
LINE = "SPDX-License-Identifier: GPL-2.0-or-later"

GOOD = {
    "Sources/A/Good.swift": f"// {LINE}\n\nimport Foundation\n",
    "tools/good.py": f"#!/usr/bin/env python3\n# {LINE}\nprint(1)\n",
}
BAD = {
    "Sources/A/Bad.swift": "/// A type.\nstruct Bad {}\n",
    "Package.swift": "// swift-tools-version: 6.0\nimport PackageDescription\n",
    "tools/run": "#!/bin/sh\necho hi\n",
    "Makefile": "# top comment\nall:\n\ttrue\n",
    "Sources/C/shim.c": "#include <stdio.h>\n",
    "systemd/watcherd.1": ".TH WATCHERD 1\n",
}
DATA = {
    "Sources/A/Resources/names.txt": "a\nb\n",
    "README.md": "# readme\n",
    "tools/notes": "no shebang, not a script\n",
}


def run(*args):
    return subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True)


class SpdxHeadersTests(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name
        for path, text in {**GOOD, **BAD, **DATA}.items():
            full = os.path.join(self.root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w") as f:
                f.write(text)
        os.chmod(os.path.join(self.root, "tools/run"), 0o755)

    def tearDown(self):
        self.tmp.cleanup()

    def read(self, path):
        with open(os.path.join(self.root, path)) as f:
            return f.read()

    def test_check_fails_naming_the_one_file_without_the_line(self):
        for path in BAD:
            if path != "Sources/A/Bad.swift":
                os.remove(os.path.join(self.root, path))
        result = run("--check", self.root)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertEqual([line.split(":")[0] for line in result.stdout.splitlines()], ["Sources/A/Bad.swift"])

    def test_check_passes_when_every_file_has_the_line(self):
        for path in BAD:
            os.remove(os.path.join(self.root, path))
        result = run("--check", self.root)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")

    def test_fix_adds_the_line_in_each_syntax_then_check_passes_and_fix_changes_nothing(self):
        result = run("--fix", self.root)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(sorted(line.removeprefix("added: ") for line in result.stdout.splitlines()), sorted(BAD))
        self.assertEqual(self.read("Sources/A/Bad.swift"), f"// {LINE}\n\n/// A type.\nstruct Bad {{}}\n")
        self.assertEqual(self.read("Package.swift"),
                         f"// swift-tools-version: 6.0\n// {LINE}\n\nimport PackageDescription\n")
        self.assertEqual(self.read("tools/run"), f"#!/bin/sh\n# {LINE}\n\necho hi\n")
        self.assertEqual(os.stat(os.path.join(self.root, "tools/run")).st_mode & 0o777, 0o755)
        self.assertEqual(self.read("Makefile"), f"# {LINE}\n# top comment\nall:\n\ttrue\n")
        self.assertEqual(self.read("Sources/C/shim.c"), f"// {LINE}\n\n#include <stdio.h>\n")
        self.assertEqual(self.read("systemd/watcherd.1"), f'.\\" {LINE}\n.TH WATCHERD 1\n')
        for path, text in {**GOOD, **DATA}.items():
            self.assertEqual(self.read(path), text, path)
        self.assertEqual(run("--check", self.root).returncode, 0)
        before = {path: self.read(path) for path in {**GOOD, **BAD, **DATA}}
        again = run("--fix", self.root)
        self.assertEqual((again.returncode, again.stdout), (0, ""))
        self.assertEqual({path: self.read(path) for path in before}, before)

    def test_make_lint_runs_the_check(self):
        result = subprocess.run(["make", "-s", "-n", "-C", REPO, "lint"], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("tools/spdx-headers --check", result.stdout)


if __name__ == "__main__":
    unittest.main()
