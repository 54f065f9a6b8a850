#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Peak memory of the daemon under a burst of large inputs (issue 13, item 14).

    python3 bench/large_inputs.py --watcherd .build/release/watcherd [-n 8] [--mib 16] [--daemon-arg=...]

Builds N plain-text Arabic inputs of about MIB MiB each from the SaudiNewsNet articles in
../shared/data (read in place, written only into a temporary directory that is removed at the
end), starts the daemon on an empty inbox, renames them all in at once, waits until every one has
a document or a failure record, and reports the wall time and the daemon's peak resident memory
(VmHWM from /proc/PID/status). Run it twice with different --daemon-arg values (for example
--daemon-arg=--max-in-flight-bytes=1099511627776 to turn the byte budget off) to compare.
"""
import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "data", "articles", "saudinewsnet")


def vm_hwm_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watcherd", required=True)
    parser.add_argument("-n", type=int, default=8)
    parser.add_argument("--mib", type=float, default=15.9)
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--daemon-arg", action="append", default=[])
    args = parser.parse_args()

    articles = sorted(glob.glob(os.path.join(args.data, "*.txt")))
    if not articles:
        sys.exit(f"no SaudiNewsNet articles in {args.data}")
    root = tempfile.mkdtemp(prefix="watcherd-large-")
    daemon = None
    try:
        staging, inbox = os.path.join(root, "staging"), os.path.join(root, "inbox")
        os.makedirs(staging)
        target = int(args.mib * 1024 * 1024)
        for k in range(args.n):
            size, i = 0, k * 97
            with open(os.path.join(staging, f"large-{k}.txt"), "w", encoding="utf-8") as out:
                out.write(f"ملف كبير {k}\n\n")
                while size < target - 20000:
                    text = open(articles[i % len(articles)], encoding="utf-8").read()
                    out.write(text + "\n")
                    size += len(text.encode()) + 1
                    i += 1
        command = [
            args.watcherd, "run", "--inbox", inbox, "--output", os.path.join(root, "output"),
            "--config", "/dev/null", "--rescan-interval-seconds", "0",
        ] + args.daemon_arg
        daemon = subprocess.Popen(command, stderr=open(os.path.join(root, "stderr"), "w"))
        ready = os.path.join(root, "state", "ready")
        deadline = time.time() + 60
        while not os.path.exists(ready):
            if time.time() > deadline or daemon.poll() is not None:
                sys.exit("daemon did not start: " + open(os.path.join(root, "stderr")).read())
            time.sleep(0.1)
        start = time.time()
        for name in sorted(os.listdir(staging)):
            os.rename(os.path.join(staging, name), os.path.join(inbox, name))
        done = 0
        while time.time() - start < args.timeout:
            outputs = len(glob.glob(os.path.join(root, "output", "*.json")))
            failures = len(glob.glob(os.path.join(root, "failed", "*.error.json")))
            done = outputs + failures
            if done >= args.n:
                break
            time.sleep(0.5)
        seconds = time.time() - start
        peak = vm_hwm_mib(daemon.pid)
        print(
            f"{args.n} inputs of {args.mib} MiB, daemon args {args.daemon_arg or '(none)'}: "
            f"{done}/{args.n} done ({outputs} documents, {failures} failures) in {seconds:.1f} s, "
            f"peak RSS (VmHWM) {peak:.0f} MiB = {peak / args.mib:.1f} x one input")
    finally:
        if daemon is not None and daemon.poll() is None:
            daemon.terminate()
            try:
                daemon.wait(timeout=30)
            except subprocess.TimeoutExpired:
                daemon.kill()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
