#include "ko/eojeol.h"

#include <gtest/gtest.h>

namespace dyad::ko {
namespace {

Suffix Noun(std::string_view rest) {
  Suffix s;
  EXPECT_TRUE(AnalyzeNounSuffix(rest, &s)) << rest;
  return s;
}

TEST(EojeolTest, ParticlesGiveCaseRoles) {
  EXPECT_EQ(Noun("이").role, Role::kSubject);
  EXPECT_EQ(Noun("께서").role, Role::kSubject);
  EXPECT_EQ(Noun("은").role, Role::kTopic);
  EXPECT_EQ(Noun("를").role, Role::kObject);
  EXPECT_EQ(Noun("과").role, Role::kComitative);
  EXPECT_EQ(Noun("에게").role, Role::kDative);
  EXPECT_EQ(Noun("께").role, Role::kDative);
  EXPECT_EQ(Noun("에서").role, Role::kLocative);
  EXPECT_EQ(Noun("에게서").role, Role::kAblative);
  EXPECT_EQ(Noun("도").role, Role::kFocus);
  // Stacked particles: the case particle decides, a final 의 makes a modifier.
  EXPECT_EQ(Noun("에서는").role, Role::kLocative);
  EXPECT_EQ(Noun("과의").role, Role::kComitative);  // 김정은과의 회담: a counterpart
  EXPECT_EQ(Noun("에서의").role, Role::kGenitive);
  EXPECT_EQ(Noun("들이").role, Role::kSubject);
  EXPECT_EQ(Noun("").kind, Suffix::Kind::kEmpty);
}

TEST(EojeolTest, HadaVerbsAndTheirClauseEndings) {
  EXPECT_EQ(Noun("했다").ending, Ending::kFinal);
  EXPECT_EQ(Noun("하여").ending, Ending::kConnective);
  EXPECT_EQ(Noun("했으며").ending, Ending::kConnective);
  EXPECT_EQ(Noun("했고").ending, Ending::kConnective);
  EXPECT_EQ(Noun("하자").ending, Ending::kConnective);
  EXPECT_EQ(Noun("했다고").ending, Ending::kQuote);
  EXPECT_EQ(Noun("한다면").ending, Ending::kConditional);
  EXPECT_EQ(Noun("한").ending, Ending::kAdnominal);
  EXPECT_EQ(Noun("할").ending, Ending::kAdnominal);
  EXPECT_EQ(Noun("하지").ending, Ending::kNegAux);
  EXPECT_EQ(Noun("됐다").kind, Suffix::Kind::kVerbal);
  EXPECT_EQ(Noun("이었다").kind, Suffix::Kind::kCopula);
}

TEST(EojeolTest, CompoundRemaindersAreRejected) {
  Suffix s;
  EXPECT_FALSE(AnalyzeNounSuffix("장", &s));  // 회담장
  EXPECT_FALSE(AnalyzeNounSuffix("객", &s));  // 방문객
  EXPECT_FALSE(AnalyzeNounSuffix("용", &s));
  EXPECT_FALSE(AnalyzeNounSuffix("가에", &s));  // 참가에 is 참가+에, never 참+가+에
}

TEST(EojeolTest, NativeVerbStemForms) {
  auto forms = StemForms("만나");
  for (const char* f : {"만나", "만났", "만난", "만날", "만남"})
    EXPECT_NE(std::find(forms.begin(), forms.end(), f), forms.end()) << f;
  auto gaji = StemForms("가지");
  EXPECT_NE(std::find(gaji.begin(), gaji.end(), "가졌"), gaji.end());
  EXPECT_NE(std::find(gaji.begin(), gaji.end(), "가진"), gaji.end());
  EXPECT_EQ(StemForms("찾"), std::vector<std::string>{"찾"});
  Suffix s;
  EXPECT_TRUE(AnalyzeVerbEnding("찾", "아", &s));
  EXPECT_EQ(s.ending, Ending::kConnective);
  EXPECT_TRUE(AnalyzeVerbEnding("만났", "다", &s));
  EXPECT_EQ(s.ending, Ending::kFinal);
  EXPECT_TRUE(AnalyzeVerbEnding("만난", "", &s));
  EXPECT_EQ(s.ending, Ending::kAdnominal);
  EXPECT_FALSE(AnalyzeVerbEnding("만났", "", &s));
  EXPECT_FALSE(AnalyzeVerbEnding("내", "용", &s));  // 내용 is not 내다
  EXPECT_FALSE(AnalyzeVerbEnding("내", "년", &s));
}

}  // namespace
}  // namespace dyad::ko
