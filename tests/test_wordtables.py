"""The word tables (sitrep/data/words/*.toml): every id the code reads exists, every table is read by
some code, and a wrong id or a broken file is one clear ResourceError."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

import sitrep.wordtables as wordtables
from sitrep.errors import ResourceError
from sitrep.wordtables import typed_table, word_table, word_tables

SRC = Path(wordtables.__file__).parent
WORDS = SRC.joinpath(*wordtables.FOLDER)
READ = re.compile(r'(?:word_tables?|typed_table)\(\s*"([^"]+)"')
SHAPED = re.compile(r'(?:word_tables|typed_table)\(\s*"([^"]+)"')  # groups and typed tables, not word lists


def _code() -> list[str]:
    """The package's modules but the loader itself (whose docstring shows an id as an example)."""
    return [p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if p.name != "wordtables.py"]


def _ids_read_by_code() -> set[str]:
    return {m.group(1) for text in _code() for m in READ.finditer(text)}


def _shaped_ids() -> set[str]:
    return {m.group(1) for text in _code() for m in SHAPED.finditer(text)}


def _ids_in_tables() -> set[str]:
    found = set()
    shaped = _shaped_ids()

    def walk(prefix: str, node: dict) -> None:
        for key, value in node.items():
            if isinstance(value, dict) and f"{prefix}.{key}" not in shaped:
                walk(f"{prefix}.{key}", value)
            else:
                found.add(f"{prefix}.{key}")

    for path in WORDS.glob("*.toml"):
        walk(path.stem, tomllib.loads(path.read_text(encoding="utf-8")))
    return found


def test_every_id_the_code_reads_is_a_table_of_words():
    ids = _ids_read_by_code()
    assert len(ids) > 100  # the tables of geo, events, actors, temporal, clean and merge
    shaped = _shaped_ids()
    for table_id in sorted(ids - shaped):  # the others are read (and checked) when their module is imported
        words = word_table(table_id)
        assert isinstance(words, frozenset) and words, table_id
        assert all(isinstance(w, str) and w == w.strip() and w for w in words), table_id



def test_a_group_keeps_its_classes_in_order():
    kinds = word_tables("events.quantities.kind_verbs")
    assert list(kinds)[:2] == ["killed", "injured"]
    assert "kill" in kinds["killed"] and "evacuate" in kinds["evacuated"]
    with pytest.raises(ResourceError) as err:
        word_tables("geo.cues.town_words")  # a table, not a group of them
    assert err.value.code == "E323"


def test_every_table_is_read_by_some_code():
    assert _ids_in_tables() == _ids_read_by_code()


def test_a_table_holds_its_words():
    assert {"village", "town"} <= word_table("geo.cues.town_words")
    assert "province" not in word_table("geo.cues.town_words")


def test_an_unknown_table_names_the_id():
    with pytest.raises(ResourceError) as err:
        word_table("geo.cues.no_such_table")
    assert err.value.code == "E323"
    assert "geo.cues.no_such_table" in str(err.value) and "data/words/geo.toml" in str(err.value)


def test_a_section_is_not_a_table():
    with pytest.raises(ResourceError) as err:
        word_table("geo.cues")
    assert err.value.code == "E323"


def test_an_unknown_package_names_the_missing_file():
    with pytest.raises(ResourceError) as err:
        word_table("nosuchpackage.module.table")
    assert err.value.code == "E323" and "nosuchpackage.toml" in str(err.value)


def test_a_broken_file_names_the_line(tmp_path, monkeypatch):
    folder = tmp_path.joinpath(*wordtables.FOLDER)
    folder.mkdir(parents=True)
    folder.joinpath("broken.toml").write_text('[cues]\nwords = ["one" "two"]\n', encoding="utf-8")
    monkeypatch.setattr(wordtables.resources, "files", lambda _package: tmp_path)
    wordtables._package_tables.cache_clear()
    try:
        with pytest.raises(ResourceError) as err:
            word_table("broken.cues.words")
    finally:
        wordtables._package_tables.cache_clear()
    assert err.value.code == "E322" and "line 2" in str(err.value)


def test_a_typed_table_is_checked_against_its_shape():
    assert typed_table("actors.lexicon.capitals", dict[str, str])["Ankara"] == "TUR"
    with pytest.raises(ResourceError) as err:
        typed_table("actors.lexicon.capitals", dict[str, int])
    assert err.value.code == "E323" and "malformed" in str(err.value)
    with pytest.raises(ResourceError) as err:
        typed_table("actors.lexicon.no_such_table", dict[str, str])
    assert err.value.code == "E323"


def test_the_sector_lexicon_reads_its_groups_in_order():
    from sitrep.actors.lexicon import GENERIC_HEADS, HEADS, MODIFIERS, TITLES

    assert HEADS["troops"] == ("MIL",) and HEADS["police"] == ("COP",)
    assert HEADS["bomber"] == ("UAF",)  # in the army's group and the attackers'; the later group decides
    assert {"group", "movement"} <= GENERIC_HEADS and "rebel" not in GENERIC_HEADS
    assert MODIFIERS["unidentified"] == ("ARMED", "UNNAMED")
    assert TITLES["defence minister"] == (("GOV", "MIL"), "Defence Minister")
