# nzdprk: two commands for users (`make run`, `make test`), a few for maintainers.
# Everything runs inside .venv, built from the committed lock (requirements.lock).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Fixed environment so that every output is byte-identical from run to run.
export PYTHONHASHSEED := 0
export MPLBACKEND := Agg
export SOURCE_DATE_EPOCH := 0
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

NOTEBOOKS := $(sort $(wildcard notebooks/*.ipynb))
# The development corpus with its hand annotation (not part of the repository).
DEVSET ?= ../shared/devset

.PHONY: help setup run data figures notebooks test unit nbval browser lint lab lock check-fresh bench eval clean

help:
	@echo "make run    set up .venv if needed, then regenerate data/, figures/ and the executed notebooks"
	@echo "make test   set up .venv if needed, then run the unit tests and nbval on every notebook"
	@echo "make browser run every notebook in JupyterLab in headless Chromium (part of make test)"
	@echo "make bench  measure speed against the alternatives (docs/benchmarks.md) and on adversarial documents"
	@echo "make eval   measure the reading on the dev set ($(DEVSET)); writes docs/evaluation.md"
	@echo "make lab    open JupyterLab on notebooks/"
	@echo "make lint   ruff on the package and tests"
	@echo "make lock   re-solve requirements.lock from requirements.in (needs uv)"
	@echo "make check-fresh  resolve requirements.in afresh into .venv-fresh (not the lock)"
	@echo "            and run the unit tests there (needs network; not part of make test)"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml overrides.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "nzdprk needs Python 3.11 or newer; set PYTHON=python3.x")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (nzdprk)" > /dev/null
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $@

run: data figures notebooks

data: $(STAMP)
	$(BIN)/nzdprk export --strict --out data
	$(BIN)/nzdprk schema --out docs/data-dictionary.md

figures: $(STAMP)
	$(BIN)/nzdprk figures --out figures

notebooks: $(STAMP) data
	$(BIN)/python tools/execute_notebooks.py $(NOTEBOOKS)

test: unit nbval browser

unit: $(STAMP)
	$(BIN)/python -m pytest -n auto tests --ignore=tests/browser

nbval: $(STAMP)
	$(BIN)/python -m pytest --nbval --nbval-current-env --nbval-sanitize-with notebooks/nbval-sanitize.cfg notebooks

# Needs Debian's chromium (installed by tools/ensure_chromium.sh when run as root). Without it
# the browser test is skipped with a message, except in CI, where that is a failure.
browser: $(STAMP)
	@if bash tools/ensure_chromium.sh; then \
		$(BIN)/python -m pytest tests/browser -q; \
	elif [ -n "$$CI" ]; then \
		exit 1; \
	else \
		echo "make: browser test SKIPPED: Chromium is not installed (see above)"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check nzdprk tests tools benchmarks
	$(BIN)/ruff format --check nzdprk tests tools benchmarks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# Speed against the alternatives (python-frontmatter, dateparser) on 1k/5k/20k documents, memory,
# jobs=0 and Dask on 2 local workers against one process (5k and 20k), the peak memory of an
# export; writes docs/benchmarks.md and its chart
# (the raw figures also to .venv/bench.json: `benchmarks/run.py --render .venv/bench.json`
# rewrites the report without measuring again). Then times adversarial documents of 20-160 KB
# and fails if one grows faster than linearly. About 20-25 minutes on an idle 2-core machine (a
# stage predicted to overrun its budget is extrapolated and said so); never part of `make test`.
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --with-make-run --save-json $(VENV)/bench.json
	$(BIN)/python benchmarks/adversarial.py

# How well the package reads documents it was not written for: scores against the hand
# annotation of the dev set; writes the figures into docs/evaluation.md (see that file).
eval:
	@if [ -f "$(DEVSET)/gold.yaml" ] && [ -f "$(DEVSET)/seeds.gold.yaml" ]; then \
		$(MAKE) --no-print-directory setup && \
		$(BIN)/python tools/evaluate_devset.py "$(DEVSET)" docs/evaluation.md; \
	else \
		echo "make: eval SKIPPED: no dev set at $(DEVSET) (give its folder: make eval DEVSET=DIR)"; \
	fi

lock:
	uv pip compile --universal --python-version 3.11 requirements.in -o requirements.lock

# The lock is the reference, but the package must not depend on one patch release: resolve
# requirements.in afresh (every package it does not pin at its newest release) into
# .venv-fresh and run the unit tests there. Needs network. PYTHON=python3.13 tries another
# Python; CHECK_FRESH_TESTS=tests/test_cli.py narrows the tests.
FRESH := .venv-fresh
CHECK_FRESH_TESTS ?= tests
check-fresh:
	rm -rf $(FRESH)
	$(PYTHON) -m venv $(FRESH)
	$(FRESH)/bin/python -m pip install --quiet --disable-pip-version-check --upgrade -r requirements.in
	$(FRESH)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(FRESH)/bin/python -m pip freeze --exclude-editable > $(FRESH)/resolved.txt
	@echo "make: resolved versions in $(FRESH)/resolved.txt"
	$(FRESH)/bin/python -m pytest $(CHECK_FRESH_TESTS) --ignore=tests/browser -p no:cacheprovider --basetemp=$(FRESH)/pytest-tmp

clean:
	rm -rf $(VENV) $(FRESH) .pytest_cache .hypothesis
