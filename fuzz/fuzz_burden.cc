// libFuzzer target: arbitrary bytes as a defence-spending table (NATO's wide CSV, or a long
// table when the first byte is 'L'). Contract: no crash; every cell read names a code the tables
// know and holds a finite figure.
#include <cmath>

#include "dyad/burden.h"
#include "fuzz_util.h"

using namespace dyad;
using namespace dyad::burden;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const TableNames names = [] {
    std::vector<std::string> problems;
    auto n = TableNames::Load(fuzz::Res()->lexicon.countries(),
                              DataDir() + "/burden/table_names.tsv", &problems);
    if (!n.ok()) std::abort();
    return *n;
  }();
  TableSpec spec;
  if (data[0] == 'L') spec.layout = Layout::kLong, spec.value_column = "value";
  std::string path = fuzz::Scratch(fuzz::Bytes(data + 1, size - 1), ".csv");
  std::vector<std::string> problems;
  auto cells = ReadFigureTable(path, spec, names, &problems);
  if (!cells.ok()) return 0;
  for (const Cell& c : *cells)
    fuzz::Check(names.Knows(c.country) && (!c.value || std::isfinite(*c.value)));
  return 0;
}
