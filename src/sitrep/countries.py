"""Country names, short forms and demonyms → ISO 3166 country.

`lookup_country("Syrians")`, `lookup_country("the U.S.")` and `lookup_country("Britain")` all
return a :class:`Country`. Names come from ISO 3166 (pycountry) plus a hand-written table
(data/actors_countries.tsv) of the short forms and demonyms news text uses. Short all-capital
abbreviations ("US", "UK") match only as written, so the pronoun "us" is not the United States.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

_TABLE = "actors_countries.tsv"
_EXTRA_ALPHA2 = {"XKX": "XK"}  # Kosovo has a user-assigned code outside ISO 3166
_NO_PLURAL = ("ese", "ish", "ch", "ss", "lao", "malagasy")
_DASHES = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-"})


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str


_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"'s?$")


def _key(text: str) -> str:
    """Folded lookup key: case, curly quotes, "the", possessive and spacing removed."""
    text = " ".join(text.translate(_DASHES).split())
    return _POSSESSIVE.sub("", _THE.sub("", text)).casefold()


def _case_sensitive(name: str) -> bool:
    """Abbreviations like US, UK, U.S. must keep their capitals to match."""
    letters = name.replace(".", "")
    return letters.isupper() and len(letters) <= 4


def _plurals(demonym: str) -> list[str]:
    if demonym.lower().endswith(_NO_PLURAL) or _case_sensitive(demonym):
        return []
    if demonym.endswith("man"):
        return [demonym[:-3] + "men"]
    return [demonym + "s"]


def _iso_names(alpha3: str) -> list[str]:
    entry = pycountry.countries.get(alpha_3=alpha3)
    if entry is None:
        return []
    return [getattr(entry, attr) for attr in ("name", "official_name", "common_name") if hasattr(entry, attr)]


def _make_country(alpha3: str, display: str) -> Country:
    entry = pycountry.countries.get(alpha_3=alpha3)
    alpha2 = entry.alpha_2 if entry is not None else _EXTRA_ALPHA2[alpha3]
    return Country(alpha2=alpha2, alpha3=alpha3, name=display)


def _rows() -> list[tuple[Country, list[str]]]:
    """(country, hand-written forms) for each row of the table."""
    rows = []
    for line in resources.files("sitrep").joinpath("data", _TABLE).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        alpha3, names, *rest = line.split("\t")
        aliases = names.split("|")
        demonyms = [d for d in (rest[0].split("|") if rest else []) if d]
        forms = aliases + demonyms + [p for d in demonyms for p in _plurals(d)]
        rows.append((_make_country(alpha3, aliases[0]), forms))
    return rows


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Country], dict[str, Country]]:
    """(folded-key index, exact-case index): hand-written forms first, then ISO names."""
    folded: dict[str, Country] = {}
    exact: dict[str, Country] = {}
    rows = _rows()
    passes = [(c, forms) for c, forms in rows] + [(c, _iso_names(c.alpha3)) for c, _ in rows]
    for country, forms in passes:
        for form in forms:
            if _case_sensitive(form):
                exact.setdefault(form, country)
            else:
                folded.setdefault(_key(form), country)
    return folded, exact


def lookup_country(text: str) -> Country | None:
    """The country a name, short form, demonym or plural demonym refers to, or None."""
    folded, exact = _index()
    stripped = _POSSESSIVE.sub("", _THE.sub("", " ".join(text.translate(_DASHES).split())))
    if stripped in exact:
        return exact[stripped]
    return folded.get(stripped.casefold())  # _key(text)


@lru_cache(maxsize=512)
def alpha3_of(alpha2: str) -> str | None:
    """The ISO alpha-3 code of an alpha-2 code ("SY" → "SYR"), or None."""
    entry = pycountry.countries.get(alpha_2=alpha2)
    if entry is not None:
        return str(entry.alpha_3)
    return next((a3 for a3, a2 in _EXTRA_ALPHA2.items() if a2 == alpha2), None)


def country_by_code(alpha3: str) -> Country | None:
    """The country with this ISO alpha-3 code (as listed in the table), or None."""
    for country in _index()[0].values():
        if country.alpha3 == alpha3:
            return country
    return None


def all_country_forms() -> dict[str, Country]:
    """Every folded name form → country (for building matchers)."""
    return dict(_index()[0])
