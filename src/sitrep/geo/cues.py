"""Words around a name that say what kind of place it is and how precisely it is meant.

"the town of X", "X province", "X airport", "near X", "X, La." — general English news usage,
read from the tokens beside a mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..wordtables import typed_table, word_table

ADMIN_WORDS = word_table("geo.cues.admin_words")
TOWN_WORDS = word_table("geo.cues.town_words")
GOVERNMENT_WORDS = word_table("geo.cues.government_words")
LOCAL_NOUNS = word_table("geo.cues.local_nouns")

NOT_TOWN_MODIFIERS = word_table("geo.cues.not_town_modifiers")

SPEECH_VERBS = word_table("geo.cues.speech_verbs")

KIN_NOUNS = word_table("geo.cues.kin_nouns")

PORTFOLIOS = word_table("geo.cues.portfolios")
AIRPORT_WORDS = word_table("geo.cues.airport_words")
LOCATIVE = word_table("geo.cues.locative")
LOCATIVE_MODIFIERS = word_table("geo.cues.locative_modifiers")
_MODIFIED_SPAN = 6  # tokens from a name's start within which the word such a modifier modifies lies
SCENE_WORDS = word_table("geo.cues.scene_words")
NEAR_WORDS = word_table("geo.cues.near_words")

NAME_CONTINUERS = word_table("geo.cues.name_continuers")

NOT_PLACE_STARTS = word_table("geo.cues.not_place_starts")

NAME_HEADS = word_table("geo.cues.name_heads")
NAME_PARTICLES = word_table("geo.cues.name_particles")

OF_NAME_HEADS = word_table("geo.cues.of_name_heads")

LANDFORMS = word_table("geo.cues.landforms")
DIRECTIONS = word_table("geo.cues.directions")

COMPASS = word_table("geo.cues.compass")

# Press abbreviations of US states (AP style) and Canadian provinces (CP style), as news writes
# "Alexandria, La." or "Gatineau, Que." (→ ISO 3166-2 code).
STATE_ABBREVIATIONS = {"Alta.": "CA-AB", "B.C.": "CA-BC", "Man.": "CA-MB", "N.B.": "CA-NB", "Nfld.": "CA-NL",
                       "N.S.": "CA-NS", "Ont.": "CA-ON", "P.E.I.": "CA-PE", "Que.": "CA-QC", "Sask.": "CA-SK",
                       "N.L.": "CA-NL", "N.W.T.": "CA-NT"}
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Kans.": "KS", "Ky.": "KY",
    "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO",
    "Mont.": "MT", "Neb.": "NE", "Nebr.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM",
    "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI",
    "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA",
    "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY", "D.C.": "DC",
}
STATE_ABBREVIATIONS.update({k: f"US-{v}" for k, v in US_STATE_ABBREVIATIONS.items()})

# The same after "Town, " written without the period ("EDMONTON, Ky (WBKO)") or as a postal code
# ("LOUISVILLE, KY--", "Gatineau, QC"), and the codes of India's and Pakistan's press ("Vellore, TN", "Jaunpur
# (UP)"): only there, and only where the name ends. A code may stand for a subdivision of several countries.
def _undotted_states() -> dict[str, tuple[str, ...]]:
    pairs = [*((k.rstrip("."), v) for k, v in STATE_ABBREVIATIONS.items() if k.count(".") == 1 and k.endswith(".")),
             *((v, f"US-{v}") for v in US_STATE_ABBREVIATIONS.values()),
             *((c, f"CA-{c}") for c in ("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT")),
             *((k, c) for k, codes in typed_table("geo.cues.press_codes", dict[str, list[str]]).items() for c in codes)]
    table: dict[str, list[str]] = {}
    for text, code in pairs:
        if code not in table.setdefault(text, []):
            table[text].append(code)
    return {text: tuple(codes) for text, codes in table.items()}


UNDOTTED_STATES = _undotted_states()


def continues_name(doc: Doc, end: int) -> bool:
    """True when the next word is a capitalised name-continuing noun ("Road", "River", "Police")."""
    if end >= len(doc):
        return False
    nxt = doc[end]
    return nxt.text[:1].isupper() and nxt.lower_.rstrip(".") in NAME_CONTINUERS


def word_after(doc: Doc, end: int, skip: int = 0) -> str:
    """Lower-case text of the token `skip` places after token index `end` ("" past the end)."""
    i = end + skip
    return doc[i].lower_ if i < len(doc) else ""


def word_before(doc: Doc, start: int, skip: int = 0) -> str:
    i = start - 1 - skip
    return doc[i].lower_ if i >= 0 else ""


def kind_cue(doc: Doc, start: int, end: int) -> str:
    """"admin", "town" or "airport" when a following or preceding noun names the kind of place."""
    after = word_after(doc, end)
    if after in AIRPORT_WORDS or (after == "air" and word_after(doc, end, 1) in ("base", "force")):
        return "airport"
    if after in ("international", "intl") and word_after(doc, end, 1) in AIRPORT_WORDS:
        return "airport"
    if after in ADMIN_WORDS or (_office_after(doc, end) and doc[start:end].text.lower() not in PORTFOLIOS):
        return "admin"
    if word_before(doc, start) == "of" and word_before(doc, start, 1) in TOWN_WORDS:
        return "town"
    if after in TOWN_WORDS and _town_word_after(doc, start, end):
        return "town"
    if word_before(doc, start) == "of" and word_before(doc, start, 1) in ADMIN_WORDS and not _named_unit(doc, start - 2):
        return "admin"  # "the province of Idlib"; but "the Ain Zara district of Tripoli" is a part of the city
    return ""


def _town_word_after(doc: Doc, start: int, end: int) -> bool:
    """"in Man town", "Jenin city": a lower-case town word after the name calls it a town. Not "Cape Town"; nor "Gard"
    of "Darraz Gard village" (a capitalised word before: the name runs on); nor an adjective or a modifier before a
    town word ("a Christian village", "a Sunni town", "the Fox town hall")."""
    if not doc[end].text.islower() or doc[end].dep_ == "compound" or word_before(doc, start) in ("a", "an", "the"):
        return False
    if doc[start].ent_type_ == "NORP" or doc[start].pos_ == "ADJ":
        return False
    return not (start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start)


def _office_after(doc: Doc, end: int) -> bool:
    """"X government", "X Senator", "X Health Minister": an office of a state, province or country
    follows the name (one capitalised word may stand between)."""
    after = word_after(doc, end).rstrip(".")
    if after in GOVERNMENT_WORDS:
        return True
    return (end < len(doc) and doc[end].text[:1].isupper()
            and word_after(doc, end, 1).rstrip(".") in GOVERNMENT_WORDS and doc[end + 1].text[:1].isupper())


def _named_unit(doc: Doc, i: int) -> bool:
    """Whether the admin word at i has a name of its own before it ("the Ain Zara district [of X]")."""
    return i > 0 and doc[i - 1].is_title and doc[i - 1].lower_ not in ("the", "a", "an")


def cue_length(doc: Doc, end: int) -> int:
    """How many tokens after a name belong to its airport cue ("airport", "air base", "international airport")."""
    after = word_after(doc, end)
    if after in AIRPORT_WORDS:
        return 1
    if after == "air" and word_after(doc, end, 1) in ("base", "force"):
        return 3 if word_after(doc, end, 2) == "base" else 2
    if after in ("international", "intl") and word_after(doc, end, 1) in AIRPORT_WORDS:
        return 2
    return 0


def local_modifier(doc: Doc, start: int, end: int) -> bool:
    """"a Pensacola bakery", "Pensacola police", "the Los Angeles Police Department": a name
    standing before a noun of a town's people or institutions (and not the end of a longer name)."""
    whole = start == 0 or doc[start - 1].pos_ != "PROPN"
    return (whole and end < len(doc) and doc[end].lower_ in LOCAL_NOUNS
            and doc[start:end].text.lower() not in NOT_TOWN_MODIFIERS
            and all(t.pos_ == "PROPN" for t in doc[start:end]))


def speaks(doc: Doc, start: int, end: int) -> bool:
    """"Henderson said", "said Henderson", "Xinhua reported", "according to Xinhua": the name is who
    speaks."""
    root = doc[start:end].root
    if root.dep_ in ("compound", "amod", "poss") or word_after(doc, end) in LOCAL_NOUNS:
        return False  # "according to Dayton police Chief …": the town qualifies who speaks
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS:
        return True
    before = word_before(doc, start)
    if before == "to" and word_before(doc, start, 1) == "according":
        return True
    return before in ("said", "says", "told", "added", "noted") and word_after(doc, end) in (".", ",", "")


def kin_appositive(doc: Doc, start: int) -> bool:
    """"his wife, Charlotte, 68", "her brother, Sam.", "their sons, Owen and Eli": a relative's name."""
    if word_before(doc, start) == "and" and start >= 3:  # the second of "Owen and Eli"
        start -= 2
    return word_before(doc, start) == "," and word_before(doc, start, 1) in KIN_NOUNS


def is_near(doc: Doc, start: int) -> bool:
    """True when the name is approximate: "near X", "outside X", "north of X", "outskirts of X",
    "northern X"."""
    before = word_before(doc, start)
    if before in COMPASS and start > 0 and doc[start - 1].text[:1].isupper():
        return True
    if before in ("near", "outside", "nearby", "around"):
        return True
    return before == "of" and word_before(doc, start, 1) in NEAR_WORDS


# Nouns of a kind of place that may stand between a name and the bracket that says where it lies
# ("Kalo town (Tillaberi)", "Kalo district (Tillaberi)", "Kalo LGA (Borno)").
CONTAINER_KIND_WORDS = TOWN_WORDS | ADMIN_WORDS | frozenset({"area", "camp", "commune", "subdivision",
                                                             "locality", "upazila", "tehsil", "woreda", "hill",
                                                             "sector", "quarter", "settlement"})
CURRENCY_WORDS = word_table("geo.cues.currency_words")
OPENING_BRACKETS = frozenset({"(", "["})
CLOSING_BRACKETS = frozenset({")", "]"})
_BRACKET_REACH = 8  # tokens back from a name to the bracket that opens its list
_NAME_WORDS = 4  # at most this many tokens to a name of such a list
_LOWER_CASE_NAME_WORDS = word_table("geo.cues.lower_case_name_words")


def bracketed_after_name(doc: Doc, start: int, end: int) -> bool:
    """True when the name [start, end) is a whole item of a bracketed list of names right after a place
    name or a kind word: "Kalo town (Tera, Tillaberi)", "Kalo commune (Tillaberi)", "Kalo (Tera/Dargol LGA,
    Tillaberi)". Such a list says where the place before it lies, as "Kalo, Tillaberi" does."""
    if start < 1 or end >= len(doc) or doc[start - 1].text not in OPENING_BRACKETS | {","} \
            or doc[end].text not in CLOSING_BRACKETS | {","}:
        return False
    k = start - 1
    while k >= max(0, start - _BRACKET_REACH) and doc[k].text not in OPENING_BRACKETS:
        if doc[k].text in CLOSING_BRACKETS or not (doc[k].text == "," or doc[k].text[:1].isupper()
                                                   or doc[k].is_punct and doc[k].text in "-'’/"):
            return False
        k -= 1
    if k < 1 or doc[k].text not in OPENING_BRACKETS:
        return False
    before = doc[k - 1]  # a name ("She (Whitfield) said" is no place and its container)
    if not ((before.pos_ == "PROPN" and before.text[:1].isupper()) or before.lower_ in CONTAINER_KIND_WORDS):
        return False
    return _list_of_names(doc, k)


def _list_of_names(doc: Doc, opening: int) -> bool:
    """The bracket holds short names separated by commas and closes before a word that does not continue
    a name: "(Tera, Tillaberi)", not "(Harbor Light Publishing)" nor "Ms. (Anna) Bell", nor an acronym
    of the name before it ("Acute Flaccid Myelitis (AFM)")."""
    words = 0
    for k in range(opening + 1, min(len(doc), opening + 1 + _BRACKET_REACH * 2)):
        text = doc[k].text
        if text in CLOSING_BRACKETS:
            after = doc[k + 1] if k + 1 < len(doc) else None
            acronym = k == opening + 2 and doc[opening + 1].is_upper and len(doc[opening + 1].text) > 1
            return not acronym and (after is None or not (after.text[:1].isupper() and after.is_alpha))
        if text in (",", "/"):  # "(Tera, Tillaberi)", "(Tera/Dargol, Tillaberi)"
            words = 0
            continue
        words += 1
        if words > _NAME_WORDS or not (text[:1].isupper() or text in "-'’" or text.lower() in _LOWER_CASE_NAME_WORDS):
            return False
    return False


def is_locative(doc: Doc, start: int) -> bool:
    """True when a preposition ("in", "near", "town of") stands before the name, or before a lower-case word
    of its part or its surroundings ("in central X", "in rural X", "in nearby X"): its place-hood is supported."""
    if word_before(doc, start) in LOCATIVE:
        return True
    modifier = doc[start - 1] if start >= 2 else None
    return (modifier is not None and modifier.text.islower() and modifier.lower_ in LOCATIVE_MODIFIERS
            and start <= modifier.head.i < start + _MODIFIED_SPAN  # the name or what it names: "in eastern X countryside"
            and word_before(doc, start, 1) in LOCATIVE)

ATTACK_VERBS = word_table("geo.cues.attack_verbs")
ATTACK_NOUNS = word_table("geo.cues.attack_nouns")


def is_target(doc: Doc, start: int, end: int) -> bool:
    """True when the name is what an attack hits: the object of "struck"/"shelled", or of "on"/
    "against" after "strikes"/"assault" ("an RSF assault on X", "carried out air strikes on X")."""
    root = doc[start:end].root
    while root.dep_ == "conj" and root.head.i != root.i:  # "bombed Aleppo and Homs": Homs as Aleppo
        root = root.head
    head = root.head
    if word_before(doc, start) in ("the", "a", "an"):
        return False  # "struck the Toyota": a thing named, not a place
    if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in ATTACK_VERBS:
        return True
    if root.dep_ != "pobj" or head.lower_ not in ("on", "against", "upon"):
        return False
    attack = head.head  # "strikes on X", "attacked on X", or "carried out strikes on X" (the verb's object)
    if attack.lower_ in ATTACK_NOUNS or (attack.pos_ == "VERB" and attack.lemma_.lower() in ATTACK_VERBS):
        return True
    return attack.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lower_ in ATTACK_NOUNS for c in attack.children)
