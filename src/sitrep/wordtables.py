"""Word tables: the words sitrep's rules look for, kept as data in ``sitrep/data/words/<package>.toml``.

Every table has an id, ``<package>.<module>.<name>`` ("geo.cues.compass"): the package names the file,
the module the section and the name the key. The code that uses a table reads it by that id::

    COMPASS = word_table("geo.cues.compass")

so one search for the id leads from a table to the rule that reads it and back; the rule records its own
id where it decides a field (`sitrep analyze --explain`). docs/architecture.md says how to add a word or
a table. Sets of spaCy labels (entity, dependency and part-of-speech labels) stay
in the code beside the parse they read: they describe the model's output, not the language of news.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError

from .errors import ResourceError

T = TypeVar("T")

FOLDER = ("data", "words")


def _file_name(package: str) -> str:
    return "sitrep/" + "/".join((*FOLDER, f"{package}.toml"))


@cache
def _package_tables(package: str) -> dict[str, Any]:
    path = resources.files("sitrep").joinpath(*FOLDER, f"{package}.toml")
    if not path.is_file():
        raise ResourceError(f"no word tables for {package!r}: {_file_name(package)} does not exist",
                            "begin the id with the package whose file holds the table (geo, events, actors …)",
                            code="E323")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ResourceError(f"cannot read the word tables {_file_name(package)}: {err}",
                            "reinstall sitrep, or mend the TOML at the line the message names", code="E322") from err


def _node(table_id: str) -> tuple[str, Any]:
    package, *keys = table_id.split(".")
    node: Any = _package_tables(package)
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return package, node if keys else None


def _words(node: Any) -> bool:
    return isinstance(node, list) and all(isinstance(word, str) for word in node)


def word_table(table_id: str) -> frozenset[str]:
    """The words of one table, by its id ("geo.cues.compass")."""
    package, node = _node(table_id)
    if not _words(node):
        raise ResourceError(f"no word table {table_id!r} in {_file_name(package)}",
                            "give the id as package.module.name, a key whose value is a list of strings", code="E323")
    return frozenset(node)


def word_tables(table_id: str) -> dict[str, frozenset[str]]:
    """A group of tables under one id, by class, in the file's order ("events.quantities.kind_nouns" →
    {"killed": {"dead", "deaths", …}, "injured": {…}})."""
    package, node = _node(table_id)
    if not isinstance(node, dict) or not node or not all(_words(words) for words in node.values()):
        raise ResourceError(f"no group of word tables {table_id!r} in {_file_name(package)}",
                            "give the id of a section whose keys each hold a list of strings", code="E323")
    return {name: frozenset(words) for name, words in node.items()}


def typed_table(table_id: str, shape: type[T]) -> T:
    """A table of another shape than words, checked against it: ``typed_table("actors.lexicon.capitals",
    dict[str, str])``, or a list of pydantic models for an array of tables."""
    package, node = _node(table_id)
    if node is None:
        raise ResourceError(f"no table {table_id!r} in {_file_name(package)}",
                            "give the id as package.module.name of a key or section of that file", code="E323")
    try:
        return TypeAdapter(shape).validate_python(node)
    except ValidationError as err:
        raise ResourceError(f"the table {table_id!r} in {_file_name(package)} is malformed: "
                            f"{err.errors()[0]['loc']}: {err.errors()[0]['msg']}",
                            "mend the entry the message names", code="E323") from err
