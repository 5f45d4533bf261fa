# Tablée — the commands a newcomer needs. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: demo test bench lint format messages vendor install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make demo: install, migrate, load the French demo data, serve on 127.0.0.1:$(PORT)
demo: install
	DEBUG=1 $(BIN)/tablee demo --port $(PORT)

## make test: the whole suite (SQLite, then PostgreSQL; browser tests included)
test: install-dev
	bash scripts/run-tests.sh

## make bench: key pages against a bare Django view, on generated scale-1 data
bench: install-dev
	$(BIN)/python bench/run.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make messages: extract strings into the catalogs and compile them (needs gettext)
messages: install-dev
	$(BIN)/python scripts/messages.py

vendor:
	bash scripts/vendor-assets.sh

clean:
	rm -rf $(VENV) var
