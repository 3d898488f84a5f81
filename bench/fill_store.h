// A large store for the benchmarks: the rows of the GDELT sample repeated, each copy moved back a
// number of days so the events spread over ten years. Shared by dyad-analysis-bench and
// dyad-serve-load.
#ifndef DYAD_BENCH_FILL_STORE_H_
#define DYAD_BENCH_FILL_STORE_H_

#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "dyad/event_io.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

namespace dyad::bench {

inline long long CountEvents(const std::string& db) {
  sqlite3* h = nullptr;
  long long n = 0;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h, "SELECT count(*) FROM events", -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(h);
  return n;
}

// Fills `db` to at least `want` events when it holds fewer; false after saying why.
inline bool FillWithGdelt(const std::string& db, long long want, const std::string& sample,
                          const Resources& res) {
  if (CountEvents(db) >= want) return true;
  auto store = Store::Open(db);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().message().c_str());
    return false;
  }
  ImportSource src{sample, "gdelt", "bench-sample", sample};
  auto batch = (*store)->BeginImport(src);
  if (!batch.ok()) return false;
  std::vector<std::string> problems;
  ReadContext ctx{&res.lexicon.countries(), &res.codebook, {}};
  auto st = ReadEvents(
      sample, EventFormat::kGdelt, ctx, [&](Event&& e) { (void)(*batch)->Add(e); }, &problems);
  if (!st.ok() || !(*batch)->Commit().ok()) {
    std::fprintf(stderr, "%s: cannot import the sample\n", sample.c_str());
    return false;
  }
  long long base = CountEvents(db);
  long long copies = (want + base - 1) / base;
  std::string sql =
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      std::to_string(copies) +
      ") INSERT INTO events(date, date_end, date_precision, source, target, source_country, "
      "target_country, source_name, target_name, source_label_ko, source_label_en, "
      "target_label_ko, target_label_en, code, goldstein, quad_class, symmetric, action_ko, "
      "action_en, lang) SELECT date(date, '-' || (i % 3650) || ' days'), "
      "date(date_end, '-' || (i % 3650) || ' days'), date_precision, source, target, "
      "source_country, target_country, source_name, target_name, source_label_ko, "
      "source_label_en, target_label_ko, target_label_en, code, goldstein, quad_class, "
      "symmetric, action_ko, action_en, lang FROM events, n WHERE events.id <= " +
      std::to_string(base);
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  char* err = nullptr;
  auto t0 = std::chrono::steady_clock::now();
  bool ok = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err) == SQLITE_OK;
  if (!ok) std::fprintf(stderr, "filling: %s\n", err ? err : "?");
  sqlite3_free(err);
  sqlite3_close(h);
  if (ok)
    std::printf("filled to %lld events in %.0f s\n", CountEvents(db),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return ok;
}

}  // namespace dyad::bench

#endif  // DYAD_BENCH_FILL_STORE_H_
