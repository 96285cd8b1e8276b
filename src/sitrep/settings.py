"""Settings: shipped defaults (defaults.toml), overlaid by the user's file, then by SITREP_* variables."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 5_000_000
    model: str = ""
    gazetteer_path: str = ""
    db: str = "sitrep.db"
    learn_actors: bool = True
    api_token: str = ""
    api_protect_reads: bool = False
    api_max_request_bytes: int = 2_000_000
    api_cors_origins: str = ""
    batch_size: int = 64

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    def gazetteer_file(self) -> Path:
        if self.gazetteer_path:
            return Path(self.gazetteer_path).expanduser()
        from . import __version__

        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        return cache / "sitrep" / f"gazetteer-{__version__}.sqlite"


def _coerce(name: str, raw: object, kind: type) -> object:
    if isinstance(raw, kind):
        return raw
    text = str(raw).strip()
    try:
        if kind is bool:
            if text.lower() in ("1", "true", "yes", "on"):
                return True
            if text.lower() in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError:
        raise ConfigError(f"setting {name!r} has value {raw!r}, which is not a {kind.__name__}",
                          "fix the value in your config file or SITREP_ variable") from None


def _overlay(settings: Settings, values: Mapping[str, object], where: str) -> Settings:
    known = {f.name: f.type for f in fields(Settings)}
    kinds = {"int": int, "str": str, "bool": bool}
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        if key not in known:
            raise ConfigError(f"unknown setting {key!r} in {where}", f"known settings: {', '.join(known)}")
        changes[key] = _coerce(key, raw, kinds[str(known[key])])
    return replace(settings, **changes)


def _read_toml(path: Path) -> dict[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}", "fix or remove the file") from None


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    shipped = tomllib.loads(resources.files("sitrep").joinpath("defaults.toml").read_text("utf-8"))
    settings = _overlay(Settings(), shipped, "defaults.toml")
    user = Path(env.get("SITREP_CONFIG", Path.home() / ".config" / "sitrep" / "config.toml"))
    if user.is_file():
        settings = _overlay(settings, _read_toml(user), str(user))
    from_env = {f.name: env[f"SITREP_{f.name.upper()}"] for f in fields(Settings) if f"SITREP_{f.name.upper()}" in env}
    return _overlay(settings, from_env, "environment")
