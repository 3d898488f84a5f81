// Running a PETRARCH validation file: records of <Text> with their expected <EventCoding>s,
// coded by dyad's pattern coder with the dictionaries the file's <Environment> names (or those
// of a directory), and scored record by record.
//
// A record is correct when its coded events equal the expected ones as a multiset; a record
// expecting no events (noevents, or an error such as a discard) is kept clean when nothing is
// coded (a discard must be recognised at its level). <Config> elements between records change
// the coder's options from there on, as in PETRARCH. The <Parse> trees are ignored.
#ifndef DYAD_VALIDATION_H_
#define DYAD_VALIDATION_H_

#include <functional>
#include <string>
#include <vector>

#include "dyad/pattern_coder.h"
#include "dyad/status.h"

namespace dyad::en {

struct RecordResult {
  std::string id, category, text;
  bool scored = true;  // sentence="false" records are outside PETRARCH's own count
  std::vector<CodedTriple> expected, coded;
  std::string expected_error, coded_error;  // discards and other error markers
  int found = 0;                            // expected events coded
  int extra = 0;                            // coded events not expected
  bool correct = false;
};

struct ValidationSummary {
  int records = 0, correct = 0;
  int expected = 0, found = 0, extra = 0, coded = 0;
  int noevents = 0, noevents_clean = 0;  // records expecting no events; of them, none coded
  int scored_records = 0, scored_correct = 0, scored_expected = 0, scored_found = 0;
};

// dictionary_dir: where the <Environment>'s files are; empty: the validation file's directory.
// Each record's result goes to on_record as it is coded.
Result<ValidationSummary> RunValidation(const std::string& path, const std::string& dictionary_dir,
                                        const std::function<void(const RecordResult&)>& on_record,
                                        std::vector<std::string>* problems);

}  // namespace dyad::en

#endif  // DYAD_VALIDATION_H_
