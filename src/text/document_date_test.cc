#include "dyad/document_date.h"

#include <gtest/gtest.h>

#include "testing.h"

namespace dyad {
namespace {

const DocumentCues& Cues() { return testing::Shipped()->lexicon.document_cues(); }

std::string Header(std::string_view line, int hint = 0) {
  std::optional<Date> d = ReadHeaderDate(line, Cues(), hint);
  return d ? d->ToIso() : "-";
}

TEST(DocumentDateTest, HeaderLinesInTheFormsRealSourcesUse) {
  EXPECT_EQ(Header("2024년 6월 19일"), "2024-06-19");
  EXPECT_EQ(Header("- 1994년 01월 01일 "), "1994-01-01");
  EXPECT_EQ(Header("주체113(2024)년 6월 19일"), "2024-06-19");
  EXPECT_EQ(Header("2024.06.19"), "2024-06-19");
  EXPECT_EQ(Header("2024. 6. 19."), "2024-06-19");
  EXPECT_EQ(Header("2024-06-19 09:33"), "2024-06-19");
  EXPECT_EQ(Header("2023/07/27 09:33:11"), "2023-07-27");
  EXPECT_EQ(Header("기사입력 2024.06.19 09:33"), "2024-06-19");
  EXPECT_EQ(Header("작성날자 26-01-14"), "2026-01-14");
  EXPECT_EQ(Header("June 19, 2024"), "2024-06-19");
  EXPECT_EQ(Header("March 01, 2018"), "2018-03-01");
  EXPECT_EQ(Header("19 June 2024"), "2024-06-19");
  EXPECT_EQ(Header("NEWS | Oct. 26, 2023"), "2023-10-26");
  EXPECT_EQ(Header("Posted on July 14, 2023"), "2023-07-14");
  EXPECT_EQ(Header("２０２４년 ６월 １９일"), "2024-06-19");  // full-width digits
  EXPECT_EQ(Header("2024년 6월 19일 (수) 오전"), "-");        // a word that is no furniture
}

TEST(DocumentDateTest, WireDatelinesTakeTheYearFromTheText) {
  EXPECT_EQ(Header("SEOUL, June 19 (Yonhap) -- North Korea said", 2024), "2024-06-19");
  EXPECT_EQ(Header("WASHINGTON, D.C., Jan. 5, 2024 - The US", 0), "2024-01-05");
  EXPECT_EQ(Header("SEOUL, June 19 (Yonhap) -- ", 0), "-");  // no year anywhere
}

TEST(DocumentDateTest, ADateInsideASentenceIsNotTheDocumentsDate) {
  EXPECT_EQ(Header("남북 기본합의서는 1991년 12월 13일에 합의한 문건이다."), "-");
  EXPECT_EQ(Header("26-01-14"), "-");                         // a two-digit year needs its label
  EXPECT_EQ(Header("판문점 선언 | 2018년 4월 27일 |"), "-");  // a table row
  EXPECT_EQ(Header("On August 8, 1953, Foreign Minister Byeon Yeong-tae"), "-");
}

TEST(DocumentDateTest, FirstHeaderLineOfTheOpeningWins) {
  std::string text = "신년사 \n  \n\n- 1994년 01월 01일 \n해 제\n\n1994년 신년사는 …";
  auto d = FindDocumentDate(text, Cues());
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->date.ToIso(), "1994-01-01");
  EXPECT_EQ(d->source, DocumentDateSource::kHeader);
  EXPECT_EQ(text.substr(d->begin, d->end - d->begin), "- 1994년 01월 01일");
}

TEST(DocumentDateTest, ANewYearAddressIsGivenOnNewYearsDay) {
  auto title = FindDocumentDate("2019년 신년사\n\n친애하는 동지들!\n", Cues());
  // A sentence that names a New Year address is not its title.
  EXPECT_EQ(FindDocumentDate("김정은은 2018년 1월 1일 신년사를 통해 대표단을 파견할 용의가 있다고 밝혔다.\n", Cues()),
            std::nullopt);
  ASSERT_TRUE(title.has_value());
  EXPECT_EQ(title->date.ToIso(), "2019-01-01");
  EXPECT_EQ(title->source, DocumentDateSource::kGenre);
  // No title: the greeting names the year.
  auto greeting = FindDocumentDate(
      "\xEF\xBB\xBF친애하는 동지들！\r\n\r\n우리는 … 새해 2016년을 맞이합니다.\r\n", Cues());
  ASSERT_TRUE(greeting.has_value());
  EXPECT_EQ(greeting->date.ToIso(), "2016-01-01");
  EXPECT_EQ(FindDocumentDate("위키백과\n제네바 합의는 1994년 10월 21일 맺은 합의이다.\n", Cues()),
            std::nullopt);
}

TEST(DocumentDateTest, PdfDates) {
  EXPECT_EQ(ParsePdfDate("D:20240619093300+09'00'")->ToIso(), "2024-06-19");
  EXPECT_EQ(ParsePdfDate("D:2024"), std::nullopt);
  EXPECT_EQ(ParsePdfDate("D:20241341"), std::nullopt);
}

TEST(DocumentDateTest, VoiceFromTheVocabulary) {
  EXPECT_EQ(ReadVoice("남조선 당국은 … 북남관계 … 조선반도의 긴장 … 괴뢰", Cues()).voice, "PRK");
  EXPECT_EQ(ReadVoice("북한은 … 한반도 … 북측 … 대북 제재", Cues()).voice, "KOR");
  EXPECT_EQ(ReadVoice("북한은 남조선이라 부른다", Cues()).voice, "");  // too few to tell
  // First person only at the start of a word: "우리는" counts, "아우리는" does not.
  EXPECT_EQ(ReadVoice("우리는 … 나는 … 아우리는", Cues()).first_person, 2);
}

}  // namespace
}  // namespace dyad
