# watcherd: make run (set up + demo daemon), make test (the test suite), make lint, make bench.
SHELL := /bin/bash
SWIFT ?= swift
PREFIX ?= /usr/local
DEMO := $(CURDIR)/demo
APT_PACKAGES := libinotifytools0-dev libsqlite3-dev inotify-tools systemd python3-pip

.PHONY: setup build release run test lint install clean-demo eval-facts

# Installs what is missing: Debian packages (as root, or through sudo) and the Python
# jsonschema package the tests validate documents with.
setup:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product watcherd

# Starts the daemon on demo/inbox with the demo article in it; documents appear in demo/output.
run: release
	@mkdir -p $(DEMO)/inbox && cp -n $(DEMO)/inbox-seed/*.txt $(DEMO)/inbox/ 2>/dev/null || true
	@echo "watcherd: inbox $(DEMO)/inbox -> documents in $(DEMO)/output (Ctrl-C stops)"
	$$($(SWIFT) build -c release --show-bin-path)/watcherd run --inbox $(DEMO)/inbox --output $(DEMO)/output \
	  --archive $(DEMO)/archive --failed $(DEMO)/failed --state $(DEMO)/state

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test

# Quotation and date extraction scored against the hand-labelled set (eval/quotes-dates).
eval-facts:
	$(SWIFT) build --product watcherd
	$$($(SWIFT) build --show-bin-path)/watcherd eval quotes-dates eval/quotes-dates/labels.jsonl $(EVAL_ARGS)

lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

install: release
	install -D -m 0755 $$($(SWIFT) build -c release --show-bin-path)/watcherd $(DESTDIR)$(PREFIX)/bin/watcherd
	mkdir -p $(DESTDIR)$(PREFIX)/share/watcherd
	cp -r Sources/ArticleExtraction/Resources/. $(DESTDIR)$(PREFIX)/share/watcherd/
	install -D -m 0644 systemd/watcherd.service $(DESTDIR)/etc/systemd/system/watcherd.service

clean-demo:
	rm -rf $(DEMO)/inbox $(DEMO)/output $(DEMO)/archive $(DEMO)/failed $(DEMO)/state

-include Makefile.bench
