// dyad serve under load: concurrent readers of a large store while documents are uploaded.
//
//   dyad-serve-load DB [EVENTS [CLIENTS [SECONDS [THINK_MS]]]]
//
// Fills DB to EVENTS events (default 1,000,000; bench/fill_store.h), starts the server in this
// process on a free port of 127.0.0.1 (never another address), and runs CLIENTS reader threads
// (default 50) for SECONDS (default 20). Each reader asks in turn for a dyad's monthly series
// (USA–RUS, PRK–RUS, CHN–USA, RUS–UKR), a page of a dyad's events and the store's health, waiting
// a random 0…THINK_MS milliseconds (default 200) between requests as a person at a dashboard
// does; THINK_MS 0 asks as fast as the server answers. Meanwhile one writer uploads generated
// briefs (bench/brief_gen.h) one after another. Prints the requests, the errors, the uploads and
// the latency percentiles of the series requests and of all reads.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

#include "brief_gen.h"
#include "dyad/server.h"
#include "fill_store.h"

using namespace dyad;
using Clock = std::chrono::steady_clock;

namespace {

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t i =
      std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DB [EVENTS [CLIENTS [SECONDS [THINK_MS]]]]\n", argv[0]);
    return 2;
  }
  std::string db = argv[1];
  long long want = argc > 2 ? std::atoll(argv[2]) : 1000000;
  int clients = argc > 3 ? std::atoi(argv[3]) : 50;
  int seconds = argc > 4 ? std::atoi(argv[4]) : 20;
  int think_ms = argc > 5 ? std::atoi(argv[5]) : 200;
  std::vector<std::string> problems;
  auto res = Resources::Load(DataDir(), &problems);
  if (!res.ok()) {
    std::fprintf(stderr, "%s\n", res.status().message().c_str());
    return 1;
  }
  if (!bench::FillWithGdelt(db, want, "../shared/data/gdelt/gdelt1-events-sample-20160728.tsv",
                            **res))
    return 1;
  long long stored = bench::CountEvents(db);
  // Every client keeps its connection: a worker thread each, and some to spare.
  ServeOptions o{.db = db, .host = "127.0.0.1", .port = 0, .threads = clients + 8};
  auto server = Server::Create(o, *res);
  if (!server.ok()) {
    std::fprintf(stderr, "%s\n", server.status().message().c_str());
    return 1;
  }
  int port = *(*server)->Bind();
  std::thread serving([&] { (*server)->Run(); });

  std::atomic<bool> stop{false};
  std::atomic<long> requests{0}, errors{0}, uploads{0}, upload_errors{0};
  std::mutex lock;
  std::vector<double> series_ms, read_ms;
  const char* dyads[] = {"USA,RUS", "PRK,RUS", "CHN,USA", "RUS,UKR"};
  std::vector<std::thread> readers;
  for (int k = 0; k < clients; ++k)
    readers.emplace_back([&, k] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(30, 0);
      std::mt19937 rng(static_cast<unsigned>(k) + 1);
      std::uniform_int_distribution<int> think(0, std::max(0, think_ms));
      std::vector<double> mine_series, mine_reads;
      for (long i = 0; !stop; ++i) {
        const char* dyad = dyads[(k + i) % 4];
        std::string path;
        bool is_series = i % 3 != 2;
        if (i % 3 == 2)
          path = std::string("/api/v1/events?limit=50&between=") + dyad;
        else
          path = std::string("/api/v1/series?by=month&dyad=") + dyad;
        auto t0 = Clock::now();
        auto r = c.Get(path.c_str());
        double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        ++requests;
        if (!r || r->status != 200) ++errors;
        (is_series ? mine_series : mine_reads).push_back(ms);
        if (think_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(think(rng)));
      }
      std::lock_guard<std::mutex> g(lock);
      series_ms.insert(series_ms.end(), mine_series.begin(), mine_series.end());
      read_ms.insert(read_ms.end(), mine_series.begin(), mine_series.end());
      read_ms.insert(read_ms.end(), mine_reads.begin(), mine_reads.end());
    });
  std::thread writer([&] {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60, 0);
    bench::Generator gen((*res)->lexicon, 7);
    for (long n = 0; !stop; ++n) {
      std::string text = gen.Brief(2017 + static_cast<int>(n % 9));
      auto r = c.Post(("/api/v1/upload?name=load-" + std::to_string(n) + ".txt").c_str(), text,
                      "text/plain");
      if (r && (r->status == 201 || r->status == 200))
        ++uploads;
      else
        ++upload_errors;
    }
  });
  auto start = Clock::now();
  std::this_thread::sleep_for(std::chrono::seconds(seconds));
  stop = true;
  for (std::thread& t : readers) t.join();
  writer.join();
  double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  (*server)->Stop();
  serving.join();
  std::printf("store: %lld events; %d clients, think 0-%d ms, %.1f s on 127.0.0.1\n", stored,
              clients, think_ms, elapsed);
  std::printf("reads: %ld requests (%.0f/s), %ld errors\n", requests.load(),
              static_cast<double>(requests.load()) / elapsed, errors.load());
  std::printf("uploads meanwhile: %ld briefs stored, %ld failed\n", uploads.load(),
              upload_errors.load());
  std::printf("series of a dyad by month: %zu requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
              series_ms.size(), Percentile(series_ms, 0.5), Percentile(series_ms, 0.95),
              Percentile(series_ms, 0.99));
  std::printf("all reads: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n", Percentile(read_ms, 0.5),
              Percentile(read_ms, 0.95), Percentile(read_ms, 0.99));
  return errors.load() == 0 && upload_errors.load() == 0 ? 0 : 1;
}
