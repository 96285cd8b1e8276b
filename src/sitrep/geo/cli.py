"""`sitrep gazetteer build|search`: build the offline gazetteer, look names up in it.

The main CLI registers this group with ``cli.add_command(gazetteer)``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import SitrepError
from ..output import FORMATS, default_format, table, write_json_items
from ..settings import load_settings


def _fail(error: SitrepError) -> None:
    click.echo(f"sitrep: error: {error}", err=True)
    sys.exit(1)


def _path(path: Path | None) -> Path:
    return path if path is not None else load_settings().gazetteer_file()


@click.group()
def gazetteer() -> None:
    """Build and search the offline gazetteer."""


@gazetteer.command("build")
@click.option("--geonames", "geonames_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with GeoNames dumps (allCountries.txt or cities500.txt, admin1CodesASCII.txt, "
                   "alternateNamesV2.txt); default: the data shipped in PyPI packages.")
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the SQLite file (default: the gazetteer_path setting).")
@click.option("--if-missing", is_flag=True,
              help="Only when the file is missing or of an older format, as the first analysis would (make install).")
def build(geonames_dir: Path | None, path: Path | None, if_missing: bool) -> None:
    """Build (or rebuild) the gazetteer."""
    from . import build_gazetteer, load_gazetteer
    from .gazetteer import VERSION, stored_version

    target = _path(path)
    try:
        if if_missing and stored_version(target) == VERSION:
            load_gazetteer(target)  # current: only its index is made when missing (what the first analysis does)
        else:
            build_gazetteer(target, geonames_dir)  # says where, how many places and how long (INFO)
    except SitrepError as exc:
        _fail(exc)


@gazetteer.command("search")
@click.argument("name")
@click.option("--path", "path", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--limit", default=10, show_default=True, help="Most candidates to show.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
def search(name: str, path: Path | None, limit: int, fmt: str | None) -> None:
    """Show the places a NAME may refer to, largest first (exact key, else the fuzzy key)."""
    from . import open_gazetteer
    from .normalize import name_key

    try:
        gaz = open_gazetteer(_path(path))
    except SitrepError as exc:
        _fail(exc)
        return
    found = gaz.lookup(name_key(name)) or gaz.lookup_fuzzy(name_key(name))
    rows = [{"id": p.geonameid or p.gazetteer_id, "name": p.name, "feature": f"{p.feature_class}.{p.feature_code}",
             "country": p.country, "admin1": p.admin1, "lat": round(p.lat, 4), "lon": round(p.lon, 4),
             "population": p.population} for p in sorted(found, key=lambda p: -p.population)[:limit]]
    fmt = fmt or default_format(sys.stdout)
    if fmt != "table":
        write_json_items(rows, fmt, sys.stdout)
        return
    table([[str(v) for v in r.values()] for r in rows], list(rows[0]) if rows else ["id"], sys.stdout)
