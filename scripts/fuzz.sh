#!/usr/bin/env bash
# Fuzzes every parser (fuzz/*.cc) with libFuzzer under AddressSanitizer and
# UndefinedBehaviorSanitizer, SECONDS each (default 60), from its seed corpus and dictionary.
# The corpus grows in build-fuzz/corpus/<target>; a crash is saved in build-fuzz/crashes/<target>
# and named at the end: copy it into fuzz/regressions/<target>/ when it is fixed, and `make test`
# replays it for good. Prints, per target, the inputs executed and the coverage reached.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
out=build-fuzz
./scripts/setup.sh fuzz
cmake -S . -B $out -DDYAD_BUILD_FUZZERS=ON -DDYAD_BUILD_TESTS=OFF -DDYAD_BUILD_BENCHMARKS=OFF \
  -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined" > /dev/null
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_code fuzz_english fuzz_tsv fuzz_pdf fuzz_markup fuzz_events fuzz_csv fuzz_petrarch fuzz_burden fuzz_api fuzz_tabari)
cmake --build $out -j "${JOBS:-2}" --target "${targets[@]}" > $out/build.log 2>&1 || { tail -30 $out/build.log; exit 1; }
failed=0
printf "%-15s %12s %8s %8s %s\n" target executions cov ft crashes
for t in "${targets[@]}"; do
  mkdir -p $out/corpus/$t $out/crashes/$t
  ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    $out/fuzz/$t $out/corpus/$t fuzz/seeds/$t -dict=fuzz/dict/$t.dict -max_total_time="$seconds" \
    -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=$out/crashes/$t/ \
    > $out/$t.log 2>&1
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' $out/$t.log | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' $out/$t.log | tail -1 | grep -o '[0-9]*$')
  ft=$(grep -o 'ft: [0-9]*' $out/$t.log | tail -1 | grep -o '[0-9]*$')
  crashes=$(find $out/crashes/$t -type f | wc -l)
  printf "%-15s %12s %8s %8s %s\n" "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$crashes"
  [ "$crashes" -gt 0 ] && failed=1
done
[ $failed -eq 0 ] || echo "crashes found: see $out/crashes/ and $out/<target>.log"
exit $failed
