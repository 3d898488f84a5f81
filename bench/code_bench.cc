// Measures the coder on a directory of documents, on one core: load, repair, segment, analyse,
// code and merge, as `dyad code` does, without writing output.
//
// Usage: dyad-code-bench DIR [REPEAT]
// Prints documents, MB, sentences (sentences and table rows), events, seconds, MB/s,
// sentences/s, peak RSS, and the machine it ran on.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/segment.h"

namespace {

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dyad-code-bench DIR [REPEAT]\n");
    return 2;
  }
  int repeat = argc > 2 ? std::max(1, std::atoi(argv[2])) : 1;
  std::vector<std::string> problems;
  auto res = dyad::Resources::Load(dyad::DataDir(), &problems);
  if (!res.ok()) {
    std::fprintf(stderr, "dyad-code-bench: %s\n", res.status().message().c_str());
    return 1;
  }
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.path().extension() == ".txt") paths.push_back(e.path().string());
  std::sort(paths.begin(), paths.end());
  // Read everything first: the benchmark measures coding, not the disk.
  std::vector<std::string> bytes;
  double mb = 0;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    bytes.push_back(s.str());
    mb += static_cast<double>(bytes.back().size()) / (1024 * 1024);
  }
  dyad::Coder coder(*res);
  size_t sentences = 0, events = 0;
  double best = 1e30;
  for (int r = 0; r < repeat; ++r) {
    sentences = events = 0;
    auto t0 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < bytes.size(); ++i) {
      auto doc = dyad::DecodeText(bytes[i], paths[i]);
      if (!doc.ok()) continue;
      auto coded = coder.Code(*doc, {});
      if (!coded.ok()) continue;
      events += coded->events.size();
      for (const auto& s : dyad::SegmentText(coded->clean))
        sentences +=
            s.kind == dyad::Segment::Kind::kSentence || s.kind == dyad::Segment::Kind::kTableRow;
    }
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, secs);
  }
  // Segmenting again for the count is not part of the measured work above: re-time without it.
  auto t0 = std::chrono::steady_clock::now();
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto doc = dyad::DecodeText(bytes[i], paths[i]);
    if (doc.ok()) (void)coder.Code(*doc, {});
  }
  best =
      std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("machine: %s, %u hardware threads; one core used\n", CpuModel().c_str(),
              std::max(1u, static_cast<unsigned>(std::thread::hardware_concurrency())));
  std::printf("documents: %zu  MB: %.1f  sentences: %zu  events: %zu\n", bytes.size(), mb,
              sentences, events);
  std::printf("seconds: %.2f  MB/s: %.2f  sentences/s: %.0f  events/s: %.0f  peak RSS: %.0f MB\n",
              best, mb / best, static_cast<double>(sentences) / best,
              static_cast<double>(events) / best, static_cast<double>(ru.ru_maxrss) / 1024);
  return 0;
}
