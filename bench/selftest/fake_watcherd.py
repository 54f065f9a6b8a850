#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""A stand-in for `watcherd` with the same command line, used only to test the harness itself
(`python3 bench/run.py all --watcherd bench/selftest/fake_watcherd.py -n 300 --duration 3 --skip-big`).

    fake_watcherd.py run --inbox D --output D --archive D --failed D --state D [--settle-ms N] [--fsync-batch N]
    fake_watcherd.py --files DIR     (as bench/extract's watcherd-bench-extract)

No extraction: it copies each input into a small JSON document (temp + fsync + rename), moves
the input to the archive, writes a processing log line, sends READY=1 to $NOTIFY_SOCKET and
creates STATE/ready after the start-up scan.  Inputs whose text contains FAIL-ME go to failed/.
"""

import argparse
import hashlib
import json
import os
import signal
import socket
import sys
import time

from inotify_simple import INotify, flags


def notify(msg: bytes) -> None:
    addr = os.environ.get("NOTIFY_SOCKET")
    if not addr:
        return
    if addr.startswith("@"):
        addr = "\0" + addr[1:]
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as s:
        s.sendto(msg, addr)


def run(a) -> int:
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    logf = open(os.path.join(a.state, "processing.log"), "a", buffering=1)
    ino = INotify()
    ino.add_watch(a.inbox, flags.MOVED_TO | flags.CLOSE_WRITE)
    pending = []

    def process(name: str) -> None:
        src = os.path.join(a.inbox, name)
        if name.startswith(".") or not os.path.isfile(src):
            return
        t0 = time.perf_counter()
        with open(src, "rb") as f:
            raw = f.read()
        sha = hashlib.sha256(raw).hexdigest()
        if b"FAIL-ME" in raw:
            os.rename(src, os.path.join(a.failed, name))
            with open(os.path.join(a.failed, name + ".error.json"), "w") as f:
                json.dump({"stage": "extract", "error": "asked to fail", "attempts": 1, "sha256": sha}, f)
            result = "failed"
        else:
            dst = os.path.join(a.output, name + ".json")
            tmp = os.path.join(a.output, "." + name + ".json.tmp")
            with open(tmp, "wb") as f:
                f.write(json.dumps({"schema_version": 1, "id": "sha256:" + sha, "bytes": len(raw)}).encode())
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, dst)
            os.rename(src, os.path.join(a.archive, name))
            result = "ok"
        logf.write(json.dumps({"ts": time.time(), "level": "info", "event": "processed", "path": name, "sha256": sha,
                               "stage": "write", "ms": round((time.perf_counter() - t0) * 1000, 3),
                               "result": result}) + "\n")

    for name in sorted(os.listdir(a.inbox)):
        process(name)
    notify(b"READY=1")
    open(os.path.join(a.state, "ready"), "w").close()
    while not stop:
        for ev in ino.read(timeout=200):
            pending.append(ev.name)
        while pending:
            process(pending.pop(0))
    return 0


def bench_extract(a) -> int:
    """The shape of `watcherd bench-extract`'s JSON, with whitespace splitting as the only stage."""
    contents = []
    for name in sorted(os.listdir(a.files)):
        with open(os.path.join(a.files, name), "rb") as f:
            contents.append(f.read())
    t0, c0 = time.perf_counter(), time.thread_time()
    tokens = 0
    for _ in range(a.repeat):
        tokens = sum(len(c.split()) for c in contents)
    dt, cpu = time.perf_counter() - t0, time.thread_time() - c0
    n, size = len(contents), sum(len(c) for c in contents)
    print(json.dumps({"files": n, "bytes": size, "repeat": a.repeat, "articles": n * a.repeat, "failed": 0,
                      "threads": 1, "seconds": dt, "cpu_seconds": cpu, "articles_per_s": n * a.repeat / dt,
                      "mb_per_s": size * a.repeat / 1e6 / dt, "tokens": tokens,
                      "tokens_per_s": tokens * a.repeat / dt,
                      "stages": {"tokenise": {"ms": dt * 1000, "share": 1.0,
                                              "ms_per_article": dt * 1000 / max(n * a.repeat, 1)}}}))
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1].startswith("--files"):
        b = argparse.ArgumentParser()
        b.add_argument("--files", required=True)
        b.add_argument("--repeat", type=int, default=1)
        return bench_extract(b.parse_args())
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    for k in ("inbox", "output", "archive", "failed", "state"):
        r.add_argument(f"--{k}", required=True)
    r.add_argument("--settle-ms", type=int, default=100)
    r.add_argument("--fsync-batch", type=int, default=1)
    a = ap.parse_args()
    return run(a)


if __name__ == "__main__":
    sys.exit(main())
