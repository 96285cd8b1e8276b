"""One exception tree for the library. The CLI turns each into one line and an exit status.

    SitrepError                 E000  base: code, message, and how to fix it
    ├── InputError              E1xx  a document cannot be read (empty, binary, not UTF-8, too big …)
    ├── ConfigError             E2xx  a setting or a command-line value is wrong
    ├── ResourceError           E3xx  a model, gazetteer or knowledge base is missing or broken
    ├── PipelineError           E4xx  stages are misordered or a stage lacks what it needs
    ├── StoreError              E5xx  the database cannot be opened, migrated or written
    ├── ApiError                E6xx  an HTTP request cannot be served (not found, no token, too large …)
    └── Skipped                 E7xx  a document deliberately not analysed or not stored again:
                                      E701 other language, E702 already stored, E703 duplicate in this run

Pipeline codes: E401 misordered stages, E402 a stage raised (a bug), E403 over the time budget.
Store codes: E501 cannot open, E502 cannot migrate, E503 cannot write, E504 cannot read, E505 merging one
document raised (a bug; the document is kept as failed), E506 an id already stored with other content,
E507 storing one document raised (a bug).
Input codes (E101–E111) are listed in ingest/errors.py; E111 is a reader's bug.
A Skipped document is accounted for apart from failures (sitrep ingest prints both counts).
"""

from __future__ import annotations


class SitrepError(Exception):
    code = "E000"

    def __init__(self, message: str, fix: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.fix = fix
        if code:
            self.code = code

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.fix})" if self.fix else text


class InputError(SitrepError):
    code = "E100"

    def __init__(self, name: str, reason: str, fix: str | None = None, code: str | None = None):
        super().__init__(f"{name}: {reason}", fix, code)
        self.name = name
        self.reason = reason


class ConfigError(SitrepError):
    code = "E200"


class ResourceError(SitrepError):
    code = "E300"


class PipelineError(SitrepError):
    code = "E400"


class StoreError(SitrepError):
    code = "E500"


class ApiError(SitrepError):
    """An HTTP request that cannot be served; ``status`` is the HTTP status it is answered with."""

    code = "E600"

    def __init__(self, message: str, fix: str | None = None, code: str | None = None, status: int = 400):
        super().__init__(message, fix, code)
        self.status = status


class Skipped(SitrepError):
    """A document set aside on purpose, with the reason: not a failure, and still accounted for."""

    code = "E700"
