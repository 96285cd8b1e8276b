# sitrep: `make demo` and `make test` are the two commands a new user needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test eval bench lint clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f sitrep.db
	$(BIN)/sitrep ingest examples/ --db sitrep.db
	$(BIN)/sitrep events --db sitrep.db --format table

test: lint
	$(BIN)/python -m pytest -q tests; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

CORPORA ?= ../shared/corpora

eval: $(STAMP)
	$(BIN)/sitrep eval all $(CORPORA) --scoreboard docs/scoreboard.md

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out docs/benchmarks.md

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src/sitrep

clean:
	rm -rf $(VENV) sitrep.db .pytest_cache build src/*.egg-info
