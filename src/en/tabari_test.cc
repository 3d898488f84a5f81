#include <gtest/gtest.h>

#include "dyad/tabari_coder.h"
#include "dyad/tabari_dictionaries.h"

namespace dyad::tabari {
namespace {

// dyad's own small dictionaries in TABARI's formats: each construct the coder reads once.
const char* kActors =
    "<NOUN>\n"
    "ROCKETS\n"
    "TALKS\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "RED\n"
    "BLUE\n"
    "</ADJECTIVE>\n"
    "# a comment line\n"
    "VALDOR [VAL] ; a stem: VALDORAN, VALDOR'S\n"
    "KESTRIA_ [KES]\n"
    "MORVEN= [MOR]\n"
    "ASHGATE [ASH]\n"
    "TOLLIN\n"
    "+TOLLINBERG\n"
    "\t[TOLGOV 010101-101231]\n"
    "\t[TOL]\n"
    "OLD_CAPITAL [OLD <050101] [---]\n"
    "THE_ISLES [ISA/ISB]\n"
    "HARBOR LEAGUE [HBL]\n"
    "GHOSTLAND [---]\n"
    "CARNIVAL [###]\n"
    "RIDDLE [+++]\n"
    "BROKEN [XXX 2001-1301]\n"
    "NOCODE\n"
    "~~FINISH\n"
    "IGNORED [IGN]\n";

const char* kAgents =
    "MINISTER [~GOV]\n"
    "AID_WORKERS [NGO~]\n"
    "BADAGENT [GOV]\n";

const char* kVerbs =
    "<SYNSETS>\n"
    "&MONEY\n"
    "+DOLLARS\n"
    "+GOLD_COINS\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "YESTERDAY [-1]\n"
    "</TIME>\n"
    "RESTOR [064]\n"
    "- * FULL_TIES [065]\n"
    "- NOT * [111]\n"
    "CONDEMN [122]\n"
    "MEET_ [031:031]\n"
    "{ MET_ MEETING_ }\n"
    "- % * [036]\n"
    "LEFT_ [032:033]\n"
    "ACCUSE [112]\n"
    "- + WAS * BY $ [113]\n"
    "GIVE [070]\n"
    "{ GAVE_ GIVEN_ }\n"
    "- * &MONEY [071]\n"
    "- * { FOOD | WATER_SUPPLIES } [073]\n"
    "SAID [010?]\n"
    "PRAISE [051!]\n"
    "ATTACK [190]\n"
    "- * WITH ^ + [195]\n"
    "FOOTBALL [###]\n"
    "PLAYED [---]\n"
    "WARN [130]\n"
    "- * COMMIT * AID [131]\n"
    "BROKENPATTERN [100]\n"
    "- NO VERB MARK [101]\n"
    "- * UNCLOSED { A | B [102]\n";

const char* kOptions = "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\n";

Dictionaries Load(std::vector<std::string>* problems, const char* options = kOptions) {
  Source opt{"test.options", options};
  Result<Dictionaries> d =
      Dictionaries::LoadSources({{"test.actors", kActors}}, {{"test.agents", kAgents}},
                                {{"test.verbs", kVerbs}}, &opt, problems);
  EXPECT_TRUE(d.ok());
  return std::move(d).value();
}

std::vector<std::string> Triples(const Coding& c) {
  std::vector<std::string> out;
  for (const CodedEvent& e : c.events) out.push_back(e.source + " " + e.target + " " + e.code);
  return out;
}

class TabariTest : public ::testing::Test {
 protected:
  TabariTest() : d_(Load(&problems_)), coder_(&d_) {}
  std::vector<std::string> Code(const std::string& s, int date = 20240601) {
    return Triples(coder_.Code(s, date));
  }
  std::vector<std::string> problems_;
  Dictionaries d_;
  Coder coder_;
};

TEST_F(TabariTest, ProblemsNameFileAndLineAndTheRestIsRead) {
  auto has = [&](const std::string& what) {
    return std::any_of(problems_.begin(), problems_.end(),
                       [&](const std::string& p) { return p.find(what) != std::string::npos; });
  };
  EXPECT_TRUE(has("test.actors:24: date restriction '2001-1301'"))
      << ::testing::PrintToString(problems_);
  EXPECT_TRUE(has("test.actors:25: actor without [code]"));
  EXPECT_TRUE(has("test.agents:3: agent code [GOV] has no '~'"));
  EXPECT_TRUE(has("test.verbs:32: pattern without '*'"));
  EXPECT_TRUE(has("test.verbs:33: '{' without '}'"));
  // Nothing after ~~FINISH is read.
  std::vector<LiteralMatch> m;
  d_.MatchWord("IGNORED", &m);
  EXPECT_TRUE(m.empty());
}

TEST_F(TabariTest, StemsWholeWordsAndEndings) {
  // VALDOR is a stem (VALDORAN); KESTRIA_ is whole, with a regular ending (KESTRIA'S).
  EXPECT_EQ(Code("The Valdoran government restored relations with Kestria's leaders today."),
            std::vector<std::string>{"VAL KES 064"});
  // KESTRIA_ does not match KESTRIAN; MORVEN= takes no ending.
  EXPECT_TRUE(Code("Valdor condemned the Kestrian envoys in a statement on Monday.").empty());
  EXPECT_TRUE(Code("Valdor condemned the Morvens in a long statement on Monday.").empty());
  EXPECT_EQ(Code("Valdor condemned Morven in a long statement issued on Monday."),
            std::vector<std::string>{"VAL MOR 122"});
}

TEST_F(TabariTest, PatternsLongestFirstAndNegation) {
  EXPECT_EQ(Code("Valdor restored full ties with Ashgate after a decade of silence."),
            std::vector<std::string>{"VAL ASH 065"});
  EXPECT_EQ(Code("Valdor has not restored its embassy in Ashgate after the war."),
            std::vector<std::string>{"VAL ASH 111"});
}

TEST_F(TabariTest, PairedCodesAndIrregularForms) {
  EXPECT_EQ(Code("The envoy of Valdor left for Ashgate on Tuesday for three days of talks."),
            (std::vector<std::string>{"VAL ASH 032", "ASH VAL 033"}));
  EXPECT_EQ(Code("Officials from Valdor met officials from Ashgate at the border on Friday."),
            (std::vector<std::string>{"VAL ASH 031", "ASH VAL 031"}));
}

TEST_F(TabariTest, NounsAfterDeterminersAndCapitals) {
  // "the restore" and a capitalised "Condemn" are nouns, not verbs.
  EXPECT_TRUE(Code("Valdor said nothing about the restore of rail lines to Ashgate today.") ==
              std::vector<std::string>{"VAL ASH 010"});
  EXPECT_TRUE(Code("Valdor published Condemn Weekly in Ashgate for its many readers.").empty());
}

TEST_F(TabariTest, DatedCodesAndNullActors) {
  // TOLLIN is TOLGOV from 2001 to 2010, TOL after; OLD_CAPITAL is OLD before 2005 only.
  EXPECT_EQ(Code("Tollinberg condemned Valdor for the raid on its fishing fleet.", 20050301),
            std::vector<std::string>{"TOLGOV VAL 122"});
  EXPECT_EQ(Code("Tollinberg condemned Valdor for the raid on its fishing fleet.", 20150301),
            std::vector<std::string>{"TOL VAL 122"});
  EXPECT_EQ(Code("Old Capital condemned Valdor for the raid on its fishing fleet.", 20040301),
            std::vector<std::string>{"OLD VAL 122"});
  // After 2005 OLD_CAPITAL is "---": a noun, no actor, so no source before the verb.
  EXPECT_TRUE(
      Code("Old Capital condemned Valdor for the raid on its fishing fleet.", 20060301).empty());
}

TEST_F(TabariTest, CompoundsCodedAndParsed) {
  // A coded compound expands into one event per code.
  EXPECT_EQ(Code("The Isles condemned Valdor for the raid on their fishing fleet."),
            (std::vector<std::string>{"ISA VAL 122", "ISB VAL 122"}));
  // A parsed compound, with '%' in a pattern: each member meets each other.
  EXPECT_EQ(Code("Valdor, Kestria and Ashgate met at the harbor for the first time."),
            (std::vector<std::string>{"VAL KES 036", "VAL ASH 036", "KES VAL 036", "KES ASH 036",
                                      "ASH VAL 036", "ASH KES 036"}));
}

TEST_F(TabariTest, DesignatedActorsPassiveAndSkips) {
  // "+ WAS * BY $": the target before, the source after.
  EXPECT_EQ(Code("Kestria was accused by Valdor of shelling the northern villages."),
            std::vector<std::string>{"VAL KES 113"});
  // Passive voice by rule when no pattern designates the sides.
  EXPECT_EQ(Code("Kestria was condemned by Valdor for shelling the northern villages."),
            std::vector<std::string>{"VAL KES 122"});
  // '^' passes over an actor: Ashgate is skipped, Morven is the target.
  EXPECT_EQ(Code("Valdor attacked rebels with Ashgate help in Morven on Sunday night."),
            std::vector<std::string>{"VAL MOR 195"});
}

TEST_F(TabariTest, SynsetsAndAlternatives) {
  EXPECT_EQ(Code("Valdor gave two million dollars to Ashgate after the floods."),
            std::vector<std::string>{"VAL ASH 071"});
  // As in TABARI, a pattern matched through { } alternatives lets the verb's own code be
  // coded too, unless a shorter pattern after it ends the search.
  EXPECT_EQ(Code("Valdor gave water supplies to Ashgate after the floods in March."),
            (std::vector<std::string>{"VAL ASH 073", "VAL ASH 070"}));
}

TEST_F(TabariTest, SubordinateAndDominantCodes) {
  // SAID [010?] gives way to another event in the text...
  EXPECT_EQ(Code("Valdor said it condemned Ashgate for the raid on the fishing fleet."),
            std::vector<std::string>{"VAL ASH 122"});
  // ...and stands when there is none.
  EXPECT_EQ(Code("Valdor said on Monday that Ashgate would reopen the harbor soon."),
            std::vector<std::string>{"VAL ASH 010"});
}

TEST_F(TabariTest, CommaClausesAreRemoved) {
  // ", a senior official in Ashgate said" is removed: Ashgate is no target.
  EXPECT_EQ(Code("Valdor restored full ties with Kestria, a senior official in Ashgate said."),
            std::vector<std::string>{"VAL KES 065"});
}

TEST_F(TabariTest, ClausesKeepTheSource) {
  // Two clauses: the source carries over; each clause codes its first event.
  EXPECT_EQ(Code("Valdor restored ties with Kestria and condemned Ashgate over the raid."),
            (std::vector<std::string>{"VAL KES 064", "VAL ASH 122"}));
}

TEST_F(TabariTest, DiscardsComplexAndShortTexts) {
  Coding c =
      coder_.Code("Valdor beat Ashgate in the carnival parade on Sunday afternoon.", 20240601);
  EXPECT_EQ(c.outcome, Coding::Outcome::kDiscard);
  EXPECT_TRUE(c.events.empty());
  // A "+++" actor makes the text complex when it is a side of an event.
  c = coder_.Code("Valdor condemned the riddle of the envoys missing in Ashgate.", 20240601);
  EXPECT_EQ(c.outcome, Coding::Outcome::kComplex);
  EXPECT_TRUE(c.events.empty());
  // NOACTPRIOR: no actor before the first verb.
  c = coder_.Code("Yesterday the envoys condemned Valdor for the raid on the fleet.", 20240601);
  EXPECT_EQ(c.outcome, Coding::Outcome::kComplex);
  EXPECT_NE(c.why.find("no actor before"), std::string::npos);
  // Fewer than eight words are not coded (SET: MINIMUM WORDS).
  EXPECT_TRUE(Code("Valdor condemned Ashgate.").empty());
}

TEST_F(TabariTest, TimePhrasesShiftTheDate) {
  Coding c = coder_.Code("Valdor condemned Ashgate yesterday for the raid on the fleet.", 20240601);
  ASSERT_EQ(Triples(c), std::vector<std::string>{"VAL ASH 122"});
  EXPECT_EQ(c.shift_days, -1);
}

TEST_F(TabariTest, AgentsJoinTheirActor) {
  EXPECT_EQ(Code("The Valdor minister condemned Ashgate for the raid on the fishing fleet."),
            std::vector<std::string>{"VALGOV ASH 122"});
  EXPECT_EQ(Code("Valdor condemned aid workers of Ashgate for the raid on the fishing fleet."),
            std::vector<std::string>{"VAL NGOASH 122"});
}

TEST_F(TabariTest, ASecondStarNeverMatches) {
  // "- * COMMIT * AID" (as in the CAMEO master file) never matches; the verb's code stands.
  EXPECT_EQ(Code("Valdor warned Ashgate that it would commit no aid to the region."),
            std::vector<std::string>{"VAL ASH 130"});
}

TEST_F(TabariTest, ParseDisplayAndEvidence) {
  std::string parse;
  Coding c =
      coder_.Code("Valdor restored full ties with Kestria after a decade.", 20240601, &parse);
  EXPECT_NE(parse.find("RESTORED\tverb"), std::string::npos) << parse;
  ASSERT_EQ(c.events.size(), 1u);
  std::string s = "Valdor restored full ties with Kestria after a decade.";
  EXPECT_EQ(s.substr(c.events[0].verb_begin, c.events[0].verb_end - c.events[0].verb_begin),
            "restored");
  EXPECT_EQ(s.substr(c.events[0].target_begin, c.events[0].target_end - c.events[0].target_begin),
            "Kestria");
}

TEST(TabariOptions, CodeBySentenceAndComma) {
  std::vector<std::string> problems;
  Dictionaries d = Load(&problems, "SET: CODE BY SENTENCE\nCOMMA: OFF\n");
  Coder coder(&d);
  EXPECT_EQ(
      Triples(coder.Code("Valdor restored ties with Kestria and condemned Ashgate over the raid.",
                         20240601)),
      std::vector<std::string>{"VAL KES 064"});
  // With comma clauses kept, Ashgate in the clause is the first target after the verb.
  EXPECT_EQ(Triples(coder.Code("Valdor condemned, in a statement from Ashgate, the raid on Morven.",
                               20240601)),
            std::vector<std::string>{"VAL ASH 122"});
}

}  // namespace
}  // namespace dyad::tabari
