#include "dyad/english.h"

#include <gtest/gtest.h>

#include "dyad/coder.h"
#include "testing.h"

namespace dyad::en {
namespace {

TEST(EnglishDatesTest, DatelineAndItsLength) {
  std::string_view text = "SEOUL, June 20, 2024 (Yonhap) -- South Korea condemned the treaty.";
  ASSERT_TRUE(Dateline(text, 0));
  EXPECT_EQ(Dateline(text, 0)->ToIso(), "2024-06-20");
  EXPECT_EQ(text.substr(DatelineLength(text)), "South Korea condemned the treaty.");
  // A dateline without its year takes the year in force; abbreviated months read.
  EXPECT_EQ(Dateline("WASHINGTON, Nov. 5 (AP) - Text.", 2024)->ToIso(), "2024-11-05");
  EXPECT_FALSE(Dateline("North Korea fired a missile.", 2024));
  EXPECT_EQ(DatelineLength("North Korea fired a missile -- again."), 0u);
}

TEST(EnglishDatesTest, SentenceDatesAgainstTheAnchor) {
  Date anchor{2024, 6, 20};  // a Thursday
  Date previous{2024, 6, 18};
  auto iso = [&](std::string_view s) {
    std::optional<DateSpan> d = SentenceDate(s, anchor, previous);
    return d ? d->begin.ToIso() + (d->end == d->begin ? "" : ".." + d->end.ToIso()) : "none";
  };
  EXPECT_EQ(iso("Putin met Kim on Wednesday."), "2024-06-19");
  EXPECT_EQ(iso("South Korea protested on Thursday."), "2024-06-20");  // the anchor's own day
  EXPECT_EQ(iso("They met on June 19."), "2024-06-19");
  EXPECT_EQ(iso("They met on 19 June 2023."), "2023-06-19");
  EXPECT_EQ(iso("Talks were held in Dec. 2023 in Geneva."), "2023-12-01..2023-12-31");
  EXPECT_EQ(iso("A deal was signed in March."), "2024-03-01..2024-03-31");
  EXPECT_EQ(iso("Sanctions were imposed last week."), "2024-06-10..2024-06-16");
  EXPECT_EQ(iso("Seoul replied a day later."), "2024-06-19");  // from the last day named
  EXPECT_EQ(iso("Tokyo replied three days later."), "2024-06-21");
  EXPECT_EQ(iso("Beijing had warned a week earlier."), "2024-06-11");
  EXPECT_EQ(iso("Moscow answered the same day."), "2024-06-18");
  EXPECT_EQ(iso("He visited in 2019."), "2019-01-01..2019-12-31");
  EXPECT_EQ(iso("They competed for influence in the 1960s."), "1960-01-01..1969-12-31");
  EXPECT_EQ(iso("They had met the previous day."), "2024-06-17");
  EXPECT_EQ(iso("He accepted an invitation to visit in mid-2015."), "2015-05-01..2015-08-31");
  EXPECT_EQ(iso("The two sides met."), "none");
}

// A name introduced in full is known by its surname for the rest of the document.
TEST(EnglishDocumentTest, SurnamesAfterFullNamesAndModes) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "SEOUL, Nov. 5, 2024 (Yonhap) -- Russian Foreign Minister Sergey Lavrov met North Korean "
      "Foreign Minister Choe Son Hui in Moscow on Friday.\n\n"
      "On Monday, Choe visited Vladivostok.\n\n"
      "Choe condemned South Korea on Tuesday.\n\n"
      "Japan is expected to condemn North Korea next week.\n",
      "en.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  bool met = false, condemned = false;
  for (const Event& e : coded->events) {
    EXPECT_NE(e.source_country, "JPN");  // a forecast is not an actual event
    if (e.code.substr(0, 2) == "04" && e.date.begin.ToIso() == "2024-11-01") met = true;
    if (e.source == "PRKGOV" && e.target_country == "KOR" && e.code == "111") {
      condemned = true;
      EXPECT_EQ(e.source_name, "Choe");
      EXPECT_EQ(e.date.begin.ToIso(), "2024-11-05");
    }
  }
  EXPECT_TRUE(met);
  EXPECT_TRUE(condemned);
  CodeOptions all;
  all.modes = {EventMode::kActual, EventMode::kExpected, EventMode::kHypothetical,
               EventMode::kNegated};
  auto every = coder.Code(*doc, all);
  bool expected = false;
  for (const Event& e : every->events)
    expected |= e.source_country == "JPN" && e.mode == EventMode::kExpected;
  EXPECT_TRUE(expected);
}

// A statement several states issue speaks as "we"; its sentences' forms decide what is an act.
TEST(EnglishDocumentTest, JointStatementVoiceAndClauses) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "Joint Statement by the Foreign Ministers\nMarch 3, 2025\n\n"
      "The United States, Japan, and the Republic of Korea strongly condemn the supply of "
      "munitions by the DPRK to Russia. We will keep working with our partners to expose "
      "Russia's efforts to buy weapons from the DPRK. We remain resolved to support Ukraine's "
      "defense. We emphasize that arms deals with the DPRK breach UN Security Council "
      "resolutions. In addition, the three countries will further strengthen our trilateral "
      "cooperation to effectively counter the DPRK's threats.\n",
      "statement.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  auto has = [&](std::string_view src, std::string_view tgt, std::string_view code) {
    for (const Event& e : coded->events)
      if (e.source_country == src && e.target_country == tgt && e.code == code &&
          e.date.begin.ToIso() == "2025-03-03")
        return true;
    return false;
  };
  EXPECT_TRUE(has("USA", "PRK", "111"));
  // "will keep working … to expose": the infinitive shares the chain's future; words against
  // another, stated, are the act itself on the statement's day.
  EXPECT_TRUE(has("JPN", "RUS", "112"));
  EXPECT_TRUE(has("KOR", "UKR", "030"));  // "remain resolved to support"
  // "the three countries" are the issuers; the purpose clause's DPRK is another act's.
  EXPECT_TRUE(has("USA", "JPN", "030"));
  for (const Event& e : coded->events) {
    // "We emphasize that …": a statement whose object is a clause is a report, not an event.
    EXPECT_EQ(e.mentions[0].evidence.find("We emphasize"), std::string::npos) << e.code;
    if (e.mentions[0].evidence.find("three countries") != std::string::npos) {
      EXPECT_NE(e.target_country, "PRK");
    }
  }
}

// "The two leaders" after a sentence whose subject was two leaders are those two.
TEST(EnglishDocumentTest, TheTwoLeadersAreTheLastPairNamedTogether) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "Readout of the President's Call\nJune 10, 2025\n\n"
      "President Donald Trump and President Lee Jae-myung noted their firm position on North "
      "Korea. The two "
      "leaders committed to maintain close coordination.\n",
      "readout.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  bool pair = false;
  for (const Event& e : coded->events)
    if (e.mentions[0].evidence.starts_with("The two leaders")) {
      EXPECT_TRUE(e.source_country == "USA" || e.source_country == "KOR") << e.source;
      EXPECT_TRUE(e.target_country == "USA" || e.target_country == "KOR") << e.target;
      pair |= e.code == "030";
    }
  EXPECT_TRUE(pair);
}

}  // namespace
}  // namespace dyad::en
