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
import signal
import socket
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


def _worker(sock: socket.socket) -> None:
    import uvicorn

    config = uvicorn.Config("sitrep.api.factory:app", factory=True, log_level="warning")
    uvicorn.Server(config).run(sockets=[sock])


def serve_workers(host: str, port: int, count: int) -> int:
    """Run ``count`` worker processes (the app from sitrep.api.factory, configured by the environment) until
    this process is asked to stop (SIGINT, SIGTERM) or a worker exits; returns the exit status."""
    sockets = listening_sockets(host, port, count)
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_worker, args=(sock,), name=f"sitrep-serve-{i}") for i, sock in enumerate(sockets)]
    for process in processes:
        process.start()
    for sock in sockets:
        sock.close()  # the workers have their own copies
    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True
        for process in processes:
            if process.is_alive():
                process.terminate()

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        multiprocessing.connection.wait([p.sentinel for p in processes])  # the first to end, or all when stopped
        stop(signal.SIGTERM, None)
        for process in processes:
            process.join(timeout=30)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if stopping:
        return 0
    return next((p.exitcode for p in processes if p.exitcode), 1)
