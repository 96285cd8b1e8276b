"""Country names and demonyms → ISO alpha-2, through the actors' shared table (sitrep.countries)."""

from __future__ import annotations

from functools import lru_cache

from ..countries import lookup_country


@lru_cache(maxsize=1 << 14)  # called for many capitalised words of every text; bounded
def country_of(text: str) -> str | None:
    """The alpha-2 code of the country a name or demonym ("Syrian", "Turks") refers to, or None.
    A dotted abbreviation whose last dot went to the sentence ("in the U.S.") is read with it."""
    country = lookup_country(text)
    if country is None and "." in text and not text.endswith("."):
        country = lookup_country(text + ".")
    return country.alpha2 if country is not None else None
