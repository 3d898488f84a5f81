#include "dyad/network.h"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>

#include "core/svg.h"

namespace dyad {

namespace {

std::string Xml(std::string_view s) { return svg::Escape(s); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

// Event ids as one attribute value: "ev-1 ev-2".
std::string JoinIds(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

// Fills each node's betweenness on the cooperative edges (Node::betweenness); the caller
// holds igraph's lock.
Status Betweenness(const std::vector<Edge>& edges, std::map<std::string, int>& index,
                   std::vector<Node>& nodes) {
  size_t n = nodes.size();
  std::vector<igraph_integer_t> ends;
  std::vector<igraph_real_t> lengths;
  for (const Edge& e : edges) {
    if (e.weight <= 0) continue;
    ends.push_back(index[e.a]), ends.push_back(index[e.b]);
    lengths.push_back(1.0 / e.weight);
  }
  if (n < 3 || lengths.empty()) return Status::Ok();
  igraph_t g;
  igraph_vector_int_t edge_list;
  igraph_vector_int_view(&edge_list, ends.data(), static_cast<igraph_integer_t>(ends.size()));
  if (igraph_create(&g, &edge_list, static_cast<igraph_integer_t>(n), IGRAPH_UNDIRECTED) !=
      IGRAPH_SUCCESS)
    return Status::Internal("igraph could not build the cooperative network");
  igraph_vector_t w, res;
  igraph_vector_view(&w, lengths.data(), static_cast<igraph_integer_t>(lengths.size()));
  igraph_vector_init(&res, 0);
  igraph_error_t rc = igraph_betweenness(&g, &res, igraph_vss_all(), false, &w);
  if (rc == IGRAPH_SUCCESS) {
    double pairs = (static_cast<double>(n) - 1) * (static_cast<double>(n) - 2) / 2;
    for (size_t v = 0; v < n; ++v)
      nodes[v].betweenness = VECTOR(res)[static_cast<igraph_integer_t>(v)] / pairs;
  }
  igraph_vector_destroy(&res);
  igraph_destroy(&g);
  if (rc != IGRAPH_SUCCESS)
    return Status::Internal("igraph's betweenness failed (" + std::string(igraph_strerror(rc)) +
                            ")");
  return Status::Ok();
}

}  // namespace

Result<Network> BuildNetwork(const std::vector<PairCount>& pairs, const NetworkOptions& options) {
  // igraph aborts on an error unless told otherwise: a library never ends the process.
  static std::once_flag once;
  std::call_once(once, [] { igraph_set_error_handler(igraph_error_handler_ignore); });
  static std::mutex igraph_lock;  // igraph's RNG and error state are global
  std::map<std::pair<std::string, std::string>, Edge> edges;
  for (const PairCount& p : pairs) {
    Edge& e = edges[{p.a, p.b}];
    e.a = p.a, e.b = p.b;
    e.events += p.events, e.cooperation += p.cooperation, e.conflict += p.conflict;
    e.weight += p.goldstein;
    e.trend += p.late ? p.goldstein : -p.goldstein;
  }
  Network net;
  for (auto& [key, e] : edges)
    if (e.events >= options.min_events && e.weight != 0) net.edges.push_back(e);
  std::map<std::string, int> index;
  std::vector<std::string> states;
  for (const Edge& e : net.edges)
    for (const std::string& s : {e.a, e.b})
      if (!index.count(s)) index[s] = 0;
  for (auto& [s, i] : index) i = static_cast<int>(states.size()), states.push_back(s);
  size_t n = states.size();
  std::vector<int> bloc(n, -1);
  if (n > 0) {
    std::lock_guard<std::mutex> lock(igraph_lock);
    igraph_rng_seed(igraph_rng_default(), options.seed);
    // Connected components first: spinglass needs a connected graph.
    std::vector<int> component(n, -1);
    int components = 0;
    for (size_t s = 0; s < n; ++s) {
      if (component[s] >= 0) continue;
      std::vector<size_t> stack{s};
      component[s] = components;
      while (!stack.empty()) {
        size_t v = stack.back();
        stack.pop_back();
        for (const Edge& e : net.edges) {
          size_t x = index[e.a], y = index[e.b];
          size_t other = x == v ? y : y == v ? x : n;
          if (other < n && component[other] < 0)
            component[other] = components, stack.push_back(other);
        }
      }
      ++components;
    }
    int next_bloc = 0;
    for (int c = 0; c < components; ++c) {
      std::vector<size_t> members;
      for (size_t v = 0; v < n; ++v)
        if (component[v] == c) members.push_back(v);
      std::map<size_t, igraph_integer_t> local;
      for (size_t i = 0; i < members.size(); ++i)
        local[members[i]] = static_cast<igraph_integer_t>(i);
      std::vector<igraph_integer_t> ends;
      std::vector<igraph_real_t> weights;
      for (const Edge& e : net.edges) {
        size_t x = index[e.a], y = index[e.b];
        if (component[x] != c) continue;
        ends.push_back(local[x]), ends.push_back(local[y]);
        weights.push_back(e.weight);
      }
      bool any_negative =
          std::any_of(weights.begin(), weights.end(), [](double w) { return w < 0; });
      if (members.size() <= 2 && !any_negative) {
        for (size_t v : members) bloc[v] = next_bloc;
        ++next_bloc;
        continue;
      }
      igraph_t g;
      igraph_vector_int_t edge_list;
      igraph_vector_int_view(&edge_list, ends.data(), static_cast<igraph_integer_t>(ends.size()));
      if (igraph_create(&g, &edge_list, static_cast<igraph_integer_t>(members.size()),
                        IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        return Status::Internal("igraph could not build the network");
      igraph_vector_t w;
      igraph_vector_view(&w, weights.data(), static_cast<igraph_integer_t>(weights.size()));
      igraph_vector_int_t membership;
      igraph_vector_int_init(&membership, 0);
      igraph_real_t modularity = 0, temperature = 0;
      igraph_error_t rc = igraph_community_spinglass(
          &g, &w, &modularity, &temperature, &membership, nullptr,
          /*spins=*/std::min<igraph_integer_t>(25, static_cast<igraph_integer_t>(members.size())),
          /*parupdate=*/false, /*starttemp=*/1.0, /*stoptemp=*/0.01, /*coolfact=*/0.99,
          IGRAPH_SPINCOMM_UPDATE_CONFIG, /*gamma=*/1.0, IGRAPH_SPINCOMM_IMP_NEG,
          /*gamma_minus=*/1.0);
      if (rc != IGRAPH_SUCCESS) {
        igraph_vector_int_destroy(&membership);
        igraph_destroy(&g);
        return Status::Internal("igraph's spinglass community search failed (" +
                                std::string(igraph_strerror(rc)) + ")");
      }
      int most = 0;
      for (size_t i = 0; i < members.size(); ++i) {
        int m = static_cast<int>(VECTOR(membership)[static_cast<igraph_integer_t>(i)]);
        bloc[members[i]] = next_bloc + m;
        most = std::max(most, m);
      }
      next_bloc += most + 1;
      igraph_vector_int_destroy(&membership);
      igraph_destroy(&g);
    }
  }
  // Nodes: degree and strengths; blocs renumbered by size (largest first), then by first code.
  std::vector<Node> nodes(n);
  for (size_t v = 0; v < n; ++v) nodes[v].state = states[v];
  for (const Edge& e : net.edges)
    for (const std::string& s : {e.a, e.b}) {
      Node& node = nodes[index[s]];
      ++node.degree;
      (e.weight > 0 ? node.positive : node.negative) += e.weight;
    }
  {
    std::lock_guard<std::mutex> lock(igraph_lock);
    if (Status st = Betweenness(net.edges, index, nodes); !st.ok()) return st;
  }
  std::map<int, std::vector<size_t>> by_bloc;
  for (size_t v = 0; v < n; ++v) by_bloc[bloc[v]].push_back(v);
  std::vector<std::vector<size_t>> ordered;
  for (auto& [b, vs] : by_bloc) ordered.push_back(vs);
  std::sort(ordered.begin(), ordered.end(), [&](const auto& x, const auto& y) {
    if (x.size() != y.size()) return x.size() > y.size();
    return states[x.front()] < states[y.front()];
  });
  for (size_t b = 0; b < ordered.size(); ++b)
    for (size_t v : ordered[b]) nodes[v].bloc = static_cast<int>(b + 1);
  // Modularity of the partition on the signed graph (positive and negative parts, Gómez et al.),
  // and the frustrated edges.
  double w_pos = 0, w_neg = 0;
  std::vector<double> k_pos(n), k_neg(n);
  for (const Edge& e : net.edges) {
    size_t x = index[e.a], y = index[e.b];
    if (e.weight > 0)
      w_pos += e.weight, k_pos[x] += e.weight, k_pos[y] += e.weight;
    else
      w_neg -= e.weight, k_neg[x] -= e.weight, k_neg[y] -= e.weight;
    bool same = nodes[x].bloc == nodes[y].bloc;
    net.frustrated += (same && e.weight < 0) || (!same && e.weight > 0);
  }
  // Σ over ordered same-bloc pairs of A_ij − expected: each edge inside a bloc counts both
  // ways, and the expectation runs over every ordered pair of a bloc.
  double q = 0;
  for (const Edge& e : net.edges)
    if (nodes[index[e.a]].bloc == nodes[index[e.b]].bloc) q += 2 * e.weight;
  for (size_t x = 0; x < n; ++x)
    for (size_t y = 0; y < n; ++y)
      if (nodes[x].bloc == nodes[y].bloc)
        q -= (w_pos > 0 ? k_pos[x] * k_pos[y] / (2 * w_pos) : 0) -
             (w_neg > 0 ? k_neg[x] * k_neg[y] / (2 * w_neg) : 0);
  net.modularity = (w_pos + w_neg) > 0 ? q / (2 * (w_pos + w_neg)) : 0;
  std::sort(nodes.begin(), nodes.end(), [](const Node& x, const Node& y) {
    if (x.bloc != y.bloc) return x.bloc < y.bloc;
    return x.state < y.state;
  });
  net.nodes = std::move(nodes);
  std::sort(net.edges.begin(), net.edges.end(), [](const Edge& x, const Edge& y) {
    if (x.weight != y.weight) return x.weight > y.weight;
    return std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return net;
}

void AttachEvidence(Network& n, const std::vector<PairEvidence>& evidence) {
  std::map<std::pair<std::string, std::string>, const PairEvidence*> by_pair;
  for (const PairEvidence& p : evidence) by_pair[{p.a, p.b}] = &p;
  for (Edge& e : n.edges)
    if (auto it = by_pair.find({e.a, e.b}); it != by_pair.end()) e.evidence = it->second->ids;
}

Triad AnalyseTriad(const Network& n, const std::string& a, const std::string& b,
                   const std::string& c) {
  Triad t;
  t.states = {a, b, c};
  auto edge = [&](const std::string& x, const std::string& y) {
    const std::string& lo = std::min(x, y);
    const std::string& hi = std::max(x, y);
    for (const Edge& e : n.edges)
      if (e.a == lo && e.b == hi) return e;
    Edge none;
    none.a = lo, none.b = hi;
    return none;
  };
  t.edges = {edge(a, b), edge(a, c), edge(b, c)};
  auto sign = [](double w) { return w > 0 ? 1 : w < 0 ? -1 : 0; };
  t.balance = sign(t.edges[0].weight) * sign(t.edges[1].weight) * sign(t.edges[2].weight);
  for (int i = 1; i < 3; ++i) {
    if (t.edges[i].weight < t.edges[t.weakest].weight) t.weakest = i;
    if (t.edges[i].trend < t.edges[t.declining].trend) t.declining = i;
  }
  return t;
}

std::vector<Triad> UnbalancedTriads(const Network& n) {
  std::map<std::string, std::set<std::string>> next;
  for (const Edge& e : n.edges) next[e.a].insert(e.b), next[e.b].insert(e.a);
  std::vector<Triad> out;
  for (const auto& [a, near] : next)
    for (const std::string& b : near) {
      if (b <= a) continue;
      for (const std::string& c : near) {
        if (c <= b || !next[b].count(c)) continue;
        Triad t = AnalyseTriad(n, a, b, c);
        if (t.balance < 0) out.push_back(t);
      }
    }
  auto events = [](const Triad& t) {
    return t.edges[0].events + t.edges[1].events + t.edges[2].events;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Triad& x, const Triad& y) { return events(x) > events(y); });
  return out;
}

std::string NetworkSvg(const Network& n, const std::string& title, const std::string& source) {
  using svg::kPalette;
  const double cx = 320, cy = 300, radius = 220;
  std::map<std::string, std::pair<double, double>> at;
  for (size_t i = 0; i < n.nodes.size(); ++i) {
    double angle =
        2 * M_PI * static_cast<double>(i) / static_cast<double>(n.nodes.size()) - M_PI / 2;
    at[n.nodes[i].state] = {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
  }
  double most = 1;
  for (const Edge& e : n.edges) most = std::max(most, std::fabs(e.weight));
  std::string o =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"640\" "
      "font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" "
      "fill=\"white\"/>\n<text x=\"20\" y=\"28\" font-size=\"15\" font-weight=\"bold\">" +
      Xml(title) + "</text>\n";
  for (const Edge& e : n.edges) {
    auto [x1, y1] = at[e.a];
    auto [x2, y2] = at[e.b];
    bool coop = e.weight > 0;
    o += "<line x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) + "\" y2=\"" +
         Num(y2) + "\" stroke=\"" + (coop ? "#009E73" : "#D55E00") + "\" stroke-width=\"" +
         Num(1 + 5 * std::fabs(e.weight) / most) + "\"" +
         (coop ? "" : " stroke-dasharray=\"6,4\"") + " opacity=\"0.8\"><title>" +
         Xml(e.a + "–" + e.b + ": weight " + Num(e.weight) + ", " + std::to_string(e.events) +
             " events") +
         "</title></line>\n";
  }
  for (const Node& v : n.nodes) {
    auto [x, y] = at[v.state];
    const char* colour = kPalette[(v.bloc - 1 + 8) % 8];
    o += "<circle cx=\"" + Num(x) + "\" cy=\"" + Num(y) + "\" r=\"16\" fill=\"" + colour +
         "\"><title>" + Xml(v.state + ", bloc " + std::to_string(v.bloc)) +
         "</title></circle>\n<text x=\"" + Num(x) + "\" y=\"" + Num(y + 4) +
         "\" text-anchor=\"middle\" fill=\"white\" font-weight=\"bold\">" + Xml(v.state) +
         "</text>\n";
  }
  o += "<text x=\"20\" y=\"600\" fill=\"#555\">solid: cooperation (Σ Goldstein &gt; 0); "
       "dashed: conflict; width: |weight|; colour: bloc</text>\n<text x=\"20\" y=\"620\" "
       "fill=\"#555\">" +
       Xml(source) + "</text>\n</svg>\n";
  return o;
}

std::string TriadSvg(const Triad& t, const std::string& title, const std::string& source) {
  const double pos[3][2] = {{320, 110}, {140, 420}, {500, 420}};
  auto at = [&](const std::string& s) {
    for (int i = 0; i < 3; ++i)
      if (t.states[i] == s) return i;
    return 0;
  };
  std::string o =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"540\" "
      "font-family=\"sans-serif\" font-size=\"13\">\n<rect width=\"100%\" height=\"100%\" "
      "fill=\"white\"/>\n<text x=\"20\" y=\"30\" font-size=\"15\" font-weight=\"bold\">" +
      Xml(title) + "</text>\n";
  for (int k = 0; k < 3; ++k) {
    const Edge& e = t.edges[k];
    int x = at(e.a), y = at(e.b);
    bool coop = e.weight > 0, none = e.events == 0;
    std::string colour = none ? "#999" : coop ? "#009E73" : "#D55E00";
    o += "<line x1=\"" + Num(pos[x][0]) + "\" y1=\"" + Num(pos[x][1]) + "\" x2=\"" +
         Num(pos[y][0]) + "\" y2=\"" + Num(pos[y][1]) + "\" stroke=\"" + colour +
         "\" stroke-width=\"" + (k == t.weakest ? "7" : "3") + "\"" +
         (coop || none ? "" : " stroke-dasharray=\"8,5\"") + "/>\n";
    double mx = (pos[x][0] + pos[y][0]) / 2, my = (pos[x][1] + pos[y][1]) / 2;
    std::string label = none ? "no events"
                             : "weight " + Num(e.weight) + ", trend " + Num(e.trend) + ", " +
                                   std::to_string(e.events) + " events";
    if (k == t.weakest) label += " (weakest)";
    o += "<text x=\"" + Num(mx) + "\" y=\"" + Num(my - 8) + "\" text-anchor=\"middle\" fill=\"" +
         colour + "\">" + Xml(label) + "</text>\n";
  }
  for (int i = 0; i < 3; ++i)
    o += "<circle cx=\"" + Num(pos[i][0]) + "\" cy=\"" + Num(pos[i][1]) +
         "\" r=\"26\" fill=\"#0072B2\"/>\n<text x=\"" + Num(pos[i][0]) + "\" y=\"" +
         Num(pos[i][1] + 5) + "\" text-anchor=\"middle\" fill=\"white\" font-weight=\"bold\">" +
         Xml(t.states[i]) + "</text>\n";
  o += "<text x=\"20\" y=\"500\" fill=\"#555\">solid: cooperation; dashed: conflict; heavy: "
       "the weakest link</text>\n<text x=\"20\" y=\"520\" fill=\"#555\">" +
       Xml(source) + "</text>\n</svg>\n";
  return o;
}

std::string NetworkGraphml(const Network& n) {
  std::string o =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "  <key id=\"bloc\" for=\"node\" attr.name=\"bloc\" attr.type=\"int\"/>\n"
      "  <key id=\"positive\" for=\"node\" attr.name=\"positive\" attr.type=\"double\"/>\n"
      "  <key id=\"negative\" for=\"node\" attr.name=\"negative\" attr.type=\"double\"/>\n"
      "  <key id=\"betweenness\" for=\"node\" attr.name=\"betweenness\" "
      "attr.type=\"double\"/>\n"
      "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
      "  <key id=\"events\" for=\"edge\" attr.name=\"events\" attr.type=\"long\"/>\n"
      "  <key id=\"cooperation\" for=\"edge\" attr.name=\"cooperation\" attr.type=\"long\"/>\n"
      "  <key id=\"conflict\" for=\"edge\" attr.name=\"conflict\" attr.type=\"long\"/>\n"
      "  <key id=\"trend\" for=\"edge\" attr.name=\"trend\" attr.type=\"double\"/>\n"
      "  <key id=\"evidence\" for=\"edge\" attr.name=\"evidence\" attr.type=\"string\"/>\n"
      "  <graph id=\"dyad\" edgedefault=\"undirected\">\n";
  for (const Node& v : n.nodes)
    o += "    <node id=\"" + Xml(v.state) + "\"><data key=\"bloc\">" + std::to_string(v.bloc) +
         "</data><data key=\"positive\">" + Num(v.positive) + "</data><data key=\"negative\">" +
         Num(v.negative) + "</data><data key=\"betweenness\">" + Num(v.betweenness) +
         "</data></node>\n";
  for (const Edge& e : n.edges)
    o += "    <edge source=\"" + Xml(e.a) + "\" target=\"" + Xml(e.b) + "\"><data key=\"weight\">" +
         Num(e.weight) + "</data><data key=\"events\">" + std::to_string(e.events) +
         "</data><data key=\"cooperation\">" + std::to_string(e.cooperation) +
         "</data><data key=\"conflict\">" + std::to_string(e.conflict) +
         "</data><data key=\"trend\">" + Num(e.trend) + "</data><data key=\"evidence\">" +
         Xml(JoinIds(e.evidence)) + "</data></edge>\n";
  o += "  </graph>\n</graphml>\n";
  return o;
}

std::string NetworkGexf(const Network& n) {
  std::string o =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
      "  <graph defaultedgetype=\"undirected\">\n"
      "    <attributes class=\"node\">\n"
      "      <attribute id=\"0\" title=\"bloc\" type=\"integer\"/>\n"
      "      <attribute id=\"1\" title=\"positive\" type=\"double\"/>\n"
      "      <attribute id=\"2\" title=\"negative\" type=\"double\"/>\n"
      "      <attribute id=\"3\" title=\"betweenness\" type=\"double\"/>\n"
      "    </attributes>\n"
      "    <attributes class=\"edge\">\n"
      "      <attribute id=\"0\" title=\"events\" type=\"long\"/>\n"
      "      <attribute id=\"1\" title=\"cooperation\" type=\"long\"/>\n"
      "      <attribute id=\"2\" title=\"conflict\" type=\"long\"/>\n"
      "      <attribute id=\"3\" title=\"trend\" type=\"double\"/>\n"
      "      <attribute id=\"4\" title=\"evidence\" type=\"string\"/>\n"
      "    </attributes>\n    <nodes>\n";
  for (const Node& v : n.nodes)
    o += "      <node id=\"" + Xml(v.state) + "\" label=\"" + Xml(v.state) +
         "\"><attvalues><attvalue for=\"0\" value=\"" + std::to_string(v.bloc) +
         "\"/><attvalue for=\"1\" value=\"" + Num(v.positive) + "\"/><attvalue for=\"2\" value=\"" +
         Num(v.negative) + "\"/><attvalue for=\"3\" value=\"" + Num(v.betweenness) +
         "\"/></attvalues></node>\n";
  o += "    </nodes>\n    <edges>\n";
  int id = 0;
  for (const Edge& e : n.edges)
    o += "      <edge id=\"" + std::to_string(id++) + "\" source=\"" + Xml(e.a) + "\" target=\"" +
         Xml(e.b) + "\" weight=\"" + Num(e.weight) + "\"><attvalues><attvalue for=\"0\" value=\"" +
         std::to_string(e.events) + "\"/><attvalue for=\"1\" value=\"" +
         std::to_string(e.cooperation) + "\"/><attvalue for=\"2\" value=\"" +
         std::to_string(e.conflict) + "\"/><attvalue for=\"3\" value=\"" + Num(e.trend) +
         "\"/><attvalue for=\"4\" value=\"" + Xml(JoinIds(e.evidence)) +
         "\"/></attvalues></edge>\n";
  o += "    </edges>\n  </graph>\n</gexf>\n";
  return o;
}

}  // namespace dyad
