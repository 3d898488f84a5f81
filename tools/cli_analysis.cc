// dyad series: how a relationship moves, period by period (dyad/analysis.h).
#include <cmath>
#include <iostream>
#include <map>
#include <set>

#include "cli_commands.h"
#include "dyad/analysis.h"
#include "dyad/analysis_store.h"
#include "dyad/burden_report.h"
#include "dyad/network.h"
#include "dyad/store.h"
#include "dyad/unga.h"
#include "dyad/utf8.h"

namespace dyad::cli {

namespace {

using burden::Column;
using burden::Report;
using burden::Value;

struct SeriesFlags {
  std::string db = DefaultDb(), by = "month", from, to, measure = "events", format = "table",
              modes = "actual";
  std::vector<std::string> between, more;
  bool share = false;
};

// One event as evidence: "2023-07-25 RUSMIL→PRK 042 the words…", the words cut at `max_bytes`.
// An imported event without words names where it was told instead (GDELT's source URL).
std::string EvidenceLine(const Event& e, size_t max_bytes) {
  std::string words;
  if (!e.mentions.empty()) {
    const Mention& m = e.mentions.front();
    words = utf8::Shorten(m.evidence.empty() ? m.doc : m.evidence, max_bytes);
  }
  return e.date.begin.ToIso() + " " + e.source + "→" + e.target + " " + e.code + " " + words;
}

// Writes a report to standard output in the format asked for.
void Print(const Report& r, const std::string& format) {
  std::string out = burden::Render(r, *burden::ParseFormat(format));
  std::fwrite(out.data(), 1, out.size(), stdout);
}

// The columns a measure shows in a table; CSV and JSON carry every column.
std::vector<std::string> MeasureColumns(const std::string& measure, bool share) {
  std::vector<std::string> c;
  if (measure == "events") c = {"events", "forward", "backward"};
  if (measure == "goldstein") c = {"goldstein_sum", "goldstein_mean", "events"};
  if (measure == "cooperation") c = {"cooperation", "events"};
  if (measure == "conflict") c = {"conflict", "events"};
  if (measure == "quad") c = {"quad1", "quad2", "quad3", "quad4"};
  if (share) c.insert(c.end(), {"share_a", "share_b"});
  return c;
}

Value Cell(const SeriesPoint& p, const std::string& key) {
  if (key == "events") return p.total;
  if (key == "forward") return p.forward;
  if (key == "backward") return p.backward;
  if (key == "goldstein_sum") return p.goldstein_sum;
  if (key == "goldstein_mean") return p.goldstein_mean;
  if (key == "cooperation") return p.cooperation;
  if (key == "conflict") return p.conflict;
  if (key.rfind("quad", 0) == 0) return p.quad[key[4] - '0'];
  if (key == "share_a") return p.share_a;
  if (key == "share_b") return p.share_b;
  return std::monostate{};
}

std::string Header(const std::string& key, const DyadSeries& s) {
  if (key == "forward") return s.a + "→" + s.b;
  if (key == "backward") return s.b + "→" + s.a;
  if (key == "share_a") return "share of " + s.a;
  if (key == "share_b") return "share of " + s.b;
  return key;
}

}  // namespace

// dyad unga: import recorded votes, and measure agreement, alignment and blocs.
void RegisterUnga(CLI::App& app, Global& g) {
  CLI::App* unga = app.add_subcommand(
      "unga", "UN General Assembly votes: import roll calls; agreement, alignment and blocs");
  unga->require_subcommand(1);
  struct Flags {
    std::string db = DefaultDb(), from, to, format = "table", with;
    std::vector<std::string> files, pair, resolutions, countries;
    int k = 2, top = 0;
  };
  auto f = std::make_shared<Flags>();
  auto common = [&](CLI::App* c, bool dates) {
    c->add_option("--db", f->db, kDbHelp);
    if (dates) {
      c->add_option("--from", f->from, "first vote date (YYYY, YYYY-MM or YYYY-MM-DD)");
      c->add_option("--to", f->to, "last vote date");
      c->add_option("--format", f->format, "table, csv, json or markdown")
          ->check(CLI::IsMember({"table", "csv", "json", "markdown"}));
      c->add_option("--resolution", f->resolutions,
                    "only these resolutions, or those a prefix names (A/RES/ES-11: the emergency "
                    "session on Ukraine); repeatable");
    }
  };
  CLI::App* imp = unga->add_subcommand(
      "import",
      "Store recorded votes: the tidy TSV (resolution, date, country, vote) or the UN "
      "Digital Library's CSV");
  imp->add_option("FILE", f->files, "votes files (data/unga/votes.tsv is shipped)")->required();
  common(imp, false);
  imp->callback([f, &g] {
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kCreate);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    for (const std::string& path : f->files) {
      std::vector<std::string> problems;
      Result<UngaFile> file = ReadUngaFile(path, &problems);
      for (const std::string& p : problems) std::cerr << "dyad: " << p << "\n";
      if (!problems.empty()) g.exit_code = 1;
      if (!file.ok()) {
        std::cerr << "dyad: " << file.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      Result<long long> added = store->AddVotes(*file);
      if (!added.ok()) {
        std::cerr << "dyad: " << path << ": " << added.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      std::printf("%s: %zu resolutions, %zu votes read, %lld new\n", path.c_str(),
                  file->resolutions.size(), file->votes.size(), *added);
    }
  });
  // The stored votes in the dates asked, or null after saying why.
  auto votes = [f, &g]() -> std::optional<std::vector<UngaVote>> {
    std::optional<Date> from = ParseDateFlag(f->from, false), to = ParseDateFlag(f->to, true);
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return std::nullopt;
    }
    Result<std::vector<UngaVote>> v = store->Votes(from, to);
    if (!v.ok()) {
      std::cerr << "dyad: " << v.status().message() << "\n";
      g.exit_code = 1;
      return std::nullopt;
    }
    KeepResolutions(&*v, f->resolutions);
    if (v->empty()) {
      std::cerr << "dyad: no UN votes stored"
                << (from || to || !f->resolutions.empty() ? " for the dates and resolutions asked"
                                                          : "")
                << " (dyad unga import data/unga/votes.tsv stores the shipped roll calls)\n";
      return std::nullopt;
    }
    return std::move(v).value();
  };
  auto resolutions = [](const std::vector<UngaVote>& v) {
    std::set<std::string> r;
    for (const UngaVote& x : v) r.insert(x.resolution);
    return r.size();
  };
  auto agreement_columns = [](Report* r) {
    r->columns = {Column("a", "state", 0), Column("b", "with", 0), Column("votes", "votes", 0),
                  Column("same", "same vote", 3), Column("index", "agreement", 3)};
  };
  const char* kConvention =
      "agreement: the mean of 1 - |p(a) - p(b)| with yes 1, abstain 0.5, no 0, over the votes "
      "both cast; same vote: the share of those where both voted alike; a vote either did not "
      "cast is left out.";

  CLI::App* list = unga->add_subcommand("votes", "The stored votes, by resolution");
  list->add_option("--country", f->countries, "only these states (codes or names); repeatable");
  common(list, true);
  list->callback([f, &g, votes] {
    std::set<std::string> only;
    for (const std::string& c : f->countries) only.insert(NormaliseSide(c, g, "--country"));
    std::optional<std::vector<UngaVote>> v = votes();
    if (!v) return;
    Report r;
    r.title = "UN General Assembly recorded votes (Y yes, N no, A abstain, X non-voting)";
    r.columns = {Column("resolution", "resolution", 0), Column("date", "date", 0),
                 Column("country", "state", 0), Column("vote", "vote", 0)};
    for (const UngaVote& x : *v)
      if (only.empty() || only.count(x.country))
        r.rows.push_back({x.resolution, x.date.ToIso(), x.country, std::string(1, x.vote)});
    r.notes.push_back(
        "Source: United Nations Dag Hammarskjöld Library, UN Digital Library voting records "
        "(https://digitallibrary.un.org), © United Nations, for the shipped roll calls.");
    Print(r, f->format);
  });

  CLI::App* agree = unga->add_subcommand("agreement", "How often two states vote alike");
  agree->add_option("A B", f->pair, "two states (codes or names)")->expected(2)->required();
  common(agree, true);
  agree->callback([f, &g, votes, resolutions, agreement_columns, kConvention] {
    std::string a = NormaliseSide(f->pair[0], g, "A"), b = NormaliseSide(f->pair[1], g, "B");
    std::optional<std::vector<UngaVote>> v = votes();
    if (!v) return;
    Agreement x = UngaAgreement(*v, a, b);
    Report r;
    r.title =
        "UN General Assembly agreement, " + std::to_string(resolutions(*v)) + " recorded votes";
    agreement_columns(&r);
    r.rows.push_back({x.a, x.b, static_cast<long long>(x.votes), x.same, x.index});
    r.notes.push_back(kConvention);
    if (x.votes == 0) std::cerr << "dyad: " << a << " and " << b << " share no vote cast\n";
    Print(r, f->format);
  });

  CLI::App* align = unga->add_subcommand("align", "Who votes with a state, ranked");
  align->add_option("--with", f->with, "the state (code or name)")->required();
  align->add_option("--top", f->top, "only the first N (0: all)");
  common(align, true);
  align->callback([f, &g, votes, resolutions, agreement_columns, kConvention] {
    std::string with = NormaliseSide(f->with, g, "--with");
    std::optional<std::vector<UngaVote>> v = votes();
    if (!v) return;
    std::vector<Agreement> ranked = UngaAlign(*v, with);
    if (f->top > 0 && ranked.size() > static_cast<size_t>(f->top)) ranked.resize(f->top);
    Report r;
    r.title = "Who votes with " + with + ", " + std::to_string(resolutions(*v)) + " recorded votes";
    agreement_columns(&r);
    for (const Agreement& x : ranked)
      r.rows.push_back({x.a, x.b, static_cast<long long>(x.votes), x.same, x.index});
    r.notes.push_back(kConvention);
    Print(r, f->format);
  });

  CLI::App* blocs = unga->add_subcommand("blocs", "States grouped by how alike they vote");
  blocs->add_option("--k", f->k, "how many blocs")->check(CLI::Range(1, 50));
  common(blocs, true);
  blocs->callback([f, votes, resolutions] {
    std::optional<std::vector<UngaVote>> v = votes();
    if (!v) return;
    std::vector<Bloc> bs = UngaBlocs(*v, f->k);
    Report r;
    r.title = std::to_string(bs.size()) + " voting blocs, " + std::to_string(resolutions(*v)) +
              " recorded votes";
    r.columns = {Column("bloc", "bloc", 0), Column("state", "state", 0),
                 Column("size", "bloc size", 0), Column("cohesion", "cohesion", 3)};
    for (size_t i = 0; i < bs.size(); ++i)
      for (const std::string& m : bs[i].members)
        r.rows.push_back({static_cast<long long>(i + 1), m,
                          static_cast<long long>(bs[i].members.size()), bs[i].cohesion});
    r.notes.push_back(
        "Average-linkage clustering on 1 - agreement (yes 1, abstain 0.5, no 0; 1 where two "
        "states cast no common vote), cut into the blocs asked for; cohesion: the mean agreement "
        "between a bloc's members.");
    Print(r, f->format);
  });
}

// dyad changes: where the level of a dyad's series shifts, with the events around each shift.
void RegisterChanges(CLI::App& app, Global& g) {
  struct Flags {
    std::string db = DefaultDb(), by = "month", from, to, measure = "events", format = "table";
    std::vector<std::string> between;
    double penalty = -1;
    int evidence = 3;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* c = app.add_subcommand(
      "changes", "Where the level of a dyad's series shifts (PELT), with the events around it");
  c->add_option("--db", f->db, kDbHelp);
  c->add_option("--between", f->between, "the two sides")->expected(2)->required();
  c->add_option("--by", f->by, "period: week, month, quarter or year")
      ->check(CLI::IsMember({"week", "month", "quarter", "year"}));
  c->add_option("--from", f->from, "first date (default: the first event)");
  c->add_option("--to", f->to, "last date (default: the last event)");
  c->add_option("--measure", f->measure,
                "what is followed: the count of events, cooperation or conflict, or goldstein "
                "(the mean Goldstein weight of the events: the tone)")
      ->check(CLI::IsMember({"events", "cooperation", "conflict", "goldstein"}));
  c->add_option("--penalty", f->penalty, "PELT's penalty per change (default 3·log(periods))");
  c->add_option("--evidence", f->evidence,
                "events shown from the first period of each new level that has events");
  c->add_option("--format", f->format, "table, csv, json or markdown")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown"}));
  c->callback([f, &g] {
    ChangesRequest request;
    request.a = NormaliseSide(f->between[0], g), request.b = NormaliseSide(f->between[1], g);
    request.from = ParseDateFlag(f->from, false), request.to = ParseDateFlag(f->to, true);
    request.by = *ParsePeriod(f->by);
    request.measure = *ParseShiftMeasure(f->measure);
    request.penalty = f->penalty, request.evidence = f->evidence;
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    Result<ChangesAnswer> answer = ChangesOf(*store, request);
    if (!answer.ok()) {
      std::cerr << "dyad: " << answer.status().message() << "\n";
      if (answer.status().code() != Status::Code::kNotFound) g.exit_code = 1;
      return;
    }
    const DyadSeries& s = answer->series;
    bool tone = request.measure == ShiftMeasure::kTone;
    Report r;
    r.title = "Level shifts of " + request.a + "–" + request.b + " " + f->measure + " by " + f->by +
              ", " + s.points.front().period.begin.ToIso() + " to " +
              s.points.back().period.end.ToIso() + " (" + std::to_string(s.points.size()) +
              " periods)";
    r.columns = {Column("period", "from", 0),
                 Column("date", "date", 0),
                 Column("direction", "direction", 0),
                 Column("before", tone ? "mean Goldstein before" : "per period before", 2),
                 Column("after", tone ? "mean Goldstein after" : "per period after", 2),
                 Column("size", "change", 2),
                 Column("evidence", "first events of the new level", 0)};
    bool gap = false;
    for (const Change& c : answer->changes) {
      std::string evidence;
      for (const Event& e : c.evidence)
        evidence += (evidence.empty() ? "" : " | ") + EvidenceLine(e, 90);
      // With empty periods before the new level shows, the shift lies somewhere in them.
      std::string label = PeriodLabel(c.period, request.by);
      if (c.told.begin != c.period.begin) {
        label += "…" + PeriodLabel(c.told, request.by);
        gap = true;
      }
      const LevelShift& sh = c.shift;
      r.rows.push_back({label, c.period.begin.ToIso(),
                        std::string(sh.after > sh.before ? "up" : "down"), sh.before, sh.after,
                        sh.after - sh.before, evidence});
    }
    char penalty[120];
    if (f->penalty >= 0)
      std::snprintf(penalty, sizeof penalty, "%.2f", f->penalty);
    else if (tone)
      std::snprintf(penalty, sizeof penalty, "3·log(%lld events) = %.2f", answer->events,
                    answer->penalty);
    else
      std::snprintf(penalty, sizeof penalty, "3·log(%zu periods) = %.2f", s.points.size(),
                    answer->penalty);
    r.notes.push_back(std::string(tone ? "PELT over the events' Goldstein weights with the "
                                         "Gaussian cost of a segment's mean"
                                       : "PELT over the count per period with the Poisson cost") +
                      ", penalty " + penalty +
                      " per change, segments of two periods or more (docs/analysis.md).");
    if (gap)
      r.notes.push_back(
          "A range (from…to): the periods between had no events, so the shift lies somewhere in "
          "them; the evidence is from the last.");
    if (answer->changes.empty())
      std::cerr << "dyad: no " << (tone ? "shift of tone" : "level shift") << " found in "
                << s.points.size() << " periods\n";
    Print(r, f->format);
  });
}

// dyad network: the signed alignment network, its blocs and each state's place in it.
void RegisterNetwork(CLI::App& app, Global& g) {
  struct Flags {
    std::string db = DefaultDb(), from, to, format = "table";
    long long min_events = 3;
    unsigned seed = 1;
    int evidence = 3;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* c = app.add_subcommand(
      "network", "The alignment network: signed edges between states, blocs, centrality, trends");
  c->add_option("--db", f->db, kDbHelp);
  c->add_option("--from", f->from, "first date (default: every event)");
  c->add_option("--to", f->to, "last date");
  c->add_option("--min-events", f->min_events, "pairs with fewer events are left out (default 3)");
  c->add_option("--seed", f->seed, "seed of the bloc search (default 1)");
  c->add_option("--evidence", f->evidence,
                "ids of the weightiest events given for each edge (default 3; 0: none)")
      ->check(CLI::Range(0, 100));
  c->add_option("--format", f->format, "table, csv, json, markdown, graphml, gexf or svg")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "graphml", "gexf", "svg"}));
  c->callback([f, &g] {
    NetworkRequest request;
    request.from = ParseDateFlag(f->from, false), request.to = ParseDateFlag(f->to, true);
    request.options = {.min_events = f->min_events, .seed = f->seed};
    request.evidence = f->evidence;
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    Result<NetworkAnswer> answer = NetworkOf(*store, request);
    if (!answer.ok()) {
      std::cerr << "dyad: " << answer.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    const Network& net = answer->network;
    const Date &first = answer->first, &middle = answer->middle, &last = answer->last;
    if (net.edges.empty()) {
      std::cerr << "dyad: no pair of states with " << f->min_events
                << " events or more in the dates asked (lower --min-events or widen the dates)\n";
      return;
    }
    std::string out;
    if (f->format == "graphml") {
      out = NetworkGraphml(net);
    } else if (f->format == "gexf") {
      out = NetworkGexf(net);
    } else if (f->format == "svg") {
      out = NetworkSvg(net,
                       "Alignment network, " + first.ToIso() + " to " + last.ToIso() + " (" +
                           std::to_string(net.nodes.size()) + " states, pairs with " +
                           std::to_string(f->min_events) + "+ events)",
                       "dyad network, store " + f->db + "; blocs: spinglass on the signed graph");
    } else {
      burden::Format format = *burden::ParseFormat(f->format);
      Report nodes;
      nodes.title = "States, " + first.ToIso() + " to " + last.ToIso() + ": " +
                    std::to_string(net.nodes.size()) + " states, " +
                    std::to_string(net.edges.size()) + " edges";
      nodes.columns = {Column("state", "state", 0),
                       Column("bloc", "bloc", 0),
                       Column("degree", "edges", 0),
                       Column("positive", "cooperation weight", 1),
                       Column("negative", "conflict weight", 1),
                       Column("betweenness", "betweenness", 3)};
      for (const Node& v : net.nodes)
        nodes.rows.push_back({v.state, static_cast<long long>(v.bloc),
                              static_cast<long long>(v.degree), v.positive, v.negative,
                              v.betweenness});
      Report edges;
      edges.title =
          "Edges (weight: Σ Goldstein weight both ways; trend: second half − first, "
          "halves split at " +
          middle.ToIso() + ")";
      edges.columns = {Column("a", "a", 0),
                       Column("b", "b", 0),
                       Column("events", "events", 0),
                       Column("cooperation", "coop.", 0),
                       Column("conflict", "confl.", 0),
                       Column("weight", "weight", 1),
                       Column("trend", "trend", 1)};
      if (f->evidence > 0) edges.columns.push_back(Column("evidence", "weightiest events", 0));
      for (const Edge& e : net.edges) {
        std::vector<Value> row{e.a, e.b, e.events, e.cooperation, e.conflict, e.weight, e.trend};
        if (f->evidence > 0) {
          std::string ids;
          for (const std::string& id : e.evidence) ids += (ids.empty() ? "" : " ") + id;
          row.push_back(ids);
        }
        edges.rows.push_back(std::move(row));
      }
      char summary[200];
      std::snprintf(summary, sizeof summary,
                    "Blocs by spinglass community detection on the signed graph (seed %u): "
                    "modularity %.3f; %d of %zu edges frustrated (negative inside a bloc or "
                    "positive across).",
                    f->seed, net.modularity, net.frustrated, net.edges.size());
      edges.notes.push_back(summary);
      if (f->evidence > 0)
        edges.notes.push_back(
            "Weightiest events: the largest |Goldstein| first; `dyad events --id ID` shows one "
            "with its words.");
      if (format == burden::Format::kCsv || format == burden::Format::kJson)
        out = burden::Render(edges, format);  // one table a file: the edges
      else
        out = burden::Render(nodes, format) + "\n" + burden::Render(edges, format);
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
  });
}

// dyad triangle: three states' edges, their balance and the weakest link, with evidence.
void RegisterTriangle(CLI::App& app, Global& g) {
  struct Flags {
    std::string db = DefaultDb(), from, to, format = "table";
    std::vector<std::string> states;
    bool all = false;
    long long min_events = 1;
    int evidence = 3;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* c = app.add_subcommand(
      "triangle",
      "Three states: each edge's strength and trend, structural balance, the weakest link");
  c->add_option("STATES", f->states, "three states (USA KOR JPN, 한국 미국 일본)")->expected(3);
  c->add_flag("--all", f->all, "instead: every unbalanced triad of the network");
  c->add_option("--db", f->db, kDbHelp);
  c->add_option("--from", f->from, "first date");
  c->add_option("--to", f->to, "last date");
  c->add_option("--min-events", f->min_events, "edges with fewer events count as missing");
  c->add_option("--evidence", f->evidence, "events shown for the weakest link");
  c->add_option("--format", f->format, "table, csv, json, markdown or svg (one triad)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "svg"}));
  c->callback([f, &g] {
    if (f->all == (f->states.size() == 3))
      throw CLI::ValidationError("STATES", "give three states, or --all");
    std::vector<std::string> s;
    for (const std::string& x : f->states) s.push_back(NormaliseSide(x, g, "STATES"));
    if (f->all && f->format == "svg")
      throw CLI::ValidationError("--format", "svg draws one triad, not --all");
    NetworkRequest request;
    request.from = ParseDateFlag(f->from, false), request.to = ParseDateFlag(f->to, true);
    request.options = {.min_events = f->min_events};
    request.evidence = 0;
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    // One triad with its evidence, or the network for every unbalanced one.
    std::optional<TriangleAnswer> one;
    std::optional<NetworkAnswer> all;
    Status st;
    if (f->all) {
      Result<NetworkAnswer> n = NetworkOf(*store, request);
      if (n.ok()) all = std::move(n).value();
      st = n.status();
    } else {
      Result<TriangleAnswer> t = TriangleOf(*store, request, {s[0], s[1], s[2]}, f->evidence);
      if (t.ok()) one = std::move(t).value();
      st = t.status();
    }
    if (!st.ok()) {
      std::cerr << "dyad: " << st.message() << "\n";
      g.exit_code = 1;
      return;
    }
    const Date& middle = one ? one->middle : all->middle;
    auto balance_word = [](int b) {
      return std::string(b > 0   ? "balanced"
                         : b < 0 ? "unbalanced"
                                 : "undetermined (an edge is missing)");
    };
    if (f->format == "svg") {
      const Triad& t = one->triad;
      std::string out = TriadSvg(
          t,
          s[0] + "–" + s[1] + "–" + s[2] + ": " + balance_word(t.balance) + "; trend: from " +
              middle.ToIso() + " on against before",
          "dyad triangle, store " + f->db + "; weight: Σ Goldstein weight of the pair's events");
      std::fwrite(out.data(), 1, out.size(), stdout);
      return;
    }
    burden::Format format = *burden::ParseFormat(f->format);
    Report r;
    if (f->all) {
      std::vector<Triad> un = UnbalancedTriads(all->network);
      r.title = "Unbalanced triads (the product of the three edges' signs is negative)";
      r.columns = {Column("a", "a", 0),
                   Column("b", "b", 0),
                   Column("c", "c", 0),
                   Column("ab", "a–b", 1),
                   Column("ac", "a–c", 1),
                   Column("bc", "b–c", 1),
                   Column("weakest", "weakest", 0)};
      for (const Triad& t : un) {
        const Edge& w = t.edges[t.weakest];
        r.rows.push_back({t.states[0], t.states[1], t.states[2], t.edges[0].weight,
                          t.edges[1].weight, t.edges[2].weight, w.a + "–" + w.b});
      }
      if (un.empty()) std::cerr << "dyad: every triad with three edges is balanced\n";
    } else {
      const Triad& t = one->triad;
      r.title = "Triangle " + s[0] + "–" + s[1] + "–" + s[2] + ": " + balance_word(t.balance);
      r.columns = {Column("edge", "edge", 0),
                   Column("events", "events", 0),
                   Column("cooperation", "coop.", 0),
                   Column("conflict", "confl.", 0),
                   Column("weight", "weight", 1),
                   Column("trend", "trend", 1),
                   Column("note", "", 0)};
      for (int i = 0; i < 3; ++i) {
        const Edge& e = t.edges[i];
        std::string note;
        if (i == t.weakest) note = "weakest (lowest weight)";
        if (i == t.declining) note += std::string(note.empty() ? "" : "; ") + "steepest decline";
        r.rows.push_back(
            {e.a + "–" + e.b, e.events, e.cooperation, e.conflict, e.weight, e.trend, note});
      }
      // Evidence: the weakest link's most conflictual events.
      const Edge& w = t.edges[t.weakest];
      for (const Event& e : one->evidence)
        r.notes.push_back("evidence (" + w.a + "–" + w.b + "): " + EvidenceLine(e, 120));
    }
    r.notes.push_back(
        "weight: Σ Goldstein weight of the pair's events both ways; trend: the weight from " +
        middle.ToIso() +
        " on minus the weight before; balance (Heider): the product of the "
        "edges' signs.");
    std::string out = burden::Render(r, format);
    std::fwrite(out.data(), 1, out.size(), stdout);
  });
}

void RegisterAnalysis(CLI::App& app, Global& g) {
  RegisterTriangle(app, g);
  RegisterUnga(app, g);
  RegisterChanges(app, g);
  RegisterNetwork(app, g);
  auto f = std::make_shared<SeriesFlags>();
  CLI::App* c = app.add_subcommand(
      "series", "How a relationship moves: events, Goldstein score and quad classes by period");
  c->add_option("--db", f->db, kDbHelp);
  c->add_option("--between", f->between, "the two sides (PRK RUS, 북한 러시아, NATO)")
      ->expected(2)
      ->required();
  c->add_option("--and", f->more, "another dyad beside it, as two sides (--and PRK CHN)")
      ->expected(2)
      ->take_all();
  c->add_option("--by", f->by, "period: week, month, quarter or year")
      ->check(CLI::IsMember({"week", "month", "quarter", "year"}));
  c->add_option("--from", f->from,
                "first date (YYYY, YYYY-MM or YYYY-MM-DD; default: the first event)");
  c->add_option("--to", f->to, "last date (default: the last event)");
  c->add_option("--measure", f->measure,
                "what a table shows: events, goldstein, cooperation, conflict or quad")
      ->check(CLI::IsMember({"events", "goldstein", "cooperation", "conflict", "quad"}));
  c->add_flag("--share", f->share,
              "also the dyad's share of each side's events in the period (more coverage of one "
              "side is not a rise of the dyad)");
  c->add_option("--mode", f->modes, "which modes (default actual; all for every mode)");
  c->add_option("--format", f->format, "table, csv, json, markdown or svg (a line chart)")
      ->check(CLI::IsMember({"table", "csv", "json", "markdown", "svg"}));
  c->callback([f, &g] {
    std::vector<std::pair<std::string, std::string>> dyads;
    dyads.emplace_back(NormaliseSide(f->between[0], g), NormaliseSide(f->between[1], g));
    for (size_t i = 0; i + 1 < f->more.size(); i += 2)
      dyads.emplace_back(NormaliseSide(f->more[i], g, "--and"),
                         NormaliseSide(f->more[i + 1], g, "--and"));
    SeriesRequest request;
    request.dyads = dyads;
    request.by = *ParsePeriod(f->by);
    request.from = ParseDateFlag(f->from, false), request.to = ParseDateFlag(f->to, true);
    request.modes = ParseModes(f->modes);
    request.share = f->share;
    Period by = request.by;
    std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    Result<SeriesAnswer> answer = SeriesOf(*store, request);
    if (!answer.ok()) {
      std::cerr << "dyad: " << answer.status().message() << "\n";
      if (answer.status().code() != Status::Code::kNotFound) g.exit_code = 1;
      return;
    }
    const std::vector<DyadSeries>& series = answer->series;
    const Date &start = answer->start, &end = answer->end;
    static const std::map<std::string, std::string> kWhat = {
        {"events", "Events"},
        {"goldstein", "Tone (mean Goldstein weight)"},
        {"cooperation", "Cooperative events"},
        {"conflict", "Conflictual events"},
        {"quad", "Events"}};
    std::string title = kWhat.at(f->measure) + " by " + std::string(PeriodName(by)) + ", " +
                        start.ToIso() + " to " + end.ToIso() + " (" + f->modes + " events)";
    if (f->format == "svg") {
      static const std::map<std::string, std::string> kLine = {{"events", "events"},
                                                               {"goldstein", "goldstein_mean"},
                                                               {"cooperation", "cooperation"},
                                                               {"conflict", "conflict"},
                                                               {"quad", "events"}};
      std::string out = SeriesChart(
          series, kLine.at(f->measure), title,
          "dyad series, store " + f->db + "; dashed: " +
              (f->measure == "goldstein" ? "shifts of tone" : "level shifts") + " (dyad changes)");
      std::fwrite(out.data(), 1, out.size(), stdout);
      return;
    }
    burden::Format format = *burden::ParseFormat(f->format);
    Report r;
    r.title = title;
    bool wide = series.size() > 1 &&
                (format == burden::Format::kTable || format == burden::Format::kMarkdown);
    std::vector<std::string> keys =
        format == burden::Format::kTable || format == burden::Format::kMarkdown
            ? MeasureColumns(f->measure, f->share)
            : std::vector<std::string>{"events",         "forward",     "backward", "goldstein_sum",
                                       "goldstein_mean", "cooperation", "conflict", "quad1",
                                       "quad2",          "quad3",       "quad4",    "share_a",
                                       "share_b"};
    if (!f->share && !wide && format != burden::Format::kTable &&
        format != burden::Format::kMarkdown)
      keys.resize(keys.size() - 2);
    if (wide) {
      // Dyads side by side: a row per period, the measure's columns for each dyad.
      r.columns.emplace_back("period", "period", 0);
      for (const DyadSeries& s : series)
        for (const std::string& k : keys)
          r.columns.emplace_back(
              s.a + "-" + s.b + ":" + k, s.a + "–" + s.b + " " + Header(k, s),
              k.find("share") != std::string::npos || k == "goldstein_mean" ? 3 : 1);
      for (size_t i = 0; i < series.front().points.size(); ++i) {
        std::vector<Value> row{PeriodLabel(series.front().points[i].period, by)};
        for (const DyadSeries& s : series)
          for (const std::string& k : keys) row.push_back(Cell(s.points[i], k));
        r.rows.push_back(std::move(row));
      }
    } else {
      for (const char* h : {"a", "b", "period", "begin", "end"})
        r.columns.emplace_back(h,
                               h == std::string("a")   ? "side A"
                               : h == std::string("b") ? "side B"
                                                       : h,
                               0);
      for (const std::string& k : keys)
        r.columns.emplace_back(
            k, Header(k, series.front()),
            k.find("share") != std::string::npos || k == "goldstein_mean" ? 3 : 1);
      for (const DyadSeries& s : series)
        for (const SeriesPoint& p : s.points) {
          std::vector<Value> row{s.a, s.b, PeriodLabel(p.period, by), p.period.begin.ToIso(),
                                 p.period.end.ToIso()};
          for (const std::string& k : keys) row.push_back(Cell(p, k));
          r.rows.push_back(std::move(row));
        }
    }
    r.notes.push_back(
        "An event counts in the period of its first day. forward: from the first side to the "
        "second. cooperation: quad classes 1-2; conflict: 3-4. Periods without events are zeros.");
    if (f->share)
      r.notes.push_back(
          "share of A: the dyad's events over every event A takes part in during the period.");
    std::string out = burden::Render(r, format);
    std::fwrite(out.data(), 1, out.size(), stdout);
  });
}

}  // namespace dyad::cli
