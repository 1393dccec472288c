# Every target creates the virtual environment it needs, so a fresh clone works with one command.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m pulumi_tclive.demo

test: $(STAMP) lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check provider tests bench examples policy
	$(BIN)/ruff format --check provider tests bench examples policy

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q -n 2 --dist loadfile

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .tclive .pytest_cache .mypy_cache .ruff_cache
