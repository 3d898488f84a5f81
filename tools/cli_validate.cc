// dyad validate: a PETRARCH validation file through dyad's pattern coder.
#include <cstdio>
#include <iostream>

#include "cli_commands.h"
#include "dyad/validation.h"

namespace dyad::cli {

namespace {

std::string Triples(const std::vector<en::CodedTriple>& v) {
  std::string s;
  for (const en::CodedTriple& t : v)
    s += (s.empty() ? "" : " ") + t.source + ">" + t.target + ":" + t.code;
  return s.empty() ? "none" : s;
}

}  // namespace

void RegisterValidate(CLI::App& app, Global& g) {
  struct Flags {
    std::string file, dictionaries;
    bool quiet = false;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* v = app.add_subcommand(
      "validate", "Code a PETRARCH validation file (<Text> records with expected <EventCoding>s)");
  v->add_option("FILE", f->file, "validation records (XML)")->required();
  v->add_option("--dictionaries", f->dictionaries,
                "directory of the dictionaries its <Environment> names (default: the file's)");
  v->add_flag("--failures", f->quiet, "list only the records coded wrongly");
  v->callback([f, &g] {
    std::vector<std::string> problems;
    Result<en::ValidationSummary> r = en::RunValidation(
        f->file, f->dictionaries,
        [&](const en::RecordResult& rec) {
          if (f->quiet && rec.correct) return;
          std::printf("%s %s%s: expected %s%s, coded %s%s\n", rec.correct ? "ok  " : "FAIL",
                      rec.id.c_str(), rec.scored ? "" : " (sentence=false)",
                      Triples(rec.expected).c_str(),
                      rec.expected_error.empty() ? "" : (" [" + rec.expected_error + "]").c_str(),
                      Triples(rec.coded).c_str(),
                      rec.coded_error.empty() ? "" : (" [" + rec.coded_error + "]").c_str());
        },
        &problems);
    for (const std::string& p : problems) std::cerr << "dyad: " << p << "\n";
    if (!r.ok()) {
      std::cerr << "dyad: " << r.status().message() << "\n";
      g.exit_code = 2;
      return;
    }
    const en::ValidationSummary& s = *r;
    std::printf(
        "records: %d, correct %d (%.1f%%); expected events %d, found %d (%.1f%%), extra %d "
        "(%.1f%% of found); records expecting none %d, kept clean %d\n",
        s.records, s.correct, 100.0 * s.correct / std::max(1, s.records), s.expected, s.found,
        100.0 * s.found / std::max(1, s.expected), s.extra, 100.0 * s.extra / std::max(1, s.found),
        s.noevents, s.noevents_clean);
    std::printf(
        "{\"records\": %d, \"correct\": %d, \"expected\": %d, \"found\": %d, \"extra\": %d, "
        "\"noevents\": %d, \"noevents_clean\": %d, \"scored_records\": %d, \"scored_correct\": %d, "
        "\"scored_expected\": %d, \"scored_found\": %d}\n",
        s.records, s.correct, s.expected, s.found, s.extra, s.noevents, s.noevents_clean,
        s.scored_records, s.scored_correct, s.scored_expected, s.scored_found);
  });
}

}  // namespace dyad::cli
