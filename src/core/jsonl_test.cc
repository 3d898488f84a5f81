#include "dyad/jsonl.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(JsonlTest, FieldsInContractOrder) {
  Event e;
  e.date = DateSpan::Day({2023, 9, 13});
  e.source = "PRKGOV";
  e.target = "RUSGOV";
  e.source_country = "PRK";
  e.target_country = "RUS";
  e.source_name = "김정은";
  e.target_name = "푸틴";
  e.code = "040";
  e.goldstein = -10;
  e.quad_class = 4;
  e.lang = "ko";
  e.mentions.push_back({"a \"b\".txt", 3, 9, "line\tone\n", "table", e.date});
  std::string j = EventToJson(e);
  const char* order[] = {"\"date\"",           "\"date_end\"",    "\"date_precision\"",
                         "\"source\"",         "\"target\"",      "\"source_country\"",
                         "\"target_country\"", "\"source_name\"", "\"target_name\"",
                         "\"code\"",           "\"goldstein\"",   "\"quad_class\"",
                         "\"lang\"",           "\"doc\"",         "\"span\"",
                         "\"evidence\""};
  size_t pos = 0;
  for (const char* f : order) {
    size_t at = j.find(f, pos);
    ASSERT_NE(at, std::string::npos) << f;
    pos = at;
  }
  EXPECT_NE(j.find("\"goldstein\":-10.0,\"quad_class\":4"), std::string::npos);
  EXPECT_NE(j.find("\"doc\":\"a \\\"b\\\".txt\""), std::string::npos);
  EXPECT_NE(j.find("\"evidence\":\"line\\tone\\n\""), std::string::npos);
  EXPECT_NE(j.find("\"span\":[3,9]"), std::string::npos);
}

// A stored event whose tellings are gone (its document row deleted outside dyad) still prints:
// no doc, no span, no words (../shared/repro/events-no-mention).
TEST(JsonlTest, AnEventWithoutMentionsPrints) {
  Event e;
  e.date = DateSpan::Day({2024, 6, 19});
  e.source = "RUS", e.target = "PRK", e.code = "042";
  std::string line = EventToJson(e);
  EXPECT_NE(line.find("\"doc\":\"\",\"span\":[0,0],\"evidence\":\"\""), std::string::npos) << line;
  EXPECT_NE(line.find("\"mentions\":[]"), std::string::npos) << line;
  EXPECT_EQ(&e.Primary(), &Event{}.Primary());  // the one empty mention
}

}  // namespace
}  // namespace dyad
