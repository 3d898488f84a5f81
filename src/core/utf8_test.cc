#include "dyad/utf8.h"

#include <gtest/gtest.h>

namespace dyad::utf8 {
namespace {

TEST(Utf8Test, FindsInvalidSequences) {
  EXPECT_TRUE(IsValid("북한 North Korea"));
  EXPECT_EQ(FindInvalid("ab\xC0\xAF"), 2u);    // overlong
  EXPECT_EQ(FindInvalid("\xED\xA0\x80"), 0u);  // surrogate
  EXPECT_EQ(FindInvalid("가\xEA\xB0"), 3u);    // truncated
  EXPECT_EQ(FindInvalid("\xFF"), 0u);
}

TEST(Utf8Test, HangulComposition) {
  char32_t ga = U'가';
  Jamo j = Decompose(ga);
  EXPECT_EQ(j.tail, 0);
  j.tail = 20;  // ㅆ
  EXPECT_EQ(Compose(j), U'갔');
  EXPECT_TRUE(HasBatchim("회담"));
  EXPECT_FALSE(HasBatchim("푸틴 대통령에게"));  // 게
  EXPECT_FALSE(HasBatchim("Putin"));
}

TEST(Utf8Test, EncodeDecodeRoundTrip) {
  std::string s;
  for (char32_t c : {U'a', U'é', U'한', U'😀'}) Append(&s, c);
  int len;
  size_t i = 0;
  for (char32_t c : {U'a', U'é', U'한', U'😀'}) {
    EXPECT_EQ(Decode(s, i, &len), c);
    i += len;
  }
  EXPECT_EQ(i, s.size());
}

}  // namespace
TEST(Utf8Test, SanitizeReplacesEachBadByte) {
  std::string s = "Caf\xe9 \xff\xfe ok \xed\xa0\x80 \xea\xb0\x80";
  EXPECT_EQ(utf8::Sanitize(&s), 6u);  // é, ÿ, þ, and the three bytes of a surrogate
  EXPECT_TRUE(utf8::IsValid(s));
  EXPECT_EQ(s.substr(0, 6), "Caf\xEF\xBF\xBD");
  EXPECT_NE(s.find("\xea\xb0\x80"), std::string::npos);  // 가 kept
  std::string good = "북한 North";
  EXPECT_EQ(utf8::Sanitize(&good), 0u);
  EXPECT_EQ(good, "북한 North");
}

}  // namespace dyad::utf8
