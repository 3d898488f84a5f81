// libFuzzer target: arbitrary bytes as a dictionary file. TsvTable must never crash, and a
// parsed table's rows must carry increasing line numbers.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "dyad/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto t = dyad::TsvTable::Parse(bytes, "fuzz.tsv");
  if (!t.ok()) return 0;
  int last = 0;
  for (const auto& r : t->rows()) {
    if (r.line <= last) std::abort();
    last = r.line;
    for (const auto& c : r.cells) (void)dyad::SplitAlternatives(c);
  }
  return 0;
}
