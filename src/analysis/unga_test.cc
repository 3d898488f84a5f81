#include "dyad/unga.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace dyad {
namespace {

// Two planted camps over six votes: A, B, C vote yes; X, Y vote no; Z abstains on all but the
// last, where it votes with the first camp; W never votes.
std::vector<UngaVote> Planted() {
  std::vector<UngaVote> v;
  for (int r = 0; r < 6; ++r) {
    std::string res = "R" + std::to_string(r);
    Date d{2022, 1, r + 1};
    for (const char* s : {"AAA", "BBB", "CCC"}) v.push_back({res, d, s, 'Y'});
    for (const char* s : {"XXX", "YYY"}) v.push_back({res, d, s, 'N'});
    v.push_back({res, d, "ZZZ", r == 5 ? 'Y' : 'A'});
    v.push_back({res, d, "WWW", 'X'});
  }
  return v;
}

TEST(UngaTest, AgreementScoresAnAbstentionHalfWay) {
  auto v = Planted();
  Agreement same = UngaAgreement(v, "AAA", "BBB");
  EXPECT_EQ(same.votes, 6);
  EXPECT_DOUBLE_EQ(same.same, 1);
  EXPECT_DOUBLE_EQ(same.index, 1);
  Agreement apart = UngaAgreement(v, "AAA", "XXX");
  EXPECT_DOUBLE_EQ(apart.index, 0);
  Agreement half = UngaAgreement(v, "AAA", "ZZZ");
  EXPECT_DOUBLE_EQ(half.same, 1.0 / 6);
  EXPECT_DOUBLE_EQ(half.index, (5 * 0.5 + 1) / 6);
  // A state that never voted shares no vote: nothing to measure.
  EXPECT_EQ(UngaAgreement(v, "AAA", "WWW").votes, 0);
}

TEST(UngaTest, AlignRanksByAgreement) {
  auto ranked = UngaAlign(Planted(), "AAA");
  ASSERT_EQ(ranked.size(), 5u);  // WWW left out
  EXPECT_EQ(ranked[0].b, "BBB");
  EXPECT_EQ(ranked[1].b, "CCC");
  EXPECT_EQ(ranked[2].b, "ZZZ");
  EXPECT_EQ(ranked.back().index, 0);
}

TEST(UngaTest, BlocsRecoverThePlantedCamps) {
  auto blocs = UngaBlocs(Planted(), 2);
  ASSERT_EQ(blocs.size(), 2u);
  auto has = [](const Bloc& b, const char* s) {
    return std::find(b.members.begin(), b.members.end(), s) != b.members.end();
  };
  const Bloc& yes = has(blocs[0], "AAA") ? blocs[0] : blocs[1];
  const Bloc& no = has(blocs[0], "AAA") ? blocs[1] : blocs[0];
  EXPECT_TRUE(has(yes, "BBB") && has(yes, "CCC") && has(yes, "ZZZ"));
  EXPECT_TRUE(has(no, "XXX") && has(no, "YYY"));
  EXPECT_FALSE(has(yes, "XXX"));
  EXPECT_DOUBLE_EQ(no.cohesion, 1);
}

}  // namespace
}  // namespace dyad
