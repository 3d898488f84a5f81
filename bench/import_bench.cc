// GDELT import speed: rows read a second (parsing alone), and rows stored a second (parsing and
// the SQLite store, one transaction); with a PostgreSQL cluster's base URI, rows stored a second
// in PostgreSQL too (the COPY path), each run into a database of its own it creates.
//
//   dyad-import-bench SAMPLE.tsv ROWS OUT_DIR [postgresql://user@host/]
//
// Builds a GDELT 1.0 file of ROWS rows by repeating SAMPLE's rows with fresh GlobalEventIDs (so
// the mix of 57- and 58-field rows is the sample's), then times both stages, best of three.
#include <libpq-fe.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/event_io.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

using namespace dyad;

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: %s SAMPLE.tsv ROWS OUT_DIR [POSTGRES_BASE_URI]\n", argv[0]);
    return 2;
  }
  long rows = std::atol(argv[2]);
  std::filesystem::create_directories(argv[3]);
  std::string file = std::string(argv[3]) + "/gdelt-bench.tsv";
  std::vector<std::string> sample;
  {
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line))
      if (!line.empty()) sample.push_back(line);
  }
  if (sample.empty()) {
    std::fprintf(stderr, "%s: no rows\n", argv[1]);
    return 2;
  }
  {
    std::ofstream out(file, std::ios::binary);
    for (long i = 0; i < rows; ++i) {
      const std::string& s = sample[i % sample.size()];
      out << (100000000 + i) << s.substr(s.find('\t')) << '\n';
    }
  }
  double mb = static_cast<double>(std::filesystem::file_size(file)) / (1 << 20);
  std::vector<std::string> problems;
  auto res = Resources::Load(DataDir(), &problems);
  if (!res.ok()) {
    std::fprintf(stderr, "%s\n", res.status().message().c_str());
    return 2;
  }
  ReadContext ctx{&(*res)->lexicon.countries(), &(*res)->codebook, {}};
  using Clock = std::chrono::steady_clock;

  // Stores the file into the store at `db`, one import; the seconds it took, or -1.
  auto import_into = [&](const std::string& db, int run) -> double {
    auto store = Store::Open(db);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().message().c_str());
      return -1;
    }
    auto t0 = Clock::now();
    auto batch = (*store)->BeginImport({file, "gdelt", "bench" + std::to_string(run), "bench"});
    if (!batch.ok()) {
      std::fprintf(stderr, "%s\n", batch.status().message().c_str());
      return -1;
    }
    Status err;
    auto st = ReadEvents(
        file, EventFormat::kGdelt, ctx,
        [&](Event&& e) {
          if (err.ok()) err = (*batch)->Add(e);
        },
        &problems);
    auto r = (*batch)->Commit();
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!st.ok() || !err.ok() || !r.ok()) {
      std::fprintf(stderr, "store failed: %s %s\n", err.message().c_str(),
                   r.ok() ? "" : r.status().message().c_str());
      return -1;
    }
    return secs;
  };

  double best_read = 1e9, best_store = 1e9, best_pg = 1e9;
  long events = 0;
  for (int run = 0; run < 3 && argc == 5; ++run) {
    std::string base = argv[4], name = "dyad_import_bench_" + std::to_string(run);
    PGconn* admin = PQconnectdb((base + "postgres").c_str());
    PQsetNoticeProcessor(
        admin, [](void*, const char*) {}, nullptr);
    for (std::string sql : {"DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name})
      PQclear(PQexec(admin, sql.c_str()));
    bool ok = PQstatus(admin) == CONNECTION_OK;
    PQfinish(admin);
    double secs = ok ? import_into(base + name, run) : -1;
    if (secs < 0) {
      std::fprintf(stderr, "PostgreSQL import failed\n");
      return 1;
    }
    best_pg = std::min(best_pg, secs);
  }
  for (int run = 0; run < 3; ++run) {
    problems.clear();
    long n = 0;
    auto t0 = Clock::now();
    auto st = ReadEvents(
        file, EventFormat::kGdelt, ctx, [&](Event&&) { ++n; }, &problems);
    double secs = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!st.ok() || !problems.empty()) {
      std::fprintf(stderr, "read failed\n");
      return 1;
    }
    best_read = std::min(best_read, secs);
    events = n;

    std::string db = std::string(argv[3]) + "/import-bench.db";
    std::filesystem::remove(db);
    std::filesystem::remove(db + "-wal");
    std::filesystem::remove(db + "-shm");
    secs = import_into(db, run);
    if (secs < 0) return 1;
    best_store = std::min(best_store, secs);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("rows: %ld  MB: %.1f\n", events, mb);
  std::printf("read (parse only):   seconds: %.2f  rows/s: %.0f  MB/s: %.1f\n", best_read,
              events / best_read, mb / best_read);
  std::printf("import (SQLite):     seconds: %.2f  rows/s: %.0f\n", best_store,
              events / best_store);
  if (argc == 5)
    std::printf("import (PostgreSQL): seconds: %.2f  rows/s: %.0f  (COPY, a local server)\n",
                best_pg, events / best_pg);
  std::printf("peak RSS: %ld MB\n", ru.ru_maxrss / 1024);
  return 0;
}
