# vpcgraph — the two set-up commands are `make run` and `make test`; both install what they need.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages: Graphviz (library, headers, the dot CLI used by tests and the benchmark),
# pkg-config (SwiftPM finds libgvc with it); real consumers of what we write: rsvg-convert and
# Chromium (SVG, and the screenshots `make run` takes), cmark-gfm (Markdown); ImageMagick (tests
# read PNG pixels); Liberation Sans (what Helvetica maps to in Chromium and rsvg).
APT_PACKAGES := libgraphviz-dev graphviz pkg-config librsvg2-bin cmark-gfm chromium imagemagick fonts-liberation
RELEASE_BIN := .build/release/vpcgraph

.PHONY: run test bench deps test-deps build clean man

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Tests also need a real AWS CLI and a moto server (issue 4's tests collect a network from it on loopback).
test-deps: deps
	@command -v python3 >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-pip)
	@if ! command -v moto_server >/dev/null || ! command -v aws >/dev/null; then \
	  echo "installing: moto[server] awscli (pip)"; \
	  python3 -m pip install --quiet 'moto[server]' awscli 2>/dev/null || \
	  python3 -m pip install --quiet --break-system-packages 'moto[server]' awscli; \
	fi
	@# The JSON Schema test (jsonschema, PyYAML) and the pre-commit hook test (pre-commit, git).
	@command -v git >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends git)
	@if ! python3 -c 'import jsonschema, yaml' 2>/dev/null || ! command -v pre-commit >/dev/null; then \
	  echo "installing: jsonschema pyyaml pre-commit (pip)"; \
	  python3 -m pip install --quiet jsonschema pyyaml pre-commit 2>/dev/null || \
	  python3 -m pip install --quiet --break-system-packages jsonschema pyyaml pre-commit; \
	fi
	@# The CloudFormation fixtures are checked by AWS's own template linter.
	@if ! command -v cfn-lint >/dev/null; then \
	  echo "installing: cfn-lint (pip)"; \
	  python3 -m pip install --quiet cfn-lint 2>/dev/null || python3 -m pip install --quiet --break-system-packages cfn-lint; \
	fi

# The Swift runtime and Foundation linked in: the binary starts in 4 ms instead of 7 (it matters
# when docs builds call it once per diagram) and runs wherever it is copied.
build: deps
	$(SWIFT) build -c release --product vpcgraph --static-swift-stdlib

## Render every sample into out/ (DOT, SVG, Markdown), and light and dark PNG screenshots of each.
run: build
	$(RELEASE_BIN) render samples/*.yaml -o out
	scripts/screenshots.sh $(RELEASE_BIN) out

## Unit, golden-file and end-to-end tests.
test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Benchmarks: vpcgraph next to `dot -Tsvg` on the same DOT, measured in the same run
## (valgrind counts instructions, a figure the machine's load does not change).
bench: build
	@dpkg -s valgrind >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends valgrind)
	scripts/bench.sh $(RELEASE_BIN)

## The man page (docs/man/vpcgraph.1), from swift-argument-parser's generate-manual plugin; dated
## by the last commit of the command-line code, so regenerating an unchanged CLI changes nothing.
man:
	mkdir -p docs/man
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory docs/man \
	  --date "$$(git log -1 --format=%cd --date=format:%Y-%m-%d -- Sources/vpcgraph 2>/dev/null || echo 2026-12-02)"

clean:
	rm -rf .build .build-fuzz .build-asan out

## Fuzzing (see README, "Fuzzing and sanitizers"): the libFuzzer harnesses in Fuzzing/, built with
## ASan into their own scratch folder, each run for FUZZ_SECONDS; then the generative layout test
## with GENERATIVE_FUZZ_SEEDS seeds. Crash inputs land in .build-fuzz/findings/<harness>/crashes.
FUZZ_SECONDS ?= 600
FUZZ_HARNESSES ?= topology snapshot render
GENERATIVE_FUZZ_SEEDS ?= 40
FUZZ_SCRATCH := .build-fuzz
.PHONY: fuzz fuzz-build asan
# Swift's -sanitize flags do not add up, the last one wins: `--sanitize=fuzzer --sanitize=address`
# alone gives Swift code ASan but no coverage counters (libFuzzer then sees only the C code), so
# the combined flag is passed again last. One product at a time: a plain `swift build` would also link the dependency's vpcgraph executable,
# whose main clashes with libFuzzer's. The build plan is dropped first: SwiftPM does not notice a
# new source file in a path dependency (a file added to Sources/VPCModel) and fails with "cannot find".
fuzz-build: deps
	rm -f $(FUZZ_SCRATCH)/debug.yaml $(FUZZ_SCRATCH)/*/debug/description.json
	for h in $(FUZZ_HARNESSES); do \
	  $(SWIFT) build --package-path Fuzzing --scratch-path $(FUZZ_SCRATCH) -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=address,fuzzer --product fuzz-$$h || exit 1; \
	done
fuzz: fuzz-build test-deps
	@status=0; scripts/fuzz.sh $(FUZZ_SCRATCH)/debug $(FUZZ_SECONDS) $(FUZZ_SCRATCH)/findings $(FUZZ_HARNESSES) || status=1; \
	$(SWIFT) build --build-tests && \
	VPCGRAPH_GENERATIVE_SEEDS=$(GENERATIVE_FUZZ_SEEDS) $(SWIFT) test --skip-build --filter GenerativeLayoutTests || status=1; \
	exit $$status

## vpcgraph built with AddressSanitizer, rendering every sample in every view and split mode and a
## generated 40-VPC, 2-region account; fails on any ASan report or signal.
asan: deps
	$(SWIFT) build -c debug --sanitize=address --scratch-path .build-asan --product vpcgraph
	scripts/asan.sh .build-asan/debug/vpcgraph .build-asan/reports
