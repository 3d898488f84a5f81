#include "dyad/segment.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  CleanText c = RepairExtracted(text);
  std::vector<std::string> out;
  for (const Segment& s : SegmentText(c))
    if (s.kind == Segment::Kind::kSentence) out.emplace_back(c.Slice(s.begin, s.end));
  return out;
}

TEST(SegmentTest, SplitsAtSentenceEndsButNotInsideQuotesOrNumbers) {
  auto s = Sentences(
      "박상길 부상은 “두 나라가 만나지 못할 이유가 없다. 결단이 필요하다”고 밝혔다. 국방비는 GDP의 "
      "3.5%로 늘었다. U.S. 측은 침묵했다.\n");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "박상길 부상은 “두 나라가 만나지 못할 이유가 없다. 결단이 필요하다”고 밝혔다.");
  EXPECT_EQ(s[1], "국방비는 GDP의 3.5%로 늘었다.");
  EXPECT_EQ(s[2], "U.S. 측은 침묵했다.");
}

TEST(SegmentTest, TableRowsCarryTheirDateCell) {
  CleanText c =
      RepairExtracted(" 표 1. 2023년 북러 교류 주요일지 \n날짜 내용 \n7/25~7/27 쇼이구 방북 \n");
  auto segs = SegmentText(c);
  ASSERT_EQ(segs.size(), 2u);
  EXPECT_EQ(segs[0].kind, Segment::Kind::kTableTitle);
  EXPECT_EQ(segs[1].kind, Segment::Kind::kTableRow);
  EXPECT_EQ(c.Slice(segs[1].begin, segs[1].date_cell_end), "7/25~7/27");
}

}  // namespace
}  // namespace dyad
