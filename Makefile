# rift: `make demo` sets up .venv and runs the demo; `make test` sets up and runs the tests.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.rift-installed

.PHONY: demo test setup clean assets

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[dev]"
	$(MAKE) assets
	touch $(STAMP)

assets:
	@if [ -f src/rift/report/frontend/package.json ]; then \
		cd src/rift/report/frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	fi

demo: setup
	$(VENV)/bin/rift demo

test: setup
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) rift-demo .pytest_cache
