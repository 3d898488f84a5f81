// libFuzzer target: arbitrary bytes as a document → decode → repair → segment → Korean coding.
// Checks the contracts that must hold for any input: no crash, spans inside the extracted text,
// dates ordered, every event with a mention.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "dyad/coder.h"
#include "dyad/document.h"

namespace {
std::shared_ptr<const dyad::Resources> Res() {
  static std::shared_ptr<const dyad::Resources> res = [] {
    std::vector<std::string> problems;
    auto r = dyad::Resources::Load(dyad::DataDir(), &problems);
    if (!r.ok()) std::abort();
    return *r;
  }();
  return res;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = dyad::DecodeText(bytes, "fuzz.txt");
  if (!doc.ok()) return 0;
  dyad::Coder coder(Res());
  dyad::CodeOptions opt;
  opt.lang = dyad::Language::kKorean;
  opt.year = 2024;
  auto coded = coder.Code(*doc, opt);
  if (!coded.ok()) return 0;
  for (const dyad::Event& e : coded->events) {
    if (e.mentions.empty() || e.date.end < e.date.begin) std::abort();
    for (const dyad::Mention& m : e.mentions)
      if (m.span_begin > m.span_end || m.span_end > doc->text.size()) std::abort();
  }
  return 0;
}
