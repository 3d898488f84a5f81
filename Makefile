# The two commands of the README. Both install what is missing (scripts/setup.sh), build, and run.
BUILD ?= build
JOBS ?= 2
DYAD := $(BUILD)/dyad
DEMO_DB := $(BUILD)/demo.db

.PHONY: all setup setup-test build build-cli demo test eval bench fuzz clean format

all: build

setup:
	@./scripts/setup.sh

setup-test:
	@./scripts/setup.sh test

$(BUILD)/CMakeCache.txt: CMakeLists.txt
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The CLI alone: what the demo runs, without the tests and benchmarks.
build-cli: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target dyad

# The main job on the bundled sample documents: code, store in SQLite, ask for a chronology.
demo: build-cli
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(DYAD) lexicon check
	$(DYAD) code --format table tests/corpus/ko/brief-2024-dprk-russia.txt
	$(DYAD) ingest --db $(DEMO_DB) tests/corpus/ko/*.txt
	$(DYAD) chronology --db $(DEMO_DB) --between PRK RUS --year 2024 --format markdown
	$(DYAD) chronology --db $(DEMO_DB) --between PRK RUS --year 2024 --lang en
	$(DYAD) burden status --db $(DEMO_DB) --year 2025
	$(DYAD) burden gap --db $(DEMO_DB) --pledge hague-core --country ESP
	$(DYAD) unga import --db $(DEMO_DB) data/unga/votes.tsv
	@echo "demo store: $(DEMO_DB)"
	@echo "the dashboard on the demo store: $(DYAD) serve --db $(DEMO_DB)   (then open http://127.0.0.1:8080/)"

test: setup-test build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Scores every evaluation document against its gold file and prints the totals.
eval: build
	@./scripts/eval.sh $(DYAD)

# Fuzzes every parser for FUZZ_SECONDS each under ASan and UBSan (docs/reliability.md).
FUZZ_SECONDS ?= 60
fuzz:
	@./scripts/fuzz.sh $(FUZZ_SECONDS)

bench: build
	@./bench/run.sh $(BUILD)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD)
