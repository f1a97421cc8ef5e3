# Two commands for a fresh machine with only Python 3.11+:  make run   and   make test
# Each one creates or updates the virtual environment in .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ARGS ?=

.PHONY: run test lint typecheck check-flows pytest bench lock schema diagrams clean

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

## Start the assistant (pass options with ARGS="--plain", for example).
run: $(STAMP)
	@$(BIN)/support-plan $(ARGS)

## The whole test suite: lint, types, flow check, then pytest.
test: $(STAMP) lint typecheck check-flows pytest

lint: $(STAMP)
	$(BIN)/ruff check assistant tests
	$(BIN)/ruff format --check assistant tests

typecheck: $(STAMP)
	$(BIN)/mypy

check-flows: $(STAMP)
	$(BIN)/support-plan check flows/

pytest: $(STAMP)
	$(BIN)/pytest -q

## Benchmarks, separate from the tests.
bench: $(STAMP)
	$(BIN)/python -m tests.bench

## Regenerate the committed JSON Schema for flow files.
schema: $(STAMP)
	$(BIN)/support-plan schema > flows/flow.schema.json

## Re-pin every dependency after a pyproject.toml change.
lock: $(STAMP)
	@$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock.new
	@mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .hypothesis
