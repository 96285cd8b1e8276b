"""Settings (pydantic-settings): the shipped defaults (defaults.toml), overlaid by the user's file, then
by SITREP_* environment variables; a value given in code (`Settings(db="x.db")`) wins over all.

    the user's file     $SITREP_CONFIG, else ~/.config/sitrep/config.toml (TOML, the keys of defaults.toml)
    the environment     SITREP_<KEY>, e.g. SITREP_MAX_BYTES=1000000, SITREP_LEARN_ACTORS=false

Every setting is documented in defaults.toml. A wrong value or an unknown key is a ConfigError that
names the file or variable it came from.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_settings import (
    BaseSettings,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError
from .version import __version__

ENV_PREFIX = "SITREP_"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid")

    max_bytes: int = 5_000_000
    model: str = ""
    gazetteer_path: str = ""
    db: str = "sitrep.db"
    learn_actors: bool = True
    api_token: str = ""
    api_protect_reads: bool = False
    api_max_request_bytes: int = 2_000_000
    api_cors_origins: str = ""
    time_budget: int = 60
    detect_language: bool = True
    db_timeout: int = 60
    batch_size: int = 64
    published_min_confidence: float = 0.85

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   env_settings: PydanticBaseSettingsSource,
                                   dotenv_settings: PydanticBaseSettingsSource,
                                   file_secret_settings: PydanticBaseSettingsSource,
                                   ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Highest first: code, environment, the user's file, the shipped defaults."""
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, user_config()),
                InitSettingsSource(settings_cls, init_kwargs=shipped_defaults()))

    def with_(self, **changes: Any) -> Settings:
        return self.model_copy(update=changes)

    def gazetteer_file(self) -> Path:
        if self.gazetteer_path:
            return Path(self.gazetteer_path).expanduser()
        cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
        return cache / "sitrep" / f"gazetteer-{__version__}.sqlite"


def user_config() -> Path:
    """The user's settings file: $SITREP_CONFIG, else ~/.config/sitrep/config.toml (it need not exist)."""
    return Path(os.environ.get(f"{ENV_PREFIX}CONFIG", Path.home() / ".config" / "sitrep" / "config.toml"))


@cache
def shipped_defaults() -> dict[str, object]:
    return tomllib.loads(resources.files("sitrep").joinpath("defaults.toml").read_text("utf-8"))


def load_settings() -> Settings:
    """The settings in force: defaults, the user's file, the environment. Bad ones raise ConfigError."""
    try:
        return Settings()
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"cannot read config file {user_config()}: {exc}", "fix or remove the file",
                          code="E203") from None
    except ValidationError as exc:
        raise _config_error(exc.errors()[0]) from None


def _config_error(error: Any) -> ConfigError:
    """One line for the first problem pydantic found, naming where the value came from."""
    key = str(error["loc"][0]) if error["loc"] else "?"
    if error["type"] == "extra_forbidden":
        known = ", ".join(Settings.model_fields)
        return ConfigError(f"unknown setting {key!r} in {_where(key)}", f"known settings: {known}", code="E201")
    return ConfigError(f"setting {key!r} has value {error.get('input')!r} in {_where(key)}: {error['msg']}",
                       f"fix the value in {_where(key)}", code="E202")


def _where(key: str) -> str:
    """Which layer gave `key` its value: the environment, the user's file, or the shipped defaults."""
    if f"{ENV_PREFIX}{key.upper()}" in os.environ:
        return f"the environment variable {ENV_PREFIX}{key.upper()}"
    path = user_config()
    if path.is_file() and key in tomllib.loads(path.read_text("utf-8")):
        return str(path)
    return "defaults.toml"
