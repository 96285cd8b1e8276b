"""sitrep's version: a leaf, so that any module (settings names the gazetteer cache after it) can read it."""

__version__ = "0.1.0"
