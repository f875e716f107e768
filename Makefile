# Two commands do all set-up: `make run` (extract raw/ into extracted/) and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test install bench review

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/chronicle extract raw --out extracted

test: $(STAMP)
	$(PY) -m pytest -q -n 2 --dist loadfile

review: $(STAMP)
	$(VENV)/bin/chronicle review extracted

bench: $(STAMP)
	$(PY) bench/throughput.py
	$(PY) bench/peers.py
	$(PY) bench/corpus.py
