# Every target creates the virtual environment it needs, so a fresh clone works with one command.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck unit bench clean adopt-existing

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The quick start (root Pulumi.yaml -> examples/quickstart) on the embedded emulator, whose state
# lives in .tclive/. The zone is seeded first, as a DNSPod account would already hold it.
DEMO_STATE := .tclive/emulator.sqlite3

demo: $(STAMP)
	@$(BIN)/tclive emulator zone example.com --state $(DEMO_STATE)
	@if command -v pulumi >/dev/null 2>&1; then \
	  mkdir -p .tclive/pulumi-backend && \
	  export PULUMI_BACKEND_URL="file://$(CURDIR)/.tclive/pulumi-backend" PULUMI_CONFIG_PASSPHRASE="" \
	         PATH="$(CURDIR)/$(BIN):$$PATH" && \
	  pulumi stack select --create dev && pulumi preview && pulumi up --yes --skip-preview; \
	else \
	  echo "pulumi CLI not found: running the same preview and up with the offline engine (python -m pulumi_tclive.testing)."; \
	  $(BIN)/python -m pulumi_tclive.testing preview . && $(BIN)/python -m pulumi_tclive.testing up . --skip-preview; \
	fi
	@$(BIN)/tclive emulator show --state $(DEMO_STATE)

# `tclive import` on a seeded emulator account: seeds examples/adopt-existing/.tclive/, regenerates the example
# from it, then applies it with the offline engine (17 adoptions, no create, update or delete call).
adopt-existing: $(STAMP)
	@$(BIN)/python examples/adopt-existing/seed.py
	@$(BIN)/python -m pulumi_tclive.testing up examples/adopt-existing

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
