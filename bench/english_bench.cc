// English coding speed with the full Phoenix dictionaries: the 77 GigaWord sample sentences and
// the 284 texts of the PETRARCH suite, coded over and over on one core.
//
//   dyad-english-bench PETRARCH_DIR ROUNDS
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "dyad/pattern_coder.h"
#include "dyad/petrarch.h"

using namespace dyad;

std::vector<std::pair<std::string, int>> Texts(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str();
  std::vector<std::pair<std::string, int>> out;
  std::regex rec(
      "<Sentence[^>]*date\\s*=\\s*\"(\\d{8})\"[^>]*>[\\s\\S]*?<Text>([\\s\\S]*?)</Text>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), rec); it != std::sregex_iterator();
       ++it) {
    std::string t = (*it)[2];
    for (char& c : t)
      if (c == '\n' || c == '\r') c = ' ';
    out.push_back({t, std::stoi((*it)[1])});
  }
  return out;
}

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s PETRARCH_DIR ROUNDS\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  int rounds = std::atoi(argv[2]);
  using Clock = std::chrono::steady_clock;
  auto t0 = Clock::now();
  std::vector<std::string> problems;
  auto d = petrarch::Dictionaries::LoadDir(dir, &problems);
  double load = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!d.ok()) {
    std::fprintf(stderr, "%s\n", d.status().message().c_str());
    return 1;
  }
  auto texts = Texts(dir + "/GigaWord.sample.PETR.xml");
  auto suite = Texts(dir + "/PETR.UnitTest.records.xml");
  texts.insert(texts.end(), suite.begin(), suite.end());
  en::PatternCoder coder(&*d);
  en::PatternOptions opt;
  long sentences = 0, events = 0;
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    sentences = events = 0;
    t0 = Clock::now();
    for (int r = 0; r < rounds; ++r)
      for (const auto& [t, date] : texts) {
        events += static_cast<long>(coder.Code(t, date, opt).events.size());
        ++sentences;
      }
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "dictionaries: %zu actor records, %zu names, %zu agents, %zu verb blocks, %zu patterns; "
      "loaded in %.2f s (%zu lines reported)\n",
      d->actors().size(), d->actor_names().size(), d->agents().size(), d->blocks().size(),
      d->pattern_count(), load, problems.size());
  std::printf(
      "sentences: %ld (%zu distinct)  events: %ld  seconds: %.2f  sentences/s: %.0f  peak RSS: %ld "
      "MB\n",
      sentences, texts.size(), events, best, sentences / best, ru.ru_maxrss / 1024);
  return 0;
}
