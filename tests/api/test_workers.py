"""`sitrep serve --workers 2` over real HTTP: each worker accepts on a socket of its own (api/workers.py), so
clients that connect at once and keep their connections are served by both processes, not mostly by one;
a second server on the same port is refused (E231) rather than let in to share it; SIGTERM stops every
worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from tests.api.builders import fill

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(db: str, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", db, "--port", str(port), "--workers", "2"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _connect(port: int) -> socket.socket:
    for _ in range(300):
        try:
            return socket.create_connection(("127.0.0.1", port), timeout=5)
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server never listened")


_ANSWER_SECONDS = 30.0  # a worker still starting on a loaded machine may take more than the 5 s connect timeout


def _answer(sock: socket.socket) -> bytes:
    sock.sendall(b"GET /api/events?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    sock.settimeout(_ANSWER_SECONDS)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"the server closed the connection before answering: {data!r}")
        data += chunk
    return data.split(b"\r\n", 1)[0]


def _server_pid(sock: socket.socket, workers: set[int]) -> int:
    """The worker process holding the other end of ``sock`` (the one whose fds include its inode)."""
    port = sock.getsockname()[1]
    for pid in workers:
        if any(_peer_port(pid, inode) == port for inode in _socket_inodes(pid)):
            return pid
    return -1


def _socket_inodes(pid: int) -> set[str]:
    """The inodes of the sockets the process holds open."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:"):
            inodes.add(target[len("socket:["):-1])
    return inodes


def _peer_port(pid: int, inode: str) -> int | None:
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[9] == inode:
            return int(fields[2].split(":")[1], 16)
    return None


def _workers(server: subprocess.Popen) -> set[int]:
    children = {int(p) for p in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()}
    return {p for p in children if "spawn_main" in Path(f"/proc/{p}/cmdline").read_text()}


def _listening(pid: int, port: int) -> bool:
    """Whether the process holds a socket listening on ``port`` (state 0A in /proc/<pid>/net/tcp)."""
    inodes = _socket_inodes(pid)
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port and fields[9] in inodes:
            return True
    return False


def _both_listening(server: subprocess.Popen, port: int) -> set[int]:
    """The two workers, once each accepts on its own socket: a worker still starting on a loaded machine would
    leave every client to the other (seen in CI: one worker found right after the first connection)."""
    for _ in range(600):
        try:
            workers = _workers(server)
            if len(workers) == 2 and all(_listening(p, port) for p in workers):
                return workers
        except OSError:  # a process that went away between listing and reading
            pass
        time.sleep(0.1)
    raise AssertionError(f"two listening workers never came up: {_workers(server)}")


def _filled_server(tmp_path: Path) -> tuple[str, int, subprocess.Popen]:
    """A store with events, and `sitrep serve --workers 2` on it: (store, port, server)."""
    db = str(tmp_path / "serve.db")
    fill(db)
    port = _free_port()
    return db, port, _serve(db, port)


def test_two_workers_share_the_clients_and_stop_together(tmp_path):
    db, port, server = _filled_server(tmp_path)
    try:
        workers = _both_listening(server, port)
        clients = [_connect(port) for _ in range(40)]
        served: Counter[int] = Counter()
        for c in clients:  # whose socket it is, read as soon as it answered: on a loaded machine answering all
            assert _answer(c) == b"HTTP/1.1 200 OK"  # forty first took longer than uvicorn keeps an idle
            served[_server_pid(c, workers)] += 1  # connection open (5 s), and the first had gone
        assert set(served) == workers and min(served.values()) >= 8, served  # 41 to 9 was uvicorn's own split at 50
        second = _serve(db, port)  # refused, not let in to share the port
        assert second.wait(timeout=60) == 2 and b"E231" in second.stderr.read()  # type: ignore[union-attr]
        for c in clients:
            c.close()
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    assert all(not Path(f"/proc/{p}").exists() or "zombie" in Path(f"/proc/{p}/status").read_text() for p in workers)


def test_a_worker_that_dies_is_started_again(tmp_path):
    _db, port, server = _filled_server(tmp_path)
    try:
        first = _connect(port)
        assert _answer(first) == b"HTTP/1.1 200 OK"
        before = _workers(server)
        assert len(before) == 2
        killed = min(before)
        os.kill(killed, signal.SIGKILL)
        for _ in range(300):  # the supervisor starts another in its place
            now = _workers(server) - {killed}
            if len(now) == 2:
                break
            time.sleep(0.1)
        assert len(now) == 2 and server.poll() is None
        answers = []
        for _ in range(10):  # every socket answers again, the new worker's included
            c = _connect(port)
            answers.append(_answer(c))
            c.close()
        assert set(answers) == {b"HTTP/1.1 200 OK"}
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    assert b"exited with status -9; starting it again" in server.stderr.read()  # type: ignore[union-attr]


def test_a_serving_process_collects_garbage_less_often_and_not_what_startup_made():
    """sitrep serve tunes its collector (api/workers.py): what exists at startup is frozen out of reach, and
    the thresholds are the serving ones; a cycle made afterwards is still collected."""
    import gc

    from sitrep.api.workers import COLLECTOR_THRESHOLDS, tune_collector

    before = gc.get_threshold()
    try:
        tune_collector()
        assert gc.get_threshold() == COLLECTOR_THRESHOLDS and gc.get_freeze_count() > 1000
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
