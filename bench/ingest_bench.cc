// Ingest into a growing store: does the cost of storing a document stay the same as the store
// fills?
//
//   dyad-ingest-bench DOCS DB [WINDOW [SEED]]
//
// Generates DOCS briefs (bench/brief_gen.h, seed 1, years 2017-2025), codes each and ingests it
// into a new store at DB, one transaction a document as `dyad ingest` does. Prints, for every
// WINDOW documents (default 1,000), the documents a second in that window, the events and
// mentions stored so far and the store's size; then the first and the last window's rates and
// their ratio. Wall time on one thread; run it pinned (taskset -c 0). With a SEED other than 1
// the store at DB is kept and grown with other briefs (to profile ingest into a large store).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "brief_gen.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

using namespace dyad;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DOCS DB [WINDOW]\n", argv[0]);
    return 2;
  }
  long docs = std::atol(argv[1]);
  std::string db = argv[2];
  long window = argc > 3 ? std::atol(argv[3]) : 1000;
  unsigned seed = argc > 4 ? static_cast<unsigned>(std::atol(argv[4])) : 1u;
  if (docs <= 0 || window <= 0) {
    std::fprintf(stderr, "%s: DOCS and WINDOW must be positive\n", argv[0]);
    return 2;
  }
  // DB may be a postgresql:// URI of an empty database (the size column is then 0).
  if (seed == 1 && !IsPostgresUri(db))
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  std::vector<std::string> problems;
  auto res = Resources::Load(DataDir(), &problems);
  if (!res.ok()) {
    std::fprintf(stderr, "%s\n", res.status().message().c_str());
    return 1;
  }
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return 1;
  }
  Coder coder(*res);
  bench::Generator gen((*res)->lexicon, seed);
  using Clock = std::chrono::steady_clock;
  auto window_start = Clock::now();
  double first_rate = 0, last_rate = 0;
  long events = 0, mentions = 0;
  std::printf("%10s %10s %10s %12s %10s\n", "documents", "docs/s", "events", "merged", "MB");
  for (long n = 0; n < docs; ++n) {
    std::string text = gen.Brief(2017 + static_cast<int>(n % 9));
    Result<Document> doc =
        DecodeText(text, "brief-" + std::to_string(seed) + "-" + std::to_string(n) + ".txt");
    if (!doc.ok()) return 1;
    Result<CodedDocument> coded = coder.Code(*doc, {});
    if (!coded.ok()) return 1;
    Result<IngestReport> r = (*store)->Ingest(*doc, *coded);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().message().c_str());
      return 1;
    }
    events += r->events_added;
    mentions += r->events_merged;
    if ((n + 1) % window == 0 || n + 1 == docs) {
      auto now = Clock::now();
      double secs = std::chrono::duration<double>(now - window_start).count();
      long in_window = (n + 1) % window == 0 ? window : (n + 1) % window;
      double rate = in_window / secs;
      if (first_rate == 0) first_rate = rate;
      last_rate = rate;
      std::error_code ec;
      uintmax_t bytes = IsPostgresUri(db) ? 0 : std::filesystem::file_size(db, ec);
      double mb = ec ? 0 : static_cast<double>(bytes) / (1 << 20);
      std::printf("%10ld %10.1f %10ld %12ld %10.0f\n", n + 1, rate, events, mentions, mb);
      std::fflush(stdout);
      window_start = Clock::now();
    }
  }
  std::printf(
      "first window %.1f docs/s, last window %.1f docs/s: the last is %+.1f%% of the first\n",
      first_rate, last_rate, 100.0 * (last_rate - first_rate) / first_rate);
  return 0;
}
