# The two set-up commands of the README:
#   make serve   install reisgids, build the example guide and serve it on 127.0.0.1:8000
#                (another port: make serve PORT=8001)
#   make test    install everything the tests need (Python, Debian chromium, npm) and run them
VENV ?= .venv
PORT ?= 8000
# Test files spread over this many processes (pytest-xdist; 0: one process). A file's tests
# stay together, so its session fixtures are built once per worker that runs it.
PYTEST_WORKERS ?= 2
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install test-deps serve build check lint test bench vendor-editor

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Browser tests use Debian's chromium (never a downloaded browser) and html-validate from npm.
test-deps: install
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@[ -d node_modules/html-validate ] || npm ci --no-audit --no-fund --silent

serve: install
	$(VENV)/bin/reisgids serve . --port $(PORT)

build: install
	$(VENV)/bin/reisgids build .

check: install
	$(VENV)/bin/reisgids check . --strict

lint: install
	$(PY) -m ruff check reisgids tests bench
	$(PY) -m mypy

test: test-deps lint
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadfile

bench: install
	$(PY) bench/run.py --sizes 1000

# The web editor's JavaScript ships inside reisgids (docs/editor.md); this refreshes it from
# npm, at the version and sha512 of reisgids/editor/vendor/decap-cms.pin.json.
vendor-editor:
	python3 tools/vendor_editor.py
