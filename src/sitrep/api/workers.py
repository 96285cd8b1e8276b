"""`sitrep serve --workers N` (N > 1): N uvicorn processes, each accepting on a listening socket of its own.

uvicorn's own supervisor gives its workers one shared socket, and whichever process is waiting in
accept() first takes the next connection: 50 clients that connect at once and keep their connections
were split 41 to 9 (and 43 to 7) between two workers, so one process served four fifths of the load
while the other idled. Here each worker gets its own socket on the same port (SO_REUSEPORT), and the
kernel spreads new connections over the sockets by their addresses. The sockets are bound here, before
any worker starts, after checking that nothing listens on the port (another `sitrep serve` included, whose
sockets would otherwise share it): a port in use fails at once. Linux and the BSDs; elsewhere use one
worker.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import multiprocessing.process
import signal
import socket
import sys
import time
from types import FrameType

from ..errors import ConfigError


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets listening on (host, port), sharing it by SO_REUSEPORT."""
    if not hasattr(socket, "SO_REUSEPORT"):
        raise ConfigError("--workers above 1 needs SO_REUSEPORT, which this system lacks", "serve with --workers 1",
                          code="E231")
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets = []
    try:
        with socket.socket(family, socket.SOCK_STREAM) as probe:  # without SO_REUSEPORT: fails if anyone, even
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # another `sitrep serve`, listens there
            probe.bind((host, port))
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            sock.listen(2048)
    except OSError as exc:
        for sock in sockets:
            sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}",
                          "choose a free port with --port, or stop what is listening there", code="E231") from None
    return sockets


# The cyclic garbage collector of a serving process: each request leaves thousands of short-lived objects, so
# at Python's default thresholds (700, 10, 10) the youngest generation is collected every few requests and
# the whole heap, with every answer and item the caches hold, every few hundred; those full collections
# stopped a worker for tens of milliseconds (bench_serve, PostgreSQL, 2 workers: p99 99 and 147 ms at the
# defaults, 43 and 48 ms at these thresholds, 42 ms with no collection at all). Cycles are still collected.
COLLECTOR_THRESHOLDS = (50_000, 50, 100)


def tune_collector() -> None:
    """Set the serving process's collector thresholds, after moving what startup made (modules, tables) out
    of its reach (gc.freeze): what the caches gather later is collected, only less often."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*COLLECTOR_THRESHOLDS)


def _worker(sock: socket.socket) -> None:
    import uvicorn

    config = uvicorn.Config("sitrep.api.factory:app", factory=True, log_level="warning")
    config.load()  # the app made (and the store opened) before the collector is tuned: both are startup's
    tune_collector()
    uvicorn.Server(config).run(sockets=[sock])


MAX_RESTARTS = 5  # a worker that died is started again, up to this many times a minute (then the server stops)


def serve_workers(host: str, port: int, count: int) -> int:
    """Run ``count`` worker processes (the app from sitrep.api.factory, configured by the environment) until
    this process is asked to stop (SIGINT, SIGTERM); returns the exit status. A worker that dies is started
    again on its socket, as uvicorn's own supervisor does, unless workers keep dying (more than MAX_RESTARTS
    in a minute): then every worker is stopped and the status is the dead worker's."""
    sockets = listening_sockets(host, port, count)
    context = multiprocessing.get_context("spawn")

    def start(i: int) -> multiprocessing.process.BaseProcess:
        process = context.Process(target=_worker, args=(sockets[i],), name=f"sitrep-serve-{i}")
        process.start()
        return process

    processes = [start(i) for i in range(count)]
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.is_alive():
                process.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    restarts: list[float] = []
    status = 0
    try:
        while not stopping:
            multiprocessing.connection.wait([p.sentinel for p in processes])  # one ended, or all when stopped
            for i, process in enumerate(processes):
                if stopping or process.is_alive():
                    continue
                now = time.monotonic()
                restarts = [t for t in restarts if now - t < 60] + [now]
                if len(restarts) > MAX_RESTARTS:
                    print(f"sitrep serve: worker {i} exited with status {process.exitcode}, the "
                          f"{len(restarts)}th in a minute; stopping", file=sys.stderr, flush=True)
                    status = process.exitcode or 1
                    stop(signal.SIGTERM, None)
                    break
                print(f"sitrep serve: worker {i} exited with status {process.exitcode}; starting it again",
                      file=sys.stderr, flush=True)
                processes[i] = start(i)
        for process in processes:
            process.join(timeout=30)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        for sock in sockets:
            sock.close()
    return status
