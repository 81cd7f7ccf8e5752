# Targets explain themselves; `make run` and `make test` are the two README commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHECKOV := .venv-checkov/bin/checkov

WORKERS ?= $(shell nproc 2>/dev/null || echo 1)
PORT ?= 8501

.PHONY: setup setup-dev run serve stop build-data test test-fast test-browser lint bench clean

setup: $(VENV)/.runtime ## install the dashboard's dependencies into .venv

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

setup-dev: $(VENV)/.dev $(CHECKOV) ## install test tools, Debian's chromium and haproxy, and checkov's venv

$(VENV)/.dev: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	bash scripts/install_browser.sh
	bash scripts/install_haproxy.sh
	touch $(VENV)/.runtime $@

# checkov (tests/system/test_manifests.py) pins a `packaging` that pytest cannot share: it gets
# a venv of its own.
$(CHECKOV):
	$(PYTHON) -m venv .venv-checkov
	.venv-checkov/bin/pip install -q --disable-pip-version-check checkov==3.3.30

run: setup ## build the data if needed and start the dashboard on http://localhost:8501
	$(BIN)/streamlit run app.py

serve: setup ## WORKERS replicas (default: one per core) behind HAProxy on PORT; Ctrl-C stops all
	bash scripts/install_haproxy.sh
	$(BIN)/python -m nplv_serving start --workers $(WORKERS) --port $(PORT)

stop: ## stop what `make serve` started (from another terminal)
	$(BIN)/python -m nplv_serving stop

build-data: setup ## validate data/sources and (re)write data/nplv.duckdb
	$(BIN)/python -m nplv_data build

# Three workers on two cores: the browser tests spend much of their time waiting on Chromium
# and the servers they start, and the third worker fills that time (timings: docs/PERFORMANCE.md).
test: setup-dev ## the whole suite: unit, app and browser tests
	$(BIN)/python -m pytest -n 3

test-fast: setup-dev ## everything but the browser tests
	$(BIN)/python -m pytest -n 3 -m "not browser"

test-browser: setup-dev ## only the headless-Chromium tests
	$(BIN)/python -m pytest -m browser

lint: setup-dev
	$(BIN)/ruff check .

bench: setup-dev ## measure the dashboard; writes bench/RESULTS.md
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .venv-checkov data/nplv.duckdb artifacts
