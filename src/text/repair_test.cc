#include "dyad/repair.h"

#include <gtest/gtest.h>

#include "dyad/utf8.h"

namespace dyad {
namespace {

std::vector<std::string> BlockTexts(const CleanText& c, BlockKind kind) {
  std::vector<std::string> out;
  for (const Block& b : c.blocks)
    if (b.kind == kind) out.emplace_back(c.Slice(b.begin, b.end));
  return out;
}

// Every non-space byte of the clean text is the extracted byte its offset names, and offsets
// never go backwards: the span invariant of repair.h.
void ExpectOffsetsHold(std::string_view src, const CleanText& c) {
  ASSERT_EQ(c.offsets.size(), c.text.size() + 1);
  for (size_t i = 0; i < c.text.size(); ++i) {
    if (i > 0) ASSERT_LE(c.offsets[i - 1], c.offsets[i]) << i;
    char ch = c.text[i];
    if (ch == ' ' || ch == '\n') continue;
    ASSERT_LT(c.offsets[i], src.size());
    ASSERT_EQ(src[c.offsets[i]], ch) << "byte " << i;
  }
  for (const Block& b : c.blocks) {
    auto [s, e] = c.SpanOf(b.begin, b.end);
    ASSERT_LE(s, e);
    ASSERT_LE(e, src.size());
    EXPECT_TRUE(utf8::IsValid(src.substr(s, e - s)));
  }
}

const char kBrief[] =
    " 2023년 북한 대외관계의 가장 두드러진 특징은 러시아와의 급속한 접근이었다. 김정은 "
    "국무위원장(\n\n"
    "이하 김정은)은 2023년 9월 러시아를 방문하여 블라디미르 푸틴 러시아 \n\n"
    "대통령과 정상회담을 가졌다.1 회담 직후 김정은은 태평양함대를 잇따라 \n\n"
    "시찰했다.\n\n"
    " 이슈브리프 \n\n"
    " 표 1. 2023년 북러 교류 주요일지 \n\n"
    "날짜 내용 \n\n"
    "6/12 김정은, 푸틴에 러시아의 날 축전 전달 \n\n"
    "11/14~11/16 \n\n"
    "러시아 정부대표단 방북, \n\n"
    " 윤정호 대외경제상과 회의 개최 \n\n"
    "반면 북한은 한미 양국에 대해서는 강경한 태도를 유지했다.2\n";

TEST(RepairTest, JoinsWrappedLinesByTheTrailingSpaceRule) {
  CleanText c = RepairExtracted(kBrief, {{"이슈브리프"}});
  auto paras = BlockTexts(c, BlockKind::kParagraph);
  ASSERT_GE(paras.size(), 2u);
  // "국무위원장(" + "이하" joins with no space; "러시아 " + "대통령" keeps one.
  EXPECT_NE(paras[0].find("국무위원장(이하 김정은)은"), std::string::npos);
  EXPECT_NE(paras[0].find("러시아 대통령과"), std::string::npos);
  // The footnote numeral after the sentence is gone, the sentence after it kept.
  EXPECT_NE(paras[0].find("가졌다. 회담 직후"), std::string::npos);
  EXPECT_EQ(paras[0].find(".1"), std::string::npos);
  EXPECT_EQ(paras.back(), "반면 북한은 한미 양국에 대해서는 강경한 태도를 유지했다.");
  ExpectOffsetsHold(kBrief, c);
}

TEST(RepairTest, ChronologyTableRowsAndContinuations) {
  CleanText c = RepairExtracted(kBrief, {{"이슈브리프"}});
  auto rows = BlockTexts(c, BlockKind::kTableRow);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], "6/12 김정은, 푸틴에 러시아의 날 축전 전달");
  EXPECT_EQ(rows[1], "11/14~11/16 러시아 정부대표단 방북, 윤정호 대외경제상과 회의 개최");
  EXPECT_EQ(BlockTexts(c, BlockKind::kTableTitle).size(), 1u);
  // The running header is dropped.
  for (const auto& p : BlockTexts(c, BlockKind::kHeading))
    EXPECT_EQ(p.find("이슈브리프"), std::string::npos);
}

TEST(RepairTest, PageNumbersAndRepeatedLinesAreFurniture) {
  std::string doc = "첫 문단의 문장이 이어지\n- 3 -\n는 중이다.\n";
  for (int i = 0; i < 3; ++i) doc += "국립외교원 외교안보연구소 보고서\n둘째 문장이다.\n";
  CleanText c = RepairExtracted(doc);
  std::string all(c.text);
  EXPECT_NE(all.find("이어지는 중이다."), std::string::npos);
  EXPECT_EQ(all.find("- 3 -"), std::string::npos);
  EXPECT_EQ(all.find("보고서"), std::string::npos);
  ExpectOffsetsHold(doc, c);
}

TEST(RepairTest, TableRowStartForms) {
  size_t n;
  EXPECT_TRUE(IsTableRowStart("6/12 김정은", &n));
  EXPECT_EQ(n, 4u);
  EXPECT_TRUE(IsTableRowStart("7/25~7/27 쇼이구", &n));
  EXPECT_EQ(n, 9u);
  EXPECT_TRUE(IsTableRowStart("10/28~11/6", &n));
  EXPECT_TRUE(IsTableRowStart("9/12-9/17 방러", &n));
  EXPECT_FALSE(IsTableRowStart("13/1 x", &n));
  EXPECT_FALSE(IsTableRowStart("2/3의 찬성", &n));
  EXPECT_FALSE(IsTableRowStart("2023년 9월", &n));
}

// Random documents: whatever the layout, the offset invariant holds and nothing crashes.
TEST(RepairTest, OffsetInvariantOnRandomLayouts) {
  const char* pieces[] = {
      "북한", " ", "\n",           "\n\n", "다.",    "1",    "6/12 ",     "표 1. ", "(",       ")",
      "“",    "”", " 이슈브리프 ", "\f",   "러시아", "9·19", "7/25~7/27", "\t",     "\xC2\xA0"};
  unsigned seed = 1;
  for (int round = 0; round < 300; ++round) {
    std::string doc;
    for (int k = 0; k < 60; ++k) {
      seed = seed * 1103515245 + 12345;
      doc += pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
    }
    CleanText c = RepairExtracted(doc, {{"이슈브리프"}});
    ExpectOffsetsHold(doc, c);
  }
}

// Web text: a site's title line, a flattened navbox and one-line paragraphs wider than any
// page. The title is not glued into the first sentence, each dated navbox line is a row, the
// rule and the undated infobox lines stay out of prose.
TEST(RepairTest, WebTextKeepsItsLinesAndFlattenedTables) {
  std::string para(200, 'x');
  std::string src = "위키백과, 무료 백과사전\n남북 기본합의서는 " + para + " 문건이다.\n" +
                    "판문점 선언 | 2018년 4월 27일 |\n---|---|\nType | Military alliance |\n" +
                    "1990년에 남북한 고위급 회담을 가졌다. " + para + "\n";
  CleanText c = RepairExtracted(src, {});
  auto paras = BlockTexts(c, BlockKind::kParagraph);
  ASSERT_EQ(paras.size(), 3u);
  EXPECT_EQ(paras[0], "위키백과, 무료 백과사전");
  EXPECT_EQ(paras[1].rfind("남북 기본합의서는", 0), 0u);
  auto rows = BlockTexts(c, BlockKind::kTableRow);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], "판문점 선언 | 2018년 4월 27일 |");
  EXPECT_EQ(BlockTexts(c, BlockKind::kTableHeader).size(), 2u);
  ExpectOffsetsHold(src, c);
}

// A row whose content wraps puts its date cell alone on a line: before the content (cells set
// at the top), between its lines (centred) or after them (set at the bottom). Each row keeps
// its own lines.
TEST(RepairTest, DateCellsAloneBeforeBetweenOrAfterTheirContent) {
  const char* head = "표 1. 2024년 북러 교류 주요일지\n날짜 내용\n";
  auto rows_of = [&](const std::string& body) {
    return BlockTexts(RepairExtracted(std::string(head) + body + "이상이 주요 일지이다.\n", {}),
                      BlockKind::kTableRow);
  };
  std::vector<std::string> want = {"1/14~1/17 최선희 외무상 방러, 라브로프 외무장관과 회담",
                                   "6/19 푸틴 대통령 방북, 김정은과 정상회담"};
  auto top = rows_of(
      "1/14~1/17\n최선희 외무상 방러, \n라브로프 외무장관과 회담\n6/19\n푸틴 대통령 방북, \n"
      "김정은과 정상회담\n");
  EXPECT_EQ(top, want);
  auto centred = rows_of(
      "최선희 외무상 방러, \n1/14~1/17\n라브로프 외무장관과 회담\n푸틴 대통령 방북, \n"
      "6/19\n김정은과 정상회담\n");
  ASSERT_EQ(centred.size(), 2u);
  EXPECT_EQ(centred[0], "최선희 외무상 방러, 1/14~1/17 라브로프 외무장관과 회담");
  EXPECT_EQ(centred[1], "푸틴 대통령 방북, 6/19 김정은과 정상회담");
  auto bottom = rows_of(
      "최선희 외무상 방러, \n라브로프 외무장관과 회담\n1/14~1/17\n푸틴 대통령 방북, \n"
      "김정은과 정상회담\n6/19\n");
  ASSERT_EQ(bottom.size(), 2u);
  EXPECT_EQ(bottom[0], "최선희 외무상 방러, 라브로프 외무장관과 회담 1/14~1/17");
  EXPECT_EQ(bottom[1], "푸틴 대통령 방북, 김정은과 정상회담 6/19");
}

// Full-width digits and punctuation read as ASCII; each keeps the offset of the character it
// came from.
TEST(RepairTest, FullWidthFormsReadAsAscii) {
  std::string src = "２０２４년 ６월 １９일 방문했다．\n";
  CleanText c = RepairExtracted(src, {});
  auto paras = BlockTexts(c, BlockKind::kParagraph);
  ASSERT_EQ(paras.size(), 1u);
  EXPECT_EQ(paras[0], "2024년 6월 19일 방문했다.");
  EXPECT_EQ(c.offsets[0], 0u);
  EXPECT_EQ(c.offsets[1], 3u);  // "０" is three bytes
  auto [b, e] = c.SpanOf(c.blocks[0].begin, c.blocks[0].end);
  EXPECT_EQ(src.substr(b, e - b), "２０２４년 ６월 １９일 방문했다．");
}

}  // namespace
}  // namespace dyad
