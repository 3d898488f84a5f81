#include "dyad/chronology.h"

#include <gtest/gtest.h>

#include "testing.h"

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
  EXPECT_NE(md.find("| 2024-06-12 | 김정은 국무위원장, 푸틴 대통령에 축전 전달 | brief.txt |"),
            std::string::npos);
  std::string csv = RenderChronology(en, ChronologyFormat::kCsv, "en");
  EXPECT_NE(
      csv.find("2024-01-14,2024-01-17,Choe Son Hui (DPRK foreign minister) visits Russia; holds"),
      std::string::npos);
}

ChronologyOptions With(const char* lang) {
  auto res = testing::Shipped();
  return {.lang = lang, .codebook = &res->codebook, .lexicon = &res->lexicon};
}

// An event as GDELT or ICEWS give it: codes, names, a URL and no words of dyad's.
Event Imported(DateSpan d, const char* src, const char* tgt, const char* code, const char* url) {
  Event e;
  e.date = d;
  e.source = src;
  e.target = tgt;
  e.source_country = std::string(src).substr(0, 3);
  e.target_country = std::string(tgt).substr(0, 3);
  e.code = code;
  e.id = "GDELT-1";
  e.mentions.push_back({url, 0, 0, "", "", d});
  return e;
}

TEST(ChronologyTest, ImportedEventsAreSaidByTheirCodesMeaning) {
  auto d = DateSpan::Day({2019, 12, 3});
  std::vector<Event> ev = {
      Imported(d, "USAGOV", "PRK", "138", "https://example.org/news/1"),
      Imported(DateSpan::Day({2019, 12, 4}), "PRK", "USA", "036", "https://example.org/news/2")};
  auto en = BuildChronology(ev, With("en"));
  ASSERT_EQ(en.size(), 2u);
  // A threat of force is a threat, not its use; an offer to meet is not a meeting.
  EXPECT_EQ(en[0].content, "The United States threatens North Korea with military force");
  EXPECT_EQ(en[0].sources, "https://example.org/news/1");
  EXPECT_EQ(en[1].content,
            "North Korea expresses willingness to meet or negotiate with the United States");
  auto ko = BuildChronology(ev, With("ko"));
  EXPECT_EQ(ko[0].content, "미국, 북한에 무력 사용 위협");
  EXPECT_EQ(ko[1].content, "북한, 미국과 회담 의사 표명");
  // Without a codebook and state names nothing is made up: the line is the actor's code.
  EXPECT_EQ(BuildChronology(ev, {.lang = "en"})[0].content, "USAGOV");
}

TEST(ChronologyTest, ANewspaperOrARatifyingLegislatureIsNotTheCounterpart) {
  auto d = DateSpan::Day({2024, 11, 11});
  std::vector<Event> ev = {
      Imported(d, "PRK", "RUSLEG", "057", "a.txt"),
      Imported(DateSpan::Day({2024, 6, 18}), "RUSGOV", "PRKMED", "010", "b.txt")};
  auto en = BuildChronology(ev, With("en"));
  ASSERT_EQ(en.size(), 2u);
  EXPECT_EQ(en[0].content, "Russia makes a statement on North Korea");
  EXPECT_EQ(en[1].content, "North Korea signs a formal agreement with Russia");
}

TEST(ChronologyTest, OneActToldTwiceIsOneRow) {
  auto d = DateSpan::Day({2019, 6, 30});
  Event by_state = Make(d, "USA", "PRK", "040", "북한과 회담", "meets North Korea", "트럼프 대통령",
                        "Donald Trump (US president)");
  by_state.source = "USAGOV";
  Event by_person =
      Make(d, "USA", "PRK", "040", "김정은 국무위원장과 회담", "meets Kim Jong Un (DPRK leader)",
           "트럼프 대통령", "Donald Trump (US president)");
  by_person.target = "PRKGOV";
  // The other way round, in another document.
  Event back = Make(d, "PRK", "USA", "040", "미국과 회담", "holds talks with the United States",
                    "북한", "North Korea");
  back.source = "PRK";
  back.target = "USA";
  back.mentions[0].doc = "wiki.txt";
  auto en = BuildChronology({by_state, by_person, back}, With("en"));
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].content, "Donald Trump (US president) meets Kim Jong Un (DPRK leader)");
  EXPECT_EQ(en[0].sources, "brief.txt; wiki.txt");
}

TEST(ChronologyTest, TheTablesExactDaysWinOverTheNarrativesMonth) {
  DateSpan visit{{2023, 10, 18}, {2023, 10, 19}, DatePrecision::kDay};
  Event call = Make(DateSpan::Month(2023, 10), "RUS", "PRK", "042", "김정은 국무위원장 예방",
                    "pays a courtesy call on Kim Jong Un (DPRK leader)", "라브로프 외무장관",
                    "Sergey Lavrov (Russian foreign minister)");
  call.target = "PRKGOV";
  std::vector<Event> ev = {
      call, Make(visit, "RUS", "PRK", "042", "방북", "visits North Korea", "라브로프 외무장관",
                 "Sergey Lavrov (Russian foreign minister)")};
  auto ko = BuildChronology(ev, With("ko"));
  ASSERT_EQ(ko.size(), 1u);
  EXPECT_EQ(FormatSpan(ko[0].date), "2023-10-18~10-19");
  EXPECT_EQ(ko[0].content, "라브로프 외무장관 방북, 김정은 국무위원장 예방");
}

TEST(ChronologyTest, ConflictIsNotGatheredIntoAVisit) {
  DateSpan visit{{2024, 3, 21}, {2024, 3, 31}, DatePrecision::kDay};
  Event blame = Make(DateSpan::Day({2024, 3, 25}), "RUS", "PRK", "111", "북한 비난",
                     "criticises North Korea", "러시아", "Russia");
  blame.quad_class = 3;
  std::vector<Event> ev = {Make(visit, "RUS", "PRK", "042", "방북", "visits North Korea",
                                "나리시킨 국장", "Sergei Naryshkin"),
                           blame};
  EXPECT_EQ(BuildChronology(ev, With("ko")).size(), 2u);
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
