"""Modality of event triggers on sentences parsed by the real model."""

from __future__ import annotations

import pytest

from sitrep.events.modality import modality_of

pytestmark = pytest.mark.slow


def _modality(nlp, text, word):
    doc = nlp(text)
    return modality_of(next(t for t in doc if t.text == word))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Rebels shelled the city on Monday.", "shelled", "asserted"),
        # a gathering's purpose is what it did ("gathered to hold a protest", "a motorcade to demand")
        ("Nurses gathered outside the clinic to hold a protest over unpaid wages.", "protest", "asserted"),
        ("Taxi owners did a motorcade through the city to demand cheaper fuel.", "demand", "asserted"),
        ("The union will hold a rally to demand higher wages.", "rally", "planned"),
        # what forces stepped in to do is what they did
        ("Officers intervened to scatter a rally of nurses outside the ministry.", "scatter", "asserted"),
        ("Officers intervened to scatter a rally of nurses outside the ministry.", "rally", "asserted"),
        ("Officers will intervene to scatter any rally outside the ministry.", "scatter", "planned"),
        ("The army said a truce will be implemented on Sunday.", "implemented", "planned"),
        ("The army said a truce will be implemented on Sunday.", "truce", "planned"),
        ("The two countries agreed that a truce will take effect at midnight.", "truce", "planned"),
        ("The ministry said raids would stop at midnight under the truce.", "stop", "planned"),
        ("The army plans to launch an offensive next month.", "launch", "planned"),
        ("The rebels threatened to attack the city.", "attack", "threatened"),
        ("The president has vowed to retake the province.", "retake", "threatened"),
        ("The envoy called for an immediate truce.", "truce", "requested"),
        ("The minister urged the militia to halt the bombing.", "halt", "requested"),
        ("The group denied carrying out the attack.", "attack", "denied"),
        ("The army denied that its jets had struck the convoy.", "struck", "denied"),
        ("Government forces did not attack the town.", "attack", "negated"),
        ("No strikes were reported in the area on Monday.", "strikes", "negated"),
        ("The government refused to withdraw its troops.", "withdraw", "negated"),
        ("The two delegations left Vienna without an accord on Friday.", "accord", "negated"),
        # a denial on the noun the event hangs from by "of"
        ("There were no reports of shelling near the airport overnight.", "shelling", "negated"),
        ("Residents reported two hours of shelling near the airport overnight.", "shelling", "asserted"),
        ("The mandate will expire on Friday if the council cannot reach a deal.", "expire", "conditional"),
        ("The talks could collapse.", "collapse", "hypothetical"),
        # a clause after a semicolon is a sentence of its own: its negation does not reach the clause before
        ("Rebels fired mortars at two villages near the town on Monday; nobody was injured.", "fired", "asserted"),
        ("Rebels fired mortars at two villages near the town on Monday; nobody was injured.", "injured", "negated"),
    ],
)
def test_modality(nlp, text, word, expected):
    modality, confidence = _modality(nlp, text, word)
    assert modality == expected
    assert 0.0 < confidence <= 1.0


def test_the_governing_verb_itself_is_asserted(nlp):
    assert _modality(nlp, "The president has vowed to retake the province.", "vowed")[0] == "asserted"
    assert _modality(nlp, "The envoy called for an immediate truce.", "called")[0] == "asserted"


def test_past_tense_is_surer_than_a_bare_noun(nlp):
    verb = _modality(nlp, "Rebels shelled the city on Monday.", "shelled")
    noun = _modality(nlp, "The shelling of the city continued.", "shelling")
    assert verb[0] == noun[0] == "asserted"
    assert verb[1] > noun[1]


def test_a_reporting_verb_does_not_pass_its_own_mood_down(nlp):
    # "will say" is the speaker's future and "did not say" the speaker's silence; the attack happened.
    assert _modality(nlp, "Officials will say tomorrow that rebels attacked the base.", "attacked")[0] == "asserted"
    assert _modality(nlp, "Officials did not say that rebels attacked the base.", "attacked")[0] == "asserted"


# ---------------------------------------------------------------- measured on TimeBank (tempeval3)
def _timeml(path):
    """(plain text, [(start, end, MAKEINSTANCE attributes)]) of one TimeML file."""
    import html
    import re

    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + 6: raw.index("</TEXT>")]
    instances = {}
    for match in re.finditer(r"<MAKEINSTANCE ([^>]*)/>", raw):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))
        instances.setdefault(attrs["eventID"], attrs)
    parts, events, open_events, pos = [], [], [], 0
    for tag in re.finditer(r"<(/?)(\w+)([^>]*)>", body):
        parts.append(html.unescape(body[pos:tag.start()]))
        pos = tag.end()
        if tag.group(2) == "EVENT":
            offset = sum(map(len, parts))
            if tag.group(1):
                eid, start = open_events.pop()
                if eid in instances:
                    events.append((start, offset, instances[eid]))
            else:
                open_events.append((re.search(r'eid="(\w+)"', tag.group(3)).group(1), offset))
    parts.append(html.unescape(body[pos:]))
    return "".join(parts), events


def _timeml_class(attrs):
    if attrs.get("polarity") == "NEG":
        return "negated"
    if attrs.get("tense") == "FUTURE" or attrs.get("modality", "").lower() in ("will", "shall"):
        return "planned"
    return "other"


def timebank_modality_scores(nlp, corpora):
    """Negation precision/recall and future recall of modality_of against TimeBank's polarity and tense.

    TimeBank marks negation and the future on the event itself but leaves "plans to", "refused to" … to
    separate links, so only these two classes are comparable.
    """
    counts = {"neg_tp": 0, "neg_fp": 0, "neg_fn": 0, "future": 0, "future_found": 0}
    for path in sorted((corpora / "tempeval3" / "TBAQ-cleaned" / "TimeBank").glob("*.tml")):
        text, events = _timeml(path)
        doc = nlp(text)
        for start, end, attrs in events:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            gold, (predicted, _) = _timeml_class(attrs), modality_of(span.root)
            negative = predicted in ("negated", "denied")
            counts["neg_tp"] += gold == "negated" and negative
            counts["neg_fp"] += gold != "negated" and negative
            counts["neg_fn"] += gold == "negated" and not negative
            counts["future"] += gold == "planned"
            counts["future_found"] += gold == "planned" and predicted != "asserted"
    return {"negation_precision": counts["neg_tp"] / (counts["neg_tp"] + counts["neg_fp"]),
            "negation_recall": counts["neg_tp"] / (counts["neg_tp"] + counts["neg_fn"]),
            "future_recall": counts["future_found"] / counts["future"]}


@pytest.mark.corpora
def test_timebank_negation_and_future_floor(nlp, corpora):
    scores = timebank_modality_scores(nlp, corpora)
    print(f"TimeBank modality: {scores}")
    assert scores["negation_precision"] >= 0.6
    assert scores["negation_recall"] >= 0.75
    assert scores["future_recall"] >= 0.85
