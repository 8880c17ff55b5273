# NetDesk: `make run` and `make test` do all set-up on a new Debian/Ubuntu machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.test-installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

SYNC_UPLOAD ?= 1
# make bench times the first sync upload of 10,000 contacts (about an hour); SYNC_UPLOAD=0 seeds
# the server instead (bench/sync.py)

.PHONY: run test bench lint package system-deps test-system-deps clean

run: system-deps $(STAMP)
	$(VENV)/bin/netdesk $(ARGS)

test: system-deps test-system-deps $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)
	PY=$(PY) bash scripts/time-matrix.sh $(PYTEST_ARGS)

bench: system-deps $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen NETDESK_BENCH_SYNC_UPLOAD=$(SYNC_UPLOAD) $(PY) -m bench

lint: $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

package: system-deps
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh package
	bash packaging/build.sh

system-deps:
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh runtime

test-system-deps:
	@PYTHON=$(PYTHON) bash scripts/system-deps.sh test

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: install the python3-venv package"; exit 1; }
	$(PY) -m pip install -q --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install -q -e .
	touch $@

$(TEST_STAMP): $(VENV)/bin/python pyproject.toml
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP) $@

clean:
	rm -rf $(VENV) build dist .pytest_cache
