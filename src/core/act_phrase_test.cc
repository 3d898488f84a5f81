#include "dyad/act_phrase.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "testing.h"

namespace dyad {
namespace {

TEST(ActPhraseTest, KoreanParticlesAgreeWithTheName) {
  std::string out;
  ASSERT_TRUE(FillPhrase("{T와} 회담", {"러시아"}, &out));
  EXPECT_EQ(out, "러시아와 회담");
  ASSERT_TRUE(FillPhrase("{T와} 회담", {"김정은 국무위원장"}, &out));
  EXPECT_EQ(out, "김정은 국무위원장과 회담");
  ASSERT_TRUE(FillPhrase("{T를} 방문", {"평양"}, &out));
  EXPECT_EQ(out, "평양을 방문");
  ASSERT_TRUE(FillPhrase("{T로} 이동", {"서울"}, &out));  // ㄹ takes 로
  EXPECT_EQ(out, "서울로 이동");
  ASSERT_TRUE(FillPhrase("{T로} 이동", {"평양"}, &out));
  EXPECT_EQ(out, "평양으로 이동");
  ASSERT_TRUE(FillPhrase("{T에} 경고", {"푸틴 대통령", true}, &out));
  EXPECT_EQ(out, "푸틴 대통령에게 경고");
  ASSERT_TRUE(FillPhrase("{T에} 경고", {"북한"}, &out));
  EXPECT_EQ(out, "북한에 경고");
  ASSERT_TRUE(FillPhrase("accuses {T} of intrusion", {"the United States"}, &out));
  EXPECT_EQ(out, "accuses the United States of intrusion");
  // No target named: the act alone, without the slot and the word that led to it.
  ASSERT_TRUE(FillPhrase("holds talks with {T}", {""}, &out));
  EXPECT_EQ(out, "holds talks");
  ASSERT_TRUE(FillPhrase("threatens {T} with military force", {""}, &out));
  EXPECT_EQ(out, "threatens with military force");
  ASSERT_TRUE(FillPhrase("{T에} 무력 사용 위협", {""}, &out));
  EXPECT_EQ(out, "무력 사용 위협");
  EXPECT_FALSE(FillPhrase("no slot", {"북한"}, &out));
  EXPECT_FALSE(FillPhrase("{T} and {T}", {"북한"}, &out));
  EXPECT_FALSE(FillPhrase("{T이} 비난", {"북한"}, &out));
}

TEST(ActPhraseTest, EveryCodeOfTheShippedCodebookHasAPhrase) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  for (const CameoCode& c : res->codebook.codes()) {
    EXPECT_FALSE(c.phrase_en.empty()) << c.code;
    EXPECT_FALSE(PhraseAct(res->codebook, c.code, {"North Korea"}, "en").empty()) << c.code;
    EXPECT_FALSE(PhraseAct(res->codebook, c.code, {"북한"}, "ko").empty()) << c.code;
  }
  // Modality is kept: a threat of force, an offer to meet, a proposal are not the acts.
  EXPECT_EQ(PhraseAct(res->codebook, "138", {"North Korea"}, "en"),
            "threatens North Korea with military force");
  EXPECT_EQ(PhraseAct(res->codebook, "138", {"북한"}, "ko"), "북한에 무력 사용 위협");
  EXPECT_EQ(PhraseAct(res->codebook, "036", {"Russia"}, "en"),
            "expresses willingness to meet or negotiate with Russia");
  EXPECT_EQ(PhraseAct(res->codebook, "999", {"Russia"}, "en"), "");
}

TEST(ActPhraseTest, BadPhraseFilesNameTheLine) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  std::string path = ::testing::TempDir() + "/phrases.tsv";
  auto load = [&](const std::string& body) {
    std::ofstream(path) << "code\ten\tko\n" << body;
    Codebook book = res->codebook;
    Status st = book.LoadPhrases(path);
    EXPECT_EQ(book.Find("040")->phrase_en, res->codebook.Find("040")->phrase_en)
        << "a failed load leaves the codebook as it was";
    return st.message();
  };
  EXPECT_NE(load("040\tholds talks\t{T와} 회담\n").find("phrases.tsv:2: en phrase"),
            std::string::npos);
  EXPECT_NE(load("040\tholds talks with {T}\t{T이} 회담\n").find("phrases.tsv:2: ko phrase"),
            std::string::npos);
  EXPECT_NE(load("9999\tx {T}\t{T} x\n").find("phrases.tsv:2: code '9999' is not in"),
            std::string::npos);
  EXPECT_NE(load("040\ta {T}\t{T} a\n040\tb {T}\t{T} b\n").find("phrases.tsv:3: code 040 has"),
            std::string::npos);
  std::remove(path.c_str());
}

TEST(ActPhraseTest, StatesAndTheirOrgansByName) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  const CountryTable& c = res->lexicon.countries();
  EXPECT_EQ(StateActorLabel(c, "USA", "en"), "the United States");
  EXPECT_EQ(StateActorLabel(c, "RUSMIL", "en"), "Russia's military");
  EXPECT_EQ(StateActorLabel(c, "USAMIL", "en"), "the United States' military");
  EXPECT_EQ(StateActorLabel(c, "PRKGOV", "ko"), "북한");
  EXPECT_EQ(StateActorLabel(c, "RUSLEG", "ko"), "러시아 의회");
  EXPECT_EQ(StateActorLabel(c, "IGOUNO", "en"), "IGOUNO");
  EXPECT_TRUE(NameTargetByState("PRKMED", "010"));
  EXPECT_TRUE(NameTargetByState("RUSLEG", "057"));
  EXPECT_FALSE(NameTargetByState("RUSLEG", "040"));
  EXPECT_FALSE(NameTargetByState("RUSGOV", "057"));
}

}  // namespace
}  // namespace dyad
