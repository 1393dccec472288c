# Every target creates the virtual environment it needs, so a fresh clone works with one command.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo examples adopt-existing test lint typecheck unit bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The quick start (root Pulumi.yaml -> examples/quickstart) on the embedded emulator, whose state
# lives in .tclive/. Its DNSPod zone comes from tclive:emulatorZones in Pulumi.dev.yaml.
# The first run previews and applies the stack. Once it is up, the demo reviews a change: it lowers
# the CNAMEs' TTL (config cnameTtl=300, saved into Pulumi.dev.yaml by --config, as the CLI saves it),
# so the second run previews and applies that update, property by property (--diff), and every run
# after it (the TTL is in the stack file) changes nothing.
DEMO_STATE := .tclive/emulator.sqlite3
DEMO_REVIEW := --config cnameTtl=300

demo: $(STAMP)
	@if command -v pulumi >/dev/null 2>&1; then \
	  mkdir -p .tclive/pulumi-backend && \
	  export PULUMI_BACKEND_URL="file://$(CURDIR)/.tclive/pulumi-backend" PULUMI_CONFIG_PASSPHRASE="" \
	         PATH="$(CURDIR)/$(BIN):$$PATH" && \
	  pulumi stack select --create dev && \
	  if pulumi stack output license_status >/dev/null 2>&1 && ! grep -q cnameTtl Pulumi.dev.yaml; then \
	    review="$(DEMO_REVIEW) --diff"; else review=""; fi && \
	  pulumi preview $$review && pulumi up --yes --skip-preview $$review; \
	else \
	  echo "pulumi CLI not found: running the same preview and up with the offline engine (tclive preview, tclive up)."; \
	  review=""; \
	  if $(BIN)/tclive stack output license_status >/dev/null 2>&1 && ! grep -q cnameTtl Pulumi.dev.yaml; then \
	    review="$(DEMO_REVIEW) --diff"; \
	    echo "The stack is up: reviewing a change, the CNAMEs' TTL lowered to 300 s ($$review)."; \
	  fi; \
	  $(BIN)/tclive preview $$review && $(BIN)/tclive up --skip-preview $$review; \
	fi
	@$(BIN)/tclive emulator show --state $(DEMO_STATE)

# Every example that runs offline, each on its own embedded emulator (examples/NAME/.tclive/), applied
# twice: the second up must report every resource unchanged. offline-event first shows that preview
# fails without its three documents, then runs with the values its stack file lists in comments.
OFFLINE := $(BIN)/python -m pulumi_tclive.testing
EXAMPLES := quickstart education secure-streaming adopt-existing
OFFLINE_EVENT_DOCUMENTS := --config eventPermit=SH-PSB-2026-0042 --config venueProof=contract/expo-hall-7.pdf \
	--config supportTicket=ticket-20261120-001

examples: $(STAMP)
	@mkdir -p .tclive; set -e; for name in $(EXAMPLES); do \
	  echo "== examples/$$name"; \
	  $(OFFLINE) up examples/$$name --skip-preview; \
	  $(OFFLINE) up examples/$$name --skip-preview | tee .tclive/examples.log; \
	  grep -Eq '^Resources: [0-9]+ unchanged$$' .tclive/examples.log || { echo "examples/$$name: the second up changed something"; exit 1; }; \
	done; \
	echo "== examples/offline-event (preview must fail: the documents are missing)"; \
	rm -rf .tclive/offline-event; cp -r examples/offline-event .tclive/offline-event; \
	if $(OFFLINE) preview .tclive/offline-event; then echo "examples/offline-event: preview passed without documents"; exit 1; fi; \
	echo "== examples/offline-event, with the documents (in a copy: --config saves them into its stack file)"; \
	$(OFFLINE) up .tclive/offline-event $(OFFLINE_EVENT_DOCUMENTS); \
	$(OFFLINE) up .tclive/offline-event --skip-preview | tee .tclive/examples.log; \
	grep -Eq '^Resources: [0-9]+ unchanged$$' .tclive/examples.log || { echo "examples/offline-event: the second up changed something"; exit 1; }; \
	rm -f .tclive/examples.log

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
	rm -rf $(VENV) .tclive .tclive-state examples/*/.tclive examples/*/.tclive-state .pytest_cache .mypy_cache .ruff_cache
