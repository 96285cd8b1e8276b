"""The place resolver's weights, parameters and rule ids, read from sitrep/data/place_weights.toml.

One table holds every hand-set number the resolver scores with; the code computes the features and
applies the rules, and records which rule (and which scored features) decided each place.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache, cached_property
from importlib import resources

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from ..errors import ResourceError

TABLE = "place_weights.toml"


class Feature(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    weight: float
    means: str
    value: str | None = None  # how the value is computed, when it is not 1 or 0


class PlaceWeights(BaseModel):
    """The table: features (in scoring order), named parameters, and rule id → what the rule does."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    feature: tuple[Feature, ...]
    parameters: dict[str, float]
    rules: dict[str, str]

    @model_validator(mode="after")
    def _ids_once(self) -> PlaceWeights:
        ids = [f.id for f in self.feature]
        if len(set(ids)) != len(ids):
            raise ValueError("a feature id is given twice")
        return self

    @cached_property
    def weights(self) -> dict[str, float]:
        """Feature id → weight, in scoring order."""
        return {f.id: f.weight for f in self.feature}

    def parameter(self, name: str) -> float:
        return self.parameters[name]


def parse_weights(table: Mapping[str, object]) -> PlaceWeights:
    """A PlaceWeights from the parsed TOML table; a malformed table is a ResourceError."""
    try:
        return PlaceWeights.model_validate(table)
    except ValidationError as exc:
        raise ResourceError(f"the place weights table {TABLE} is malformed: {exc.errors()[0]['msg']} "
                            f"at {'.'.join(map(str, exc.errors()[0]['loc']))}",
                            "each [[feature]] needs an id, a numeric weight and what it means; "
                            "see the file's header", code="E314") from None


@cache
def place_weights() -> PlaceWeights:
    """The shipped table, read once per process (it is never changed after reading)."""
    text = resources.files("sitrep").joinpath("data", TABLE).read_text(encoding="utf-8")
    return parse_weights(tomllib.loads(text))
