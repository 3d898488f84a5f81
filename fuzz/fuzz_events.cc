// libFuzzer target: arbitrary bytes as an event file, the first byte choosing the reader
// (GDELT 1.0, GDELT 2.0, ICEWS, JSON Lines, CSV, XLSX). Contracts: no crash; every event read
// has valid UTF-8 text, a Goldstein weight on the scale, ordered dates and a telling; and it
// writes back as JSON Lines that parses.
#include <nlohmann/json.hpp>

#include "dyad/event_io.h"
#include "dyad/jsonl.h"
#include "dyad/utf8.h"
#include "fuzz_util.h"

using namespace dyad;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static const EventFormat kFormats[] = {EventFormat::kGdelt, EventFormat::kGdelt2,
                                         EventFormat::kIcews, EventFormat::kJsonl,
                                         EventFormat::kCsv,   EventFormat::kXlsx};
  static const char* kExt[] = {".tsv", ".tsv", ".tab", ".jsonl", ".csv", ".xlsx"};
  int which = data[0] % 6;
  std::string path = fuzz::Scratch(fuzz::Bytes(data + 1, size - 1), kExt[which]);
  auto res = fuzz::Res();
  ReadContext ctx{&res->lexicon.countries(), &res->codebook, {}};
  std::vector<std::string> problems;
  (void)ReadEvents(
      path, kFormats[which], ctx,
      [&](Event&& e) {
        fuzz::Check(utf8::IsValid(e.source_name) && utf8::IsValid(e.target_name));
        fuzz::Check(e.goldstein >= -10 && e.goldstein <= 10);
        fuzz::Check(!(e.date.end < e.date.begin));
        fuzz::Check(!nlohmann::json::parse(EventToJson(e), nullptr, false).is_discarded());
      },
      &problems);
  return 0;
}
