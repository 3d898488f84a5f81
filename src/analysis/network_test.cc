#include "dyad/network.h"

#include <gtest/gtest.h>

#include <map>

namespace dyad {
namespace {

// Two planted camps: cooperation inside each, conflict across.
std::vector<PairCount> Planted() {
  std::vector<PairCount> p;
  auto add = [&](const char* a, const char* b, double g, bool late) {
    long long coop = g > 0 ? 5 : 0, confl = g < 0 ? 5 : 0;
    p.push_back({a, b, late, 5, coop, confl, g});
  };
  for (auto [a, b] : {std::pair{"AAA", "BBB"},
                      {"AAA", "CCC"},
                      {"BBB", "CCC"},
                      {"XXX", "YYY"},
                      {"XXX", "ZZZ"},
                      {"YYY", "ZZZ"}})
    add(a, b, 15, false), add(a, b, 15, true);
  for (auto [a, b] : {std::pair{"AAA", "XXX"}, {"BBB", "YYY"}, {"CCC", "ZZZ"}, {"AAA", "ZZZ"}})
    add(a, b, -10, false), add(a, b, -30, true);  // conflict that worsens
  return p;
}

TEST(NetworkTest, RecoversTwoPlantedCampsWithConflictBetween) {
  auto net = BuildNetwork(Planted(), {});
  ASSERT_TRUE(net.ok()) << net.status().message();
  std::map<std::string, int> bloc;
  for (const Node& n : net->nodes) bloc[n.state] = n.bloc;
  ASSERT_EQ(bloc.size(), 6u);
  EXPECT_EQ(bloc["AAA"], bloc["BBB"]);
  EXPECT_EQ(bloc["AAA"], bloc["CCC"]);
  EXPECT_EQ(bloc["XXX"], bloc["YYY"]);
  EXPECT_EQ(bloc["XXX"], bloc["ZZZ"]);
  EXPECT_NE(bloc["AAA"], bloc["XXX"]);
  EXPECT_EQ(net->frustrated, 0);
  EXPECT_GT(net->modularity, 0.3);
  // Edges: the strongest cooperation first; the trend of a worsening conflict is negative.
  EXPECT_DOUBLE_EQ(net->edges.front().weight, 30);
  for (const Edge& e : net->edges)
    if (e.a == "AAA" && e.b == "XXX") {
      EXPECT_DOUBLE_EQ(e.weight, -40);
      EXPECT_DOUBLE_EQ(e.trend, -20);
    }
  // The same seed gives the same blocs.
  auto again = BuildNetwork(Planted(), {});
  for (size_t i = 0; i < net->nodes.size(); ++i)
    EXPECT_EQ(net->nodes[i].bloc, again->nodes[i].bloc);
}

TEST(NetworkTest, MinEventsAndExports) {
  auto net = BuildNetwork(Planted(), {.min_events = 11});
  ASSERT_TRUE(net.ok());
  EXPECT_TRUE(net->edges.empty());  // every pair has 10 events
  auto full = BuildNetwork(Planted(), {});
  std::string graphml = NetworkGraphml(*full);
  EXPECT_NE(graphml.find("<node id=\"AAA\">"), std::string::npos);
  EXPECT_NE(graphml.find("<edge source=\"AAA\" target=\"XXX\"><data key=\"weight\">-40</data>"),
            std::string::npos);
  std::string gexf = NetworkGexf(*full);
  EXPECT_NE(gexf.find("target=\"XXX\" weight=\"-40\""), std::string::npos);
  EXPECT_TRUE(BuildNetwork({}, {})->nodes.empty());
}

TEST(NetworkTest, TriadsBalanceAndTheirWeakestLink) {
  auto net = BuildNetwork(Planted(), {});
  ASSERT_TRUE(net.ok());
  // Two friends with a common enemy: balanced; the weakest link is the enmity.
  Triad t = AnalyseTriad(*net, "AAA", "CCC", "ZZZ");
  EXPECT_EQ(t.balance, 1);
  EXPECT_EQ(t.edges[t.weakest].b, "ZZZ");
  EXPECT_EQ(t.edges[t.declining].b, "ZZZ");  // the conflict that worsens
  // A missing edge leaves the balance undefined.
  EXPECT_EQ(AnalyseTriad(*net, "AAA", "BBB", "YYY").balance, 0);
  // Plant an unbalanced triad: two enemies of each other both friendly with a third, and
  // enmity between friends.
  auto pairs = Planted();
  pairs.push_back({"BBB", "ZZZ", false, 5, 5, 0, 40});  // a friend across the camps
  auto mixed = BuildNetwork(pairs, {});
  ASSERT_TRUE(mixed.ok());
  Triad u = AnalyseTriad(*mixed, "AAA", "BBB", "ZZZ");
  EXPECT_EQ(u.balance, -1);  // AAA–BBB +, BBB–ZZZ +, AAA–ZZZ −
  auto all = UnbalancedTriads(*mixed);
  ASSERT_FALSE(all.empty());
  bool found = false;
  for (const Triad& x : all) found |= x.states == std::array<std::string, 3>{"AAA", "BBB", "ZZZ"};
  EXPECT_TRUE(found);
  EXPECT_TRUE(UnbalancedTriads(*net).empty());  // the planted camps are balanced
}

// A state that joins two otherwise separate cooperative groups carries every path between them.
TEST(NetworkTest, TheBrokerHasTheHighestBetweenness) {
  std::vector<PairCount> p;
  for (auto [a, b] : {std::pair{"AAA", "BBB"},
                      {"AAA", "CCC"},
                      {"BBB", "CCC"},
                      {"CCC", "MMM"},
                      {"MMM", "XXX"},
                      {"XXX", "YYY"},
                      {"XXX", "ZZZ"},
                      {"YYY", "ZZZ"}})
    p.push_back({a, b, false, 4, 4, 0, 12});
  auto net = BuildNetwork(p, {});
  ASSERT_TRUE(net.ok()) << net.status().message();
  std::map<std::string, double> b;
  for (const Node& n : net->nodes) b[n.state] = n.betweenness;
  EXPECT_DOUBLE_EQ(b["AAA"], 0);  // no path runs through a corner
  EXPECT_GT(b["MMM"], b["AAA"]);
  EXPECT_GT(b["CCC"], b["AAA"]);
  // MMM lies on every path between the 3 states on one side and the 3 on the other: 9 of the
  // 15 pairs of the other 6 states.
  EXPECT_NEAR(b["MMM"], 9.0 / 15.0, 1e-9);
  for (const Node& n : net->nodes) EXPECT_LE(n.betweenness, 1.0);
}

TEST(NetworkTest, EdgesCarryTheEventsBehindThem) {
  auto net = BuildNetwork(Planted(), {});
  ASSERT_TRUE(net.ok());
  AttachEvidence(*net, {{"AAA", "XXX", {"ev-1", "ev-2"}}, {"QQQ", "RRR", {"ev-9"}}});
  for (const Edge& e : net->edges) {
    if (e.a == "AAA" && e.b == "XXX")
      EXPECT_EQ(e.evidence, (std::vector<std::string>{"ev-1", "ev-2"}));
    else
      EXPECT_TRUE(e.evidence.empty()) << e.a << e.b;
  }
  EXPECT_NE(NetworkGraphml(*net).find("<data key=\"evidence\">ev-1 ev-2</data>"),
            std::string::npos);
  EXPECT_NE(NetworkGexf(*net).find("value=\"ev-1 ev-2\""), std::string::npos);
}

}  // namespace
}  // namespace dyad
