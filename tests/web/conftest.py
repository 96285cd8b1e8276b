"""The page in a real browser: Debian's chromium driven by Playwright, against `sitrep serve` on
127.0.0.1 over the demo database (examples/) plus the founding article from ../shared/seeds.

Outside CI the tests skip when chromium or the seed is missing; in CI (.ci/run installs chromium)
they fail instead. Screenshots go to test-artifacts/ (gitignored)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import IN_CI, ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory, seed_path) -> Path:
    """`make demo`'s database (examples/) with the founding article stored beside it."""
    db = tmp_path_factory.mktemp("demo") / "sitrep.db"
    seed_dir = tmp_path_factory.mktemp("seed")
    shutil.copy(seed_path, seed_dir / "founding-article.txt")
    for source, date in ((str(ROOT / "examples"), []), (str(seed_dir), ["--published", "2020-01-10"])):
        done = subprocess.run([sys.executable, "-m", "sitrep", "ingest", source, "--db", str(db), *date],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    return db


@pytest.fixture(scope="session")
def server(demo_db) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(demo_db), "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{CHROMIUM} missing: .ci/run installs it with apt-get")
        pytest.skip(f"{CHROMIUM} missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request it makes (to check it calls no other host)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    opened = context.new_page()
    opened.requests = []
    opened.on("request", lambda request: opened.requests.append(request.url))
    opened.base = server
    yield opened
    context.close()
