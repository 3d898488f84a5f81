// Nothing is lost without a trace: what the coder sees as a candidate but cannot code is in the
// review queue with its reason, for English as for Korean.
#include <gtest/gtest.h>

#include "dyad/coder.h"
#include "testing.h"

namespace dyad {
namespace {

std::vector<Unresolved> Queue(const std::string& text) {
  Coder coder(testing::Shipped());
  auto doc = DecodeText(text, "queue.txt");
  EXPECT_TRUE(doc.ok());
  auto coded = coder.Code(*doc, CodeOptions{});
  EXPECT_TRUE(coded.ok());
  return coded.ok() ? coded->unresolved : std::vector<Unresolved>{};
}

bool Has(const std::vector<Unresolved>& q, const std::string& reason, const std::string& words) {
  for (const Unresolved& u : q)
    if (u.reason == reason && u.evidence.find(words) != std::string::npos) return true;
  return false;
}

TEST(ReviewQueueTest, EnglishCandidatesWithoutAnEventAreQueued) {
  auto q = Queue(
      "SEOUL, June 3, 2024 (Yonhap) -- Japan and Mongolia frobnicated the border on Monday. "
      "Japan will confirm it.\n");
  EXPECT_TRUE(Has(q, "unknown predicate", "Japan and Mongolia frobnicated")) << q.size();
  // Two sides and a verb, but no date anywhere: "no date", never silence.
  auto undated = Queue("Japan condemned North Korea over the launch.\n");
  EXPECT_TRUE(Has(undated, "no date", "Japan condemned North Korea")) << undated.size();
  // "on Friday" in a document with no date and no day named counts from nothing: the event is
  // queued, never dated on an invented day.
  Coder coder(testing::Shipped());
  auto coded = coder.Code(*DecodeText("Japan condemned North Korea on Friday.\n", "f.txt"), {});
  ASSERT_TRUE(coded.ok());
  EXPECT_TRUE(coded->events.empty());
  EXPECT_TRUE(Has(coded->unresolved, "no date", "on Friday"));
}

TEST(ReviewQueueTest, KoreanCandidatesWithoutAnEventAreQueued) {
  auto undated = Queue("최선희 외무상은 러시아를 방문했다.\n");
  EXPECT_TRUE(Has(undated, "no date", "최선희 외무상은 러시아를 방문했다")) << undated.size();
}

// An unknown actor is named by its words, what an analyst adds to actors.tsv.
TEST(ReviewQueueTest, AnUnknownActorIsNamed) {
  auto q = Queue("2024년 6월 19일 홍길동 교수는 북한을 비난했다.\n");
  bool named = false;
  for (const Unresolved& u : q) named |= u.reason == "unknown actor" && u.words == "홍길동 교수";
  EXPECT_TRUE(named) << q.size();
}

}  // namespace
}  // namespace dyad
