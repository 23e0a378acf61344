# ConflictKG: `make run` serves the seed graph, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-requirements
DATA_DIR ?= $(or $(CONFLICTKG_DATA_DIR),./data)

.PHONY: run test lint setup browser clean

run: setup ## set up, ingest seeds/, serve on http://127.0.0.1:5000
	$(PY) -m graph ingest seeds --data-dir $(DATA_DIR)
	$(PY) -m api --data-dir $(DATA_DIR)

test: setup browser ## set up, lint, type-check, run every test (slow and browser ones included)
	$(VENV)/bin/ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(PY) -m mypy

setup: $(STAMP)

# Reinstall only when requirements.txt changes: a second `make run` installs nothing.
$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	cp requirements.txt $(STAMP)

# Headless Chromium for the page tests, from Debian's packages (needs root, as in CI).
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .mypy_cache
