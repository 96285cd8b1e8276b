"""The database restarted under load: `sitrep serve` on a PostgreSQL server of its own, readers and a
writer on 127.0.0.1, and the server stopped and started again in the middle.

What must hold (issue 16): while the database is down, every request fails cleanly (a 503 in the error
shape, with a store code, and fast: no request waits for a timeout); once it is back, requests succeed
again without restarting `sitrep serve`; no write is lost or doubled: every document the server
acknowledged is stored once, and a document refused while the database was down is stored once when the
client sends it again.

The PostgreSQL server is a private one (initdb in a temporary folder, its own port), never the
machine's shared server, so stopping it disturbs nobody. Traffic goes only to 127.0.0.1, bounded in time
(``--seconds``) and in number. The articles posted are generated here (one sentence each, numbered).

Usage: python tools/restart_under_load.py [--readers 8] [--seconds 30] [--down 4]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from sitrep.store.db import migrate, open_engine

TOKEN = "restart-test-token"
PLACES = ["Aleppo", "Homs", "Idlib", "Hama", "Daraa", "Raqqa", "Latakia", "Deir ez-Zor"]
READS = ["/api/events?limit=20", "/api/events?type=ASSAULT&limit=20", "/api/documents?limit=10",
         "/api/timeline", "/api/ceasefires", "/api/events?place=Syria&limit=50"]


def pg_bin() -> Path | None:
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), or None where there is none."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))  # Debian's layout
    found = versions[-1] if versions else shutil.which("pg_ctl")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PrivatePostgres:
    """A PostgreSQL server in a temporary folder, on a port of its own, that may be stopped and started."""

    def __init__(self, bin_dir: Path):
        self.bin, self.port = bin_dir, free_port()
        self.root = Path(tempfile.mkdtemp(prefix="sitrep-pg-"))
        self.data = self.root / "data"
        self.owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []  # initdb refuses root

    def _run(self, *args: str) -> None:
        done = subprocess.run([*self.owner, *args], capture_output=True, text=True, timeout=120)
        if done.returncode:
            raise RuntimeError(f"{' '.join(args[:1])} failed: {done.stderr.strip() or done.stdout.strip()}")

    def init(self) -> str:
        if self.owner:
            shutil.chown(self.root, "postgres")
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "sitrep")
        return f"postgresql://postgres@127.0.0.1:{self.port}/sitrep"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l", str(self.root / "log"),
                  "-w", "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self) -> None:
        try:
            self.stop()
        except RuntimeError:
            pass
        shutil.rmtree(self.root, ignore_errors=True)


def article(n: int) -> dict[str, Any]:
    place = PLACES[n % len(PLACES)]
    text = (f"Government forces shelled rebel positions near {place} on Monday, killing {n + 3} fighters, "
            f"a monitoring group said. Residents of {place} said the shelling lasted {n % 9 + 2} hours.")
    return {"id": f"restart-{n}", "text": text, "published": "2020-03-02", "source": "Restart Wire"}


@dataclass
class Answer:
    sent: float  # seconds since the load began
    took: float
    kind: str  # "read" or "write"
    status: int  # 0: no answer (the connection failed or timed out)
    code: str | None = None
    path: str = ""
    detail: str = ""  # the client's exception, when there was no answer


@dataclass
class Load:
    base: str
    began: float = field(default_factory=time.perf_counter)
    answers: list[Answer] = field(default_factory=list)
    acked: list[str] = field(default_factory=list)  # ids the server said it stored (201) or had (200)
    refused: list[str] = field(default_factory=list)  # ids answered 503: to be sent again
    lock: threading.Lock = field(default_factory=threading.Lock)

    def send(self, client: httpx.Client, kind: str, method: str, path: str, body: Any = None) -> Answer:
        sent = time.perf_counter()
        detail = ""
        try:
            response = client.request(method, self.base + path, json=body)
            status = response.status_code
            code = response.json().get("error", {}).get("code") if status >= 400 else None
        except httpx.HTTPError as exc:
            status, code, detail = 0, type(exc).__name__, str(exc)[:200]
        answer = Answer(sent - self.began, time.perf_counter() - sent, kind, status, code, path, detail)
        with self.lock:
            self.answers.append(answer)
        return answer


def read_loop(load: Load, index: int, until: float, limit: int) -> None:
    with httpx.Client(timeout=30) as client:
        for i in range(limit):
            if time.perf_counter() >= until:
                return
            load.send(client, "read", "GET", READS[(index + i) % len(READS)])
            time.sleep(0.01)


def write_loop(load: Load, until: float, limit: int, pause: float) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(timeout=60, headers=headers) as client:
        for n in range(limit):
            if time.perf_counter() >= until:
                return
            body = article(n)
            answer = load.send(client, "write", "POST", "/api/documents", body)
            (load.acked if answer.status in (200, 201) else load.refused).append(body["id"])
            time.sleep(pause)


def wait_up(base: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/documents?limit=1", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("sitrep serve did not answer")


def stored_ids(url: str) -> Counter[str]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        ids = Counter(row[0] for row in conn.execute(text("SELECT doc_id FROM documents")))
    engine.dispose()
    return ids


def run(readers: int = 8, seconds: float = 30, down: float = 4, writes: int = 200,
        pause: float = 0.0) -> dict[str, Any]:
    """The whole trial; returns its figures (see ``report``): ``readers`` threads reading in a loop and one
    writer posting up to ``writes`` articles, ``pause`` seconds apart, for ``seconds``; the database is
    stopped a third of the way in for ``down`` seconds."""
    bin_dir = pg_bin()
    if bin_dir is None:
        raise RuntimeError("no PostgreSQL server programs (initdb, pg_ctl) on this machine")
    pg = PrivatePostgres(bin_dir)
    server = None
    log_fd, log_name = tempfile.mkstemp(prefix="sitrep-serve-", suffix=".log")  # read, never an unread pipe
    server_log = Path(log_name)
    try:
        url = pg.init()
        engine = open_engine(url)
        migrate(engine)  # the schema, as any writer creates it
        engine.dispose()
        port = free_port()
        env = {**os.environ, "SITREP_API_TOKEN": TOKEN}
        server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", url, "--port", str(port)],
                                  env=env, stdout=subprocess.DEVNULL, stderr=log_fd)
        base = f"http://127.0.0.1:{port}"
        wait_up(base)
        with httpx.Client(timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            warm = client.post(base + "/api/documents", json=article(10_000))  # loads the pipeline once
            assert warm.status_code == 201, warm.text
        load = Load(base)
        until = load.began + seconds
        threads = [threading.Thread(target=read_loop, args=(load, i, until, 100_000)) for i in range(readers)]
        threads.append(threading.Thread(target=write_loop, args=(load, until, writes, pause)))
        for thread in threads:
            thread.start()
        time.sleep(seconds / 3)
        stop_at = time.perf_counter() - load.began
        pg.stop()
        time.sleep(down)
        pg.start()
        back_at = time.perf_counter() - load.began
        for thread in threads:
            thread.join()
        # The client sends again what was refused, as a user would; each must now be stored once.
        with httpx.Client(timeout=60, headers={"Authorization": f"Bearer {TOKEN}"}) as client:
            resent = [load.send(client, "resend", "POST", "/api/documents", article(int(i.split("-")[1]))).status
                      for i in load.refused]
        stored = stored_ids(url)
    finally:
        try:
            if server is not None:
                server.terminate()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
        finally:
            os.close(log_fd)
            pg.remove()
    logged = server_log.read_text(errors="replace").splitlines()
    server_log.unlink()
    return report(load, stop_at, back_at, resent, stored, logged)


def report(load: Load, stop_at: float, back_at: float, resent: list[int], stored: Counter[str],
           logged: list[str]) -> dict[str, Any]:
    def phase(a: Answer) -> str:
        if a.sent + a.took < stop_at:
            return "before"
        return "down" if a.sent < back_at else "after"

    phases: dict[str, Counter[str]] = {"before": Counter(), "down": Counter(), "after": Counter()}
    for a in load.answers:
        phases[phase(a)][f"{a.kind} {a.status}" + (f" {a.code}" if a.code else "")] += 1
    after = sorted((a for a in load.answers if a.sent >= back_at), key=lambda a: a.sent)
    failed_after = [a for a in after if a.status >= 400 or a.status == 0]
    last_failure = max((a.sent for a in failed_after), default=back_at)
    resent_ok = {i for i, s in zip(load.refused, resent, strict=True) if s in (200, 201)}
    confirmed = set(load.acked) | resent_ok  # what the server said it has
    unclean = [a for a in load.answers if a.status not in (200, 201, 503)]
    return {
        "answers": len(load.answers),
        "phases": {k: dict(v) for k, v in phases.items()},
        "unclean": len(unclean),
        "unclean_answers": [f"{a.kind} {a.path} at {a.sent - stop_at:+.2f}s from the stop, took {a.took:.2f}s: "
                            f"{a.status} {a.code or ''} {a.detail}" for a in unclean],
        "server_log": logged[-400:] if unclean else [],  # the server's own account of what went wrong
        "unclean_codes": sorted({a.code or "" for a in load.answers if a.status == 503 and
                                 not (a.code or "").startswith("E5")}),
        "slowest_failure_s": max((a.took for a in load.answers if a.status != 200 and a.status != 201), default=0),
        "down_s": back_at - stop_at,
        "recovered_s": last_failure - back_at,
        "failed_after": len(failed_after),
        "acked": len(load.acked), "refused": len(load.refused),
        "resent_ok": len(resent_ok),
        "lost": sorted(confirmed - set(stored)),
        "unconfirmed": sorted(set(load.refused) - resent_ok),
        "doubled": sorted(i for i, n in stored.items() if n > 1),
        "stored": sum(stored.values()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--readers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--down", type=float, default=4, help="seconds the database stays stopped")
    args = parser.parse_args()
    figures = run(args.readers, args.seconds, args.down)
    for key, value in figures.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
