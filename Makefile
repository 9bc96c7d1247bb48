# Msaada: `make demo` and `make test` do all set-up themselves on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export UV_PYTHON_DOWNLOADS := never
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: demo test test-sqlite test-postgres lint typecheck bench serve clean lock chromium

$(BIN)/msaada: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python -c requirements.lock -e '.[test]'
	touch $@

demo: $(BIN)/msaada
	$(BIN)/msaada demo
	$(BIN)/msaada serve --demo

test: lint
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# The browser tests drive Debian's Chromium; install it when missing (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

test-sqlite: $(BIN)/msaada chromium
	@echo "== the suite on SQLite"
	$(BIN)/pytest

test-postgres: $(BIN)/msaada chromium
	@echo "== the suite on PostgreSQL 15 (a throwaway cluster)"
	.ci/with-postgres $(BIN)/pytest

lint: $(BIN)/msaada
	$(BIN)/ruff check msaada tests bench
	$(BIN)/ruff format --check msaada tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy --config-file pyproject.toml

# mypy with django-stubs over core, readiness and exchange (pyproject.toml [tool.mypy]); `make lint` runs it too.
typecheck: $(BIN)/msaada
	$(BIN)/mypy --config-file pyproject.toml

bench: $(BIN)/msaada
	$(BIN)/python -m bench

lock:
	$(BIN)/uv pip compile pyproject.toml --extra test --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) var build *.egg-info
