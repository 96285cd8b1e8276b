"""What several stages read of a parsed Doc's tokens, computed once per Doc and kept with it.

Every `doc[i]` and every walk over a Doc makes new Python Token objects, and `Doc.text` and
`Span.text` join token texts on every call. The stages that ask for the text of token ranges many times
per document read it here instead: the Doc's text cut at the tokens' character offsets, which is the
string `doc[i:j].text` gives (tokens and their trailing spaces tile the text). The table is built on
first use and kept in `doc.user_data`, so it lives as long as the Doc and no longer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Doc

_KEY = "sitrep.tokens"


@dataclass(frozen=True)
class TokenTable:
    """Character offsets of a Doc's tokens, and the Doc's text."""

    text: str
    starts: list[int]  # token i covers text[starts[i]:ends[i]]
    ends: list[int]

    def span_text(self, i: int, j: int) -> str:
        """`doc[i:j].text`: the text of tokens i … j−1 ("" when j ≤ i)."""
        return self.text[self.starts[i]:self.ends[j - 1]] if j > i else ""

    def word(self, i: int) -> str:
        """`doc[i].text`."""
        return self.text[self.starts[i]:self.ends[i]]

    @cached_property
    def words(self) -> frozenset[str]:
        """Every token's text."""
        return frozenset(self.text[s:e] for s, e in zip(self.starts, self.ends, strict=True))


def token_table(doc: Doc, text: str | None = None) -> TokenTable:
    """The Doc's token table (built on the first call for this Doc). `text`, where the caller has it, is the
    string the Doc was parsed from (the same as `doc.text`, which joins every token again)."""
    table = doc.user_data.get(_KEY)
    if not isinstance(table, TokenTable) or len(table.starts) != len(doc):
        starts = doc.to_array("IDX")  # no Token objects; one attribute a call (a two-column array is slower to list)
        ends = (starts + doc.to_array("LENGTH")).tolist()
        table = TokenTable(doc.text if text is None else text, starts.tolist(), ends)
        doc.user_data[_KEY] = table
    return table
