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

}  // namespace
}  // namespace dyad
