# The two commands: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB  ?= out/demo/crosswire.db
DEMO_OUT ?= out/demo

.PHONY: install demo test lint bench gate clean browser screenshots

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_OUT)
	$(VENV)/bin/crosswire run examples/hama-2024 --db $(DEMO_DB) --out $(DEMO_OUT)
	@echo "brief (Markdown and printable HTML, every sentence cited): $(DEMO_OUT)/brief.md and $(DEMO_OUT)/brief.html"
	@echo "web UI: $(VENV)/bin/crosswire serve --db $(DEMO_DB)   then open http://127.0.0.1:8000/"

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(PY) tools/pg_test_server.py install  # Debian's PostgreSQL for the store tests, when missing (root)
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench quality

gate: $(STAMP)
	$(PY) -m bench gate

# Debian's chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

screenshots: $(STAMP)
	CROSSWIRE_SCREENSHOTS=1 $(PY) -m pytest -q tests/test_web_browser.py -k example_corpus

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
