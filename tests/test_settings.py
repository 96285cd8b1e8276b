"""Settings: the shipped defaults, overlaid by the user's file, then by SITREP_* variables, then by
values given in code; a bad value or an unknown key is one ConfigError naming where it came from."""

from __future__ import annotations

import pytest

from sitrep.errors import ConfigError
from sitrep.settings import Settings, load_settings, shipped_defaults


@pytest.fixture
def config(tmp_path, monkeypatch):
    """The user's settings file (empty until written), and no SITREP_ setting from the outside."""
    for key in Settings.model_fields:
        monkeypatch.delenv(f"SITREP_{key.upper()}", raising=False)
    path = tmp_path / "config.toml"
    monkeypatch.setenv("SITREP_CONFIG", str(path))
    return path


def test_the_shipped_defaults_are_the_settings_when_nothing_overlays_them(config):
    assert load_settings().model_dump() == {**Settings.model_construct().model_dump(), **shipped_defaults()}


def test_the_users_file_overlays_the_defaults_and_the_environment_overlays_the_file(config, monkeypatch):
    config.write_text('db = "from-file.db"\nmax_bytes = 2000\n')
    assert (load_settings().db, load_settings().max_bytes) == ("from-file.db", 2000)
    monkeypatch.setenv("SITREP_DB", "from-env.db")
    monkeypatch.setenv("SITREP_LEARN_ACTORS", "off")
    settings = load_settings()
    assert (settings.db, settings.max_bytes, settings.learn_actors) == ("from-env.db", 2000, False)
    assert Settings(db="from-code.db").db == "from-code.db"


@pytest.mark.parametrize(("setup", "code", "names"), [
    (lambda cfg, env: cfg.write_text("colour = 'blue'\n"), "E201", ["'colour'", "config.toml", "max_bytes"]),
    (lambda cfg, env: cfg.write_text("learn_actors = 'perhaps'\n"), "E202", ["'learn_actors'", "config.toml"]),
    (lambda cfg, env: env.setenv("SITREP_MAX_BYTES", "lots"), "E202", ["SITREP_MAX_BYTES", "'lots'"]),
    (lambda cfg, env: cfg.write_text("db = \n"), "E203", ["config.toml"]),
])
def test_a_bad_setting_is_one_config_error_naming_its_source(config, monkeypatch, setup, code, names):
    setup(config, monkeypatch)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    assert caught.value.code == code and all(name in str(caught.value) for name in names), str(caught.value)
    assert "\n" not in str(caught.value)
