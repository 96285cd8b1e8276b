"""Runs as a user meets them: every document accounted for, failures kept and retried, other languages
skipped, a time budget, long texts in chunks (issue 16, items 2, 3 and 7)."""

from __future__ import annotations

import json
import sqlite3
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from sitrep.cli import _register_extensions, cli
from sitrep.errors import PipelineError, Skipped
from sitrep.models import Document
from sitrep.nlp.chunks import split_text
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples"
FRENCH = ("Les forces armées ont frappé la ville lundi matin, selon des témoins qui ont vu les combats "
          "dans le nord du pays pendant toute la journée.")
ARABIC = "قال مسؤولون محليون إن القوات الحكومية قصفت البلدة يوم الاثنين وإن عشرات السكان فروا منها"


@pytest.fixture(scope="module")
def run():
    _register_extensions()
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(cli, list(args), env=env, catch_exceptions=False)

    return invoke


def test_split_text_keeps_every_character_and_prefers_paragraph_breaks():
    text = ("A sentence of the story.\n\n" * 50) + "x" * 300 + " tail"
    pieces = split_text(text, 100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:3])


@pytest.mark.slow
def test_a_text_over_the_model_limit_is_parsed_in_chunks_with_offsets_kept(nlp):
    from sitrep.nlp.chunks import parse_text

    paragraph = "Rebels attacked the town of Goma on Monday, officials said.\n\n"
    text = paragraph * (1_050_000 // len(paragraph) + 1)
    assert len(text) > nlp.max_length
    doc = parse_text(nlp, text)
    assert doc.text == text
    last = list(doc.ents)[-1]
    assert text[last.start_char:last.end_char] == last.text


@pytest.mark.slow
def test_time_budget_fails_the_document_with_its_reason(pipeline):
    from sitrep.pipeline import Pipeline

    tight = Pipeline(pipeline.settings.with_(time_budget=1), stages=pipeline.stages)
    # one long paragraph of distinct sentences (repeated paragraphs would be removed as duplicates first)
    text = " ".join(f"Rebels attacked the village of Kalo{i} on day {i} and {i % 7 + 2} people were hurt."
                    for i in range(4000))
    with pytest.raises(PipelineError) as caught:
        tight.record(Document(id="long.txt", text=text))
    assert caught.value.code == "E403"
    assert "long.txt: not analysed within the time budget of 1 s" in str(caught.value)


@pytest.mark.slow
def test_other_language_is_skipped_and_a_foreign_paragraph_set_aside(pipeline):
    with pytest.raises(Skipped) as caught:
        pipeline.record(Document(id="fr.txt", text=FRENCH))
    assert caught.value.code == "E701" and "fr.txt: not English: fr" in str(caught.value)
    english = (EXAMPLES / "02-airstrike.txt").read_text()
    record = pipeline.record(Document(id="mixed.txt", text=english + "\n\n" + ARABIC + "\n"))
    (aside,) = [r for r in record.removed if r.reason == "other_language"]
    assert aside.text == ARABIC
    assert all(not (aside.start <= e.evidence[0].start < aside.end) for e in record.events)


@pytest.mark.slow
def test_ingest_accounts_for_every_document_and_retry_clears_what_succeeds(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    story = (EXAMPLES / "02-airstrike.txt").read_text()
    (folder / "a.txt").write_text(story)
    (folder / "b-copy.txt").write_text(story)
    (folder / "c-fr.txt").write_text(FRENCH)
    (folder / "d-empty.txt").write_text("")
    (folder / "e.jsonl").write_text(json.dumps({"id": "wire", "text": (EXAMPLES / "04-visit.txt").read_text()}) + "\n")
    db = str(tmp_path / "s.db")
    slow = run("ingest", str(folder), "--db", db, env={"SITREP_TIME_BUDGET": "1"})
    last = slow.stderr.splitlines()[-1]
    assert last.startswith("sitrep: 5 documents in: ") and slow.exit_code == 1
    first = run("ingest", str(folder), "--db", db)
    assert first.exit_code == 1
    assert first.stderr.splitlines()[-1].startswith(
        "sitrep: 5 documents in: ")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM documents WHERE merged").fetchone() == (2,)
        assert conn.execute("SELECT key, code FROM failed_documents").fetchall() == [
            (f"input:{folder}/d-empty.txt", "E101")]
    again = run("ingest", str(folder), "--db", db)
    assert "5 documents in: 0 stored, 4 skipped (2 already stored, 1 duplicate in this run, 1 other language), " \
           "1 failed" in again.stderr
    (folder / "d-empty.txt").write_text("Police detained three reporters in the capital on Tuesday, a union said.")
    retried = run("retry", "--db", db)
    assert retried.exit_code == 0, retried.stderr
    assert "1 documents in: 1 stored, 0 skipped, 0 failed" in retried.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM failed_documents").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (3,)


@pytest.mark.slow
def test_text_in_other_scripts_survives_storage_and_output(run, tmp_path):
    story = (EXAMPLES / "02-airstrike.txt").read_text()
    text = f"{story}\n\nResidents of Ṣaʿdah (صعدة) said 空袭 hit “the market” — again 🚨.\n"
    source = tmp_path / "scripts.jsonl"
    source.write_text(json.dumps({"id": "s", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = run("analyze", str(source), "--format", "jsonl")
    assert out.exit_code == 0
    db = str(tmp_path / "s.db")
    assert run("ingest", str(source), "--db", db).exit_code == 0
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT text FROM documents").fetchone()
    assert stored == text
    record = json.loads(out.stdout)
    for span in record["removed"] + record["places"] + record["times"]:
        assert text[span["start"]:span["end"]] == (span.get("text") or text[span["start"]:span["end"]])


def test_a_bug_while_storing_fails_that_document_only(tmp_path):
    """Ingest's fault boundary around the store: an unforeseen exception for one document is an E507
    failure kept with its reason, and the next document is still stored."""
    from sitrep.accounting import Ingest
    from sitrep.models import DocumentRecord
    from sitrep.store import Store

    class Pipeline:
        settings = SimpleNamespace(published_min_confidence=0.85)

        def record(self, document):
            return DocumentRecord(id=document.id, content_hash=document.content_hash)

    class Fragile(Store):
        def save(self, document, record, merge=True):
            if document.id == "bad":
                raise TypeError("cannot serialise")
            return super().save(document, record, merge)

    lines: list[str] = []
    run = Ingest(Pipeline(), Fragile(str(tmp_path / "s.db")), lines.append)
    for name in ("bad", "good"):
        run.take(Document(id=name, text=f"Police detained the {name} reporter."))
    assert (run.tally.done, run.tally.failed) == (1, 1)
    assert lines == ["failed [E507] bad: cannot be stored: TypeError: cannot serialise (this is a bug in sitrep; "
                     "please report it with the document)"]
    (kept,) = run.store.failures()
    assert kept.code == "E507" and kept.document["id"] == "bad"
