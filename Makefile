# The front door. `make help` lists the targets; every target installs what
# it needs into .venv first (from the pinned, hashed requirements.txt).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-12)
# npm tools for the checks (vnu-jar, lighthouse), from the exact package-lock.json.
NODE_STAMP := node_modules/.installed-$(shell sha256sum package-lock.json | cut -c1-12)
export NO_MKDOCS_2_WARNING := 1
# Playwright drives Debian's /usr/bin/chromium; it must never fetch a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# The generator: mkdocs, or properdocs (MkDocs 1.x continued, same site; handbook/generators-and-material-eol.md).
GENERATOR ?= mkdocs
# The uv that `make lock` compiles requirements.txt with.
UV_VERSION := 0.13.9

.DEFAULT_GOAL := help
.PHONY: help serve build check content-check test unit lint test-site audit clean lock post verslag event schema bench bench-search bench-preview cms export foto-schoon hunspell search-quality

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# pip's "Location 'file:///...' is ignored" lines come from a machine whose pip
# configuration names local index folders that lack a package (76 lines on a
# first install here); only that exact message is left out, every other
# warning and error passes.
PIP_LOCATION_NOISE := ^WARNING: Location '[^']*' is ignored: it is neither a file nor a directory\.$$

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt 2> >(grep -v "$(PIP_LOCATION_NOISE)" >&2)
	@# The werkplaats package itself, editable (pyproject.toml): importable for
	@# MkDocs, its hooks, the tools and pytest. setuptools comes with the venv.
	@rm -f "$$($(PY) -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/werkplaats-site.pth"
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . 2> >(grep -v "$(PIP_LOCATION_NOISE)" >&2)
	@rm -f $(VENV)/.installed-* && touch $@

# --ignore-scripts: no package may download anything at install time (vnu-jar
# would fetch a Java runtime; the system's Java 17 runs vnu.jar). npm ci runs
# through tools/npm_install.py, which folds Decap's harmless peer-dependency
# warnings (338 lines) into one and passes every other line through.
$(NODE_STAMP): package.json package-lock.json
	$(PYTHON) tools/npm_install.py
	@rm -f node_modules/.installed-* && touch $@

# Dutch search (werkplaats/site/lexicon.py) runs the hunspell program on Debian's
# Dutch dictionary; every target that builds the site needs both. Installed
# with apt-get when make runs as root or sudo needs no password, else make
# stops and names the command.
HUNSPELL_NL := /usr/share/hunspell/nl.dic
HUNSPELL_APT := apt-get install -y -qq hunspell hunspell-nl

hunspell: ## Install hunspell and hunspell-nl for Dutch search if missing (every target that builds does this first)
	@if command -v hunspell >/dev/null 2>&1 && test -f $(HUNSPELL_NL); then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && $(HUNSPELL_APT); \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo $(HUNSPELL_APT); \
	else echo "Zoeken in het Nederlands heeft hunspell en hunspell-nl nodig. Installeer ze met: sudo apt-get install hunspell hunspell-nl" >&2; \
	  echo "Dutch search needs hunspell and hunspell-nl. Install them with: sudo apt-get install hunspell hunspell-nl" >&2; exit 1; fi

serve: $(STAMP) $(NODE_STAMP) hunspell ## Live preview on http://127.0.0.1:8000 (drafts, scheduled posts marked; ALLES=1: all of a large posts/)
	SITE_URL=http://127.0.0.1:8000/ WERKPLAATS_PREVIEW_ALL=$(if $(ALLES),1,) $(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# The CMS (tools/cms.py): admin, preview and Decap's local backend, on 127.0.0.1.
cms: $(STAMP) $(NODE_STAMP) hunspell ## Edit posts/ in the CMS: http://127.0.0.1:8080/admin/, preview on :8000 (no GitHub needed)
	$(PY) tools/cms.py --port 8000 --admin-port 8080 --backend-port 8081

build: $(STAMP) $(NODE_STAMP) hunspell ## Build the public site into site/ (strict), /admin/ included (GENERATOR=properdocs: with ProperDocs)
	$(PY) -m $(GENERATOR) build --strict --clean

export: $(STAMP) ## The site without hooks as plain files in export/, built with plain MkDocs into export/site/
	$(PY) -m werkplaats.site.export export
	cd export && $(abspath $(PY)) -m $(GENERATOR) build --strict --clean -d site

# BASE: what a change is compared with. Without it, make check compares with
# where the branch started (the merge base with origin/main, else main), on
# main with the last commit if posts/ has uncommitted changes (werkplaats/content/git_ref.py).
check: $(STAMP) ## Check every file in posts/ without building, and that no web address disappears (BASE=ref: compared with ref)
	$(PY) -m werkplaats.editing.check $${BASE:+--base "$$BASE"}

# BASE: the same default, origin/main else main (its merge base with HEAD).
content-check: $(STAMP) hunspell ## Pull-request check of changed posts: check, strict build, links, axe (BASE=origin/main)
	$(PY) tools/content_check.py $${BASE:+--base "$$BASE"}

# werkplaats/content/photo_metadata.py: what a photo in posts/ may carry, and this cleaner.
foto-schoon: $(STAMP) ## Remove GPS position, names and camera data from a photo in place: make foto-schoon BESTAND=posts/nieuws/afbeeldingen/foto.jpg
	$(PY) -m werkplaats.content.photo_metadata "$$BESTAND"

post: $(STAMP) ## New news item: make post TITLE="Titel"
	$(PY) -m werkplaats.editing.scaffold post "$$TITLE"

verslag: $(STAMP) ## New report: make verslag TITLE="Titel"
	$(PY) -m werkplaats.editing.scaffold verslag "$$TITLE"

event: $(STAMP) ## New event: make event TITLE="Titel" START="YYYY-MM-DD HH:MM"
	$(PY) -m werkplaats.editing.scaffold event "$$TITLE" --start "$$START"

bench: $(STAMP) hunspell ## Benchmark on a synthetic corpus: make bench POSTS=1000 EVENTS=300
	$(PY) tools/bench.py --posts $${POSTS:-1000} --events $${EVENTS:-300}

bench-search: $(STAMP) hunspell ## Search benchmark (Pagefind) on a synthetic corpus: make bench-search POSTS=1000 EVENTS=300
	$(PY) tools/search_bench.py --posts $${POSTS:-1000} --events $${EVENTS:-300}

bench-preview: $(STAMP) hunspell ## How long an open page of make serve takes to show a save, in Chromium (POSTS=, EVENTS= to add a corpus)
	$(PY) tools/preview_bench.py --posts $${POSTS:-0} --events $${EVENTS:-0}

search-quality: $(STAMP) hunspell ## Dutch search, approach by approach: precision and recall on tests/search_fixture.py (DETAILS=1: every miss)
	$(PY) tools/search_quality.py $(if $(DETAILS),--details,)

schema: $(STAMP) ## Regenerate schemas/*.json from the content model
	$(PY) -m werkplaats.content.schema

test: $(STAMP) $(NODE_STAMP) hunspell ## Lint, then the whole test suite (builds the site once; browser checks in Chromium)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

unit: $(STAMP) hunspell ## The fast tests only: plain data, no build, no browser (seconds)
	$(PY) -m pytest -m unit -q

lint: $(STAMP) ## Fix what ruff can (lint and format, pyproject.toml); make test checks the rest
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The tests of the built site (not the units, not the browser) with another generator.
test-site: $(STAMP) $(NODE_STAMP) hunspell ## The site-level tests with GENERATOR=properdocs (or mkdocs)
	WERKPLAATS_GENERATOR=$(GENERATOR) $(PY) -m pytest tests/test_site.py tests/test_site_quality.py tests/test_admin.py tests/test_generators.py

audit: $(STAMP) $(NODE_STAMP) hunspell ## Lighthouse on six pages: scores table, reports in reports/lighthouse/
	$(PY) tools/audit.py

lock: $(STAMP) ## Recompile requirements.txt from requirements.in (needs the network)
	@# The compiler is pinned too: another uv may resolve or hash differently.
	$(PY) -m pip install --quiet uv==$(UV_VERSION)
	$(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11 requirements.in -o requirements.txt

clean: ## Remove site/, reports and caches (keeps .venv and node_modules)
	rm -rf site reports .pytest_cache export
