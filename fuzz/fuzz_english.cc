// libFuzzer target: arbitrary bytes as an English document, coded with the English lexicon and
// the PETRARCH patterns. Contracts as for the Korean coder.
#include "dyad/coder.h"
#include "dyad/document.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = DecodeText(fuzz::Bytes(data, size), "fuzz.txt");
  if (!doc.ok()) return 0;
  Coder coder(fuzz::Res());
  CodeOptions opt;
  opt.lang = Language::kEnglish;
  opt.year = 2024;
  auto coded = coder.Code(*doc, opt);
  if (!coded.ok()) return 0;
  for (const Event& e : coded->events) {
    fuzz::Check(!e.mentions.empty() && !(e.date.end < e.date.begin));
    for (const Mention& m : e.mentions)
      fuzz::Check(m.span_begin <= m.span_end && m.span_end <= doc->text.size());
  }
  return 0;
}
