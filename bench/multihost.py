#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later

"""Several watcherd daemons on one inbox with a PostgreSQL ledger (issue 15).

Measures, in one run on the same N inputs (SaudiNewsNet articles, as bench/run.py makes them):
one daemon with the SQLite ledger (the baseline), then one, two and three daemons sharing the
inbox and output trees with one PostgreSQL ledger on a private cluster (initdb in a temporary
directory, loopback port; as the `postgres` user when run as root). For each: documents per
second from the drop to the last document, the ratio to the SQLite figure, and the CPU each
daemon and the PostgreSQL server used (CPU seconds / wall seconds = cores busy).

    python3 bench/multihost.py --watcherd .build/release/watcherd [-n 5000]

Writes bench/results/multihost-<timestamp>.json and .md. See bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402  (the suite's input generator, drop and /proc helpers)

RESULTS = Path(__file__).resolve().parent / "results"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A private PostgreSQL cluster on a loopback port, removed at stop()."""

    def __init__(self, work: Path):
        versions = sorted((int(p.name) for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit()), reverse=True)
        if not versions:
            raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = Path(f"/usr/lib/postgresql/{versions[0]}/bin")
        self.dir = work / "pg"
        self.dir.mkdir()
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            os.chmod(work, 0o755)  # mkdtemp made it 0700: the postgres user must reach its cluster
            self.prefix = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
        self.run("initdb", "-D", str(self.dir / "data"), "-U", "watcherd", "--auth=trust", "-E", "UTF8",
                 "--locale=C.UTF-8", "--no-sync")
        # Durable as in production (fsync on): the ledger's commits are part of what is measured.
        self.run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-w", "-o",
                 f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=100", "start")
        self.database = 0

    def run(self, tool: str, *args: str, owner: bool = True) -> str:
        cmd = (self.prefix if owner else []) + [str(self.bin / tool), *args]
        return subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=self.dir).stdout

    def new_database(self) -> str:
        self.database += 1
        name = f"bench{self.database}"
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "watcherd", name, owner=False)
        return f"postgres://watcherd@127.0.0.1:{self.port}/{name}"

    def server_cpu(self) -> float:
        """CPU seconds of every postgres process (postmaster, backends, background workers)."""
        total = 0.0
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    exe = os.readlink(f"/proc/{pid}/exe")
                except OSError:
                    continue
                if exe.startswith(str(self.bin)):
                    total += bench._cpu_s(int(pid))
        return total

    def stop(self) -> None:
        subprocess.run(self.prefix + [str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m", "fast", "-w",
                                      "stop"], capture_output=True)


def scenario(binary: str, daemons: int, ledger: str | None, n: int, seed: int, work: Path, cluster: Cluster | None,
             timeout: float) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"mh-{daemons}-", dir=work))
    tree = {name: root / name for name in ("inbox", "output", "archive", "failed", "staging")}
    for path in tree.values():
        path.mkdir()
    inputs = bench.stage_inputs(n, seed, tree["staging"], bench.DATA_DIR)
    procs = []
    for host in range(1, daemons + 1):
        state = root / f"state-{host}"
        args = [binary, "run", "--config", "/dev/null", "--inbox", str(tree["inbox"]), "--output",
                str(tree["output"]), "--archive", str(tree["archive"]), "--failed", str(tree["failed"]),
                "--state", str(state), "--summary-interval-seconds", "0"]
        if ledger:
            args += ["--ledger", ledger]
        stderr = open(root / f"daemon-{host}.stderr", "wb")
        procs.append((subprocess.Popen(args, stderr=stderr, stdout=subprocess.DEVNULL), state))
    for proc, state in procs:
        deadline = time.time() + 60
        while not (state / "ready").exists():
            if time.time() > deadline or proc.poll() is not None:
                raise SystemExit(f"daemon not ready: {(state.parent / 'daemon-1.stderr').read_text()[-2000:]}")
            time.sleep(0.05)
    cpu0 = [bench._cpu_s(p.pid) for p, _ in procs]
    pg0 = cluster.server_cpu() if cluster and ledger else 0.0
    t0, _ = bench.drop_all(inputs, tree["staging"], tree["inbox"])
    done = 0
    while time.perf_counter() - t0 < timeout:
        # Inputs that fail (no text, ...) end as failure records: every input ends as one or the other.
        done = bench.count_files(tree["output"], ".json") + bench.count_files(tree["failed"], ".error.json")
        if done >= n:
            break
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    cpu = [bench._cpu_s(p.pid) - c for (p, _), c in zip(procs, cpu0)]
    pg = (cluster.server_cpu() - pg0) if cluster and ledger else 0.0
    for proc, _ in procs:
        proc.send_signal(signal.SIGTERM)
    for proc, _ in procs:
        proc.wait(timeout=60)
    shutil.rmtree(root, ignore_errors=True)
    return {
        "daemons": daemons, "ledger": "postgresql" if ledger else "sqlite", "n": n, "inputs_done": done,
        "seconds": round(wall, 2), "docs_per_s": round(done / wall, 1),
        "cpu_cores_per_daemon": [round(c / wall, 2) for c in cpu], "cpu_cores_daemons": round(sum(cpu) / wall, 2),
        "cpu_cores_postgres": round(pg / wall, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--watcherd", default=".build/release/watcherd")
    parser.add_argument("-n", type=int, default=5000, help="inputs per scenario (5000)")
    parser.add_argument("--seed", type=int, default=20150721)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    binary = str(Path(args.watcherd).resolve())
    work = Path(tempfile.mkdtemp(prefix="watcherd-multihost-"))
    cluster = Cluster(work)
    rows = []
    try:
        bench.log(f"sqlite, 1 daemon, {args.n} inputs")
        rows.append(scenario(binary, 1, None, args.n, args.seed, work, None, args.timeout))
        for daemons in (1, 2, 3):
            bench.log(f"postgresql, {daemons} daemon(s), {args.n} inputs")
            rows.append(scenario(binary, daemons, cluster.new_database(), args.n, args.seed, work, cluster,
                                 args.timeout))
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    base = rows[0]["docs_per_s"]
    lines = ["| ledger | daemons | documents/s | ratio to SQLite, 1 daemon | CPU cores: daemons (each) | "
             "CPU cores: PostgreSQL |", "|---|---:|---:|---:|---|---:|"]
    for row in rows:
        row["ratio_to_sqlite_1"] = round(row["docs_per_s"] / base, 2) if base else None
        lines.append(f"| {row['ledger']} | {row['daemons']} | {row['docs_per_s']:,} | {row['ratio_to_sqlite_1']} | "
                     f"{row['cpu_cores_daemons']} ({', '.join(map(str, row['cpu_cores_per_daemon']))}) | "
                     f"{row['cpu_cores_postgres']} |")
    table = "\n".join(lines)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    result = {"machine": bench.machine_info(), "git": bench.git_info(), "n": args.n, "rows": rows}
    (RESULTS / f"multihost-{stamp}.json").write_text(json.dumps(result, indent=2))
    (RESULTS / f"multihost-{stamp}.md").write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
