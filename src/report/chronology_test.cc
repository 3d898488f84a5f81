#include "dyad/chronology.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

Event Make(DateSpan d, const char* src, const char* tgt, const char* code, const char* ko,
           const char* en, const char* actor_ko, const char* actor_en) {
  Event e;
  e.date = d;
  e.source_country = src;
  e.target_country = tgt;
  e.source = std::string(src) + "GOV";
  e.target = tgt;
  e.code = code;
  e.action_ko = ko;
  e.action_en = en;
  e.source_label_ko = actor_ko;
  e.source_label_en = actor_en;
  e.mentions.push_back({"docs/brief.txt", 0, 1, "", "table", d});
  return e;
}

TEST(ChronologyTest, AVisitGathersTheMeetingsHeldDuringIt) {
  DateSpan visit{{2024, 1, 14}, {2024, 1, 17}, DatePrecision::kDay};
  std::vector<Event> ev = {
      Make(DateSpan::Day({2024, 1, 16}), "PRK", "RUS", "040", "푸틴 대통령과 회담",
           "holds talks with Vladimir Putin (Russian president)", "최선희 외무상",
           "Choe Son Hui (DPRK foreign minister)"),
      Make(visit, "PRK", "RUS", "042", "방러", "visits Russia", "최선희 외무상",
           "Choe Son Hui (DPRK foreign minister)"),
      Make(DateSpan::Day({2024, 6, 12}), "PRK", "RUS", "051", "푸틴 대통령에 축전 전달",
           "sends congratulations to Vladimir Putin", "김정은 국무위원장",
           "Kim Jong Un (DPRK leader)"),
  };
  auto ko = BuildChronology(ev, {"ko"});
  ASSERT_EQ(ko.size(), 2u);
  EXPECT_EQ(ko[0].content, "최선희 외무상 방러, 푸틴 대통령과 회담");
  EXPECT_EQ(ko[0].sources, "brief.txt");
  EXPECT_EQ(FormatSpan(ko[0].date), "2024-01-14~01-17");
  auto en = BuildChronology(ev, {"en"});
  EXPECT_EQ(en[0].content,
            "Choe Son Hui (DPRK foreign minister) visits Russia; holds talks with Vladimir Putin "
            "(Russian president)");
  std::string md = RenderChronology(ko, ChronologyFormat::kMarkdown, "ko");
  EXPECT_NE(md.find("| 날짜 | 내용 | 출처 |"), std::string::npos);
  EXPECT_NE(md.find("| 2024-06-12 | 김정은 국무위원장 푸틴 대통령에 축전 전달 | brief.txt |"),
            std::string::npos);
  std::string csv = RenderChronology(en, ChronologyFormat::kCsv, "en");
  EXPECT_NE(
      csv.find("2024-01-14,2024-01-17,Choe Son Hui (DPRK foreign minister) visits Russia; holds"),
      std::string::npos);
}

TEST(ChronologyTest, DatesPrintAtTheirPrecision) {
  EXPECT_EQ(FormatSpan(DateSpan::Month(2023, 9)), "2023-09");
  EXPECT_EQ(FormatSpan(DateSpan::Year(2023)), "2023");
  EXPECT_EQ(FormatSpan(DateSpan::Day({2023, 9, 13})), "2023-09-13");
  EXPECT_EQ(FormatSpan({{2023, 12, 28}, {2024, 1, 3}, DatePrecision::kDay}),
            "2023-12-28~2024-01-03");
  EXPECT_EQ(DisplayWidth("회담 ab"), 7u);
}

}  // namespace
}  // namespace dyad
