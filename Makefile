# The README's two commands: `make run` and `make test`. Everything installs into .venv from
# requirements.lock (every package pinned with its hash), so installs are reproducible.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DAGSTER_HOME ?= $(CURDIR)/.dagster

.PHONY: setup run test ui serve browser bench eval lint clean

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m pip check
	touch $(STAMP)

## Extract the bundled sample pack into outputs/ through the Dagster asset graph.
run: setup
	$(BIN)/councilpacks extract raw_pdfs/samples --out outputs
	@echo "Open the Dagster UI with: make ui   (then http://127.0.0.1:3000)"

## The gate (what CI runs: .ci/run): lint, format, types, then the test suite (unit, golden
## over real PDFs, workers and publication, Dagster definitions and materialize, and Datasette
## and the run report in Debian's Chromium; screenshots in test-output/).
test: lint browser
	$(BIN)/python -m pytest

## Debian's Chromium for the browser tests, installed where this user may (root with apt-get);
## elsewhere those tests are skipped, saying why.
browser:
	@test -x /usr/bin/chromium || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
		else echo "Chromium is not installed and cannot be here: the browser tests will be skipped"; fi; }

## The published datasets in Datasette, with search and links to each row's page: http://127.0.0.1:8001
serve: setup
	$(BIN)/councilpacks serve --out outputs --port 8001

## The Dagster UI and daemon (sensors, automation) with instance storage in $(DAGSTER_HOME).
## dagster.yaml is copied there, and dagster dev runs there, so that it is the config in use.
## `dagster dev` raises a FutureWarning pointing at `dg dev` (dagster-dg-cli, not a dependency
## here); -W silences it in the supervising process only.
ui: setup
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml
	cd $(DAGSTER_HOME) && $(CURDIR)/$(BIN)/python -W ignore::FutureWarning -m dagster dev \
		-h 127.0.0.1 -p 3000 -m pipeline.definitions -d $(CURDIR)

## Pages per second and peak memory of the full extraction, per PDF (not a test).
bench: setup
	$(BIN)/python benchmarks/bench.py

## Score the extractor on every labelled document in tests/labels/ (one row per document).
eval: setup
	$(BIN)/python benchmarks/eval.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

clean:
	rm -rf outputs .dagster .pytest_cache test-output
