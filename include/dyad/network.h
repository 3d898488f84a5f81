// The alignment network: states as nodes, a signed and weighted edge for each pair that
// interacted, blocs found on the signed graph, and each state's place in it.
//
//   Result<PairTable> pairs = store->Pairs(query, middle, /*per_pair=*/3);
//   Result<Network> net = BuildNetwork(pairs->counts, {.min_events = 3});
//   AttachEvidence(*net, pairs->evidence);
//   std::string graphml = NetworkGraphml(net);
#ifndef DYAD_NETWORK_H_
#define DYAD_NETWORK_H_

#include <array>
#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad {

// The events between two states in one window, as the store counts them (either way).
struct PairCount {
  std::string a, b;   // ISO codes, a < b
  bool late = false;  // in the second half of the period (for the trend)
  long long events = 0;
  long long cooperation = 0, conflict = 0;  // quad classes 1-2 and 3-4
  double goldstein = 0;                     // Σ of the events' Goldstein weights
};

// The events behind one pair: their store ids (ev-…, an imported event's own).
struct PairEvidence {
  std::string a, b;  // ISO codes, a < b
  std::vector<std::string> ids;
};

// What the store counts for a network (Store::Pairs).
struct PairTable {
  std::vector<PairCount> counts;       // by pair, the first half before the second
  std::vector<PairEvidence> evidence;  // by pair, for the pairs that have events
};

struct Edge {
  std::string a, b;
  long long events = 0, cooperation = 0, conflict = 0;
  // The edge's sign and strength: Σ Goldstein weight of the events both ways (cooperation
  // counts up, conflict down).
  double weight = 0;
  // weight in the second half of the period minus weight in the first half.
  double trend = 0;
  // The events that weigh most in the edge, the weightiest first (AttachEvidence).
  std::vector<std::string> evidence;
};

struct Node {
  std::string state;
  int bloc = 0;         // 1-based, the largest bloc first
  int degree = 0;       // edges
  double positive = 0;  // Σ of its positive edges' weights
  double negative = 0;  // Σ of its negative edges' weights (≤ 0)
  // Betweenness on the cooperative part of the network: the share of shortest paths between
  // other states that run through this one, an edge's length being 1/weight (strong cooperation
  // is short). Normalised to 0..1 by (n−1)(n−2)/2; the broker of the network scores highest.
  double betweenness = 0;
};

struct Network {
  std::vector<Node> nodes;  // by bloc, then by code
  std::vector<Edge> edges;  // by weight, strongest cooperation first
  double modularity = 0;    // of the bloc partition, on the signed graph
  // Edges inside a bloc that are negative and edges across blocs that are positive: how far
  // the blocs are from a balanced split.
  int frustrated = 0;
};

struct NetworkOptions {
  long long min_events = 1;  // pairs with fewer events are left out
  unsigned seed = 1;         // the community search is stochastic: a fixed seed repeats it
};

// The network of the pairs; blocs by igraph's spinglass community detection with negative
// weights (Traag and Bruggeman, "Community detection in networks with positive and negative
// links", Phys. Rev. E 80, 2009), run on each connected component; a component of two states is
// one bloc. Fails only when igraph does.
Result<Network> BuildNetwork(const std::vector<PairCount>& pairs, const NetworkOptions& options);

// Gives each edge of `n` the ids of the events behind it.
void AttachEvidence(Network& n, const std::vector<PairEvidence>& evidence);

// A triad of states: its three edges, its structural balance and its weakest link.
struct Triad {
  std::array<std::string, 3> states;
  std::array<Edge, 3> edges;  // a–b, a–c, b–c; an edge with no events has weight 0
  // Heider's balance: the product of the three edges' signs; +1 balanced (all friends, or two
  // friends with a common enemy), −1 unbalanced, 0 when an edge is missing or weighs 0.
  int balance = 0;
  int weakest = 0;    // the edge with the lowest weight (least cooperation, most conflict)
  int declining = 0;  // the edge with the lowest trend (steepest fall)
};
Triad AnalyseTriad(const Network& n, const std::string& a, const std::string& b,
                   const std::string& c);
// Every triad of the network whose three edges exist and whose balance is −1, most events
// first.
std::vector<Triad> UnbalancedTriads(const Network& n);

// A triad drawn as SVG: the three states, each edge labelled with its weight and trend,
// cooperation solid and conflict dashed, the weakest link in a heavier line; the title names
// the triad, its balance and the period.
std::string TriadSvg(const Triad& t, const std::string& title, const std::string& source);

// The network drawn as a self-contained SVG: states on a circle grouped by bloc and coloured
// by it, cooperative edges solid and conflictual ones dashed, widths by |weight|; `title` names
// the data and the period.
std::string NetworkSvg(const Network& n, const std::string& title, const std::string& source);

// The network as GraphML (yEd, Cytoscape, igraph) and GEXF (Gephi): nodes with bloc and
// strengths, edges with weight, events, cooperation, conflict and trend.
std::string NetworkGraphml(const Network& n);
std::string NetworkGexf(const Network& n);

}  // namespace dyad

#endif  // DYAD_NETWORK_H_
