# Two commands for a fresh machine with only Python 3.11+:  make run   and   make test
# Each one creates or updates the virtual environment in .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
ARGS ?=
POT := locales/messages.pot
# Compiled catalogs (.mo) are built from the committed .po files and never committed.
MO := $(patsubst %.po,%.mo,$(wildcard locales/*/LC_MESSAGES/messages.po))

.PHONY: run test lint typecheck check-flows pytest bench lock schema diagrams clean catalogs mo

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

## Start the assistant (pass options with ARGS="--plain", for example).
run: $(STAMP) mo
	@$(BIN)/support-plan $(ARGS)

## The whole test suite: lint, types, flow check, then pytest.
test: $(STAMP) mo lint typecheck check-flows pytest

lint: $(STAMP)
	$(BIN)/ruff check assistant tests
	$(BIN)/ruff format --check assistant tests

typecheck: $(STAMP)
	$(BIN)/mypy

check-flows: $(STAMP)
	$(BIN)/support-plan check flows/

pytest: $(STAMP) mo
	$(BIN)/pytest -q

## Translations: extract every string (code and flows) to the .pot, merge it into each
## locale's .po, tidy old msgids (assistant/i18n/catalogs.py), then compile them all,
## printing how complete each one is. Also writes locales/cldr.json, the little of
## Babel's CLDR data the assistant formats with (assistant/i18n/cldr.py).
catalogs: $(STAMP)
	$(BIN)/python -m assistant.i18n.cldr > locales/cldr.json
	$(BIN)/pybabel -q extract -F pyproject.toml --add-location=file \
		--project="Support Plan Assistant" -o $(POT).new assistant flows
	@# Keep the old template when only its creation date changed, so git stays quiet.
	@grep -v '^"POT-Creation-Date' $(POT).new > $(POT).a; grep -sv '^"POT-Creation-Date' $(POT) > $(POT).b; \
		if cmp -s $(POT).a $(POT).b; then rm $(POT).new; else mv $(POT).new $(POT); fi; rm -f $(POT).a $(POT).b
	$(BIN)/pybabel -q update -i $(POT) -d locales --previous --ignore-obsolete \
		--ignore-pot-creation-date
	@# Babel reads its own '#| msgid' lines back as comments: drop them once not fuzzy.
	$(BIN)/python -m assistant.i18n.catalogs locales/*/LC_MESSAGES/messages.po
	$(BIN)/pybabel compile -d locales --statistics

## Compile only the catalogs whose .po changed (run by 'make run' and 'make test').
mo: $(MO)

locales/%/LC_MESSAGES/messages.mo: locales/%/LC_MESSAGES/messages.po $(STAMP)
	@$(BIN)/pybabel -q compile -l $* -i $< -o $@

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
