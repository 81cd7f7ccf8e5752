# Targets explain themselves; `make run` and `make test` are the two README commands.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup setup-dev run build-data test test-fast test-browser lint bench clean

setup: $(VENV)/.runtime ## install the dashboard's dependencies into .venv

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

setup-dev: $(VENV)/.dev ## install test tools and Debian's chromium

$(VENV)/.dev: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	bash scripts/install_browser.sh
	touch $(VENV)/.runtime $@

run: setup ## build the data if needed and start the dashboard on http://localhost:8501
	$(BIN)/streamlit run app.py

build-data: setup ## validate data/sources and (re)write data/nplv.duckdb
	$(BIN)/python -m nplv_data build

test: setup-dev ## the whole suite: unit, app and browser tests
	$(BIN)/python -m pytest -n 2

test-fast: setup-dev ## everything but the browser tests
	$(BIN)/python -m pytest -n 2 -m "not browser"

test-browser: setup-dev ## only the headless-Chromium tests
	$(BIN)/python -m pytest -m browser

lint: setup-dev
	$(BIN)/ruff check .

bench: setup-dev ## measure the dashboard; writes bench/RESULTS.md
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data/nplv.duckdb artifacts
