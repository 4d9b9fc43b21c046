# The two commands: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_DB  ?= out/demo/crosswire.db
DEMO_OUT ?= out/demo

.PHONY: install demo test lint bench gate clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -rf $(DEMO_OUT)
	$(VENV)/bin/crosswire run examples/hama-2024 --db $(DEMO_DB) --out $(DEMO_OUT)

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench
	$(PY) -m pytest

bench: $(STAMP)
	$(PY) -m bench quality

gate: $(STAMP)
	$(PY) -m bench gate

clean:
	rm -rf $(VENV) out build *.egg-info src/*.egg-info
