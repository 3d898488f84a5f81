// Generates a corpus of Korean brief text in the extracted-PDF layout, for benchmarks.
//
// Usage: dyad-gen-corpus OUT_DIR MEGABYTES [SEED]
// Writes brief-NNNNN.txt files of about 25 KB each until MEGABYTES are written. Sentences are
// built from the shipped lexicon (real names, titles, states, capitals) in the patterns briefs
// use — narrative with visits, talks, messages, statements and background sentences, and
// chronology tables — then hard-wrapped at 52 characters (often inside a word) with a blank
// line after every line, footnote numerals and running headers, as PDF extraction leaves them.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "brief_gen.h"
#include "dyad/lexicon.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: dyad-gen-corpus OUT_DIR MEGABYTES [SEED]\n");
    return 2;
  }
  std::vector<std::string> problems;
  auto res = dyad::Resources::Load(dyad::DataDir(), &problems);
  if (!res.ok()) {
    std::fprintf(stderr, "dyad-gen-corpus: %s\n", res.status().message().c_str());
    return 1;
  }
  std::filesystem::create_directories(argv[1]);
  double target = std::atof(argv[2]) * 1024 * 1024;
  dyad::bench::Generator gen((*res)->lexicon,
                             argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 1u);
  double written = 0;
  int n = 0;
  while (written < target) {
    char name[64];
    std::snprintf(name, sizeof name, "/brief-%05d.txt", n);
    std::string text = gen.Brief(2017 + n % 9);
    std::ofstream(std::string(argv[1]) + name, std::ios::binary) << text;
    written += static_cast<double>(text.size());
    ++n;
  }
  std::printf("%d documents, %.1f MB in %s\n", n, written / 1024 / 1024, argv[1]);
  return 0;
}
