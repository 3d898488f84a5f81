// libFuzzer target: arbitrary bytes as a PETRARCH/TABARI dictionary (verbs, actors, agents,
// discards: the first byte chooses) or, behind 'X', a PETRARCH validation XML file. Contract:
// no crash; problems name their file and line.
#include "dyad/petrarch.h"
#include "dyad/validation.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  std::string_view rest = fuzz::Bytes(data + 1, size - 1);
  std::vector<std::string> problems;
  if (data[0] == 'X') {
    std::string xml = fuzz::Scratch(rest, ".xml");
    (void)en::RunValidation(xml, "/nonexistent-dictionaries", {}, &problems);
    return 0;
  }
  // The fuzzed file in one role, an empty file in the others.
  static const std::string empty = fuzz::Scratch("", ".empty");
  std::string file = fuzz::Scratch(rest, ".txt");
  std::string verbs = data[0] % 4 == 0 ? file : empty, actors = data[0] % 4 == 1 ? file : empty;
  std::vector<std::string> agents, discards;
  if (data[0] % 4 == 2) agents.push_back(file);
  if (data[0] % 4 == 3) discards.push_back(file);
  (void)petrarch::Dictionaries::Load({actors}, agents, verbs, discards, &problems);
  return 0;
}
