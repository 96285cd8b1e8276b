"""The database restarted under load (issue 16, item 8): `sitrep serve` over real HTTP on a PostgreSQL
server of the test's own (initdb in a temporary folder), readers and a writer running while the server is
stopped and started again. tools/restart_under_load.py does the work; this runs a short trial of it."""

from __future__ import annotations

import os
import shutil

import pytest
from tools.restart_under_load import pg_bin

pytestmark = pytest.mark.skipif(
    pg_bin() is None or (os.geteuid() == 0 and shutil.which("runuser") is None),
    reason="no PostgreSQL server programs (initdb, pg_ctl) to run a private server with")


@pytest.fixture(scope="module")
def trial():
    from tools.restart_under_load import run

    return run(readers=4, seconds=12, down=3, writes=40, pause=0.05)


def test_requests_fail_cleanly_while_the_database_is_down(trial):
    down = trial["phases"]["down"]
    assert down.get("read 503 E504", 0) > 0, down  # the outage was seen, and answered as one
    assert trial["unclean"] == 0, trial["phases"]  # no 500, no dropped connection: 2xx or a 503
    assert trial["unclean_codes"] == []  # every 503 carries a store code (E503, E504), not a bug's E402
    assert trial["slowest_failure_s"] < 20  # refused at once, not after a client's timeout


def test_the_server_answers_again_once_the_database_is_back(trial):
    after = trial["phases"]["after"]
    assert after.get("read 200", 0) > 0, after
    assert trial["failed_after"] == 0, after  # without restarting `sitrep serve`: no dead pooled connection


def test_no_write_is_lost_or_doubled(trial):
    assert trial["acked"] > 0 and trial["refused"] > 0, trial
    assert trial["resent_ok"] == trial["refused"]  # what was refused is stored when sent again
    assert trial["lost"] == [] and trial["unconfirmed"] == []
    assert trial["doubled"] == []
    assert trial["stored"] == trial["acked"] + trial["refused"] + 1  # and the warm-up article
