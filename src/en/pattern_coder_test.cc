#include "dyad/pattern_coder.h"

#include <gtest/gtest.h>

#include "dyad/petrarch.h"
#include "testing.h"

namespace dyad::en {
namespace {

using testing::WriteScratch;

// A small dictionary set in the PETRARCH formats, with one bad line in each file.
petrarch::Dictionaries Small(std::vector<std::string>* problems) {
  // Each test writes its own copy: ctest runs tests in parallel processes.
  std::string dir =
      std::string("petr-") + ::testing::UnitTest::GetInstance()->current_test_info()->name() + "/";
  std::string actors = WriteScratch(dir + "small.actors.txt",
                                    "<!-- a comment\n   over two lines -->\n"
                                    "ARNOR_ [ARN]\n"
                                    "GONDOR [GON]\n+GONDORIAN\n"
                                    "HAMFAST GAMGEE [HOB]\n\t[HOBGOV 19950601 - 19990815]\n"
                                    "ELVES [ELR/GAL]\n"
                                    "ZIMBABWE\n\t[RHO <790606]\n\t[ZBW]\n"
                                    "BROKEN [XXX 2001-13-01]\n");
  std::string agents = WriteScratch(dir + "small.agents.txt",
                                    "!PERSON! = MAN, WOMAN\n"
                                    "GOVERNMENT [~GOV]\n"
                                    "POLICE {} [~COP]\n"
                                    "CONGRESS!PERSON! [~LEG]\n"
                                    "MSF {} [NGO~]\n"
                                    "NO_CODE_HERE\n");
  std::string verbs = WriteScratch(dir + "small.verbs.txt",
                                   "&CURRENCY\n+DOLLAR\n+SWISS FRANC\n\n"
                                   "--- RESTORE [064] ---\n"
                                   "RESTORE\n"
                                   "- * &CURRENCY [071]\n"
                                   "- * RELATIONS_WITH + [065]\n"
                                   "\n"
                                   "--- MEET [031:031] ---\n"
                                   "MEET {MET MEETS MEETING}\n"
                                   "\n"
                                   "--- CRITICIZE [111] ---\n"
                                   "CRITICIZE\n"
                                   "- a pattern without a star [999]\n");
  std::string discards = WriteScratch(dir + "small.discards.txt", "+TYPHOON\nBASEBALL\n");
  auto d = petrarch::Dictionaries::Load({actors}, {agents}, verbs, {discards}, problems);
  EXPECT_TRUE(d.ok()) << d.status().message();
  return std::move(d).value();
}

TEST(PetrarchReaderTest, ReadsTheFormatsAndNamesBadLines) {
  std::vector<std::string> problems;
  petrarch::Dictionaries d = Small(&problems);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_NE(problems[0].find("small.actors.txt:12: date restriction '2001-13-01'"),
            std::string::npos)
      << problems[0];
  EXPECT_NE(problems[1].find("small.agents.txt:6: an agent needs a [CODE]"), std::string::npos)
      << problems[1];
  EXPECT_NE(problems[2].find("small.verbs.txt:15: a pattern needs exactly one '*'"),
            std::string::npos)
      << problems[2];
  // Dated roles: the restricted code in its window, else the default.
  ASSERT_NE(d.ActorsStartingWith("HAMFAST"), nullptr);
  const petrarch::ActorRecord& ham =
      d.actors()[d.actor_names()[d.ActorsStartingWith("HAMFAST")->front()].record];
  EXPECT_EQ(ham.CodeOn(19950601), "HOBGOV");
  EXPECT_EQ(ham.CodeOn(19990816), "HOB");
  const petrarch::ActorRecord& zim =
      d.actors()[d.actor_names()[d.ActorsStartingWith("ZIMBABWE")->front()].record];
  EXPECT_EQ(zim.CodeOn(19781223), "RHO");  // six-digit dates: 79 is 1979
  EXPECT_EQ(zim.CodeOn(20010101), "ZBW");
  // Agents: plurals, no plural with {}, substitution sets.
  EXPECT_NE(d.AgentsStartingWith("GOVERNMENTS"), nullptr);
  EXPECT_EQ(d.AgentsStartingWith("POLICES"), nullptr);
  EXPECT_NE(d.AgentsStartingWith("CONGRESSWOMAN"), nullptr);
  // Verb forms: regular ones, or only those listed in braces.
  EXPECT_NE(d.FormsOf("RESTORED"), nullptr);
  EXPECT_NE(d.FormsOf("RESTORING"), nullptr);
  EXPECT_NE(d.FormsOf("MET"), nullptr);
  EXPECT_EQ(d.FormsOf("MEETED"), nullptr);
  // Synset members with plurals.
  ASSERT_NE(d.Synset("&CURRENCY"), nullptr);
  EXPECT_EQ(d.Synset("&CURRENCY")->size(), 4u);  // DOLLAR(S), SWISS FRANC(S)
}

TEST(PatternCoderTest, SourceVerbTargetAndPatterns) {
  std::vector<std::string> problems;
  petrarch::Dictionaries d = Small(&problems);
  PatternCoder coder(&d);
  auto ev = coder.Code("Arnor restored ties with Gondor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"ARN", "GON", "064"}));
  // A pattern with a synset member of two words, and a pattern binding the target.
  ev = coder.Code("Arnor restored swiss francs to Gondor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "071");
  ev = coder.Code("Arnor restored relations with Gondor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "065");
}

TEST(PatternCoderTest, AgentsCompoundsPairedCodesAndPassive) {
  std::vector<std::string> problems;
  petrarch::Dictionaries d = Small(&problems);
  PatternCoder coder(&d);
  // "Gondor's government": actor + agent; a dated role on the record's date.
  auto ev = coder.Code("Gondor's government criticized Hamfast Gamgee.", 19960101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"GONGOV", "HOBGOV", "111"}));
  // A prefix agent.
  ev = coder.Code("An MSF Arnor team criticized Gondor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].source, "NGOARN");
  // A compound source gives one event per member; a slash code is a compound.
  ev = coder.Code("Arnor and the Elves criticized Gondor.", 19950101, {}).events;
  EXPECT_EQ(ev.size(), 3u);
  // Paired codes: X:Y gives both directions.
  ev = coder.Code("Arnor met Gondor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 2u);
  EXPECT_EQ(ev[1], (CodedTriple{"GON", "ARN", "031"}));
  // Passive voice with BY reverses the default roles.
  ev = coder.Code("Gondor was criticized by Arnor.", 19950101, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"ARN", "GON", "111"}));
}

TEST(PatternCoderTest, DiscardsAndCommaClauses) {
  std::vector<std::string> problems;
  petrarch::Dictionaries d = Small(&problems);
  PatternCoder coder(&d);
  EXPECT_EQ(coder.Code("A typhoon hit Gondor as Arnor met Gondor.", 19950101, {}).discard,
            "storydiscard");
  EXPECT_EQ(coder.Code("Arnor criticized Gondor over baseball.", 19950101, {}).discard,
            "sentencediscard");
  // A terminal clause of two to eight words is deleted: its verb codes nothing.
  auto ev = coder
                .Code("Arnor restored ties with Gondor, a Gondor official criticized today.",
                      19950101, {})
                .events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].code, "064");
  // require_dyad off keeps an event whose target is no actor ("---").
  PatternOptions open;
  open.require_dyad = false;
  ev = coder.Code("Arnor criticized the weather.", 19950101, open).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].target, "---");
  EXPECT_TRUE(coder.Code("Arnor criticized the weather.", 19950101, {}).events.empty());
}

}  // namespace
}  // namespace dyad::en

namespace dyad::en {
namespace {

// The Phoenix dictionaries load as they are, their defective lines named, and code news
// English about the states dyad follows.
TEST(PatternCoderTest, PhoenixDictionariesLoadAsTheyAre) {
  std::string dir = std::string(DYAD_DATA_DIR) + "/../../shared/data/petrarch";
  std::vector<std::string> problems;
  auto d = petrarch::Dictionaries::LoadDir(dir, &problems);
  if (!d.ok() && d.status().message().find("cannot read") != std::string::npos)
    GTEST_SKIP() << "../shared is not beside the clone";
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_GT(d->actor_names().size(), 30000u);
  EXPECT_EQ(d->pattern_count(), 4668u);  // every pattern line of CAMEO.2.0.txt
  ASSERT_EQ(problems.size(), 11u);       // Phoenix's own defects: impossible dates, no code
  EXPECT_NE(
      problems[0].find("Phoenix.Countries.actors.txt:2039: date restriction '9008223-911221'"),
      std::string::npos)
      << problems[0];
  PatternCoder coder(&*d);
  auto ev = coder.Code("North Korea condemned South Korea on Monday.", 20120601, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"PRK", "KOR", "111"}));
  ev = coder.Code("The United States imposed sanctions on North Korea.", 20120601, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"USA", "PRK", "163"}));
  ev = coder.Code("North Korea was criticized by Japan.", 20120601, {}).events;
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0], (CodedTriple{"JPN", "PRK", "111"}));
}

}  // namespace
}  // namespace dyad::en
