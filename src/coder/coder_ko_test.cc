#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <set>

#include "dyad/coder.h"
#include "testing.h"

namespace dyad {
namespace {

std::vector<Event> Code(const std::string& text, CodeOptions opt = {}) {
  auto res = testing::Shipped();
  EXPECT_NE(res, nullptr);
  Coder coder(res);
  auto doc = DecodeText(text, "test.txt");
  EXPECT_TRUE(doc.ok());
  auto coded = coder.Code(*doc, opt);
  EXPECT_TRUE(coded.ok()) << coded.status().message();
  return coded.ok() ? coded->events : std::vector<Event>{};
}

// The mode of the one event text codes to, with every mode asked for; none when it codes to
// no event or to several.
std::optional<EventMode> ModeOf(const char* text) {
  CodeOptions all;
  all.modes = {EventMode::kActual, EventMode::kExpected, EventMode::kHypothetical,
               EventMode::kNegated};
  auto ev = Code(text, all);
  EXPECT_EQ(ev.size(), 1u) << text;
  if (ev.size() != 1) return std::nullopt;
  return ev[0].mode;
}

TEST(CoderKoTest, VisitRunsFromVisitorToHost) {
  auto ev = Code("2024년 6월 19일 푸틴 대통령은 평양을 방문했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "RUSGOV");
  EXPECT_EQ(ev[0].target_country, "PRK");
  EXPECT_EQ(ev[0].code, "042");
  EXPECT_EQ(ev[0].date, DateSpan::Day({2024, 6, 19}));
  EXPECT_EQ(ev[0].quad_class, 1);
}

TEST(CoderKoTest, ReceivingAVisitorIsCodedVisitorToHost) {
  auto ev = Code("2023년 10월 19일 김정은은 라브로프 외무장관을 접견했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "RUS");
  EXPECT_EQ(ev[0].target_country, "PRK");
  EXPECT_EQ(ev[0].code, "042");
}

TEST(CoderKoTest, HeadlineRowsGiveOneEventPerPredicate) {
  auto ev = Code(
      " 표 1. 2024년 북러 교류 주요일지 \n날짜 내용 \n"
      "1/14~1/17 최선희 외무상 방러, 라브로프 외무장관과 회담 및 푸틴 대통령 예방(1/16) \n"
      "8/15 김정은, 푸틴과 해방 79주년 축전 교환 \n");
  ASSERT_EQ(ev.size(), 4u);
  EXPECT_EQ(ev[0].code, "042");  // 방러: the row's span
  EXPECT_EQ(ev[0].date, (DateSpan{{2024, 1, 14}, {2024, 1, 17}, DatePrecision::kDay}));
  EXPECT_EQ(ev[0].target_country, "RUS");
  EXPECT_EQ(ev[1].code, "040");  // 회담 with Lavrov, the row's dates
  EXPECT_EQ(ev[2].code, "042");  // 예방 of Putin, the inner date
  EXPECT_EQ(ev[2].date, DateSpan::Day({2024, 1, 16}));
  EXPECT_EQ(ev[3].code, "051");
  EXPECT_TRUE(ev[3].symmetric);  // 교환: an exchange
  for (const Event& e : ev) EXPECT_EQ(e.mentions[0].section, "table");
}

TEST(CoderKoTest, NarrativeAndTableMentionsMerge) {
  std::string doc =
      "10월에는 세르게이 라브로프 러시아 외무장관이 방북했다.\n"
      " 표 1. 2023년 북러 교류 주요일지 \n날짜 내용 \n10/18~10/19 라브로프 외무장관 방북 \n";
  auto merged = Code(doc);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].mentions.size(), 2u);
  EXPECT_EQ(merged[0].date.precision, DatePrecision::kDay);  // the table's exact dates win
  EXPECT_EQ(merged[0].mentions[0].section, "table");
  CodeOptions no_merge;
  no_merge.merge = false;
  EXPECT_EQ(Code(doc, no_merge).size(), 2u);
}

TEST(CoderKoTest, BareStatementFoldsIntoTheSpecificTellingOfTheSameDay) {
  std::string doc =
      "2022년 11월 3일 박정천 당비서는 미국에 대한 담화를 발표했다. "
      "박정천은 같은 날 담화에서 미국의 훈련 연장을 규탄했다.\n";
  CodeOptions no_merge;
  no_merge.merge = false;
  ASSERT_EQ(Code(doc, no_merge).size(), 2u);
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "111");  // the specific telling names the event
  EXPECT_EQ(ev[0].mentions.size(), 2u);
  // A statement dated only to the month is not assumed to be the day's.
  std::string month =
      "2022년 11월 박정천 당비서는 미국에 대한 담화를 발표했다. "
      "11월 3일 박정천은 담화에서 미국의 훈련 연장을 규탄했다.\n";
  EXPECT_EQ(Code(month).size(), 2u);
}

// "X가 …한 데 대해": the clause a statement is about does not lend its subject to the speaker.
TEST(CoderKoTest, SubjectOfTheMatterSpokenAboutIsNotTheSpeaker) {
  for (const char* t :
       {"2022년 8월 19일 대통령실은 북한이 구상을 왜곡한 데 대해 유감을 표명하고 북한에 자제를 "
        "촉구했다.\n",
        "2022년 8월 19일 대통령실은 북한이 대통령을 거론하며 구상을 왜곡한 데 대해 유감을 표명하고 "
        "북한에 자제를 촉구했다.\n",
        "2022년 8월 19일 대통령실은 북한이 구상을 거부한 것에 대해 북한을 비난했다.\n"}) {
    // The embedded act (거부) may be coded as NK's own; the statement is the office's.
    int statements = 0;
    for (const Event& e : Code(t)) {
      if (e.code != "111" && e.code != "020") continue;
      ++statements;
      EXPECT_EQ(e.source_country, "KOR") << t;
      EXPECT_EQ(e.target_country, "PRK") << t;
    }
    EXPECT_EQ(statements, 1) << t;
  }
}

// "A과 B가 X했다": joint subjects of an act that is not a meeting each act; neither is the other's
// counterpart.
TEST(CoderKoTest, ComitativeBeforeTheSubjectIsACoSource) {
  auto ev =
      Code("2022년 5월 26일 미국이 주도한 결의안은 중국과 러시아가 거부권을 행사해 부결되었다.\n");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[0].source_country, "CHN");
  EXPECT_EQ(ev[1].source_country, "RUS");
  for (const Event& e : ev) {
    EXPECT_EQ(e.target_country, "USA");
    EXPECT_EQ(e.code.substr(0, 2), "12");
  }
  // A meeting of the two stays one event between them.
  auto meet = Code("2022년 5월 21일 한국과 미국은 서울에서 정상회담을 가졌다.\n");
  ASSERT_EQ(meet.size(), 1u);
  EXPECT_EQ(meet[0].source_country, "KOR");
  EXPECT_EQ(meet[0].target_country, "USA");
}

// An offer made on a condition is addressed to the condition's subject.
TEST(CoderKoTest, ConditionalOfferIsAddressedToTheConditionsSubject) {
  auto ev = Code(
      "2022년 8월 15일 윤 대통령은 경축사에서 북한이 비핵화에 나선다면 식량을 제공하겠다는 "
      "구상을 공식 제안했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "KOR");
  EXPECT_EQ(ev[0].target_country, "PRK");
  EXPECT_EQ(ev[0].code.substr(0, 2), "03");
  EXPECT_EQ(ev[0].mode,
            EventMode::kActual);  // the proposal happened; only its offer is conditional
}

// A paragraph opening on a bare day continues the month the previous paragraph ended in.
TEST(CoderKoTest, BareDayCarriesTheMonthAcrossParagraphs) {
  auto ev = Code(
      "2023년 7월 들어 북한의 위협이 이어졌다. 김여정은 10일 담화를 통해 미국을 비난했다.\n\n"
      "강순남 국방상은 20일 담화를 발표해 미국을 비난했다.\n");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].date, DateSpan::Day({2023, 7, 20}));
  // So does one opening on a relative day.
  auto next = Code(
      "2023년 7월 20일 강순남 국방상은 담화를 발표해 미국을 비난했다.\n\n"
      "국방부는 이튿날 입장을 내고 북한에 경고했다.\n");
  ASSERT_EQ(next.size(), 2u);
  EXPECT_EQ(next[1].date, DateSpan::Day({2023, 7, 21}));
}

// A forecast closing the sentence covers the present-tense clauses chained into it, not a clause
// told in the past.
TEST(CoderKoTest, ClosingForecastCoversChainedClauses) {
  EXPECT_EQ(
      ModeOf(
          "2024년 5월 러시아는 북한에 경제적 지원을 제공하면서 협력을 강화할 것으로 전망된다.\n"),
      EventMode::kExpected);
  EXPECT_EQ(
      ModeOf(
          "2024년 5월 러시아는 북한에 경제적 지원을 제공했으며, 협력을 강화할 것으로 전망된다.\n"),
      EventMode::kActual);
  EXPECT_EQ(ModeOf("2024년 5월 러시아는 북한에 경제적 지원을 제공했다.\n"), EventMode::kActual);
}

// A warning about "한국의 대우크라이나 지원" is addressed to Korea, whose act it is.
TEST(CoderKoTest, ReactionTargetsTheStateWhoseActItIs) {
  auto ev =
      Code("2024년 6월 20일 푸틴 대통령은 한국의 대우크라이나 살상무기 지원 가능성을 경고했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "RUS");
  EXPECT_EQ(ev[0].target_country, "KOR");
  // A rebuttal of words is aimed at their speaker, not at a compound inside them.
  auto row = Code(
      " 표 1. 2024년 러시아의 주요 발언 \n날짜 내용 \n"
      "2/1 자하로바 외무부 대변인, 윤석열 대통령의 북러 무기거래 비판 발언 반박 \n");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].source_country, "RUS");
  EXPECT_EQ(row[0].target_country, "KOR");
  // "미국의 대만 무기 판매 규탄": the state after the genitive receives the act; the genitive
  // owns it.
  auto sale = Code(
      " 표 1. 2024년 중국 외교부 주요 성명 \n날짜 내용 \n"
      "10/26 외교부 대변인, 미국의 대만 무기 판매(약 20억 달러) 규탄(기자 문답): \n");
  ASSERT_EQ(sale.size(), 1u);
  EXPECT_EQ(sale[0].source_country, "CHN");
  EXPECT_EQ(sale[0].target_country, "USA");
  // Not across a verb: the venue's host is sanctioned, not the traveller whose trip it was.
  auto venue = Code(
      "2023년 4월 7일 중국 외교부는 차이잉원 대만 총통의 미국 경유 일정에 장소를 제공했다는 "
      "이유로 미국 허드슨 연구소를 제재했다.\n");
  ASSERT_EQ(venue.size(), 1u);
  EXPECT_EQ(venue[0].target_country, "USA");
}

// "10월 21일 … 올해 들어 세 번째로 초치해": the year is a frame, the day dates the act.
TEST(CoderKoTest, CoarserDateContainingTheDayIsAFrame) {
  auto ev = Code("2024년 10월 21일 김홍균 제1차관은 러시아 대사를 올해 들어 세 번째로 초치했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date, DateSpan::Day({2024, 10, 21}));
}

// "한·미·일", "북·중": states joined by middle dots are a compound, as 한미일 is.
TEST(CoderKoTest, DottedCompoundNamesEachState) {
  auto ev = Code("2023년 11월 18일 한·미·호주는 북한을 규탄했다.\n");
  ASSERT_EQ(ev.size(), 3u);
  std::set<std::string> sources;
  for (const Event& e : ev) {
    sources.insert(e.source_country);
    EXPECT_EQ(e.target_country, "PRK");
  }
  EXPECT_EQ(sources, (std::set<std::string>{"KOR", "USA", "AUS"}));
  auto pair = Code("2023년 11월 17일 북·중 양국은 회담을 가졌다.\n");
  ASSERT_EQ(pair.size(), 1u);
  EXPECT_EQ(pair[0].source_country, "PRK");
  EXPECT_EQ(pair[0].target_country, "CHN");
  // A table row opening on a compound: each state acts.
  auto row = Code(" 표 2. 2023년 주요 일지 \n날짜 내용 \n12/1 한·미·일, 대북 독자제재 발표 \n");
  ASSERT_EQ(row.size(), 3u);
  for (const Event& e : row) EXPECT_EQ(e.target_country, "PRK");
  EXPECT_EQ(row[0].source_country, "KOR");
  // A dot between numbers or non-state words is not a compound.
  EXPECT_TRUE(Code("2023년 11월 18일 핵·미사일 개발이 이어졌다.\n").empty());
}

// In "표 1. 2024년 중국 외교부 주요 성명", a row's bare 외교부 is China's, not the author's.
TEST(CoderKoTest, BareMinistryInAStatementTableIsTheTitlesState) {
  auto ev = Code(
      " 표 1. 2024년 중국 외교부 주요 성명 \n날짜 내용 \n"
      "1/7 외교부, 미국 방산업체 5곳 반제재 조치 발표(외교부 공고): \n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "CHNGOV");
  EXPECT_EQ(ev[0].target_country, "USA");
  EXPECT_EQ(ev[0].code, "163");
  // So is an office of a bare ministry, even beside a name the dictionaries lack.
  auto office = Code(
      " 표 1. 2024년 중국 외교부 주요 성명 \n날짜 내용 \n"
      "6/14 장샤오강 국방부 대변인, 필리핀 경고(기자 문답, 신화통신): \n");
  ASSERT_EQ(office.size(), 1u);
  EXPECT_EQ(office[0].source_country, "CHN");
  EXPECT_EQ(office[0].target_country, "PHL");
  EXPECT_EQ(office[0].code.substr(0, 2), "13");
}

// "책임을 미국에 전가": shifting the blame accuses the state it is shifted onto.
TEST(CoderKoTest, ShiftingTheBlameAccusesItsRecipient) {
  auto ev = Code(
      " 표 1. 2024년 러시아의 주요 발언 \n날짜 내용 \n"
      "10/15 자하로바 대변인, 한반도 긴장 고조의 책임을 미국에 전가(텔레그램 채널): \n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "RUS");
  EXPECT_EQ(ev[0].target_country, "USA");
  EXPECT_EQ(ev[0].code, "112");
}

// "대사를 초치해 … 중단을 강력히 촉구했다": an appeal after a summons is a demand, made to the
// summoned ambassador's state, not to the states named in what is demanded.
TEST(CoderKoTest, AppealAfterASummonsIsADemandToTheSummoned) {
  auto ev = Code(
      "2024년 10월 21일 김홍균 제1차관은 러시아 대사를 초치해 북한군의 즉각적인 철수와 북러 간 "
      "불법 군사협력의 중단을 강력히 촉구했다.\n");
  ASSERT_EQ(ev.size(), 2u);
  for (const Event& e : ev) {
    EXPECT_EQ(e.source_country, "KOR");
    EXPECT_EQ(e.target_country, "RUS");
  }
  EXPECT_EQ(ev[0].code, "111");
  EXPECT_EQ(ev[1].code, "100");
  // Alone, urging is an appeal.
  auto plain = Code("2024년 5월 13일 조태열 장관은 중국에 건설적 역할을 촉구했다.\n");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].code, "020");
}

// "북한이 … 발사하자 구테흐스 사무총장은 … 규탄했다": the -자 clause names what is condemned,
// whatever the paragraph discussed before.
TEST(CoderKoTest, ReactionTargetsTheSubjectOfTheClauseThatSetItOff) {
  auto ev = Code(
      "2023년 11월 20일 미국은 안보리 회의 소집을 요구했다. 북한이 11월 21일 밤 군사정찰위성을 "
      "발사하자 안토니우 구테흐스 유엔 사무총장은 같은 날 담화를 통해 이를 강력히 규탄했다.\n");
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev.back().source, "IGOUNO");
  EXPECT_EQ(ev.back().target_country, "PRK");
}

// "담화를 통해 미 전략정찰기가": the verb form before a state is not a name to learn.
TEST(CoderKoTest, VerbFormsAreNotLearnedAsNames) {
  auto ev = Code(
      "2023년 7월 10일 북한 국방성 대변인은 담화를 통해 미 전략정찰기가 영공을 침범했다고 "
      "비난했다.\n\n2023년 11월 21일 구테흐스 유엔 사무총장은 성명을 통해 이를 규탄하고 "
      "북한에 결의 준수를 촉구했다.\n");
  for (const Event& e : ev) {
    if (e.date.begin.month != 11) continue;
    EXPECT_EQ(e.target_country, "PRK") << e.code;
  }
}

// A bare statement takes what its quotation does: "담화, … “매우 위험하고 잘못된 선택”" is a
// criticism, "“…대가를 치르게 될 것”" a warning; without a cue it stays a statement.
TEST(CoderKoTest, QuotationSaysWhatABareStatementDoes) {
  auto row = Code(
      " 표 1. 2022년 북한 주요 담화 \n날짜 내용 \n"
      "11/3 박정천 당비서 담화, 미국의 훈련 연장은 “매우 위험하고 잘못된 선택” \n");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].code, "111");
  EXPECT_EQ(row[0].target_country, "USA");
  auto threat = Code(
      "2023년 7월 10일 김여정은 담화를 발표해 미국에 “반드시 대가를 치르게 될 것”이라고 "
      "밝혔다.\n");
  ASSERT_EQ(threat.size(), 1u);
  EXPECT_EQ(threat[0].code, "130");
  auto plain = Code("2023년 7월 10일 김여정은 담화를 발표해 미국에 “대화는 없다”고 밝혔다.\n");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].code, "010");
}

// "한미일 정상은 공동성명을 내고 … 규탄했다": the compound topic condemns, all three of them.
TEST(CoderKoTest, CompoundTopicActsInEveryClause) {
  auto ev = Code(
      "2024년 11월 15일 한미일 정상은 공동성명을 내고 북한과 러시아 지도자들이 전쟁을 위험하게 "
      "확대하는 결정을 내렸다고 강력히 규탄했다.\n");
  ASSERT_EQ(ev.size(), 3u);
  for (const Event& e : ev) {
    EXPECT_EQ(e.code, "111");
    EXPECT_EQ(e.target_country, "PRK");
  }
}

// "라브로프는 … 미국이 … 강화하고 있는 … 밝혔다": the closing predicate is the topic's, and a
// statement is dated after its own speaker ("국가정보원은 18일").
TEST(CoderKoTest, ClosingPredicateBelongsToTheNearestTopic) {
  auto ev = Code(
      "2024년 9월 3일 라브로프 외무장관은 인터뷰에서 미국이 한국, 일본과 함께 강화하고 있는 "
      "확장억제를 “심각한 위협”으로 규정하고 이런 상황에서 대화는 없다고 밝혔다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "RUS");
  auto dated = Code(
      "2024년 10월 1일 회의가 열렸다.\n\n페스코프 크렘린궁 대변인은 10월 10일 북한군의 "
      "전투 참여설을 “가짜뉴스”라고 일축했으나, 국가정보원은 18일 북한이 특수작전부대를 러시아로 "
      "이동시켰다고 공개했다.\n");
  bool nis = false;
  for (const Event& e : dated) {
    if (e.source != "KORSPY") continue;
    nis = true;
    EXPECT_EQ(e.date.begin.day, 18);
  }
  EXPECT_TRUE(nis);
}

// An exercise held against a state is cooperation between its partners and a show of force
// toward that state; a launch named in the row is its launcher's, aimed at no one.
TEST(CoderKoTest, ExerciseAgainstAStateIsAShowOfForce) {
  auto ev = Code(
      " 표 2. 2023년 한미일의 대북 공조 및 대응 주요일지 \n날짜 내용 \n"
      "3/13~3/23 한미 연합연습 ‘자유의 방패(FS)’, 북한 핵·미사일 위협 대비 \n"
      "2/19 한미 연합공중훈련(미 B-1B 전개), 북한 ICBM 발사(2/18)에 대응 \n");
  int force = 0, partners = 0;
  for (const Event& e : ev) {
    EXPECT_NE(e.source_country, "PRK");
    if (e.code == "150") {
      ++force;
      EXPECT_EQ(e.target_country, "PRK");
    } else {
      ++partners;
      EXPECT_EQ(e.code, "062");
    }
  }
  EXPECT_EQ(force, 4);     // ROK and US, in each row
  EXPECT_EQ(partners, 2);  // ROK with US, in each row
}

// "북한이 … 발사하자, 한미 양국은 … 대응사격을 실시했다": firing in answer is aimed at the
// trigger; a launch over Japan, or after a visit to Korea and Japan, is aimed at no one.
TEST(CoderKoTest, LaunchesAreAimedOnlyWhereTheTextSays) {
  auto ev = Code(
      "2022년 5월 25일 북한이 바이든 대통령의 한일 순방 직후 탄도미사일 3발을 발사하자, 한미 "
      "양국은 같은 날 동해상으로 지대지미사일 연합 대응사격을 실시하며 맞섰다.\n");
  ASSERT_EQ(ev.size(), 2u);
  for (const Event& e : ev) {
    EXPECT_EQ(e.code, "150");
    EXPECT_EQ(e.target_country, "PRK");
  }
  EXPECT_TRUE(
      Code("2022년 10월 4일 북한은 일본 열도 상공을 통과하는 중거리탄도미사일을 발사했다.\n")
          .empty());
}

// "한·미·일·호주, … 대북 독자제재 동시 발표": an adverb between the act and its light verb.
TEST(CoderKoTest, AdverbBetweenActionNounAndLightVerb) {
  auto ev = Code(
      " 표 2. 2023년 주요일지 \n날짜 내용 \n"
      "12/1 한·미·일·호주, 정찰위성 발사 관련 대북 독자제재 동시 발표 \n");
  ASSERT_EQ(ev.size(), 4u);
  for (const Event& e : ev) EXPECT_EQ(e.code, "163");
}

// "외무성 대변인": a spokesperson takes the state of the ministry named with it.
TEST(CoderKoTest, OfficeTakesTheStateOfItsMinistry) {
  auto ev = Code("2023년 8월 24일 외무성 대변인은 담화를 발표해 일본을 규탄했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "PRKGOV");
  EXPECT_EQ(ev[0].target_country, "JPN");
  auto mil = Code("2023년 7월 10일 국방성 대변인은 미국을 비난했다.\n");
  ASSERT_EQ(mil.size(), 1u);
  EXPECT_EQ(mil[0].source, "PRKMIL");
}

// "…감행한다면 그 결과는 정권의 종말이 될 것이라고 맞받았다": a condition on the other side
// with a threat after it warns that side; an offer on a condition does not.
TEST(CoderKoTest, ConditionWithAThreatWarnsTheConditionsSubject) {
  auto ev = Code(
      "2023년 7월 21일 국방부는 입장을 내고 북한이 한미동맹을 상대로 핵 공격을 감행한다면 그 "
      "결과는 북한 정권의 종말이 될 것이라고 맞받았다.\n");
  bool warned = false;
  for (const Event& e : ev)
    if (e.source_country == "KOR" && e.target_country == "PRK" && e.code == "130") warned = true;
  EXPECT_TRUE(warned);
  auto offer = Code(
      "2023년 5월 29일 박상길 외무성 부상은 담화에서 일본이 새로운 결단을 내린다면 “두 나라가 "
      "만나지 못할 이유가 없다”고 언급했다.\n");
  for (const Event& e : offer) EXPECT_NE(e.code, "130");
}

// "그는 3월 7일에도 담화를 내고 … 경고했다": a warning naming no one goes to the speaker's
// counterpart earlier in the paragraph.
TEST(CoderKoTest, WarningWithoutAddresseeGoesToTheSpeakersCounterpart) {
  auto ev = Code(
      "2023년 2월 20일 김여정은 담화에서 미국을 비난했다. 그는 3월 7일에도 담화를 내고 "
      "요격과 같은 군사적 대응이 뒤따른다면 이는 “명백한 선전포고로 간주될 것”이라고 "
      "경고했다.\n");
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1].date.begin.day, 7);
  EXPECT_EQ(ev[1].target_country, "USA");
}

// "지난달 31일 발사 직후 소집된 안보리 회의를 … 규탄하고": the date of what came before is a
// reference, not the condemnation's.
TEST(CoderKoTest, DateBeforeJikhuIsAReference) {
  auto ev = Code(
      "2023년 6월 1일 회의가 열렸다. 김여정은 6월 4일 담화를 내고, 지난달 31일 발사 직후 미국의 "
      "요구로 소집된 안보리 회의를 규탄했다.\n");
  ASSERT_FALSE(ev.empty());
  for (const Event& e : ev) EXPECT_EQ(e.date.begin.day, 4) << e.code;
}

// "A와 B가 … 서명하자, C는 … 반발하며 일본에 … 반성하라고 촉구했다": the signing is between
// the joint subject; the objection answers its first party; the appeal goes to the dative of
// its complement.
TEST(CoderKoTest, JointSigningAndTheAppealThatAnswersIt) {
  auto ev = Code(
      "2024년 7월 8일 가미카와 요코 외무상과 길베르토 테오도로 필리핀 국방장관이 마닐라에서 "
      "상호접근협정(RAA)에 서명하자, 린젠 중국 외교부 대변인은 정례브리핑에서 반발하며 일본에 "
      "침략의 역사를 깊이 반성하라고 촉구했다.\n");
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].code, "057");
  EXPECT_EQ(ev[0].target_country, "PHL");
  for (size_t i = 1; i < ev.size(); ++i) {
    EXPECT_EQ(ev[i].source_country, "CHN");
    EXPECT_EQ(ev[i].target_country, "JPN") << ev[i].code;
  }
}

// "일본 영공을 침범했다": an intrusion is aimed at the state its own object names.
TEST(CoderKoTest, IntrusionTargetsTheStateOfItsObject) {
  auto ev = Code("2024년 8월 26일 중국군 정보수집기가 일본 영공을 침범했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "CHN");
  EXPECT_EQ(ev[0].target_country, "JPN");
}

// "일본의 항의 일축", "북한의 ICBM 발사 비난": a reaction to a protest or a launch answers its
// owner.
TEST(CoderKoTest, ReactionToAProtestOrLaunchAnswersItsOwner) {
  auto ev = Code(
      " 표 1. 2024년 일본 관련 주요 담화·성명 \n날짜 내용 \n"
      "10/2 자하로바 외무부 대변인, 러시아 초계기 영공 침범에 대한 일본의 항의 일축(외무부 "
      "브리핑): \n"
      "10/31 하야시 관방장관, 북한의 ICBM 발사 비난 및 베이징 대사관 경로를 통한 항의 \n");
  ASSERT_GE(ev.size(), 2u);
  EXPECT_EQ(ev[0].source_country, "RUS");
  EXPECT_EQ(ev[0].target_country, "JPN");
  for (size_t i = 1; i < ev.size(); ++i) {
    EXPECT_EQ(ev[i].source_country, "JPN");
    EXPECT_EQ(ev[i].target_country, "PRK");
  }
}

// "오카노 마사타카 외무성 사무차관": Japan's vice-minister, though 외무성 alone is the DPRK's.
TEST(CoderKoTest, JapaneseViceMinisterIsJapans) {
  auto ev = Code(
      "2024년 8월 26일 오카노 마사타카 외무성 사무차관은 시융 주일 중국대사 대리를 불러 엄중히 "
      "항의했다.\n");
  ASSERT_FALSE(ev.empty());
  EXPECT_EQ(ev[0].source_country, "JPN");
  EXPECT_EQ(ev[0].target_country, "CHN");
}

// "안보리 공개회의 및 … 공동성명 비난": what a row's criticism is aimed at is not an event.
TEST(CoderKoTest, ActsCoordinatedWithARowsReactionAreItsObjects) {
  auto ev = Code(
      " 표 1. 2022년 북한 담화 일지 \n날짜 내용 \n"
      "11/22 김여정 부부장 담화, 안보리 공개회의 및 미국 주도 공동성명 비난 \n");
  ASSERT_FALSE(ev.empty());
  for (const Event& e : ev) {
    EXPECT_EQ(e.source_country, "PRK");
    EXPECT_NE(e.code.substr(0, 2), "04") << "the UNSC meeting is what is criticised";
  }
}

// "한국과 일본 등 14개국을 대표해": the states spoken for act with the speaker.
TEST(CoderKoTest, StatesSpokenForAreSourcesNotTargets) {
  auto ev = Code(
      "2022년 11월 21일 토머스-그린필드 주유엔 미국대사는 한국과 일본 등 14개국을 대표해 "
      "북한의 ICBM 발사를 규탄하는 공동성명을 발표했다.\n");
  std::set<std::string> sources;
  for (const Event& e : ev) {
    EXPECT_EQ(e.target_country, "PRK");
    sources.insert(e.source_country);
  }
  EXPECT_EQ(sources, (std::set<std::string>{"USA", "KOR", "JPN"}));
}

TEST(CoderKoTest, ConditionalNegatedAndForecastPredicatesAreNotActual) {
  const char* hypothetical = "2024년 5월 푸틴이 평양을 방문한다면 양국 관계는 달라질 것이다.\n";
  const char* negated = "2024년 5월 김정은은 러시아를 방문하지 않았다.\n";
  const char* called_off = "2024년 3월 26일 평양에서 열릴 예정이던 북일 회담이 무산되었다.\n";
  const char* expected = "2024년 5월 푸틴은 평양을 방문할 것으로 전망된다.\n";
  // By default only what happened is coded.
  for (const char* t : {hypothetical, negated, called_off, expected})
    EXPECT_TRUE(Code(t).empty()) << t;
  // Asked for, each comes with its mode.
  EXPECT_EQ(ModeOf(hypothetical), EventMode::kHypothetical);
  EXPECT_EQ(ModeOf(negated), EventMode::kNegated);
  EXPECT_EQ(ModeOf(called_off), EventMode::kNegated);
  EXPECT_EQ(ModeOf(expected), EventMode::kExpected);
  EXPECT_EQ(ModeName(EventMode::kExpected), "expected");
  EXPECT_EQ(ParseMode("negated"), EventMode::kNegated);
  EXPECT_FALSE(ParseMode("maybe"));
}

TEST(CoderKoTest, QuotedSpeechIsNotNarration) {
  // The quotation names Japan and a meeting; only the statement toward Japan is an event.
  auto ev = Code(
      "2023년 5월 29일 박상길 외무성 부상은 기시다 총리를 향해 “두 나라가 만나지 못할 이유가 "
      "없다”고 언급했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "010");
  EXPECT_EQ(ev[0].source, "PRKGOV");
  EXPECT_EQ(ev[0].target_country, "JPN");
}

TEST(CoderKoTest, AuthorsVoiceIsConfigurable) {
  std::string doc = "2023년 11월 22일 우리 정부는 남북군사합의 일부 조항의 효력을 정지했다.\n";
  auto ev = Code(doc);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "KORGOV");
  EXPECT_EQ(ev[0].target_country, "PRK");
  EXPECT_EQ(ev[0].code, "160");
}

TEST(CoderKoTest, RelativeDatesCountFromTheDateInForce) {
  auto ev = Code(
      "11월 21일 북한이 위성을 발사하자 우리 정부는 이튿날 9·19 남북군사합의의 효력을 정지했다.\n",
      CodeOptions{Language::kKorean, 2023, "KOR", true});
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date, DateSpan::Day({2023, 11, 22}));
}

TEST(CoderKoTest, SpansPointIntoTheExtractedText) {
  std::string doc =
      "북러 간 교류는 활발했다. 7월 세르게이 쇼이구 러시아 국방장관은 평양을 방문하여 김정은과 \n"
      "면담했다.1 이후 교류가 이어졌다.\n";
  auto ev = Code(doc, CodeOptions{Language::kKorean, 2023, "KOR", false});
  ASSERT_EQ(ev.size(), 2u);
  for (const Event& e : ev) {
    const Mention& m = e.mentions[0];
    ASSERT_LE(m.span_end, doc.size());
    std::string_view raw = std::string_view(doc).substr(m.span_begin, m.span_end - m.span_begin);
    EXPECT_TRUE(raw.starts_with("7월 세르게이")) << raw;
    EXPECT_TRUE(raw.ends_with("면담했다.")) << raw;
    EXPECT_EQ(m.evidence,
              "7월 세르게이 쇼이구 러시아 국방장관은 평양을 방문하여 김정은과 면담했다.");
  }
  EXPECT_EQ(ev[0].source, "RUSMIL");
  EXPECT_EQ(ev[1].target, "PRKGOV");
}

// An English document goes to the English coder: the dateline dates "on Tuesday".
TEST(CoderKoTest, EnglishDocumentsGoToTheEnglishCoder) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "MOSCOW, Jan. 18, 2024 (AP) -- North Korea's foreign minister visited Moscow on "
      "Tuesday.\n",
      "en.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  EXPECT_EQ(coded->lang, "en");
  // The visit (042) and, by the verb's paired code, its host receiving the visitor (043).
  ASSERT_EQ(coded->events.size(), 2u);
  const Event& e = coded->events[0];
  EXPECT_EQ(e.source, "PRKGOV");
  EXPECT_EQ(e.target_country, "RUS");
  EXPECT_EQ(e.code, "042");
  EXPECT_EQ(e.date.begin.ToIso(), "2024-01-16");
  EXPECT_EQ(e.lang, "en");
  EXPECT_EQ(e.mentions[0].evidence, "North Korea's foreign minister visited Moscow on Tuesday.");
  EXPECT_EQ(coded->events[1].code, "043");
}

// English document rules: words that look like names but are not (a month, a verb in lower
// case), a place opening a sentence, a surname two office-holders share in different years, a
// relative clause that tells of another act.
TEST(CoderKoTest, EnglishDocumentReadsNamesInContext) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "SEOUL, Dec. 20, 2023 (Reuters) -- Kishida visited Seoul on May 8 and talked with Yoon.\n\n"
      "In Washington, Cho Tae-yul held talks with Antony Blinken on Oct. 31.\n\n"
      "A day earlier, Russian missiles struck the Ukrainian city of Dnipro.\n\n"
      "Yoon and Kishida met in Vilnius on July 12 during a NATO summit, where Yoon asked Japan "
      "to share data.\n\n"
      "Kremlin spokesman Dmitry Peskov accused the alliance on Aug. 2 of pursuing "
      "militarisation.\n",
      "en.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  auto find = [&](const std::string& src, const std::string& tgt, const std::string& code,
                  const std::string& date) {
    for (const Event& e : coded->events)
      if (e.source == src && e.target == tgt && e.code == code && e.date.begin.ToIso() == date)
        return true;
    return false;
  };
  // "on May 8" is the date, not Theresa May; "May" is not the modal either, so the talks count.
  EXPECT_TRUE(find("JPNGOV", "KORGOV", "040", "2023-05-08"));
  // "Yoon" alone: the president in 2023 (the foreign minister of 2013-17 shares the surname).
  // "Washington" opens the sentence as a place, not as a second subject.
  EXPECT_TRUE(find("KORGOV", "USAGOV", "040", "2023-10-31"));
  for (const Event& e : coded->events) EXPECT_NE(e.source, "USA") << e.mentions[0].evidence;
  // "struck" is the verb, not Peter Struck; "a day earlier" counts from the last day named.
  EXPECT_TRUE(find("RUS", "UKR", "190", "2023-10-30"));
  // The summit is the occasion, not a target; "where Yoon asked Japan" is another act.
  EXPECT_TRUE(find("KORGOV", "JPNGOV", "040", "2023-07-12"));
  for (const Event& e : coded->events) {
    if (e.date.begin.ToIso() == "2023-07-12") EXPECT_NE(e.target, "IGONAT");
  }
  // "the alliance", once the story has named NATO.
  EXPECT_TRUE(find("RUSGOV", "IGONAT", "112", "2023-08-02"));
}

// English clauses: a hyphenated given name learned for the surname alone, a plural noun before
// "were" as the subject of a passive, a pronoun object meaning the last act's other side.
TEST(CoderKoTest, EnglishDocumentReadsClauses) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "SEOUL, Nov. 1, 2025 (Yonhap) -- President Lee Jae-myung met Chinese President Xi Jinping "
      "on Saturday.\n\n"
      "Lee held his first summit with Japanese Prime Minister Sanae Takaichi on Thursday.\n\n"
      "The U.S. strikes were condemned by China's Foreign Ministry on Friday.\n\n"
      "British Prime Minister Keir Starmer and French President Emmanuel Macron called on Iran on "
      "Wednesday to negotiate and urged it not to escalate.\n\n"
      "North Korea fired a ballistic missile on Thursday.\n\n"
      "The launch was condemned by Japan on Thursday.\n\n"
      "On Friday, Japan protested to the North through its embassy in Beijing.\n\n"
      "On Saturday, Lee held talks with Sanae Takaichi, at which he raised the issue of "
      "history.\n\n"
      "Kim Yo Jong said on Sunday that Pyongyang had no interest in talks, accusing Lee of "
      "lying.\n\n"
      "Xi arrived in South Korea on Monday for a state visit, after holding talks with Donald "
      "Trump.\n",
      "en.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  auto find = [&](const std::string& src, const std::string& tgt, const std::string& code) {
    for (const Event& e : coded->events)
      if (e.source == src && e.target == tgt && e.code == code) return true;
    return false;
  };
  EXPECT_TRUE(find("KORGOV", "JPNGOV", "040"));  // "Lee", after "Lee Jae-myung"
  EXPECT_TRUE(find("CHNGOV", "USA", "111"));     // "strikes" is the subject, not an attack
  for (const Event& e : coded->events) EXPECT_NE(e.code, "190") << e.mentions[0].evidence;
  EXPECT_TRUE(find("GBRGOV", "IRN", "020"));
  // "urged it": Iran, never the two leaders toward each other.
  for (const Event& e : coded->events) {
    EXPECT_FALSE(e.source == "GBRGOV" && e.target == "FRAGOV") << e.mentions[0].evidence;
  }
  // "The launch": the act of the actor the previous sentence was about.
  EXPECT_TRUE(find("JPN", "PRK", "111"));
  // "the North", once the story has named North Korea.
  bool north = false;
  for (const Event& e : coded->events)
    for (const Mention& m : e.mentions)
      north |= e.target == "PRK" && m.evidence.find("to the North") != std::string::npos;
  EXPECT_TRUE(north) << "Japan's protest to the North";
  // "On Saturday, …, at which …": the clause between the commas is the sentence itself.
  EXPECT_TRUE(find("KORGOV", "JPNGOV", "040"));
  // ", accusing Lee of …": the speaker's act, though "said" opened the sentence.
  EXPECT_TRUE(find("PRKGOV", "KORGOV", "112"));
  // "arrived in South Korea": the state arrived in is the host, not the other party named.
  EXPECT_TRUE(find("CHNGOV", "KOR", "042"));
  EXPECT_FALSE(find("CHNGOV", "USAGOV", "042"));
}

// English sentences that tell of no act between their actors: what a report says a document
// does, a topic ("relations between …"), a condition opening the sentence.
TEST(CoderKoTest, EnglishDocumentKeepsReportsTopicsAndConditionsApart) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "SEOUL, Oct. 18, 2024 (Reuters) -- North Korean state media said on Thursday that the "
      "country's revised constitution defines South Korea as a hostile state.\n\n"
      "Relations between Washington and Beijing sank after Taiwan's president visited Japan in "
      "August.\n\n"
      "If Japan imposes sanctions on China, Beijing could retaliate.\n\n"
      "North Korea said on Friday that it would send troops to Russia.\n\n"
      "Lee had hoped to hold talks with Trump on Saturday.\n",
      "en.txt");
  auto coded = coder.Code(*doc, {});
  ASSERT_TRUE(coded.ok()) << coded.status().message();
  for (const Event& e : coded->events) {
    const std::string& ev = e.mentions[0].evidence;
    // The constitution, not state media, defines South Korea.
    EXPECT_FALSE(e.source_country == "PRK" && e.target_country == "KOR") << ev;
    // Washington and Beijing are what the sentence is about, not who visited.
    EXPECT_NE(e.source_country, "CHN") << ev;
    EXPECT_FALSE(e.source_country == "USA" && e.target_country == "JPN") << ev;
    // A condition: nothing happened.
    if (ev.rfind("If ", 0) == 0) EXPECT_NE(e.mode, EventMode::kActual) << ev;
    // "had hoped to hold talks": a hope, not talks held.
    EXPECT_EQ(ev.find("hoped"), std::string::npos) << ev;
  }
  // "said that it would send": "it" is North Korea, and the act is expected.
  CodeOptions all;
  all.modes = {EventMode::kActual, EventMode::kExpected, EventMode::kHypothetical,
               EventMode::kNegated};
  auto every = coder.Code(*doc, all);
  ASSERT_TRUE(every.ok());
  bool troops = false, conditional = false;
  for (const Event& e : every->events) {
    troops |=
        e.source_country == "PRK" && e.target_country == "RUS" && e.mode == EventMode::kExpected;
    conditional |=
        e.mentions[0].evidence.rfind("If ", 0) == 0 && e.mode == EventMode::kHypothetical;
  }
  EXPECT_TRUE(troops);
  EXPECT_TRUE(conditional);
}

// Regressions from a review of the English document rules: each sentence once gave a false or
// misdirected event, or lost a true one.
TEST(CoderKoTest, EnglishDocumentRulesStayInTheirLane) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto code = [&](const std::string& body) {
    auto doc = DecodeText("SEOUL, Oct. 18, 2024 (Reuters) -- " + body, "en.txt");
    auto coded = coder.Code(*doc, {});
    EXPECT_TRUE(coded.ok());
    return coded.ok() ? coded->events : std::vector<Event>{};
  };
  auto has = [](const std::vector<Event>& ev, const std::string& sc, const std::string& tc,
                const std::string& root) {
    for (const Event& e : ev)
      if (e.source_country == sc && e.target_country == tc &&
          e.code.compare(0, root.size(), root) == 0)
        return true;
    return false;
  };
  // ", according to …" is no act of the subject.
  auto ev = code(
      "China sent warships near Taiwan on Monday, according to Taiwan's defense "
      "ministry.\n");
  EXPECT_FALSE(has(ev, "CHN", "TWN", "06"));
  // Boarding a train is travel, not a seizure.
  ev = code("Kim Jong Un boarded his armoured train to Russia on Tuesday.\n");
  for (const Event& e : ev) EXPECT_NE(e.code, "171") << e.mentions[0].evidence;
  // A verb after AND belongs to the main clause, not to the that-clause before it.
  ev = code(
      "China said on Friday that Japan's remarks had damaged ties and lodged a protest with "
      "Tokyo.\n");
  EXPECT_TRUE(has(ev, "CHN", "JPN", "11"));
  // The act named by a noun is the actor's the previous sentence was about, past the reporter.
  ev = code(
      "Ukraine said on Thursday that Russia launched 200 drones.\n\n"
      "The attack was condemned by Poland on Thursday.\n");
  EXPECT_TRUE(has(ev, "POL", "RUS", "11"));
  EXPECT_FALSE(has(ev, "POL", "UKR", "11"));
  // A list after "at" that does not open the sentence is still a list.
  ev = code("Iran fired missiles at Israel, Jordan and Iraq on Tuesday.\n");
  EXPECT_TRUE(has(ev, "IRN", "JOR", "1"));  // whichever force code: Jordan is a target
  // "the North Kharkiv region" is in Ukraine.
  ev = code(
      "North Korea fired a missile on Monday.\n\n"
      "Russia attacked the North Kharkiv region on Tuesday.\n");
  EXPECT_FALSE(has(ev, "RUS", "PRK", "19"));
  // "talks with May": the prime minister.
  auto may = DecodeText(
      "LONDON, July 14, 2018 (Reuters) -- Donald Trump held talks with May at "
      "Chequers on Friday.\n",
      "en.txt");
  auto may_coded = coder.Code(*may, {});
  ASSERT_TRUE(may_coded.ok());
  EXPECT_TRUE(has(may_coded->events, "USA", "GBR", "04"));
  // A relative clause between commas is the aside; the verb after it is the sentence's.
  ev = code("Japan, which hosts 50,000 U.S. troops, protested to China on Tuesday.\n");
  EXPECT_TRUE(has(ev, "JPN", "CHN", "11"));
  EXPECT_FALSE(has(ev, "JPN", "USA", ""));
  // "The two leaders": the pair of the last act between two actors.
  ev = code(
      "Lee Jae-myung held talks with Sanae Takaichi on Thursday.\n\n"
      "The two leaders agreed on Thursday to develop bilateral ties.\n");
  bool pair = false;
  for (const Event& e : ev)
    pair |= e.source_country == "JPN" && e.target_country == "KOR" &&
            e.mentions[0].evidence.find("two leaders") != std::string::npos;
  EXPECT_TRUE(pair);
  // "That launch was condemned by a Pentagon official, who urged Pyongyang …": a demonstrative
  // makes "launch" a noun, and the official urged.
  ev = code(
      "North Korea fired missiles on Wednesday.\n\n"
      "That launch was condemned by a Pentagon official on Wednesday, who urged Pyongyang "
      "to refrain from further actions.\n");
  EXPECT_TRUE(has(ev, "USA", "PRK", "11"));
  EXPECT_TRUE(has(ev, "USA", "PRK", "02"));
  // "welcomed the plan the same day": the plan is the act of the actor who announced it.
  ev = code(
      "South Korea announced a compensation plan on Monday.\n\n"
      "Japanese Foreign Minister Yoshimasa Hayashi welcomed the plan the same day.\n");
  EXPECT_TRUE(has(ev, "JPN", "KOR", "05"));
  // A formal protest over someone's visit is a protest, not a visit.
  ev = code(
      "China made a formal protest to Tokyo over the Japanese minister's visit to the "
      "shrine.\n");
  for (const Event& e : ev) EXPECT_NE(e.code, "042") << e.mentions[0].evidence;
}

// Regression: "…방북, 김정은 면담" made Kim the subject of the meeting once a rule let a later
// clause of a row open with its own subject. A bare name right before the predicate noun is
// its object; an actor opening a clause with other words before the predicate is its subject.
TEST(CoderKoRegressionTest, RowClauseObjectVersusSubject) {
  auto ev = Code(
      " 표 1. 2024년 북러 교류 주요일지 \n날짜 내용 \n9/13 쇼이구 국가안보회의 서기 방북, 김정은 "
      "면담 \n"
      "10/31 북한 ICBM 발사, 일본 정부 베이징 대사관 경로로 엄중 항의 \n");
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].source_country, "RUS");
  EXPECT_EQ(ev[1].target, "PRKGOV");
  EXPECT_EQ(ev[1].code, "040");
  EXPECT_EQ(ev[2].source_country, "JPN");
  EXPECT_EQ(ev[2].target_country, "PRK");
  EXPECT_EQ(ev[2].code, "111");
}

// Regression: "2016년 2월 이후 단절되었던" moved the year in force and dated the rest of a 2018
// brief to 2016.
TEST(CoderKoRegressionTest, ReferenceYearsDoNotMoveTheTimeline) {
  auto ev = Code(
      "2018년은 남북관계가 반전된 해였다. 북한은 2016년 2월 이후 단절되었던 연락채널을 복원했고, "
      "1월 9일 "
      "판문점에서 열린 남북 고위급회담에서 양측은 올림픽 참가에 합의했다.\n");
  ASSERT_FALSE(ev.empty());
  for (const Event& e : ev) EXPECT_EQ(e.date.begin.year, 2018) << e.code;
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Every mention as its own event, as `dyad code --no-merge` prints them.
std::vector<Event> CodeOne(const std::string& text) {
  CodeOptions opt;
  opt.merge = false;
  return Code(text, opt);
}

TEST(CoderKoTest, CompoundSubjectsAndTargetsAreJointActors) {
  auto ev = CodeOne("2022년 12월 2일 한미일 외교장관은 북한의 미사일 발사를 규탄했다.\n");
  ASSERT_EQ(ev.size(), 3u);
  std::set<std::string> sources;
  for (const Event& e : ev) {
    sources.insert(e.source_country);
    EXPECT_EQ(e.target_country, "PRK");
    EXPECT_EQ(e.code, "111");
  }
  EXPECT_EQ(sources, (std::set<std::string>{"KOR", "USA", "JPN"}));
  auto two = CodeOne("2024년 5월 3일 북한은 한미 연합훈련을 비난하는 담화를 발표했다.\n");
  ASSERT_EQ(two.size(), 2u);  // the statement yields to the criticism it carries
  EXPECT_EQ(two[0].code, "111");
  EXPECT_EQ(two[1].code, "111");
}

TEST(CoderKoTest, ProposalsAreIntentionsAndTheirCarrierIsAnEvent) {
  auto ev = CodeOne(
      "청와대는 2018년 12월 30일 김정은이 문 대통령에게 친서를 보내 자주 만나 문제를 함께 해결해 "
      "나가자는 뜻을 전해 왔다고 밝혔다.\n");
  bool letter = false, intent = false;
  for (const Event& e : ev) {
    letter |= e.code == "010" && e.source_country == "PRK" && e.target_country == "KOR";
    intent |= e.code == "036" && e.source_country == "PRK" && e.target_country == "KOR";
  }
  EXPECT_TRUE(letter);
  EXPECT_TRUE(intent);
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// A person the dictionaries lack, introduced once with office and state, is known later in the
// same document by name and title alone; a ministry named bare is the author's own.
TEST(CoderKoTest, NamesIntroducedWithTheirOfficeAreRemembered) {
  auto ev = CodeOne(
      "2024년 6월 21일 김홍균 외교부 제1차관은 게오르기 지노비예프 주한 러시아대사를 초치해 엄중히 "
      "항의했다. "
      "우리 정부는 10월 21일 지노비예프 대사를 다시 초치하여 북한군의 즉각 철수를 요구했다.\n");
  int later = 0;
  for (const Event& e : ev) {
    EXPECT_EQ(e.source, "KORGOV");
    EXPECT_EQ(e.target_country, "RUS") << e.code << " " << e.date.begin.ToIso();
    later += e.date.begin == Date{2024, 10, 21};
  }
  EXPECT_EQ(later, 2);  // 초치 (111) and 요구 (100), both at the ambassador
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Regression: an introduction recalling "2018년 6월 싱가포르 정상회담" dated the next
// paragraph's "1월 1일 신년사" to 2018 in a brief about 2019.
TEST(CoderKoRegressionTest, BackgroundParagraphDoesNotDateTheNextOne) {
  auto ev = Code(
      "2019년 북미관계는 기대와 실망이 교차한 한 해였다. 2018년 6월 싱가포르 정상회담에서 양측은 "
      "새로운 관계 "
      "수립에 합의했다.\n\n\n"
      "김정은 국무위원장은 1월 1일 신년사에서 언제든 미국 대통령과 마주 앉을 준비가 되어 있다고 "
      "밝혔다.\n");
  bool found = false;
  for (const Event& e : ev) found |= e.date.begin == Date{2019, 1, 1} && e.source_country == "PRK";
  EXPECT_TRUE(found);
}

// The brief's year is its chronology table's, even when background years are mentioned more.
TEST(CoderKoRegressionTest, DocumentYearFromTheTableTitle) {
  auto ev = Code(
      "2011년 이후 중단된 셔틀외교가 복원되었다. 2011년 12월 이명박 대통령의 교토 방문 이후 약 "
      "12년 "
      "만이었다. 윤석열 대통령은 3월 16일부터 17일까지 일본을 방문했다.\n"
      " 표 1. 2023년 한일관계 주요일지 \n날짜 내용 \n5/7~5/8 기시다 총리 방한, 윤 대통령과 "
      "정상회담(5/7) \n");
  ASSERT_FALSE(ev.empty());
  for (const Event& e : ev) EXPECT_EQ(e.date.begin.year, 2023) << e.code;
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

TEST(CoderKoTest, StatementsCarryTheirQuotationAndAttribution) {
  // A statement table: the row's act, the quotation line under it, the agency in parentheses.
  auto row = Code(
      " 표 1. 2023년 북한의 대미 담화 \n날짜 내용 \n"
      "7/20 강순남 국방상, 미 전략핵잠수함 부산 기항 비난 담화 발표(조선중앙통신): \n"
      "- “핵무기 사용 조건에 해당할 수 있다” \n");
  ASSERT_EQ(row.size(), 1u);
  EXPECT_EQ(row[0].code, "111");  // "비난 담화": the statement is a criticism
  EXPECT_EQ(row[0].target_country, "USA");
  EXPECT_EQ(row[0].quotes, std::vector<std::string>{"핵무기 사용 조건에 해당할 수 있다"});
  EXPECT_EQ(row[0].attribution, "조선중앙통신");
  // Running text: the quotation before the verb that reports it.
  auto text = Code(
      "2023년 7월 20일 강순남 국방상은 담화를 내고 미국 전략핵잠수함의 부산 기항이 “핵무기 사용 "
      "조건에 "
      "해당할 수 있다”고 위협했다.\n");
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].code, "130");
  EXPECT_EQ(text[0].quotes, std::vector<std::string>{"핵무기 사용 조건에 해당할 수 있다"});
  EXPECT_EQ(text[0].attribution, "");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// The review queue: what looks like an event but cannot be coded, with the reason.
TEST(CoderKoTest, TheReviewQueueNamesWhatCouldNotBeCoded) {
  auto res = testing::Shipped();
  Coder coder(res);
  auto doc = DecodeText(
      "2024년 5월 2일 쿠르바노프 장관은 평양을 방문했다. "
      "2024년 3월 28일 러시아는 안보리에서 북한 제재 결의안에 딴지를 걸었다. "
      "5월에 김정은은 회담했다.\n",
      "queue.txt");
  auto coded = coder.Code(*doc, CodeOptions{Language::kKorean, 2024, "KOR", true});
  ASSERT_TRUE(coded.ok());
  std::map<std::string, std::string> reasons;  // reason → predicate
  for (const Unresolved& u : coded->unresolved) reasons[u.reason] = u.predicate;
  EXPECT_TRUE(reasons.count("unknown predicate"));   // 딴지를 걸었다: no such action
  EXPECT_EQ(reasons["unknown actor"], "방문했다");   // 쿠르바노프: not in the dictionaries
  EXPECT_EQ(reasons["no counterpart"], "회담했다");  // a meeting with no one named
  for (const Unresolved& u : coded->unresolved) {
    EXPECT_LE(u.span_end, doc->text.size());
    EXPECT_FALSE(u.evidence.empty());
  }
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Regression: "일본 열도 상공을" read 열도 as 열 + focus 도, making Japan the launcher.
TEST(CoderKoRegressionTest, NounsEndingInDoAreNotFocusParticles) {
  // The launch is aimed at Japan only because the sentence says so (일본을 향해).
  auto ev = Code("2022년 10월 4일 북한은 일본 열도 상공을 지나는 미사일을 일본을 향해 발사했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "PRK");
  EXPECT_EQ(ev[0].target_country, "JPN");
}

}  // namespace
}  // namespace dyad

namespace dyad {
namespace {

// Issue 9: every event is dated against its document.
TEST(CoderKoDocumentDateTest, ADatedArticleCountsBareDaysBack) {
  // "지난 24일" in a 1 May article is 24 April; "지난해" is the year before the article's.
  auto ev =
      Code("기사입력 2024.05.01 09:33\n\n북한 외무성은 지난 24일 담화를 발표해 미국을 비난했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date.begin.ToIso(), "2024-04-24");
  EXPECT_EQ(ev[0].date_basis, "text");
  auto year = Code("2024.05.01\n\n최선희 외무상은 지난해 러시아를 방문했다.\n");
  ASSERT_EQ(year.size(), 1u);
  EXPECT_EQ(year[0].date.begin.ToIso(), "2023-01-01");
  EXPECT_EQ(year[0].date.precision, DatePrecision::kYear);
}

TEST(CoderKoDocumentDateTest, AnUndatedPastActFallsInTheDocumentsYear) {
  auto ev = Code("2024.05.01\n\n최선희 외무상은 러시아를 방문했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date.begin.ToIso(), "2024-01-01");
  EXPECT_EQ(ev[0].date.end.ToIso(), "2024-05-01");
  EXPECT_EQ(ev[0].date_basis, "document-year");
  // Without a document date nothing dates it: the review queue says so.
  EXPECT_TRUE(Code("최선희 외무상은 러시아를 방문했다.\n").empty());
}

// A New Year address speaks for its author's state on 1 January: it demands of, condemns and
// offers talks to the states it speaks of.
TEST(CoderKoDocumentDateTest, ASpeechDemandsCondemnsAndOffers) {
  std::string speech =
      "2015년 신년사\n\n친애하는 동지들!\n\n"
      "우리는 조선반도의 평화를 위하여 투쟁하고 있습니다.\n\n"
      "남조선 당국은 외세와 함께 벌이는 모든 전쟁책동을 그만두어야 합니다.\n\n"
      "미국은 북남관계를 가로막는 침략책동에 매달리고 있습니다.\n\n"
      "우리는 남조선 당국이 진실로 대화를 원한다면 회담도 할 수 있다고 봅니다.\n";
  auto ev = Code(speech);
  std::set<std::string> got;
  for (const Event& e : ev) {
    EXPECT_EQ(e.date.begin.ToIso(), "2015-01-01") << e.code;
    EXPECT_EQ(e.source_country, "PRK") << e.code;  // 우리 is the North here
    got.insert(e.target_country + " " + e.code.substr(0, 2));
  }
  EXPECT_TRUE(got.count("KOR 10")) << "demand";
  EXPECT_TRUE(got.count("USA 11")) << "criticism";
  EXPECT_TRUE(got.count("KOR 03")) << "offer";
}

// A navbox flattened to "name | date |": each dated line is a row, dated by its date cell.
TEST(CoderKoDocumentDateTest, AFlattenedTableRowIsDatedByItsDateCell) {
  auto ev = Code(
      "남북 정상회담 목록\n판문점 선언 | 2018년 4월 27일 |\n---|---|\n"
      "2018년 북미정상회담 | 2018년 6월 12일 |\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].date.begin.ToIso(), "2018-06-12");
  EXPECT_EQ(ev[0].code, "040");
  EXPECT_EQ(ev[0].mentions[0].section, "table");
}

// Names resolve by whole words: 남일 is a person (Nam Il), not 남(South)+일(Japan); 일군
// (North Korean for cadres) is not the Japanese army.
TEST(CoderKoDocumentDateTest, WholeWordsAreNotReadAsStateCompounds) {
  auto ev = Code("1955년 2월 북한의 남일은 일본에 경제 협력을 제안했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "PRKGOV");
  EXPECT_EQ(ev[0].target_country, "JPN");
  for (const Event& e : Code("2024년 6월 19일 일군들은 러시아를 방문했다.\n"))
    EXPECT_NE(e.source_country, "JPN") << e.mentions[0].evidence;
}

// A table whose date cells sit beside the middle or the foot of their content codes as the
// same table with the dates first.
TEST(CoderKoDocumentDateTest, DateCellsBesideTheirContentCodeLikeDatesFirst) {
  auto codes = [](const std::string& rows) {
    std::multiset<std::string> out;
    for (const Event& e :
         Code("표 1. 2024년 북러 교류 주요일지\n날짜 내용\n" + rows + "이상이 주요 일지이다.\n"))
      out.insert(e.date.begin.ToIso() + " " + e.source + " " + e.target + " " + e.code);
    return out;
  };
  auto top = codes(
      "1/14~1/17 최선희 외무상 방러, \n라브로프 외무장관과 회담\n6/19 푸틴 대통령 방북, \n"
      "김정은과 정상회담\n");
  ASSERT_FALSE(top.empty());
  EXPECT_EQ(codes("최선희 외무상 방러, \n1/14~1/17\n라브로프 외무장관과 회담\n푸틴 대통령 방북, \n"
                  "6/19\n김정은과 정상회담\n"),
            top);
  EXPECT_EQ(codes("최선희 외무상 방러, \n라브로프 외무장관과 회담\n1/14~1/17\n푸틴 대통령 방북, \n"
                  "김정은과 정상회담\n6/19\n"),
            top);
}

// "공화국을 반대하는 … 핵전쟁연습": the verb of aim names the exercise's target; it is not an
// act of opposition of its own.
TEST(CoderKoDocumentDateTest, AVerbOfAimBeforeAnActIsItsTarget) {
  auto ev = Code(
      "2016년 3월 7일 남조선 당국은 해마다 공화국을 반대하는 대규모의 핵전쟁연습을 "
      "련이어 벌려놓았다.\n남조선 북남 조선반도 괴뢰\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "150");
  EXPECT_EQ(ev[0].source_country, "KOR");
  EXPECT_EQ(ev[0].target_country, "PRK");
}

// Names written solid are read name by name; straight quotes quote as curly ones do; an act
// after a point of reference with no date of its own falls after it.
TEST(CoderKoDocumentDateTest, SolidNamesStraightQuotesAndActsAfterAReference) {
  auto solid = Code("2018년 5월 1일 미국대통령은 북한을 비난했다.\n");
  ASSERT_EQ(solid.size(), 1u);
  EXPECT_EQ(solid[0].source, "USAGOV");
  auto after = Code(
      "하지만 2001년 9·11 테러 이후 조지 부시 미국 대통령이 북한을 \"악의 축\"으로 "
      "언급했다.\n");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].code.substr(0, 2), "11");  // the quotation's cue: a denunciation
  EXPECT_EQ(after[0].date.begin.ToIso(), "2001-01-01");
  EXPECT_EQ(after[0].date.end.ToIso(), "2002-12-31");
}

// "…한 것도 미국입니다": in a cleft the copula's complement is the act's doer; the formal style
// of speeches (합니다, 입니다) and a progressive written solid (위협하고있는것도) are verb forms.
TEST(CoderKoDocumentDateTest, CleftsAndTheFormalStyle) {
  auto ev = Code("2024년 3월 1일 우리를 위협하고있는것도 미국입니다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "USA");
  EXPECT_EQ(ev[0].code.substr(0, 2), "13");
  // "일이었다" is "was a matter", not Japan.
  for (const Event& e : Code("2024년 1월 5일 김정은은 기시다 총리에게 메시지를 보낸 것은 "
                             "이례적인 일이었다.\n"))
    EXPECT_NE(e.source_country, "JPN");
}

// "반공화국제재압박과 북침전쟁소동에 매여달리였다": acts joined by 과 are both carried by the
// light verb; 반X and a word that names its own target (북침) aim them.
TEST(CoderKoDocumentDateTest, JoinedActsOfALightVerbAndTheirNamedTargets) {
  auto ev = Code("2016년 3월 7일 남조선당국은 반공화국제재압박과 북침전쟁소동에 매여달리였다.\n");
  std::set<std::string> codes;
  for (const Event& e : ev) {
    EXPECT_EQ(e.source_country, "KOR");
    EXPECT_EQ(e.target_country, "PRK");
    codes.insert(e.code);
  }
  EXPECT_EQ(codes, (std::set<std::string>{"150", "163"}));
  // 반영 is "reflect": no target.
  for (const Event& e : Code("2016년 3월 7일 중국은 요구를 반영하여 미국을 비난했다.\n"))
    EXPECT_NE(e.target_country, "GBR");
}

// The plain light verb 하다 carries the noun right before it or across a -하게 adverb; a verb
// in -기로 before it is a clause of its own; "할 의욕이 없다" refuses.
TEST(CoderKoDocumentDateTest, ThePlainLightVerbAndWillThatIsLacking) {
  auto aid = Code("2017년 3월 1일 스위스는 북한에 인도주의적 지원을 활발하게 하는 나라이다.\n");
  ASSERT_EQ(aid.size(), 1u);
  EXPECT_EQ(aid[0].code, "070");
  EXPECT_EQ(aid[0].source_country, "CHE");
  EXPECT_EQ(aid[0].target_country, "PRK");
  for (const Event& e : Code("2023년 3월 16일 정부는 일본에 대한 WTO 제소를 취하하기로 했다.\n"))
    EXPECT_NE(e.code, "115");
  EXPECT_EQ(ModeOf("2019년 10월 6일 북한 외무성은 미국과 협상을 할 의욕이 없다.\n"),
            EventMode::kNegated);
}

// An address narrows left to right: its first known place is where it is.
TEST(CoderKoDocumentDateTest, AnAddressIsWhereItsKnownPlaceIs) {
  auto ev = Code("2024년 6월 19일 푸틴은 평양 순안공항에 도착했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "042");
  EXPECT_EQ(ev[0].target_country, "PRK");
  auto office = Code("1994년 3월 1일 스위스는 평양 대동강구역 문흥동에 상주사무소를 설치하였다.\n");
  ASSERT_EQ(office.size(), 1u);
  EXPECT_EQ(office[0].source_country, "CHE");
  EXPECT_EQ(office[0].target_country, "PRK");
}

// "미국과 그 추종세력들은 …": a topic no dictionary knows, joined to an actor by 과, acts with
// that actor.
TEST(CoderKoDocumentDateTest, AnActorAndItsUnnamedPartners) {
  auto ev = Code(
      "2015년 1월 1일 미국과 그 추종세력들은 북한을 반대하는 인권소동에 "
      "매달렸다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "USA");
  EXPECT_EQ(ev[0].target_country, "PRK");
  EXPECT_EQ(ev[0].code, "112");
}

// "남조선당국은 우리의 … 호소와 성의있는 제의를 외면하고": what is rejected was made — the
// owner's appeal and proposal to the one who rejects them, one event per code.
TEST(CoderKoDocumentDateTest, ARejectedProposalWasMade) {
  auto ev = Code("2016년 3월 7일 남조선당국은 북한의 애국적호소와 성의있는 제의를 외면했다.\n");
  std::set<std::string> made;
  bool rejected = false;
  for (const Event& e : ev) {
    if (e.source_country == "KOR" && e.target_country == "PRK" && e.code == "120") rejected = true;
    if (e.source_country == "PRK" && e.target_country == "KOR") made.insert(e.code);
  }
  EXPECT_TRUE(rejected);
  EXPECT_EQ(made, (std::set<std::string>{"020", "036"}));
  // A rejection of an owner's act of another kind tells of no offer.
  for (const Event& e : Code("2016년 3월 7일 남조선당국은 북한의 핵실험을 외면했다.\n"))
    EXPECT_NE(e.source_country, "PRK");
}

// A text rejoined from hard-wrapped lines keeps a space where each line ended, often inside a
// word ("관심속 에", "남조 선당국은"); where it shows that damage, a space between two runs that
// are no words and together are one is dropped, and spans still point at the source bytes.
TEST(CoderKoDocumentDateTest, WordsBrokenByStraySpacesAreGlued) {
  std::string broken =
      "2016년 3월 7일 세계의 관심속 에 대회가 진행되였다. 인민들 의 열의가 높았다. 동지들 과 "
      "함께 벗 들에게 인사를 보냈다. 자리 에 섰다. 우리 는 나아간다. 남조 선당국은 북한을 "
      "비난했다.\n";
  auto ev = Code(broken);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source_country, "KOR");
  EXPECT_EQ(ev[0].code, "111");
  size_t at = broken.find("남조 선당국은");
  EXPECT_LE(ev[0].mentions[0].span_begin, at);
  EXPECT_GE(ev[0].mentions[0].span_end, at + std::string("남조 선당국은").size());
  EXPECT_NE(ev[0].mentions[0].evidence.find("남조선당국은"), std::string::npos);
  // An edited text keeps its spacing: one broken-looking pair is no damage.
  for (const Event& e : Code("2016년 3월 7일 남조 선당국은 북한을 비난했다.\n"))
    EXPECT_NE(e.mentions[0].evidence.find("남조 선당국은"), std::string::npos);
}

// "2018년 3월과 5월에 … 정상회담": dates joined by 과/와, a comma or 및 date one act each.
TEST(CoderKoDocumentDateTest, JoinedDatesAreOneActEach) {
  auto months = Code("2018년 3월과 5월에 김정은 위원장은 시진핑 주석과 정상회담을 가졌다.\n");
  std::set<std::string> dates;
  for (const Event& e : months) dates.insert(e.date.begin.ToIso());
  EXPECT_EQ(dates, (std::set<std::string>{"2018-03-01", "2018-05-01"}));
  dates.clear();
  for (const Event& e : Code("2018년 4월 27일과 5월 26일에 남북 정상회담이 열렸다.\n"))
    dates.insert(e.date.begin.ToIso());
  EXPECT_EQ(dates, (std::set<std::string>{"2018-04-27", "2018-05-26"}));
  dates.clear();
  for (const Event& e : Code("김정은은 2018년 3월과 5월, 6월에 중국을 방문했다.\n"))
    dates.insert(e.date.begin.ToIso());
  EXPECT_EQ(dates.size(), 3u);
  // One date, one act.
  EXPECT_EQ(Code("2019년 6월 30일 판문점에서 김정은과 트럼프가 만났다.\n").size(), 1u);
}

TEST(CoderKoTest, AThreatIsSaidAsAThreatNotAsTheAct) {
  // The predicate 군사력 사용 is use of force; said as possible, it threatens (CAMEO 138), and
  // the chronology line says so.
  auto ev = Code(
      "2019년 12월 3일 트럼프 대통령은 필요하다면 북한에 군사력을 사용할 수 있다고 "
      "언급했다.\n");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "138");
  EXPECT_EQ(ev[0].action_ko, "북한에 무력 사용 위협");
  EXPECT_EQ(ev[0].action_en, "threatens North Korea with military force");
}

TEST(CoderKoTest, TheAuthorsOwnStateIsNamedInTheChronology) {
  CodeOptions opt;
  opt.self_country = "PRK";
  auto ev = Code("2017년 1월 1일 미국은 우리를 위협하였다.\n", opt);
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target_label_ko, "북한");
  EXPECT_EQ(ev[0].target_label_en, "North Korea");
}

}  // namespace
}  // namespace dyad
