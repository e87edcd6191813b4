# storylens: `make run` (the sample corpus into ./storylens.db, its stories, then the web UI)
# and `make test` (everything the project checks). Both set up .venv the first time.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= storylens.db
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test lint bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet pip==25.3
	# torch alone first: the CPU build, so nothing pulls a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/storylens ingest --sample --db $(DB)
	$(BIN)/storylens stories --db $(DB) --order largest
	@echo "web UI on http://$(HOST):$(PORT)  (Ctrl-C to stop)"
	$(BIN)/storylens serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(STAMP) lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm $(DB)-ingest.lock .pytest_cache
