#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""watcherd benchmark suite: our daemon side by side with what users would use instead.

    python3 bench/run.py [all|burst|latency|memory|extract|peers|durability] [options]

See bench/README.md for what each figure measures.  Article text is read in place from the
shared SaudiNewsNet zips and written only into temporary directories that are removed at the
end (unless --keep).  Every wait has a timeout and every process started here is stopped in a
finally block.
"""

from __future__ import annotations

import argparse
import collections
import glob
import hashlib
import html
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Configuration: every name the harness relies on from the daemon lives here, in one place.
# ---------------------------------------------------------------------------------------------
WATCHERD = {
    # `watcherd run ...`: placeholders are filled with the temporary directories of one run.
    "run_args": [
        "run",
        "--inbox", "{inbox}",
        "--output", "{output}",
        "--archive", "{archive}",
        "--failed", "{failed}",
        "--state", "{state}",
    ],
    "settle_flag": "--settle-ms",
    "fsync_batch_flag": "--fsync-batch",
    # The daemon is ready when it sends READY=1 to $NOTIFY_SOCKET or creates STATE/<ready_file>.
    "ready_file": "ready",
    "notify_ready": b"READY=1",
    # One JSON line per article event in STATE/<processing_log>, keys below.
    "processing_log": "processing.log",
    "log_keys": ["ts", "level", "event", "path", "sha256", "stage", "ms", "result"],
    # OUTPUT/<path relative to inbox><output_suffix> is the document of one input.
    "output_suffix": ".json",
    # FAILED/<name><failure_suffix> is the failure record of one input.
    "failure_suffix": ".error.json",
    # Extraction alone (the separate bench/extract package's binary, --bench-extract): prints a JSON
    # object (articles/s, tokens/s, ms per step).
    "bench_extract_args": ["--files", "{dir}"],
    # SIGTERM drains in-flight work; after this many seconds the harness sends SIGKILL.
    "stop_timeout_s": 20,
    "ready_timeout_s": 60,
}

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "unlabeled" / "saudinewsnet-json"
BENCH_DIR = Path(__file__).resolve().parent
SAMPLE_INTERVAL_S = 0.05
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Machine
# ---------------------------------------------------------------------------------------------
def machine_info() -> dict:
    info = {"nproc": os.cpu_count(), "kernel": platform.release(), "python": platform.python_version()}
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    info["cpu_model"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    info["mem_total_mb"] = round(int(line.split()[1]) / 1024)
    except OSError:
        pass
    try:
        with open("/proc/sys/fs/inotify/max_queued_events") as f:
            info["inotify_max_queued_events"] = int(f.read())
    except OSError:
        pass
    try:
        info["filesystem"] = subprocess.run(
            ["stat", "-f", "-c", "%T", tempfile.gettempdir()], capture_output=True, text=True, timeout=5
        ).stdout.strip()
    except Exception:  # noqa: BLE001
        pass
    try:
        la = os.getloadavg()
        info["loadavg_at_start"] = [round(x, 2) for x in la]
    except OSError:
        pass
    return info


def git_info() -> dict:
    out = {}
    for key, cmd in (("commit", ["git", "rev-parse", "HEAD"]), ("branch", ["git", "rev-parse", "--abbrev-ref", "HEAD"])):
        try:
            out[key] = subprocess.run(cmd, capture_output=True, text=True, timeout=5, cwd=BENCH_DIR).stdout.strip()
        except Exception:  # noqa: BLE001
            pass
    return out


# ---------------------------------------------------------------------------------------------
# Inputs: articles from the zips, read in place, written only to temporary staging directories
# ---------------------------------------------------------------------------------------------
_CORPUS: list[dict] | None = None


def corpus(data_dir: Path) -> list[dict]:
    global _CORPUS
    if _CORPUS is None:
        zips = sorted(glob.glob(str(data_dir / "*.zip")))
        if not zips:
            raise SystemExit(f"no zips in {data_dir}: the benchmark needs ../shared/data (see SOURCE.txt)")
        arts: list[dict] = []
        for zpath in zips:
            with zipfile.ZipFile(zpath) as z:
                for member in z.namelist():
                    if member.endswith(".json"):
                        arts.extend(json.loads(z.read(member)))
        _CORPUS = arts
        log(f"corpus: {len(arts)} articles from {len(zips)} zips")
    return _CORPUS


@dataclass
class InputSet:
    names: list[str]
    sizes: list[int]
    shas: list[str]
    seed: int

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def total_bytes(self) -> int:
        return sum(self.sizes)


# What the inputs are: "mixed" (plain text and JSON, the default) or "html" (every article as a
# news web page, see html_page); set from --inputs.
INPUT_KIND = "mixed"


def html_page(title: str, body: str, url: str, published: str, source: str) -> bytes:
    """An article as a right-to-left news page: head metadata, a menu, the story in <article>
    (one <p> per line of the body), a related-articles list, a newsletter box and a footer:
    what HTML main-text extraction must separate (issue 17)."""
    e = html.escape
    paragraphs = "".join(f"<p>{e(line)}</p>\n" for line in body.split("\n") if line.strip())
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
        f"<title>{e(title)} - {e(source)}</title>"
        f'<meta property="og:title" content="{e(title)}"><link rel="canonical" href="{e(url)}">'
        f'<meta property="article:published_time" content="{e(published)}"></head>\n<body>'
        '<header class="site-header"><nav class="menu"><ul><li><a href="/">الرئيسية</a></li>'
        '<li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li>'
        '<li><a href="/sports">رياضة</a></li></ul></nav></header>\n'
        f'<main><article class="article"><h1>{e(title)}</h1><div class="article-body">\n{paragraphs}</div>'
        '<div class="newsletter">اشترك في النشرة البريدية</div></article>\n'
        '<aside class="related"><h3>أخبار ذات صلة</h3><ul><li><a href="/a">خبر أول</a></li>'
        '<li><a href="/b">خبر ثان</a></li></ul></aside></main>\n'
        '<footer class="site-footer">جميع الحقوق محفوظة</footer></body></html>\n'
    ).encode("utf-8")


def generate_inputs(n: int, seed: int, data_dir: Path):
    """Yield (name, bytes) for n distinct inputs, deterministic for (n, seed).

    With --inputs mixed (default), even indexes are plain text "title\\n\\ncontent" (.txt), odd
    ones JSON objects {title, body, url, published, source} (.json); with --inputs html, every
    input is a news page (.html, see html_page).  For n > corpus size the articles are
    reused (reshuffled) and any input whose bytes were already produced gets a unique last
    line, so every input has its own SHA-256.
    """
    arts = corpus(data_dir)
    rng = random.Random(seed)
    m = len(arts)
    if n <= m:
        order = rng.sample(range(m), n)
    else:
        order = []
        while len(order) < n:
            perm = list(range(m))
            rng.shuffle(perm)
            order.extend(perm)
        order = order[:n]
    seen: set[bytes] = set()
    for i, j in enumerate(order):
        a = arts[j]
        title, content = a.get("title") or "", a.get("content") or ""
        for attempt in range(2):
            body = content if attempt == 0 else f"{content}\n\nbench-copy {i}"
            if INPUT_KIND == "html":
                name = f"a{i:06d}.html"
                data = html_page(title, body, a.get("url", ""), (a.get("date_extracted") or "").replace(" ", "T"),
                                 a.get("source", ""))
            elif i % 2 == 0:
                name = f"a{i:06d}.txt"
                data = f"{title}\n\n{body}".encode("utf-8")
            else:
                name = f"a{i:06d}.json"
                obj = {
                    "title": title,
                    "body": body,
                    "url": a.get("url", ""),
                    "published": (a.get("date_extracted") or "").replace(" ", "T"),
                    "source": a.get("source", ""),
                }
                data = json.dumps(obj, ensure_ascii=False).encode("utf-8")
            digest = hashlib.sha256(data).digest()
            if digest not in seen:
                break
        seen.add(digest)
        yield name, data


def stage_inputs(n: int, seed: int, staging: Path, data_dir: Path) -> InputSet:
    staging.mkdir(parents=True, exist_ok=True)
    names, sizes, shas = [], [], []
    dfd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for name, data in generate_inputs(n, seed, data_dir):
            fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=dfd)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
            names.append(name)
            sizes.append(len(data))
            shas.append(hashlib.sha256(data).hexdigest())
    finally:
        os.close(dfd)
    os.sync()  # staged data on disk, so a run's fsyncs do not pay for the staging writes
    return InputSet(names, sizes, shas, seed)


def drop_all(inputs: InputSet, staging: Path, inbox: Path) -> tuple[float, float]:
    """Rename every staged file into the inbox as fast as possible; returns (t_start, t_end)."""
    sfd = os.open(staging, os.O_RDONLY | os.O_DIRECTORY)
    ifd = os.open(inbox, os.O_RDONLY | os.O_DIRECTORY)
    try:
        rename = os.rename
        t0 = time.perf_counter()
        for name in inputs.names:
            rename(name, name, src_dir_fd=sfd, dst_dir_fd=ifd)
        t1 = time.perf_counter()
    finally:
        os.close(sfd)
        os.close(ifd)
    return t0, t1


# ---------------------------------------------------------------------------------------------
# Processes: memory and CPU of a process tree, sampled
# ---------------------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    out.extend(int(x) for x in f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return out


def _tree(pids: list[int]) -> list[int]:
    seen, stack = [], list(pids)
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.append(p)
        stack.extend(_children(p))
    return seen


def _status_kb(pid: int) -> dict:
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    k, v = line.split(":", 1)
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def _cpu_s(pid: int) -> float:
    """utime + stime + cutime + cstime of pid (children it has reaped included)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            rest = f.read().rsplit(")", 1)[1].split()
        return sum(int(x) for x in rest[11:15]) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return 0.0


def machine_cpu() -> tuple[float, float]:
    """(busy seconds, total seconds) summed over all CPUs since boot, from /proc/stat."""
    with open("/proc/stat") as f:
        vals = [int(x) for x in f.readline().split()[1:]]
    idle = vals[3] + (vals[4] if len(vals) > 4 else 0)
    total = sum(vals[:8])
    return (total - idle) / CLK_TCK, total / CLK_TCK


class TreeMonitor:
    """Samples VmRSS of a process tree every SAMPLE_INTERVAL_S; keeps the peak sum and each
    process's last VmHWM and CPU time."""

    def __init__(self, roots: list[int]):
        self.roots = list(roots)
        self.peak_rss_kb = 0
        self.hwm_kb: dict[int, int] = {}
        self.cpu: dict[int, float] = {}
        self.samples = 0
        self.final_hwm_kb: dict[int, int] = {}
        self.series: list[tuple[float, float]] = []  # (seconds since start, tree RSS MB), about once a second
        self._t0 = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def start(self) -> "TreeMonitor":
        self._thread.start()
        return self

    def sample(self, final: bool = False) -> None:
        total = 0
        alive = _tree(self.roots)
        if final:
            self.final_hwm_kb = {p: _status_kb(p).get("VmHWM", 0) for p in alive}
        for pid in alive:
            st = _status_kb(pid)
            total += st.get("VmRSS", 0)
            if "VmHWM" in st:
                self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), st["VmHWM"])
            c = _cpu_s(pid)
            if c:
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), c)
        self.peak_rss_kb = max(self.peak_rss_kb, total)
        if self.samples % 20 == 0 or final:
            self.series.append((round(time.perf_counter() - self._t0, 2), round(total / 1024, 1)))
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(SAMPLE_INTERVAL_S):
            self.sample()

    def stop(self) -> dict:
        self._stop.set()
        self._thread.join(timeout=5)
        self.sample(final=True)  # final VmHWM, read while the processes still live
        cpu_total = sum(self.cpu.values())
        return {
            "peak_rss_sampled_mb": round(self.peak_rss_kb / 1024, 1),
            # sum of VmHWM over the processes alive at the end (short-lived children such as cp
            # are only in the sampled peak)
            "vmhwm_mb": round(sum(self.final_hwm_kb.values()) / 1024, 1),
            "vmhwm_root_mb": round(max((self.hwm_kb.get(p, 0) for p in self.roots), default=0) / 1024, 1),
            "processes_seen": len(self.hwm_kb),
            "cpu_s": round(cpu_total, 2),
            "samples": self.samples,
            "rss_series_mb": self.series,
        }


def stop_process(proc: subprocess.Popen | None, timeout: float) -> dict:
    """SIGTERM the process group, wait, then SIGKILL.  Returns how it went."""
    if proc is None:
        return {}
    if proc.poll() is not None:
        return {"exit_code": proc.returncode, "already_exited": True}
    t0 = time.perf_counter()
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        proc.wait(timeout=timeout)
        killed = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(timeout=10)
        killed = True
    # anything left in the group (a pipeline's members)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    return {"exit_code": proc.returncode, "stop_ms": round((time.perf_counter() - t0) * 1000), "killed": killed}


def tail(path: Path, n: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return ""


# ---------------------------------------------------------------------------------------------
# Output tree: when did each expected document appear (inotify IN_MOVED_TO, scan as fallback)
# ---------------------------------------------------------------------------------------------
class OutputWatcher:
    def __init__(self, root: Path, expected: set[str]):
        from inotify_simple import INotify, flags

        self.flags = flags
        self.root = root
        self.expected = expected
        self.seen: dict[str, float] = {}
        self.overflow = False
        self.events = 0
        self._ino = INotify()
        self._wd_path: dict[int, str] = {}
        self._mask = flags.MOVED_TO | flags.CLOSE_WRITE | flags.CREATE | flags.ONLYDIR
        self._add_watch("")
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        self.scan()  # anything that was there before the watch

    def _add_watch(self, rel: str) -> None:
        try:
            wd = self._ino.add_watch(str(self.root / rel) if rel else str(self.root), self._mask)
            self._wd_path[wd] = rel
        except OSError:
            pass

    def _note(self, rel: str, t: float) -> None:
        if rel in self.expected and rel not in self.seen:
            self.seen[rel] = t

    def _run(self) -> None:
        f = self.flags
        while not self._stop.is_set():
            try:
                evs = self._ino.read(timeout=100)
            except OSError:
                break
            t = time.perf_counter()
            with self._lock:
                for ev in evs:
                    self.events += 1
                    if ev.mask & f.Q_OVERFLOW:
                        self.overflow = True
                        continue
                    base = self._wd_path.get(ev.wd)
                    if base is None or not ev.name:
                        continue
                    rel = f"{base}/{ev.name}" if base else ev.name
                    if ev.mask & f.ISDIR:
                        if ev.mask & (f.CREATE | f.MOVED_TO):
                            self._add_watch(rel)
                            self._scan_dir(rel, t)
                        continue
                    if ev.mask & (f.MOVED_TO | f.CLOSE_WRITE):
                        self._note(rel, t)

    def _scan_dir(self, rel_dir: str, t: float) -> None:
        top = self.root / rel_dir if rel_dir else self.root
        for dirpath, dirnames, filenames in os.walk(top):
            rd = os.path.relpath(dirpath, self.root)
            for fn in filenames:
                self._note(fn if rd == "." else f"{rd}/{fn}", t)

    def scan(self) -> int:
        t = time.perf_counter()
        with self._lock:
            self._scan_dir("", t)
            return len(self.seen)

    def count(self) -> int:
        with self._lock:
            return len(self.seen)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        try:
            self._ino.close()
        except OSError:
            pass


def count_files(root: Path, suffix: str = "") -> int:
    n = 0
    for _, _, files in os.walk(root):
        n += sum(1 for f in files if f.endswith(suffix) and not f.startswith("."))
    return n


def wait_outputs(
    watcher: OutputWatcher, n: int, failed_dir: Path | None, failure_suffix: str, stall_s: float, cap_s: float,
    proc: subprocess.Popen | None = None,
) -> dict:
    """Poll until docs + failures == n, or nothing new for stall_s, or cap_s, or the process died."""
    t_start = time.perf_counter()
    last_progress, last_count = t_start, -1
    reason = "complete"
    tick = 0
    while True:
        tick += 1
        docs = watcher.count()
        if watcher.overflow and tick % 5 == 0:
            docs = watcher.scan()
        fails = count_files(failed_dir, failure_suffix) if failed_dir else 0
        done = docs + fails
        now = time.perf_counter()
        if done != last_count:
            last_count, last_progress = done, now
        if done >= n:
            break
        if proc is not None and proc.poll() is not None:
            reason = f"process exited with {proc.returncode}"
            break
        if now - last_progress > stall_s:
            reason = f"stalled: nothing new for {stall_s:.0f} s"
            break
        if now - t_start > cap_s:
            reason = f"timeout after {cap_s:.0f} s"
            break
        time.sleep(0.02)
    return {"wait_end_reason": reason}


# ---------------------------------------------------------------------------------------------
# Tools under test
# ---------------------------------------------------------------------------------------------
@dataclass
class Dirs:
    base: Path
    staging: Path
    inbox: Path
    output: Path
    archive: Path
    failed: Path
    state: Path
    logs: Path

    @classmethod
    def make(cls, parent: Path, label: str) -> "Dirs":
        base = Path(tempfile.mkdtemp(prefix=f"{label}-", dir=parent))
        d = cls(base, *(base / x for x in ("staging", "inbox", "output", "archive", "failed", "state", "logs")))
        for p in (d.staging, d.inbox, d.output, d.archive, d.failed, d.state, d.logs):
            p.mkdir()
        return d


class NotifySocket:
    """A $NOTIFY_SOCKET for the daemon: READY=1 arrives here as one datagram."""

    def __init__(self, path: Path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(path))
        self.sock.setblocking(False)
        self.messages: list[bytes] = []

    def ready(self) -> bool:
        while True:
            try:
                self.messages.append(self.sock.recv(4096))
            except BlockingIOError:
                break
        return any(WATCHERD["notify_ready"] in m.split(b"\n") or m.startswith(WATCHERD["notify_ready"]) for m in self.messages)

    def close(self) -> None:
        self.sock.close()


class Tool:
    name = "tool"
    kind = "watcher"  # "watcher": runs before the drop; "batch": runs on the inbox after the drop
    output_suffix = ""
    failure_suffix = ""
    uses_failed = False

    def start(self, d: Dirs) -> subprocess.Popen:
        raise NotImplementedError

    def is_ready(self, d: Dirs, proc: subprocess.Popen) -> bool:
        return True

    def close(self) -> None:
        pass


class Watcherd(Tool):
    name = "watcherd"
    output_suffix = WATCHERD["output_suffix"]
    failure_suffix = WATCHERD["failure_suffix"]
    uses_failed = True

    def __init__(self, binary: str, extra_args: list[str] | None = None, label: str = "watcherd"):
        self.binary = binary
        self.extra = list(extra_args or [])
        self.name = label
        self.notify: NotifySocket | None = None

    def start(self, d: Dirs) -> subprocess.Popen:
        args = [a.format(inbox=d.inbox, output=d.output, archive=d.archive, failed=d.failed, state=d.state)
                for a in WATCHERD["run_args"]]
        self.notify = NotifySocket(d.logs / "notify.sock")
        env = dict(os.environ, NOTIFY_SOCKET=str(self.notify.path))
        return subprocess.Popen(
            [self.binary, *args, *self.extra], stdin=subprocess.DEVNULL,
            stdout=open(d.logs / "stdout.log", "wb"), stderr=open(d.logs / "stderr.log", "wb"),
            env=env, start_new_session=True,
        )

    def is_ready(self, d: Dirs, proc: subprocess.Popen) -> bool:
        return (d.state / WATCHERD["ready_file"]).exists() or (self.notify is not None and self.notify.ready())

    def close(self) -> None:
        if self.notify:
            self.notify.close()
            self.notify = None


class InotifywaitCopy(Tool):
    name = "inotifywait-copy.sh (inotifywait, while read, cp)"

    def start(self, d: Dirs) -> subprocess.Popen:
        return subprocess.Popen(
            ["bash", str(BENCH_DIR / "peers" / "inotifywait-copy.sh"), str(d.inbox), str(d.output)],
            stdin=subprocess.DEVNULL, stdout=open(d.logs / "stdout.log", "wb"),
            stderr=open(d.logs / "stderr.log", "wb"), start_new_session=True,
        )

    def is_ready(self, d: Dirs, proc: subprocess.Popen) -> bool:
        return "Watches established" in tail(d.logs / "stderr.log", 5)


class WatchdogPyarabic(Tool):
    name = "python watchdog + pyarabic"
    output_suffix = ".json"

    def start(self, d: Dirs) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, str(BENCH_DIR / "peers" / "watchdog_pyarabic.py"), str(d.inbox), str(d.output),
             "--ready", str(d.logs / "ready")],
            stdin=subprocess.DEVNULL, stdout=open(d.logs / "stdout.log", "wb"),
            stderr=open(d.logs / "stderr.log", "wb"), start_new_session=True,
        )

    def is_ready(self, d: Dirs, proc: subprocess.Popen) -> bool:
        return (d.logs / "ready").exists()


class Floor(Tool):
    name = "floor (C: read, write, fsync, rename)"
    kind = "batch"

    def __init__(self, binary: str):
        self.binary = binary

    def start(self, d: Dirs) -> subprocess.Popen:
        return subprocess.Popen(
            [self.binary, str(d.inbox), str(d.output)], stdin=subprocess.DEVNULL,
            stdout=open(d.logs / "stdout.log", "wb"), stderr=open(d.logs / "stderr.log", "wb"),
            start_new_session=True,
        )


def build_floor(work: Path) -> str:
    out = work / "floor"
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if not cc:
        raise RuntimeError("no C compiler (cc) found for bench/floor/floor.c")
    subprocess.run([cc, "-O2", "-o", str(out), str(BENCH_DIR / "floor" / "floor.c")], check=True, timeout=120)
    return str(out)


# ---------------------------------------------------------------------------------------------
# Runs
# ---------------------------------------------------------------------------------------------
def analyse_processing_log(path: Path, shas: list[str]) -> dict:
    if not path.exists():
        return {"present": False}
    per_event: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    lines = bad = 0
    missing_keys: collections.Counter = collections.Counter()
    results: collections.Counter = collections.Counter()
    with open(path, "rb") as f:
        for raw in f:
            lines += 1
            try:
                rec = json.loads(raw)
            except ValueError:
                bad += 1
                continue
            if not isinstance(rec, dict):
                bad += 1
                continue
            for k in WATCHERD["log_keys"]:
                if k not in rec:
                    missing_keys[k] += 1
            ev = str(rec.get("event"))
            results[f"{ev}:{rec.get('result')}"] += 1
            if rec.get("sha256"):
                per_event[ev][str(rec["sha256"]).removeprefix("sha256:")] += 1
    expected = set(shas)
    logged = set().union(*(set(c) for c in per_event.values())) if per_event else set()
    dup = {ev: sum(1 for v in c.values() if v > 1) for ev, c in per_event.items()}
    return {
        "present": True,
        "lines": lines,
        "unparseable_lines": bad,
        "lines_missing_keys": dict(missing_keys),
        "events": dict(results),
        "inputs_never_logged": len(expected - logged),
        "sha256_logged_twice_per_event": {k: v for k, v in dup.items() if v},
        "processed_twice": sum(dup.values()),
    }


def burst_run(tool: Tool, n: int, seed: int, args, label: str | None = None, data_dir: Path = DATA_DIR,
              paused: bool = False, profile: bool = False) -> dict:
    """Stage n inputs, start the tool, rename them all into its inbox, time until every output
    exists.  paused: the tool's process group is stopped (SIGSTOP) during the drop and continued
    after it, so that more events arrive than the kernel queue holds (IN_Q_OVERFLOW)."""
    label = label or tool.name
    d = Dirs.make(args.tmp, "run")
    proc = watcher = mon = perf = None
    result: dict = {"tool": label, "n": n, "seed": seed, "paused_during_drop": paused}
    try:
        log(f"{label}: staging {n} inputs in {d.staging}")
        inputs = stage_inputs(n, seed, d.staging, data_dir)
        result["mb"] = round(inputs.total_bytes / 1e6, 2)
        result["mean_kb"] = round(inputs.total_bytes / n / 1024, 2)
        expected = {name + tool.output_suffix for name in inputs.names}
        if tool.kind == "watcher":
            proc = tool.start(d)
            mon = TreeMonitor([proc.pid]).start()
            t_ready0 = time.perf_counter()
            while not tool.is_ready(d, proc):
                if proc.poll() is not None:
                    result["error"] = f"exited with {proc.returncode} before ready: {tail(d.logs / 'stderr.log')}"
                    result["not_available"] = True
                    return result
                if time.perf_counter() - t_ready0 > WATCHERD["ready_timeout_s"]:
                    result["error"] = f"not ready after {WATCHERD['ready_timeout_s']} s: {tail(d.logs / 'stderr.log')}"
                    return result
                time.sleep(0.01)
            result["ready_ms"] = round((time.perf_counter() - t_ready0) * 1000)
            if profile:
                perf = start_perf(proc.pid, d.logs / "perf.data", d.logs)
        watcher = OutputWatcher(d.output, expected)
        log(f"{label}: dropping {n} files into the inbox")
        cpu0 = machine_cpu()
        self_cpu0 = sum(os.times()[:2])
        if paused and proc is not None:
            os.killpg(proc.pid, signal.SIGSTOP)
        try:
            t0, t_drop = drop_all(inputs, d.staging, d.inbox)
        finally:
            if paused and proc is not None:
                os.killpg(proc.pid, signal.SIGCONT)
        result["drop_ms"] = round((t_drop - t0) * 1000, 1)
        cap = max(120.0, n / 20.0)
        if tool.kind == "batch":
            proc = tool.start(d)
            mon = TreeMonitor([proc.pid]).start()
            rusage = None
            while True:  # wait4 gives the exact CPU time and peak RSS of the finished program
                pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    proc.returncode = os.waitstatus_to_exitcode(status)
                    rusage = ru
                    break
                if time.perf_counter() - t_drop > cap:
                    result["error"] = "timed out"
                    break
                time.sleep(0.002)
            t_end_proc = time.perf_counter()
            watcher.scan()
            result.update(wait_end_reason="process exited")
        else:
            result.update(wait_outputs(watcher, n, d.failed if tool.uses_failed else None, tool.failure_suffix,
                                       args.stall_timeout, cap, proc))
        cpu1 = machine_cpu()
        self_cpu = sum(os.times()[:2]) - self_cpu0
        mem = mon.stop() if mon else {}
        mon = None
        if perf is not None:
            result["profile"] = finish_perf(perf, d.logs / "perf.data", args.results, args.timestamp)
            perf = None
        if tool.kind == "batch" and rusage is not None:
            # CPU from wait4; memory from the program's own VmHWM (ru_maxrss counts the pre-exec fork)
            mem["cpu_s"] = round(rusage.ru_utime + rusage.ru_stime, 3)
            try:
                hwm = json.loads(tail(d.logs / "stdout.log", 1)).get("vmhwm_kb", -1)
                if hwm > 0:
                    mem.update(vmhwm_mb=round(hwm / 1024, 1), vmhwm_root_mb=round(hwm / 1024, 1),
                               peak_rss_sampled_mb=max(mem.get("peak_rss_sampled_mb", 0), round(hwm / 1024, 1)))
            except ValueError:
                pass
        times = list(watcher.seen.values())
        t_last = max(times) if times else time.perf_counter()
        if tool.kind == "batch":
            t_last = max(t_last, t_end_proc)
        elapsed = t_last - t0
        docs_present = sum(1 for rel in expected if (d.output / rel).exists())
        failures = count_files(d.failed, tool.failure_suffix) if tool.uses_failed else 0
        done_bytes = sum(s for name, s in zip(inputs.names, inputs.sizes) if name + tool.output_suffix in watcher.seen)
        result.update({
            "seconds": round(elapsed, 3),
            "documents": docs_present,
            "failed_records": failures,
            "lost": n - docs_present - failures,
            "articles_per_s": round(docs_present / elapsed, 1) if elapsed > 0 else None,
            "mb_per_s": round(done_bytes / 1e6 / elapsed, 2) if elapsed > 0 else None,
            "watch_overflowed": watcher.overflow,
            **mem,
        })
        result["cpu_ms_per_file"] = round(mem.get("cpu_s", 0) * 1000 / max(1, docs_present), 3)
        # contention: how busy the whole machine was during the run, and who else used it
        span = cpu1[1] - cpu0[1]
        if span > 0 and elapsed > 0:
            wall = span / (os.cpu_count() or 1)
            busy_cores = (cpu1[0] - cpu0[0]) / wall
            result["machine_busy_cores"] = round(busy_cores, 2)
            result["tool_cores"] = round(mem.get("cpu_s", 0) / wall, 2) if tool.kind == "watcher" else None
            result["harness_cores"] = round(self_cpu / wall, 2)
            if tool.kind == "watcher":
                result["other_load_cores"] = round(max(0.0, busy_cores - result["tool_cores"] - result["harness_cores"]), 2)
        if tool.uses_failed:
            result["archived"] = count_files(d.archive)
            result["left_in_inbox"] = count_files(d.inbox)
            result["processing_log"] = analyse_processing_log(d.state / WATCHERD["processing_log"], inputs.shas)
            if failures:
                samples = sorted(p.name for p in d.failed.iterdir() if p.name.endswith(tool.failure_suffix))[:3]
                result["failure_samples"] = [
                    (d.failed / s).read_text(errors="replace")[:400] for s in samples
                ]
        if tool.kind == "watcher":
            result["stop"] = stop_process(proc, WATCHERD["stop_timeout_s"])
            proc = None
        else:
            result["stdout"] = tail(d.logs / "stdout.log", 3)
        err = tail(d.logs / "stderr.log", 5)
        if err and tool.kind == "watcher" and not isinstance(tool, InotifywaitCopy):
            result["stderr_tail"] = err
        log(f"{label}: {docs_present}/{n} documents in {elapsed:.2f} s "
            f"({result['articles_per_s']}/s), lost {result['lost']}, RSS peak {result.get('peak_rss_sampled_mb')} MB")
        return result
    finally:
        if mon:
            mon.stop()
        if perf is not None:
            stop_process(perf, 10)
        if watcher:
            watcher.close()
        if proc is not None:
            stop_process(proc, WATCHERD["stop_timeout_s"])
        tool.close()
        if args.keep:
            log(f"kept {d.base}")
        else:
            shutil.rmtree(d.base, ignore_errors=True)


def start_perf(pid: int, data: Path, logs: Path) -> subprocess.Popen | None:
    """perf record of a running process (sampling at 499 Hz with call chains)."""
    if not shutil.which("perf"):
        log("perf not found: no profile")
        return None
    p = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-o", str(data), "-p", str(pid)],
                         stdin=subprocess.DEVNULL, stdout=open(logs / "perf.out", "wb"),
                         stderr=open(logs / "perf.err", "wb"), start_new_session=True)
    time.sleep(0.3)  # let perf attach before the drop
    return p


def _perf_report(data: Path, children: bool) -> list[tuple[float, str]]:
    cmd = ["perf", "report", "-i", str(data), "--stdio", "--sort", "symbol", "-g", "none", "--percent-limit", "0.3",
           "--children" if children else "--no-children"]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300).stdout
    lines = [ln for ln in out.splitlines() if "%" in ln and not ln.lstrip().startswith("#")]
    text = "\n".join(lines)
    demangler = shutil.which("swift-demangle") or (shutil.which("swift") and "swift")
    if demangler:
        cmd = [demangler, "--simplified"] if demangler.endswith("swift-demangle") else ["swift", "demangle", "--simplified"]
        try:
            text = subprocess.run(cmd, input=text, capture_output=True, text=True, timeout=120).stdout or text
        except (OSError, subprocess.TimeoutExpired):
            pass
    rows = []
    for ln in text.splitlines():
        parts = ln.split()
        try:
            pct = float(parts[0].rstrip("%"))
        except (ValueError, IndexError):
            continue
        # --children prints "children% self% [.] symbol"; --no-children "self% [.] symbol"
        sym = ln.split("] ", 1)[1].strip() if "] " in ln else " ".join(parts[1:])
        while sym.endswith(" -"):  # perf's empty IPC columns
            sym = sym[:-2].rstrip()
        rows.append((pct, sym))
    return rows


def finish_perf(perf: subprocess.Popen, data: Path, results: Path, ts: str) -> dict:
    try:
        perf.send_signal(signal.SIGINT)
        perf.wait(timeout=60)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        stop_process(perf, 5)
    if not data.exists():
        return {"available": False}
    try:
        flat = _perf_report(data, children=False)
        inclusive = [(p, s) for p, s in _perf_report(data, children=True) if "Pipeline" in s or "(" in s][:60]
    except (OSError, subprocess.TimeoutExpired) as exc:
        return {"available": False, "error": str(exc)}
    results.mkdir(parents=True, exist_ok=True)
    path = results / f"{ts}-perf.txt"
    with open(path, "w") as f:
        f.write("# self time (perf report --no-children --sort symbol)\n")
        f.writelines(f"{p:6.2f}%  {s}\n" for p, s in flat)
        f.write("\n# inclusive time (perf report --children --sort symbol)\n")
        f.writelines(f"{p:6.2f}%  {s}\n" for p, s in inclusive)
    return {"available": True, "report": str(path), "self_top": flat[:25], "inclusive_top": inclusive[:40]}


def latency_run(tool: Watcherd, rate: float, duration: float, seed: int, args, data_dir: Path = DATA_DIR) -> dict:
    n = max(1, int(rate * duration))
    d = Dirs.make(args.tmp, "latency")
    proc = watcher = mon = None
    result: dict = {"tool": tool.name, "rate_per_s": rate, "duration_s": duration, "n": n}
    try:
        inputs = stage_inputs(n, seed, d.staging, data_dir)
        expected = {name + tool.output_suffix for name in inputs.names}
        proc = tool.start(d)
        mon = TreeMonitor([proc.pid]).start()
        t_ready0 = time.perf_counter()
        while not tool.is_ready(d, proc):
            if proc.poll() is not None or time.perf_counter() - t_ready0 > WATCHERD["ready_timeout_s"]:
                result["error"] = f"daemon not ready: {tail(d.logs / 'stderr.log')}"
                return result
            time.sleep(0.01)
        watcher = OutputWatcher(d.output, expected)
        sfd = os.open(d.staging, os.O_RDONLY | os.O_DIRECTORY)
        ifd = os.open(d.inbox, os.O_RDONLY | os.O_DIRECTORY)
        dropped: dict[str, float] = {}
        log(f"latency: {n} files at {rate}/s")
        try:
            t0 = time.perf_counter()
            for i, name in enumerate(inputs.names):
                due = t0 + i / rate
                delay = due - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                t = time.perf_counter()
                os.rename(name, name, src_dir_fd=sfd, dst_dir_fd=ifd)
                dropped[name + tool.output_suffix] = t
                if proc.poll() is not None:
                    break
        finally:
            os.close(sfd)
            os.close(ifd)
        result.update(wait_outputs(watcher, n, d.failed, tool.failure_suffix, args.stall_timeout, 60, proc))
        lat = sorted((watcher.seen[k] - t) * 1000 for k, t in dropped.items() if k in watcher.seen)
        first = next((k for k in dropped if k in watcher.seen), next(iter(dropped)))
        result.update({
            "documents": len(lat),
            "missing": n - len(lat),
            "failed_records": count_files(d.failed, tool.failure_suffix),
            "p50_ms": round(percentile(lat, 50), 2) if lat else None,
            "p90_ms": round(percentile(lat, 90), 2) if lat else None,
            "p99_ms": round(percentile(lat, 99), 2) if lat else None,
            "max_ms": round(lat[-1], 2) if lat else None,
            "mean_ms": round(statistics.fmean(lat), 2) if lat else None,
            "first_ms": round((watcher.seen[first] - dropped[first]) * 1000, 2) if first in watcher.seen else None,
            "watch_overflowed": watcher.overflow,
        })
        result.update(mon.stop())
        mon = None
        result["stop"] = stop_process(proc, WATCHERD["stop_timeout_s"])
        proc = None
        log(f"latency: p50 {result['p50_ms']} ms, p99 {result['p99_ms']} ms, max {result['max_ms']} ms")
        return result
    finally:
        if mon:
            mon.stop()
        if watcher:
            watcher.close()
        if proc is not None:
            stop_process(proc, WATCHERD["stop_timeout_s"])
        tool.close()
        if not args.keep:
            shutil.rmtree(d.base, ignore_errors=True)


def percentile(sorted_vals: list[float], p: float) -> float:
    if not sorted_vals:
        return float("nan")
    k = (len(sorted_vals) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def help_text(binary: str, *sub: str) -> str:
    """`watcherd [sub] --help`, to see whether a subcommand or a flag exists before using it."""
    try:
        p = subprocess.run([binary, *sub, "--help"], capture_output=True, text=True, timeout=30,
                           stdin=subprocess.DEVNULL)
        return p.stdout + p.stderr
    except (OSError, subprocess.TimeoutExpired):
        return ""


def extract_run(binary: str, n: int, seed: int, args, data_dir: Path = DATA_DIR) -> dict:
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        return {"available": False, "error": f"{binary} not built (make bench-build builds bench/extract)"}
    d = Dirs.make(args.tmp, "extract")
    try:
        inputs = stage_inputs(n, seed, d.staging, data_dir)
        cmd = [binary, *(a.format(dir=d.staging) for a in WATCHERD["bench_extract_args"])]
        log(f"extract: {' '.join(cmd[1:])} on {n} files")
        try:
            p = subprocess.run(cmd, capture_output=True, timeout=args.extract_timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"available": False, "error": f"timed out after {args.extract_timeout} s"}
        if p.returncode != 0:
            err = p.stderr.decode(errors="replace").strip()
            return {"available": False, "n": n, "exit_code": p.returncode,
                    "error": (err.splitlines() or [""])[0][:300], "stderr": err[-2000:]}
        out = p.stdout.decode(errors="replace")
        try:
            parsed = json.loads(out)
        except ValueError:
            start, end = out.find("{"), out.rfind("}")
            try:
                parsed = json.loads(out[start:end + 1])
            except ValueError:
                return {"available": True, "n": n, "unparsed_output": out[-1000:]}
        return {"available": True, "n": n, "mb": round(inputs.total_bytes / 1e6, 2), "result": parsed}
    finally:
        if not args.keep:
            shutil.rmtree(d.base, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------
def fmt(v, nd=1) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def cell(text: str, limit: int = 120) -> str:
    """One markdown table cell: a single line, no pipes."""
    return " ".join(str(text).split()).replace("|", "\\|")[:limit]


def burst_table(rows: list[tuple[str, dict]]) -> str:
    head = ("| run | N | MB | s | articles/s | MB/s | docs | failed | lost | twice | peak RSS MB | VmHWM MB "
            "| CPU ms/file | other load |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    lines = [head]
    for label, r in rows:
        if not r:
            continue
        if r.get("error") or r.get("not_available"):
            lines.append(f"| {cell(label)} | {fmt(r.get('n'))} | not available: {cell(r.get('error', ''), 100)} "
                         "| | | | | | | | | | | |")
            continue
        twice = r.get("processing_log", {}).get("processed_twice", "-") if "processing_log" in r else "-"
        lines.append(
            f"| {cell(label)} | {fmt(r.get('n'))} | {fmt(r.get('mb'))} | {fmt(r.get('seconds'), 2)} | "
            f"{fmt(r.get('articles_per_s'))} | {fmt(r.get('mb_per_s'), 2)} | {fmt(r.get('documents'))} | "
            f"{fmt(r.get('failed_records'))} | {fmt(r.get('lost'))} | {fmt(twice)} | "
            f"{fmt(r.get('peak_rss_sampled_mb'))} | {fmt(r.get('vmhwm_mb'))} | {fmt(r.get('cpu_ms_per_file'), 2)} | "
            f"{fmt(r.get('other_load_cores'), 2)} |"
        )
    return "\n".join(lines)


def ratios(ours: dict, peers: dict) -> dict:
    out = {}
    if not ours or not ours.get("articles_per_s"):
        return out
    for key, r in peers.items():
        if not r or not r.get("articles_per_s"):
            continue
        out[key] = {
            "throughput_ratio": round(ours["articles_per_s"] / r["articles_per_s"], 2),
            "memory_ratio": round(ours["vmhwm_mb"] / r["vmhwm_mb"], 2) if r.get("vmhwm_mb") else None,
            "cpu_per_file_ratio": round(ours["cpu_ms_per_file"] / r["cpu_ms_per_file"], 2)
            if r.get("cpu_ms_per_file") else None,
            "lost_ours_vs_peer": [ours.get("lost"), r.get("lost")],
        }
    return out


def report(res: dict) -> str:
    m = res["machine"]
    out = [f"## watcherd benchmark, {res['timestamp']}", "",
           f"Machine: {m.get('nproc')} cores, {m.get('cpu_model', '?')}, {m.get('mem_total_mb')} MB, "
           f"kernel {m.get('kernel')}, {m.get('filesystem', '?')} temp dir; watcherd {res.get('watcherd', {}).get('binary', '-')}"
           f" at {res.get('git', {}).get('commit', '?')[:10]}", ""]
    runs = res["runs"]
    rows = []
    for key, label in (("burst", "watcherd burst"), ("fsync_batch_1", "watcherd --fsync-batch 1"),
                       ("fsync_batch_32", "watcherd --fsync-batch 32"), ("memory_big", "watcherd burst (memory, big N)")):
        if key in runs:
            rows.append((label, runs[key]))
    for key, r in runs.get("peers", {}).items():
        rows.append((r.get("tool", key), r))
    if rows:
        out += ["### Burst: N files renamed into the inbox at once, until every document exists", "",
                burst_table(rows), ""]
    if runs.get("overflow"):
        out += ["### Overflow: each watcher stopped (SIGSTOP) while N files are renamed in, then continued", "",
                burst_table([(r.get("tool", k), r) for k, r in runs["overflow"].items()]), ""]
    if "memory" in res:
        mm = res["memory"]
        out += ["### Memory", "",
                f"VmHWM at N={fmt(mm.get('n_small'))}: {fmt(mm.get('vmhwm_small_mb'))} MB; at N={fmt(mm.get('n_big'))}: "
                f"{fmt(mm.get('vmhwm_big_mb'))} MB; growth {fmt(mm.get('growth_pct'))} %", ""]
    if "latency" in runs:
        r = runs["latency"]
        if r.get("error"):
            out += ["### Latency", "", f"not available: {cell(r['error'], 300)}", ""]
        else:
            out += ["### Latency: one file at a time, rename into inbox -> document renamed into output", "",
                    "| rate/s | duration s | N | docs | p50 ms | p90 ms | p99 ms | max ms | first ms |",
                    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
                    f"| {fmt(r.get('rate_per_s'))} | {fmt(r.get('duration_s'))} | {fmt(r.get('n'))} | "
                    f"{fmt(r.get('documents'))} | {fmt(r.get('p50_ms'), 2)} | {fmt(r.get('p90_ms'), 2)} | "
                    f"{fmt(r.get('p99_ms'), 2)} | {fmt(r.get('max_ms'), 2)} | {fmt(r.get('first_ms'), 2)} |", ""]
    if "extract" in runs:
        r = runs["extract"]
        out += ["### Extraction alone (watcherd bench-extract)", ""]
        if r.get("available") and isinstance(r.get("result"), dict) and isinstance(r["result"].get("stages"), dict):
            x = r["result"]
            cpu = x.get("cpu_seconds")
            out += [f"N={fmt(r.get('n'))} files ({fmt(r.get('mb'), 2)} MB) x {fmt(x.get('repeat', 1))}, one thread: "
                    f"**{fmt(x.get('articles_per_s'))} articles/s**, {fmt(x.get('tokens_per_s'), 0)} tokens/s, "
                    f"{fmt(x.get('mb_per_s'), 2)} MB/s; {fmt(x.get('seconds'), 2)} s wall, "
                    f"{fmt(cpu, 2)} s CPU"
                    + (f" ({fmt(x['articles'] / cpu)} articles per CPU second)" if cpu and x.get("articles") else "")
                    + f"; {fmt(x.get('tokens'))} tokens, {fmt(x.get('failed'))} failed to decode.", "",
                    "| stage | ms/article | share |", "|---|---:|---:|"]
            out += [f"| {name} | {fmt(v.get('ms_per_article'), 4)} | {fmt(100 * v.get('share', 0), 1)} % |"
                    for name, v in x["stages"].items()]
            out.append("")
        elif r.get("available"):
            out += [f"N={fmt(r.get('n'))}: `{json.dumps(r.get('result', r.get('unparsed_output')), ensure_ascii=False)[:1500]}`", ""]
        else:
            out += [f"not available: {cell(r.get('error', ''), 300)}", ""]
    for key, label in (("fsync", "Durability cost"),):
        if key in res:
            out += [f"### {label}", "", res[key], ""]
    prof = runs.get("profile", {}).get("profile")
    if prof and prof.get("available"):
        out += [f"### Profile of a burst (perf record -F 499 -g on the daemon; full report {prof['report']})", "",
                "| self % | symbol |", "|---:|---|"]
        out += [f"| {p:.2f} | {cell(s, 150)} |" for p, s in prof["self_top"][:15]]
        out += ["", "| inclusive % | symbol |", "|---:|---|"]
        out += [f"| {p:.2f} | {cell(s, 150)} |" for p, s in prof["inclusive_top"][:25]]
        out.append("")
    if res.get("ratios"):
        out += ["### watcherd as a ratio to each peer (same files, same run)", "",
                "| peer | throughput x | memory (VmHWM) x | CPU per file x | lost (ours, peer) |",
                "|---|---:|---:|---:|---|"]
        for k, v in res["ratios"].items():
            out.append(f"| {runs['peers'][k].get('tool', k)} | {fmt(v['throughput_ratio'], 2)} | "
                       f"{fmt(v['memory_ratio'], 2)} | {fmt(v['cpu_per_file_ratio'], 2)} | {v['lost_ours_vs_peer']} |")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------
def watcherd_available(path: str | None) -> bool:
    return bool(path) and os.path.isfile(path) and os.access(path, os.X_OK)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", nargs="?", default="all",
                    choices=["all", "burst", "latency", "memory", "extract", "peers", "durability", "overflow",
                             "profile"])
    ap.add_argument("--profile", action="store_true", help="all: also run the profiled burst (perf record)")
    ap.add_argument("--watcherd", default=".build/release/watcherd", help="path to the release binary")
    ap.add_argument("-n", "--n", type=int, default=10_000, help="articles per burst (default 10,000)")
    ap.add_argument("--n-big", type=int, default=100_000, help="the big burst for the memory figure")
    ap.add_argument("--skip-big", action="store_true", help="skip the big (100,000) burst")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--overflow-n", type=int, default=20_000,
                    help="overflow: files dropped while each watcher is stopped (more than the kernel queue holds)")
    ap.add_argument("--skip-overflow", action="store_true", help="skip the paused-drop (overflow) runs")
    ap.add_argument("--overflow-tools", default="watcherd,inotifywait,watchdog", help="which tools, comma separated")
    ap.add_argument("--peers", default="floor,inotifywait,watchdog", help="which peers, comma separated")
    ap.add_argument("--rate", type=float, default=20.0, help="latency: files per second")
    ap.add_argument("--duration", type=float, default=30.0, help="latency: seconds")
    ap.add_argument("--bench-extract", default="bench/extract/.build/release/watcherd-bench-extract",
                    help="path to the extraction benchmark binary (bench/extract)")
    ap.add_argument("--extract-n", type=int, default=2000, help="files for bench-extract")
    ap.add_argument("--extract-timeout", type=float, default=600)
    ap.add_argument("--seed", type=int, default=20150721)
    ap.add_argument("--stall-timeout", type=float, default=30.0,
                    help="give up on a run after this many seconds without a new document")
    ap.add_argument("--daemon-arg", action="append", default=[], help="extra argument for `watcherd run`")
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--inputs", choices=["mixed", "html"], default="mixed",
                    help="mixed: plain text and JSON articles (default); html: every article as a news web page")
    ap.add_argument("--tmp", type=Path, default=None, help="parent of the temporary directories")
    ap.add_argument("--results", type=Path, default=BENCH_DIR / "results")
    ap.add_argument("--keep", action="store_true", help="keep temporary directories")
    args = ap.parse_args(argv)
    global INPUT_KIND
    INPUT_KIND = args.inputs

    parent_tmp = Path(tempfile.mkdtemp(prefix="watcherd-bench-", dir=args.tmp))
    args.tmp = parent_tmp
    ts = time.strftime("%Y%m%dT%H%M%S")
    args.timestamp = ts
    res: dict = {"timestamp": ts, "command": args.command, "argv": sys.argv[1:], "machine": machine_info(),
                 "git": git_info(), "runs": {}}
    have = watcherd_available(args.watcherd)
    res["watcherd"] = {"binary": args.watcherd, "available": have}
    cmd = args.command
    try:
        if not have and cmd in ("all", "burst", "latency", "memory", "extract", "durability"):
            log(f"watcherd binary {args.watcherd} not found: its figures are 'not available'")
        base_extra = list(args.daemon_arg)

        if have and cmd in ("all", "burst", "memory", "peers"):
            res["runs"]["burst"] = burst_run(Watcherd(args.watcherd, base_extra), args.n, args.seed, args, "watcherd",
                                             args.data)
        if have and cmd in ("all", "latency"):
            res["runs"]["latency"] = latency_run(Watcherd(args.watcherd, base_extra), args.rate, args.duration,
                                                 args.seed + 1, args, args.data)
        if cmd in ("all", "extract"):
            res["runs"]["extract"] = (extract_run(args.bench_extract, min(args.extract_n, args.n), args.seed + 2, args,
                                                  args.data) if have else {"available": False,
                                                                           "error": "no watcherd binary"})
        if have and cmd in ("all", "durability") and WATCHERD["fsync_batch_flag"] not in help_text(args.watcherd, "run"):
            res["fsync"] = f"not available: `watcherd run` has no {WATCHERD['fsync_batch_flag']} flag (see `watcherd run --help`)"
        elif have and cmd in ("all", "durability"):
            for b in (1, 32):
                r = burst_run(Watcherd(args.watcherd, base_extra + [WATCHERD["fsync_batch_flag"], str(b)]),
                              args.n, args.seed, args, f"watcherd --fsync-batch {b}", args.data)
                res["runs"][f"fsync_batch_{b}"] = r
            b1, b32 = res["runs"]["fsync_batch_1"], res["runs"]["fsync_batch_32"]
            if b1.get("articles_per_s") and b32.get("articles_per_s"):
                res["fsync"] = (f"--fsync-batch 1: {b1['articles_per_s']} articles/s; --fsync-batch 32: "
                                f"{b32['articles_per_s']} articles/s (x{b32['articles_per_s'] / b1['articles_per_s']:.2f})")
            else:
                res["fsync"] = "not available: " + cell(b1.get("error") or b32.get("error") or "", 300)
        if have and cmd in ("all", "memory") and not args.skip_big:
            big = burst_run(Watcherd(args.watcherd, base_extra), args.n_big, args.seed, args,
                            f"watcherd (N={args.n_big})", args.data)
            res["runs"]["memory_big"] = big
            small = res["runs"].get("burst", {})
            if small.get("vmhwm_mb") and big.get("vmhwm_mb"):
                res["memory"] = {"n_small": small["n"], "vmhwm_small_mb": small["vmhwm_mb"], "n_big": big["n"],
                                 "vmhwm_big_mb": big["vmhwm_mb"],
                                 "growth_pct": round((big["vmhwm_mb"] / small["vmhwm_mb"] - 1) * 100, 1)}
        if cmd in ("all", "peers") and not args.skip_peers:
            peers: dict[str, dict] = {}
            wanted = [p.strip() for p in args.peers.split(",") if p.strip()]
            for key in wanted:
                if key == "floor":
                    tool: Tool = Floor(build_floor(parent_tmp))
                elif key == "inotifywait":
                    if not shutil.which("inotifywait"):
                        peers[key] = {"tool": "inotifywait", "error": "inotifywait not installed (apt-get install inotify-tools)"}
                        continue
                    tool = InotifywaitCopy()
                elif key == "watchdog":
                    tool = WatchdogPyarabic()
                else:
                    raise SystemExit(f"unknown peer {key}")
                peers[key] = burst_run(tool, args.n, args.seed, args, tool.name, args.data)
            res["runs"]["peers"] = peers
            res["ratios"] = ratios(res["runs"].get("burst", {}), peers)
        if have and (cmd == "profile" or (cmd == "all" and args.profile)):
            res["runs"]["profile"] = burst_run(Watcherd(args.watcherd, base_extra), args.n, args.seed, args,
                                               "watcherd (under perf record)", args.data, profile=True)
        if cmd in ("all", "overflow") and not args.skip_overflow:
            over: dict[str, dict] = {}
            tools: list[tuple[str, Tool]] = []
            wanted_o = [t.strip() for t in args.overflow_tools.split(",")]
            if have and "watcherd" in wanted_o:
                tools.append(("watcherd", Watcherd(args.watcherd, base_extra)))
            if shutil.which("inotifywait") and "inotifywait" in wanted_o:
                tools.append(("inotifywait", InotifywaitCopy()))
            if "watchdog" in wanted_o:
                tools.append(("watchdog", WatchdogPyarabic()))
            for key, tool in tools:
                over[key] = burst_run(tool, args.overflow_n, args.seed + 3, args, f"{tool.name} (stopped during drop)",
                                      args.data, paused=True)
            res["runs"]["overflow"] = over
    finally:
        shutil.rmtree(parent_tmp, ignore_errors=True) if not args.keep else log(f"kept {parent_tmp}")
        res["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
        args.results.mkdir(parents=True, exist_ok=True)
        path = args.results / f"{ts}.json"
        path.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
        text = report(res)
        print(text)
        (args.results / f"{ts}.md").write_text(text + "\n")
        log(f"results: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
