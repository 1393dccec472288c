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

# The quick start (root Pulumi.yaml -> examples/quickstart) on the embedded emulator, whose state
# lives in .tclive/. The zone is seeded first, as a DNSPod account would already hold it.
# The first run previews and applies the stack. Once it is up, the demo reviews a change: it lowers
# the CNAMEs' TTL (config cnameTtl=300), so the second run previews and applies that update, property
# by property (--diff), and every run after it changes nothing.
DEMO_STATE := .tclive/emulator.sqlite3
DEMO_REVIEW := --config cnameTtl=300

demo: $(STAMP)
	@$(BIN)/tclive emulator zone example.com --state $(DEMO_STATE)
	@if command -v pulumi >/dev/null 2>&1; then \
	  mkdir -p .tclive/pulumi-backend && \
	  export PULUMI_BACKEND_URL="file://$(CURDIR)/.tclive/pulumi-backend" PULUMI_CONFIG_PASSPHRASE="" \
	         PATH="$(CURDIR)/$(BIN):$$PATH" && \
	  pulumi stack select --create dev && \
	  if pulumi stack output license_status >/dev/null 2>&1; then review="$(DEMO_REVIEW) --diff"; else review=""; fi && \
	  pulumi preview $$review && pulumi up --yes --skip-preview $$review; \
	else \
	  echo "pulumi CLI not found: running the same preview and up with the offline engine (tclive preview, tclive up)."; \
	  review=""; \
	  if $(BIN)/tclive stack output license_status >/dev/null 2>&1; then \
	    review="$(DEMO_REVIEW) --diff"; \
	    echo "The stack is up: reviewing a change, the CNAMEs' TTL lowered to 300 s ($$review)."; \
	  fi; \
	  $(BIN)/tclive preview $$review && $(BIN)/tclive up --skip-preview $$review; \
	fi
	@$(BIN)/tclive emulator show --state $(DEMO_STATE)

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
