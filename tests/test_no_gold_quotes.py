"""No sentence of a gold corpus in the repository: every tracked line under src/, tests/, docs/ and
README.md is checked for 6 consecutive words of ../shared/corpora, as ../shared/tools/gold_quotes.py
does (same words, same corpus files; an XML file that does not parse is read with its tags removed,
where the tool skips it). Examples are sentences we write ourselves.

Kept on purpose: the data rows of the name tables (official names of organisations, people and
countries, and their aliases, are names, not sentences) and the lines listed in KEPT_LINES with their
reason. The name tables' comment lines are checked like any other line.
"""

from __future__ import annotations

import csv
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

N = 6
WORD = re.compile(r"[a-z0-9]+")
SCANNED = ("src", "tests", "docs", "README.md")
NAME_TABLES = ("src/sitrep/data/actors_kb.tsv", "src/sitrep/data/actors_countries.tsv")
KEPT_LINES = {  # (file, how the kept line starts): why
    ("src/sitrep/actors/lexicon.py", '"secretary of state": '):
        "an office's name beside its sectors and label in the table of titles, not a sentence",
}

pytestmark = [pytest.mark.slow, pytest.mark.corpora]

Gram = tuple[str, ...]
Where = tuple[str, int]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def grams(text: str) -> Iterator[Gram]:
    w = words(text)
    return (tuple(w[i:i + N]) for i in range(len(w) - N + 1))


def _xml_text(path: Path) -> str:
    try:
        return "".join(ET.parse(path).getroot().itertext())
    except ET.ParseError:  # a malformed file is still gold: its words without the tags
        return re.sub(r"<[^>]*>", " ", path.read_text(encoding="utf-8", errors="replace"))


def corpus_texts(corpora: Path) -> Iterator[str]:
    """The texts of the gold corpora, read as the tool reads them (ACLED: the coders' notes)."""
    for path in sorted(corpora.rglob("*")):
        if path.suffix in (".xml", ".tml"):
            yield _xml_text(path)
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8", errors="replace") as rows:
                yield from (row.get("notes") or "" for row in csv.DictReader(rows))
        elif path.suffix in (".json", ".tsv", ".txt", ".jsonl"):
            yield path.read_text(encoding="utf-8", errors="replace")


def tracked_files() -> list[str]:
    listed = subprocess.run(["git", "ls-files", *SCANNED], cwd=ROOT, capture_output=True, text=True, check=True)
    return listed.stdout.split()


def repository_lines(files: Iterable[str]) -> Iterator[tuple[str, int, str]]:
    for name in files:
        data = (ROOT / name).read_bytes()
        if b"\0" in data:  # images
            continue
        for number, line in enumerate(data.decode("utf-8", errors="replace").splitlines(), 1):
            yield name, number, line


def kept(name: str, line: str) -> bool:
    if name in NAME_TABLES and not line.startswith("#"):
        return True
    return any(name == kept_name and line.lstrip().startswith(start) for kept_name, start in KEPT_LINES)


def line_grams(lines: Iterable[tuple[str, int, str]]) -> dict[Gram, list[Where]]:
    """Every 6-word window of the given lines (the repository is far smaller than the corpora)."""
    found: dict[Gram, list[Where]] = {}
    for name, number, line in lines:
        if kept(name, line):
            continue
        for gram in grams(line):
            found.setdefault(gram, []).append((name, number))
    return found


def quotes(lines: Iterable[tuple[str, int, str]], texts: Iterable[str]) -> list[str]:
    """'file:line: words' for each line holding 6 consecutive words of a corpus text."""
    ours = line_grams(lines)
    hits: dict[Where, Gram] = {}
    for text in texts:
        for gram in grams(text):
            for where in ours.get(gram, ()):
                hits.setdefault(where, gram)
    return [f"{name}:{number}: {' '.join(gram)}" for (name, number), gram in sorted(hits.items())]


@pytest.fixture(scope="module")
def texts(corpora: Path) -> list[str]:
    return list(corpus_texts(corpora))


def test_no_tracked_line_quotes_a_gold_corpus(texts: list[str]) -> None:
    files = tracked_files()
    assert {"src/sitrep/pipeline.py", "tests/conftest.py", "docs/records.md", "README.md"} <= set(files)
    found = quotes(repository_lines(files), texts)
    assert not found, ("lines quoting a gold corpus; write a sentence of your own with the same construction:\n"
                       + "\n".join(found))


def test_the_check_finds_a_quote_whatever_its_case_and_punctuation(texts: list[str]) -> None:
    sample = next(words(t)[:N + 2] for t in texts if len(words(t)) >= N + 2)
    probe = "# " + ", ".join(sample).upper() + "."
    assert quotes([("tests/probe.py", 7, probe)], texts) == [f"tests/probe.py:7: {' '.join(sample[:N])}"]


def test_only_name_rows_and_listed_lines_are_kept(texts: list[str]) -> None:
    sample = " ".join(next(words(t)[:N] for t in texts if len(words(t)) >= N))
    table = NAME_TABLES[0]
    assert quotes([(table, 3, f"x\t{sample}\tIGO")], texts) == []
    assert quotes([(table, 1, f"# {sample}")], texts) == [f"{table}:1: {sample}"]
    (lexicon, start), = KEPT_LINES
    assert quotes([(lexicon, 5, f"    {start}{sample}")], texts) == []
    assert quotes([(lexicon, 6, f"    # {sample}")], texts) == [f"{lexicon}:6: {sample}"]
