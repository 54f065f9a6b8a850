#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Peer (c) for the watcherd benchmark: a Python watchdog pipeline, as a user would write it.

    watchdog_pyarabic.py INBOX OUTPUT [--ready FILE]

Watches INBOX recursively (watchdog's inotify observer, filtered to close-after-write,
create and move events).  For each complete file: read, decode UTF-8, take title and body
(JSON object {title, body, ...} or plain "title\\n\\nbody"), normalise the Arabic with pyarabic
(tashkeel, tatweel, ligatures, hamza forms), tokenise, and write one JSON document to
OUTPUT/<relative path>.json through a temporary file, fsync and rename.  The handler runs
in watchdog's single dispatch thread, as the watchdog documentation shows.  Files seen
empty (a create before the writer's close) are left for their close event.  Content already
processed under the same path is skipped (an in-memory set).  Touches /ready FILE once the
watch is set.  Stops on SIGTERM or SIGINT.
"""

import argparse
import hashlib
import json
import os
import signal
import sys
import threading
import time

import pyarabic.araby as araby
from watchdog.events import FileClosedEvent, FileCreatedEvent, FileMovedEvent, FileSystemEventHandler
from watchdog.observers import Observer


def normalise(text: str) -> str:
    text = araby.strip_tashkeel(text)
    text = araby.strip_tatweel(text)
    text = araby.normalize_ligature(text)
    text = araby.normalize_hamza(text)
    return text


class Handler(FileSystemEventHandler):
    def __init__(self, inbox: str, output: str):
        self.inbox = os.path.abspath(inbox)
        self.output = os.path.abspath(output)
        self.seen: set[tuple[str, str]] = set()
        self.errors = 0

    def on_created(self, event):
        if not event.is_directory:
            self.process(event.src_path)

    def on_moved(self, event):
        if not event.is_directory and event.dest_path.startswith(self.inbox + os.sep):
            self.process(event.dest_path)

    def on_closed(self, event):
        if not event.is_directory:
            self.process(event.src_path)

    def process(self, path: str) -> None:
        name = os.path.basename(path)
        if name.startswith(".") or name.endswith((".part", ".tmp", "~", ".swp")):
            return
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError:
            return  # vanished or unreadable: a user script just moves on
        if not raw:
            return
        digest = hashlib.sha256(raw).hexdigest()
        if (path, digest) in self.seen:
            return
        try:
            text = raw.decode("utf-8")
            title, body = "", text
            if path.endswith(".json"):
                obj = json.loads(text)
                title, body = obj.get("title", ""), obj.get("body", "")
            elif "\n\n" in text:
                title, body = text.split("\n\n", 1)
            norm = normalise(body)
            doc = {
                "id": "sha256:" + digest,
                "source": {"path": os.path.relpath(path, self.inbox), "bytes": len(raw), "sha256": digest},
                "title": title,
                "text": body,
                "normalized": norm,
                "title_normalized": normalise(title),
                "tokens": len(araby.tokenize(norm)),
                "processed_at": time.time(),
            }
            rel = os.path.relpath(path, self.inbox)
            dst = os.path.join(self.output, rel + ".json")
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            tmp = os.path.join(os.path.dirname(dst), "." + os.path.basename(dst) + ".tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.rename(tmp, dst)
            self.seen.add((path, digest))
        except Exception as exc:  # noqa: BLE001 - a user script logs and goes on
            self.errors += 1
            print(f"error: {path}: {exc}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inbox")
    ap.add_argument("output")
    ap.add_argument("--ready")
    args = ap.parse_args()
    handler = Handler(args.inbox, args.output)
    observer = Observer()
    observer.schedule(
        handler, args.inbox, recursive=True, event_filter=[FileClosedEvent, FileCreatedEvent, FileMovedEvent]
    )
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    observer.start()  # the inotify watch is set when start() returns
    if args.ready:
        with open(args.ready, "w") as f:
            f.write("ready\n")
    print("READY", flush=True)
    while not stop.wait(0.5):
        if not observer.is_alive():
            break
    observer.stop()
    observer.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
