#include "dyad/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "testing.h"

namespace dyad {
namespace {

using testing::WriteScratch;

TEST(LexiconTest, ShippedDictionariesLoadWithoutProblems) {
  std::vector<std::string> problems;
  auto r = Resources::Load(DataDir(), &problems);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(problems.empty());
  const Lexicon& lex = (*r)->lexicon;
  EXPECT_GE(lex.countries().all().size(), 193u);
  EXPECT_EQ((*r)->codebook.size(), 311u);
  // Korean short forms and compound prefixes of the states the briefs follow.
  for (const char* iso : {"PRK", "KOR", "RUS", "CHN", "USA", "JPN"}) {
    const Country* c = lex.countries().Find(iso);
    ASSERT_NE(c, nullptr) << iso;
    EXPECT_FALSE(c->prefix_ko.empty()) << iso;
  }
  EXPECT_EQ(lex.PrefixCountry("러")->iso3, "RUS");
  EXPECT_EQ(lex.PrefixCountry("북")->iso3, "PRK");
}

TEST(LexiconTest, DatedRolesResolvePersonsOnTheEventDate) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  const Actor* choe = nullptr;
  for (const Actor& a : res->lexicon.actors())
    if (a.id == "choe_son_hui") choe = &a;
  ASSERT_NE(choe, nullptr);
  const ActorRole* now = choe->RoleOn({2024, 1, 16});
  ASSERT_NE(now, nullptr);
  EXPECT_EQ(now->code, "PRKGOV");
  EXPECT_EQ(now->title_ko, "외무상");
  // Before her first role the nearest role still names her state.
  EXPECT_EQ(choe->RoleOn({1990, 1, 1})->code.substr(0, 3), "PRK");
}

// Every bad row is reported with file:line, and loading fails.
TEST(LexiconTest, BadRowsAreReportedWithFileAndLine) {
  std::string dir = std::string(DYAD_TEST_TMP) + "/badlex";
  std::filesystem::remove_all(dir);
  WriteScratch("badlex/actors.tsv",
               "id\ttype\tcode\tfrom\tto\tko\ten\ttitle_ko\ttitle_en\n"
               "kim\tperson\tPRKGOV\t2011-12-17\t\t김정은\tKim Jong Un\t\t\n"
               "Bad Id\tperson\tPRKGOV\t\t\t누구\t\t\t\n"
               "x\tpersn\tPRKGOV\t\t\t누구\t\t\t\n"
               "y\tperson\tXXXGOV\t\t\t누구\t\t\t\n"
               "z\tperson\tPRKGOV\t2020-13-01\t\t누구\t\t\t\n"
               "w\tperson\tPRKGOV\t2020-01-01\t2019-01-01\t누구\t\t\t\n");
  WriteScratch("badlex/actions_ko.tsv",
               "expr\tcode\tframe\tdest\tsym\tlabel_ko\tlabel_en\n"
               "방문\t042\tvisit\t\t0\t방문\tvisits\n"
               "회담\t999\tmeet\t\t1\t회담\tholds talks with\n"
               "면담\t040\tmeeet\t\t0\t면담\tmeets\n"
               "방문\t042\tvisit\t\t0\t방문\tvisits\n");
  WriteScratch("badlex/country_aliases.tsv",
               "iso3\tkind\talias\tlang\nPRK\tname\t북\tko\nZZZ\tname\t없음\tko\n");
  WriteScratch("badlex/running_headers.tsv", "line\n이슈브리프\n");
  WriteScratch("badlex/quote_cues_ko.tsv",
               "cue\tcode\tlabel_ko\tlabel_en\n"
               "대가를\t130\t경고\twarns\n"
               "망동\t1111\t비난\tcriticises\n"
               "대가를\t130\t경고\twarns\n");
  Result<Codebook> book = Codebook::Load(DataDir() + "/cameo-event-codes.tsv");
  ASSERT_TRUE(book.ok());
  std::vector<std::string> problems;
  auto r = Lexicon::Load(dir, DataDir() + "/countries.tsv", *book, &problems);
  EXPECT_FALSE(r.ok());
  auto has = [&](const std::string& needle) {
    for (const auto& p : problems)
      if (p.find(needle) != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(has("actors.tsv:3: id 'Bad Id'"));
  EXPECT_TRUE(has("actors.tsv:4: type 'persn'"));
  EXPECT_TRUE(has("actors.tsv:5: code 'XXXGOV': unknown state 'XXX'"));
  EXPECT_TRUE(has("actors.tsv:6: date '2020-13-01'"));
  EXPECT_TRUE(has("actors.tsv:7: role ends"));
  EXPECT_TRUE(has("actions_ko.tsv:3: code '999'"));
  EXPECT_TRUE(has("actions_ko.tsv:4: frame 'meeet'"));
  EXPECT_TRUE(has("actions_ko.tsv:5: expr '방문' already defined on line 2"));
  EXPECT_TRUE(has("country_aliases.tsv:3: unknown state 'ZZZ'"));
  EXPECT_TRUE(has("quote_cues_ko.tsv:3: code '1111' is not in the CAMEO codebook"));
  EXPECT_TRUE(has("quote_cues_ko.tsv:4: cue '대가를' already defined on line 2"));
  EXPECT_EQ(problems.size(), 11u);
}

TEST(LexiconTest, MissingFileIsAnError) {
  std::vector<std::string> problems;
  auto r = Resources::Load(std::string(DYAD_TEST_TMP) + "/no-such-dir", &problems);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cannot open"), std::string::npos);
}

TEST(LexiconTest, VerbsCompileToTheirStemForms) {
  auto res = testing::Shipped();
  ASSERT_NE(res, nullptr);
  const Lexicon& lex = res->lexicon;
  for (const char* form : {"만나", "만났", "만난", "가졌", "찾"})
    EXPECT_GE(lex.trie().Find(form), 0) << form;
  // 방X for every state with a compound prefix, built from 방문.
  int32_t v = lex.trie().Find("방러");
  ASSERT_GE(v, 0);
  bool visit = false;
  for (const LexEntry& e : lex.EntriesFor(v))
    visit |= e.kind == LexEntry::Kind::kAction && lex.actions()[e.index].dest == "RUS";
  EXPECT_TRUE(visit);
}

// An analyst's overlay: a row with a shipped action's expr replaces it; a new actor is added.
TEST(LexiconTest, AnOverlayReplacesAndAdds) {
  std::string actions = testing::WriteScratch(
      "overlay/actions_ko.tsv",
      "expr\tcode\tframe\tdest\tsym\tlabel_ko\tlabel_en\tnote\n"
      "축전\t010\tmessage\t\t0\t축전\tsends a message to\tcoded as a bare message here\n");
  testing::WriteScratch("overlay/actors.tsv",
                        "id\ttype\tcode\tfrom\tto\tko\ten\ttitle_ko\ttitle_en\tnote\n"
                        "hong\tperson\tKORGOV\t2020-01-01\t\t홍길동\tHong Gildong\t교수\t"
                        "professor\t\n");
  std::string overlay = actions.substr(0, actions.rfind('/'));
  Result<Codebook> book = Codebook::Load(DataDir() + "/cameo-event-codes.tsv");
  ASSERT_TRUE(book.ok());
  std::vector<std::string> problems;
  auto r = Lexicon::Load(DataDir() + "/lexicon", DataDir() + "/countries.tsv", *book, &problems,
                         overlay);
  ASSERT_TRUE(r.ok()) << r.status().message();
  int congrats = 0;
  for (const Action& a : r->actions())
    if (a.expr == "축전") {
      ++congrats;
      EXPECT_EQ(a.code, "010");
    }
  EXPECT_EQ(congrats, 1);
  bool hong = false;
  for (const Actor& a : r->actors()) hong |= a.id == "hong";
  EXPECT_TRUE(hong);
}

}  // namespace
}  // namespace dyad
