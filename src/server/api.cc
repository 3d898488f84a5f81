// The routes of /api/v1 (docs/api.md): each reads its parameters, calls the library functions
// the CLI calls, and answers JSON.
#include "server/api.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "dyad/analysis_store.h"
#include "dyad/chronology.h"
#include "dyad/coder.h"
#include "dyad/correction.h"
#include "dyad/document.h"
#include "dyad/event_io.h"
#include "dyad/jsonl.h"
#include "dyad/unga.h"
#include "dyad/utf8.h"

namespace dyad::server_internal {

namespace {

// The store a read handler reads: this thread's connection, in the request's snapshot.
Store& ReadStore(Context& c) { return **c.Reader(); }

Reply Failed(const Status& s) {
  int status = s.code() == Status::Code::kNotFound       ? 404
               : s.code() == Status::Code::kInvalidInput ? 400
                                                         : 500;
  return ErrorReply(status, s.message());
}

Json EventJson(const Event& e) { return Json::parse(EventToJson(e), nullptr, false); }

Json SpanJson(const DateSpan& d) {
  return Json{{"begin", d.begin.ToIso()},
              {"end", d.end.ToIso()},
              {"precision", std::string(PrecisionName(d.precision))}};
}

// The sides of a query: `between=A,B` (or two `between`), or `actor`. Names the lexicon knows
// are resolved (북한, NATO); an unknown one is a 400 naming the parameter.
std::optional<Reply> ReadSides(Context& c, const Params& p, EventQuery* q, bool required) {
  std::vector<std::string> between = p.All("between");
  std::optional<std::string> actor = p.Text("actor");
  if (!between.empty() && between.size() != 2)
    return ErrorReply(400, "between: give two sides, e.g. between=PRK,RUS", "between");
  if (between.size() == 2) {
    for (int i = 0; i < 2; ++i) {
      Result<std::string> side = c.Side(between[i]);
      if (!side.ok()) return BadParameter(side.status(), "between");
      (i == 0 ? q->side_a : q->side_b) = *side;
    }
  } else if (actor && !actor->empty()) {
    Result<std::string> side = c.Side(*actor);
    if (!side.ok()) return BadParameter(side.status(), "actor");
    q->actor = *side;
  } else if (required) {
    return ErrorReply(400, "between: give two sides, e.g. between=PRK,RUS", "between");
  }
  return std::nullopt;
}

std::optional<Reply> ReadDates(const Params& p, std::optional<Date>* from,
                               std::optional<Date>* to) {
  Result<std::optional<Date>> f = p.DateBound("from", false);
  if (!f.ok()) return BadParameter(f.status(), "from");
  Result<std::optional<Date>> t = p.DateBound("to", true);
  if (!t.ok()) return BadParameter(t.status(), "to");
  if (*f && *t && **t < **f)
    return ErrorReply(400, "to: " + (*t)->ToIso() + " is before from", "to");
  *from = *f, *to = *t;
  return std::nullopt;
}

// Every filter of `dyad events`: sides, dates, code, mode, document.
std::optional<Reply> ReadEventQuery(Context& c, const Params& p, EventQuery* q) {
  if (auto bad = ReadSides(c, p, q, false)) return bad;
  if (auto bad = ReadDates(p, &q->from, &q->to)) return bad;
  if (std::optional<std::string> code = p.Text("code"); code && !code->empty()) {
    if (code->size() < 2 || code->size() > 4 ||
        code->find_first_not_of("0123456789") != std::string::npos)
      return ErrorReply(400,
                        "code: '" + *code +
                            "' is not a CAMEO code or root (two to four "
                            "digits, e.g. 04 or 042)",
                        "code");
    q->code_root = *code;
  }
  for (const std::string& m : p.All("mode")) {
    if (m == "all") {
      q->modes.clear();
      break;
    }
    std::optional<EventMode> mode = ParseMode(m);
    if (!mode)
      return ErrorReply(400,
                        "mode: '" + m +
                            "' is not actual, expected, hypothetical, negated "
                            "or all",
                        "mode");
    q->modes.push_back(*mode);
  }
  Result<long long> doc = p.Int("document", 0, 0, 1LL << 62);
  if (!doc.ok()) return BadParameter(doc.status(), "document");
  q->document_id = *doc;
  return std::nullopt;
}

Result<Period> PeriodParam(const Params& p) {
  std::string by = p.Text("by").value_or("month");
  std::optional<Period> period = ParsePeriod(by);
  if (!period) return Status::InvalidInput("'" + by + "' is not week, month, quarter or year");
  return *period;
}

// ---- events ----

Reply Health(Context& c, const Request&) {
  Store& s = ReadStore(c);
  Result<long long> events = s.CountEvents({});
  Result<std::vector<StoredDocument>> docs = s.Documents();
  if (!events.ok()) return Failed(events.status());
  if (!docs.ok()) return Failed(docs.status());
  return JsonReply({{"ok", true},
                    {"events", *events},
                    {"documents", docs->size()},
                    {"schema", s.schema_version()}});
}

Reply Events(Context& c, const Request& r) {
  Params p(r);
  EventQuery q;
  if (auto bad = ReadEventQuery(c, p, &q)) return *bad;
  q.unreviewed = p.Flag("unreviewed");
  Result<long long> limit = p.Int("limit", 100, 1, 1000);
  if (!limit.ok()) return BadParameter(limit.status(), "limit");
  Result<long long> offset = p.Int("offset", 0, 0, 1LL << 40);
  if (!offset.ok()) return BadParameter(offset.status(), "offset");
  Store& s = ReadStore(c);
  Result<long long> total = s.CountEvents(q);
  if (!total.ok()) return Failed(total.status());
  q.limit = *limit, q.offset = *offset;
  Result<std::vector<Event>> events = s.Events(q);
  if (!events.ok()) return Failed(events.status());
  Json list = Json::array();
  for (const Event& e : *events) list.push_back(EventJson(e));
  return JsonReply(
      {{"total", *total}, {"offset", *offset}, {"limit", *limit}, {"events", std::move(list)}});
}

// The words around a telling: up to `around` bytes each side, cut at character boundaries.
Json Surroundings(const std::string& text, uint32_t begin, uint32_t end, size_t around) {
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text.size()));
  end = std::clamp<uint32_t>(end, begin, static_cast<uint32_t>(text.size()));
  size_t from = begin > around ? begin - around : 0;
  size_t to = std::min(text.size(), end + around);
  while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
  while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
  return {{"before", text.substr(from, begin - from)},
          {"text", text.substr(begin, end - begin)},
          {"after", text.substr(end, to - end)}};
}

Reply OneEvent(Context& c, const Request& r) {
  EventQuery q;
  q.id = r.path.at(0);
  Store& s = ReadStore(c);
  Result<std::vector<Event>> events = s.Events(q);
  if (!events.ok()) return Failed(events.status());
  if (events->empty()) return ErrorReply(404, "no stored event '" + q.id + "'", "id");
  const Event& e = events->front();
  Json tellings = Json::array();
  std::map<long long, std::optional<Document>> texts;
  for (const Mention& m : e.mentions) {
    Json t{{"document_id", m.document_id},
           {"doc", m.doc},
           {"span", {m.span_begin, m.span_end}},
           {"section", m.section},
           {"evidence", m.evidence},
           {"date", SpanJson(m.date)}};
    if (!texts.count(m.document_id)) {
      Result<Document> d = s.StoredText(m.document_id);
      texts[m.document_id] = d.ok() ? std::optional<Document>(std::move(d).value()) : std::nullopt;
    }
    if (const std::optional<Document>& d = texts[m.document_id]; d && !d->text.empty())
      t["context"] = Surroundings(d->text, m.span_begin, m.span_end, 400);
    tellings.push_back(std::move(t));
  }
  Json out = EventJson(e);
  out["tellings"] = std::move(tellings);
  return JsonReply(out);
}

Reply Chronology(Context& c, const Request& r) {
  Params p(r);
  EventQuery q;
  if (auto bad = ReadSides(c, p, &q, false)) return *bad;
  if (auto bad = ReadDates(p, &q.from, &q.to)) return *bad;
  std::string lang = p.Text("lang").value_or("ko");
  if (lang != "ko" && lang != "en") return ErrorReply(400, "lang: ko or en", "lang");
  q.modes = {EventMode::kActual};
  Result<std::vector<Event>> events = ReadStore(c).Events(q);
  if (!events.ok()) return Failed(events.status());
  ChronologyOptions co{
      .lang = lang, .codebook = &c.resources().codebook, .lexicon = &c.resources().lexicon};
  std::vector<ChronologyRow> rows = BuildChronology(*events, co);
  Json list = Json::array();
  for (const ChronologyRow& row : rows)
    list.push_back({{"date", FormatSpan(row.date)},
                    {"span", SpanJson(row.date)},
                    {"content", row.content},
                    {"sources", row.sources}});
  return JsonReply({{"events", events->size()},
                    {"rows", std::move(list)},
                    {"markdown", RenderChronology(rows, ChronologyFormat::kMarkdown, lang)}});
}

// ---- analysis ----

Json PointJson(const SeriesPoint& pt, Period by) {
  return {{"period", PeriodLabel(pt.period, by)},
          {"begin", pt.period.begin.ToIso()},
          {"end", pt.period.end.ToIso()},
          {"events", pt.total},
          {"forward", pt.forward},
          {"backward", pt.backward},
          {"goldstein_sum", pt.goldstein_sum},
          {"goldstein_mean", pt.goldstein_mean},
          {"cooperation", pt.cooperation},
          {"conflict", pt.conflict},
          {"quad", {pt.quad[1], pt.quad[2], pt.quad[3], pt.quad[4]}},
          {"share_a", pt.share_a},
          {"share_b", pt.share_b}};
}

Reply Series(Context& c, const Request& r) {
  Params p(r);
  SeriesRequest req;
  std::vector<std::string> dyads = p.All("dyad");
  if (dyads.empty() || dyads.size() % 2 != 0)
    return ErrorReply(400, "dyad: give each dyad as two sides, e.g. dyad=PRK,RUS&dyad=PRK,CHN",
                      "dyad");
  if (dyads.size() > 16) return ErrorReply(400, "dyad: at most 8 dyads at once", "dyad");
  for (size_t i = 0; i < dyads.size(); i += 2) {
    Result<std::string> a = c.Side(dyads[i]), b = c.Side(dyads[i + 1]);
    if (!a.ok()) return BadParameter(a.status(), "dyad");
    if (!b.ok()) return BadParameter(b.status(), "dyad");
    req.dyads.emplace_back(*a, *b);
  }
  Result<Period> by = PeriodParam(p);
  if (!by.ok()) return BadParameter(by.status(), "by");
  req.by = *by;
  if (auto bad = ReadDates(p, &req.from, &req.to)) return *bad;
  req.share = p.Flag("share");
  Result<SeriesAnswer> a = SeriesOf(ReadStore(c), req);
  if (!a.ok()) return Failed(a.status());
  Json series = Json::array();
  for (const DyadSeries& s : a->series) {
    Json points = Json::array();
    std::vector<double> counts;
    for (const SeriesPoint& pt : s.points) {
      points.push_back(PointJson(pt, s.by));
      counts.push_back(static_cast<double>(pt.total));
    }
    // Where the level and the tone shift (dyad changes' defaults), for the chart to mark.
    Json shifts = Json::array(), tone = Json::array();
    for (size_t i : ChangePointsPoisson(counts))
      shifts.push_back(PeriodLabel(s.points[i].period, s.by));
    for (size_t i : ChangePointsGoldstein(s)) tone.push_back(PeriodLabel(s.points[i].period, s.by));
    series.push_back({{"a", s.a},
                      {"b", s.b},
                      {"points", std::move(points)},
                      {"level_shifts", std::move(shifts)},
                      {"tone_shifts", std::move(tone)}});
  }
  return JsonReply({{"by", std::string(PeriodName(req.by))},
                    {"from", a->start.ToIso()},
                    {"to", a->end.ToIso()},
                    {"series", std::move(series)}});
}

Reply Changes(Context& c, const Request& r) {
  Params p(r);
  EventQuery sides;
  if (auto bad = ReadSides(c, p, &sides, true); bad) return *bad;
  if (sides.side_a.empty()) return ErrorReply(400, "between: give two sides", "between");
  ChangesRequest req;
  req.a = sides.side_a, req.b = sides.side_b;
  Result<Period> by = PeriodParam(p);
  if (!by.ok()) return BadParameter(by.status(), "by");
  req.by = *by;
  if (auto bad = ReadDates(p, &req.from, &req.to)) return *bad;
  std::string measure = p.Text("measure").value_or("events");
  std::optional<ShiftMeasure> m = ParseShiftMeasure(measure);
  if (!m) return ErrorReply(400, "measure: events, cooperation, conflict or goldstein", "measure");
  req.measure = *m;
  Result<double> penalty = p.Real("penalty", -1);
  if (!penalty.ok()) return BadParameter(penalty.status(), "penalty");
  req.penalty = *penalty;
  Result<long long> evidence = p.Int("evidence", 3, 0, 50);
  if (!evidence.ok()) return BadParameter(evidence.status(), "evidence");
  req.evidence = static_cast<int>(*evidence);
  Result<ChangesAnswer> a = ChangesOf(ReadStore(c), req);
  if (!a.ok()) return Failed(a.status());
  Json changes = Json::array();
  for (const Change& ch : a->changes) {
    Json ev = Json::array();
    for (const Event& e : ch.evidence) ev.push_back(EventJson(e));
    changes.push_back({{"period", PeriodLabel(ch.period, req.by)},
                       {"begin", ch.period.begin.ToIso()},
                       {"first_told", PeriodLabel(ch.told, req.by)},
                       {"direction", ch.shift.after > ch.shift.before ? "up" : "down"},
                       {"before", ch.shift.before},
                       {"after", ch.shift.after},
                       {"evidence", std::move(ev)}});
  }
  return JsonReply({{"a", req.a},
                    {"b", req.b},
                    {"measure", measure},
                    {"periods", a->series.points.size()},
                    {"events", a->events},
                    {"penalty", a->penalty},
                    {"changes", std::move(changes)}});
}

std::optional<Reply> ReadNetworkRequest(const Params& p, NetworkRequest* req) {
  if (auto bad = ReadDates(p, &req->from, &req->to)) return bad;
  Result<long long> min = p.Int("min_events", 3, 1, 1000000);
  if (!min.ok()) return BadParameter(min.status(), "min_events");
  Result<long long> seed = p.Int("seed", 1, 0, 1LL << 31);
  if (!seed.ok()) return BadParameter(seed.status(), "seed");
  Result<long long> evidence = p.Int("evidence", 3, 0, 50);
  if (!evidence.ok()) return BadParameter(evidence.status(), "evidence");
  req->options = {.min_events = *min, .seed = static_cast<unsigned>(*seed)};
  req->evidence = static_cast<int>(*evidence);
  return std::nullopt;
}

Json EdgeJson(const Edge& e) {
  return {{"a", e.a},
          {"b", e.b},
          {"events", e.events},
          {"cooperation", e.cooperation},
          {"conflict", e.conflict},
          {"weight", e.weight},
          {"trend", e.trend},
          {"evidence", e.evidence}};
}

Reply NetworkRoute(Context& c, const Request& r) {
  Params p(r);
  NetworkRequest req;
  if (auto bad = ReadNetworkRequest(p, &req)) return *bad;
  Result<NetworkAnswer> a = NetworkOf(ReadStore(c), req);
  if (!a.ok()) return Failed(a.status());
  Json nodes = Json::array(), edges = Json::array();
  for (const Node& n : a->network.nodes)
    nodes.push_back({{"state", n.state},
                     {"bloc", n.bloc},
                     {"degree", n.degree},
                     {"positive", n.positive},
                     {"negative", n.negative},
                     {"betweenness", n.betweenness}});
  for (const Edge& e : a->network.edges) edges.push_back(EdgeJson(e));
  return JsonReply({{"from", a->first.ToIso()},
                    {"to", a->last.ToIso()},
                    {"middle", a->middle.ToIso()},
                    {"modularity", a->network.modularity},
                    {"frustrated", a->network.frustrated},
                    {"nodes", std::move(nodes)},
                    {"edges", std::move(edges)}});
}

Reply Triangle(Context& c, const Request& r) {
  Params p(r);
  std::vector<std::string> names = p.All("states");
  if (names.size() != 3)
    return ErrorReply(400, "states: give three states, e.g. states=USA,KOR,JPN", "states");
  std::array<std::string, 3> states;
  for (int i = 0; i < 3; ++i) {
    Result<std::string> s = c.Side(names[i]);
    if (!s.ok()) return BadParameter(s.status(), "states");
    states[i] = *s;
  }
  NetworkRequest req;
  if (auto bad = ReadNetworkRequest(p, &req)) return *bad;
  if (!p.Text("min_events")) req.options.min_events = 1;
  Result<TriangleAnswer> a = TriangleOf(ReadStore(c), req, states, req.evidence);
  if (!a.ok()) return Failed(a.status());
  Json edges = Json::array(), evidence = Json::array();
  for (const Edge& e : a->triad.edges) edges.push_back(EdgeJson(e));
  for (const Event& e : a->evidence) evidence.push_back(EventJson(e));
  return JsonReply({{"states", a->triad.states},
                    {"balance", a->triad.balance},
                    {"weakest", a->triad.weakest},
                    {"declining", a->triad.declining},
                    {"middle", a->middle.ToIso()},
                    {"edges", std::move(edges)},
                    {"evidence", std::move(evidence)}});
}

// ---- UN votes ----

Result<std::vector<UngaVote>> VotesAsked(Context& c, const Params& p, std::optional<Reply>* bad) {
  std::optional<Date> from, to;
  if ((*bad = ReadDates(p, &from, &to))) return Status::InvalidInput("dates");
  Result<std::vector<UngaVote>> v = ReadStore(c).Votes(from, to);
  if (!v.ok()) return v.status();
  KeepResolutions(&*v, p.All("resolution"));
  if (v->empty())
    return Status::NotFound(
        "no UN votes stored for the dates and resolutions asked (dyad unga import "
        "data/unga/votes.tsv stores the shipped roll calls)");
  return v;
}

Json AgreementJson(const Agreement& x) {
  return {{"a", x.a}, {"b", x.b}, {"votes", x.votes}, {"same", x.same}, {"index", x.index}};
}

Reply UngaAgreementRoute(Context& c, const Request& r) {
  Params p(r);
  std::string ab[2];
  for (int i = 0; i < 2; ++i) {
    const char* name = i == 0 ? "a" : "b";
    std::optional<std::string> v = p.Text(name);
    if (!v) return ErrorReply(400, std::string(name) + ": a state is needed", name);
    Result<std::string> s = c.Side(*v);
    if (!s.ok()) return BadParameter(s.status(), name);
    ab[i] = *s;
  }
  std::optional<Reply> bad;
  Result<std::vector<UngaVote>> v = VotesAsked(c, p, &bad);
  if (bad) return *bad;
  if (!v.ok()) return Failed(v.status());
  return JsonReply(AgreementJson(UngaAgreement(*v, ab[0], ab[1])));
}

Reply UngaAlignRoute(Context& c, const Request& r) {
  Params p(r);
  std::optional<std::string> with = p.Text("with");
  if (!with) return ErrorReply(400, "with: a state is needed", "with");
  Result<std::string> s = c.Side(*with);
  if (!s.ok()) return BadParameter(s.status(), "with");
  Result<long long> top = p.Int("top", 0, 0, 1000);
  if (!top.ok()) return BadParameter(top.status(), "top");
  std::optional<Reply> bad;
  Result<std::vector<UngaVote>> v = VotesAsked(c, p, &bad);
  if (bad) return *bad;
  if (!v.ok()) return Failed(v.status());
  std::vector<Agreement> ranked = UngaAlign(*v, *s);
  if (*top > 0 && ranked.size() > static_cast<size_t>(*top)) ranked.resize(*top);
  Json list = Json::array();
  for (const Agreement& x : ranked) list.push_back(AgreementJson(x));
  return JsonReply({{"with", *s}, {"states", std::move(list)}});
}

Reply UngaBlocsRoute(Context& c, const Request& r) {
  Params p(r);
  Result<long long> k = p.Int("k", 2, 1, 50);
  if (!k.ok()) return BadParameter(k.status(), "k");
  std::optional<Reply> bad;
  Result<std::vector<UngaVote>> v = VotesAsked(c, p, &bad);
  if (bad) return *bad;
  if (!v.ok()) return Failed(v.status());
  Json blocs = Json::array();
  for (const Bloc& b : UngaBlocs(*v, static_cast<int>(*k)))
    blocs.push_back({{"members", b.members}, {"cohesion", b.cohesion}});
  return JsonReply({{"blocs", std::move(blocs)}});
}

// ---- burden sharing ----

Json CellJson(const burden::Value& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<double>(&v)) return std::isfinite(*d) ? Json(*d) : Json();
  if (const auto* n = std::get_if<long long>(&v)) return *n;
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  return nullptr;
}

Reply Burden(Context& c, const Request& r) {
  Params p(r);
  const std::string& what = r.path.at(0);
  Result<const burden::BurdenData*> data = c.Burden();
  if (!data.ok()) return Failed(data.status());
  burden::Query q;
  Result<long long> year = p.Int("year", 0, 0, 2100);
  if (!year.ok()) return BadParameter(year.status(), "year");
  q.year = static_cast<int>(*year);
  if (auto g = p.Text("group")) q.group = *g;
  if (auto b = p.Text("basis")) q.basis = *b;
  if (auto e = p.Text("edition")) q.edition = *e;
  if (auto pl = p.Text("pledge")) q.pledge = *pl;
  for (const std::string& country : p.All("country")) {
    Result<std::string> s = c.Side(country);
    if (!s.ok()) return BadParameter(s.status(), "country");
    q.countries.push_back(*s);
  }
  Result<long long> window = p.Int("window", 5, 2, 30);
  if (!window.ok()) return BadParameter(window.status(), "window");
  q.window = static_cast<int>(*window);
  if (what == "chart") {
    if (q.pledge.empty()) return ErrorReply(400, "pledge: the chart needs a pledge", "pledge");
    Result<std::string> svg = burden::TrajectoryChart(**data, q);
    if (!svg.ok()) return BadParameter(svg.status(), "pledge");
    Reply out;
    out.body = std::move(svg).value();
    out.content_type = "image/svg+xml";
    return out;
  }
  Result<burden::Report> report = Status::NotFound("");
  if (what == "status")
    report = burden::StatusReport(**data, q);
  else if (what == "gap")
    report = burden::GapReport(**data, q);
  else if (what == "trend")
    report = burden::TrendReport(**data, q);
  else if (what == "rank")
    report = burden::RankReport(**data, q);
  else if (what == "revisions")
    report = burden::RevisionsReport(**data, q);
  else if (what == "editions")
    report = burden::EditionsReport(**data, q);
  else if (what == "pledges")
    report = burden::PledgesReport(**data, q);
  else
    return ErrorReply(404,
                      "no burden report '" + what +
                          "': status, gap, trend, rank, revisions, editions, pledges or chart");
  if (!report.ok()) return ErrorReply(400, report.status().message());
  Json columns = Json::array(), rows = Json::array();
  for (const burden::Column& col : report->columns)
    columns.push_back({{"key", col.key}, {"header", col.header}, {"group", col.group}});
  for (const std::vector<burden::Value>& row : report->rows) {
    Json cells = Json::array();
    for (const burden::Value& v : row) cells.push_back(CellJson(v));
    rows.push_back(std::move(cells));
  }
  return JsonReply({{"title", report->title},
                    {"columns", std::move(columns)},
                    {"rows", std::move(rows)},
                    {"notes", report->notes}});
}

// ---- documents and review ----

Reply Documents(Context& c, const Request&) {
  Result<std::vector<StoredDocument>> docs = ReadStore(c).Documents();
  if (!docs.ok()) return Failed(docs.status());
  Json list = Json::array();
  for (const StoredDocument& d : *docs)
    list.push_back({{"id", d.id}, {"path", d.path}, {"title", d.title}, {"lang", d.lang}});
  return JsonReply({{"documents", std::move(list)}});
}

Reply OneDocument(Context& c, const Request& r) {
  long long id = 0;
  const std::string& text_id = r.path.at(0);
  auto [end, ec] = std::from_chars(text_id.data(), text_id.data() + text_id.size(), id);
  if (ec != std::errc() || end != text_id.data() + text_id.size())
    return ErrorReply(400, "id: a document's number", "id");
  Store& s = ReadStore(c);
  Result<Document> doc = s.StoredText(id);
  if (!doc.ok()) return Failed(doc.status());
  EventQuery q;
  q.document_id = id;
  Result<std::vector<Event>> events = s.Events(q);
  if (!events.ok()) return Failed(events.status());
  Json list = Json::array();
  for (const Event& e : *events) {
    Json spans = Json::array();
    for (const Mention& m : e.mentions)
      if (m.document_id == id) spans.push_back({m.span_begin, m.span_end});
    Json j = EventJson(e);
    j["spans"] = std::move(spans);
    list.push_back(std::move(j));
  }
  return JsonReply({{"id", id},
                    {"path", doc->path},
                    {"format", doc->format},
                    {"text", doc->text},
                    {"events", std::move(list)}});
}

Reply Review(Context& c, const Request& r) {
  Params p(r);
  Result<long long> limit = p.Int("limit", 50, 1, 1000);
  if (!limit.ok()) return BadParameter(limit.status(), "limit");
  Result<long long> offset = p.Int("offset", 0, 0, 1LL << 40);
  if (!offset.ok()) return BadParameter(offset.status(), "offset");
  Store& s = ReadStore(c);
  EventQuery q;
  if (auto bad = ReadEventQuery(c, p, &q)) return *bad;
  q.unreviewed = true;
  Result<long long> total = s.CountEvents(q);
  if (!total.ok()) return Failed(total.status());
  q.limit = *limit, q.offset = *offset;
  Result<std::vector<Event>> events = s.Events(q);
  if (!events.ok()) return Failed(events.status());
  Result<std::vector<Unresolved>> items = s.UnresolvedItems(p.Text("reason").value_or(""));
  if (!items.ok()) return Failed(items.status());
  Json list = Json::array(), uncoded = Json::array();
  for (const Event& e : *events) list.push_back(EventJson(e));
  size_t from = std::min<size_t>(items->size(), static_cast<size_t>(*offset));
  size_t to = std::min<size_t>(items->size(), from + static_cast<size_t>(*limit));
  for (size_t i = from; i < to; ++i) {
    const Unresolved& u = (*items)[i];
    uncoded.push_back({{"doc", u.doc},
                       {"span", {u.span_begin, u.span_end}},
                       {"evidence", u.evidence},
                       {"reason", u.reason},
                       {"predicate", u.predicate},
                       {"words", u.words}});
  }
  return JsonReply({{"total", *total},
                    {"events", std::move(list)},
                    {"uncoded_total", items->size()},
                    {"uncoded", std::move(uncoded)}});
}

// ---- writes ----

// A file name an upload may be stored under: a plain name, no folder, no "..", no control
// character.
bool SafeName(const std::string& name) {
  if (name.empty() || name.size() > 200 || name[0] == '.') return false;
  if (name.find("..") != std::string::npos) return false;
  for (unsigned char ch : name)
    if (ch < 0x20 || ch == '/' || ch == '\\' || ch == ':' || ch == 0x7F) return false;
  return true;
}

Reply Upload(Context& c, const Request& r) {
  Params p(r);
  std::string name = p.Text("name").value_or("");
  if (!SafeName(name))
    return ErrorReply(400, "name: the file's name, without a folder or '..' (brief.pdf)", "name");
  if (r.body.empty()) return ErrorReply(400, "the body is empty: send the file's bytes", "body");
  CodeOptions opt;
  std::string lang = p.Text("lang").value_or("auto");
  if (lang != "auto" && lang != "ko" && lang != "en")
    return ErrorReply(400, "lang: auto, ko or en", "lang");
  opt.lang = lang == "ko" ? Language::kKorean : lang == "en" ? Language::kEnglish : Language::kAuto;
  Result<long long> year = p.Int("year", 0, 0, 2100);
  if (!year.ok()) return BadParameter(year.status(), "year");
  opt.year = static_cast<int>(*year);
  if (std::optional<std::string> date = p.Text("date"); date && !date->empty()) {
    std::optional<Date> d = Date::Parse(*date);
    if (!d) return ErrorReply(400, "date: the document's day as YYYY-MM-DD", "date");
    opt.date = DocumentDate{*d, DocumentDateSource::kOption, 0, 0};
  }
  if (std::optional<std::string> self = p.Text("self"); self && !self->empty()) {
    Result<std::string> s = c.Side(*self);
    if (!s.ok()) return BadParameter(s.status(), "self");
    opt.self_country = *s;
  }
  // Stored under the store's uploads folder, named by content so two files never collide.
  std::string digest = Sha256Hex(r.body);
  std::filesystem::path dir = c.options().uploads_dir;
  std::filesystem::path path = dir / (digest.substr(0, 16) + "-" + name);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return ErrorReply(500, dir.string() + ": cannot create the uploads folder");
  {
    std::ofstream out(path, std::ios::binary);
    out.write(r.body.data(), static_cast<std::streamsize>(r.body.size()));
    if (!out) return ErrorReply(500, path.string() + ": cannot write the upload");
  }
  Result<Document> doc = LoadDocument(path.string());
  if (!doc.ok()) {
    std::filesystem::remove(path, ec);
    return ErrorReply(400, name + ": " + doc.status().message(), "body");
  }
  doc->path = name;  // the analyst's name for it, not the folder it is kept in
  Result<CodedDocument> coded = c.coder().Code(*doc, opt);
  if (!coded.ok()) return ErrorReply(400, name + ": " + coded.status().message(), "body");
  Result<IngestReport> stored = Status::Internal("");
  {
    std::lock_guard<std::mutex> lock(c.write_lock());
    stored = c.writer().Ingest(*doc, *coded);
  }
  if (!stored.ok()) return Failed(stored.status());
  Json events = Json::array();
  for (const Event& e : coded->events) events.push_back(EventJson(e));
  return JsonReply({{"document_id", stored->document_id},
                    {"already_present", stored->already_present},
                    {"events_added", stored->events_added},
                    {"events_merged", stored->events_merged},
                    {"uncoded", coded->unresolved.size()},
                    {"events", std::move(events)}},
                   stored->already_present ? 200 : 201);
}

Json CorrectionJson(const Correction& x) {
  Json j{{"id", x.id},
         {"kind", std::string(CorrectionKindName(x.kind))},
         {"event_id", x.event_id},
         {"who", x.who},
         {"at", x.at},
         {"note", x.note},
         {"superseded", x.superseded}};
  if (x.kind == CorrectionKind::kEdit || x.kind == CorrectionKind::kAdd)
    j["event"] = EventJson(x.event);
  return j;
}

Reply CorrectionsList(Context& c, const Request&) {
  Result<std::vector<Correction>> all = ReadStore(c).Corrections();
  if (!all.ok()) return Failed(all.status());
  Json list = Json::array();
  for (const Correction& x : *all) list.push_back(CorrectionJson(x));
  return JsonReply({{"corrections", std::move(list)}});
}

Reply Correct(Context& c, const Request& r) {
  Json in = Json::parse(r.body, nullptr, false);
  if (in.is_discarded() || !in.is_object())
    return ErrorReply(400, "the body is not a JSON object", "body");
  auto text = [&](const char* key) -> std::string {
    auto it = in.find(key);
    return it != in.end() && it->is_string() ? it->get<std::string>() : "";
  };
  std::optional<CorrectionKind> kind = ParseCorrectionKind(text("kind"));
  if (!kind) return ErrorReply(400, "kind: accept, reject, edit or add", "kind");
  Correction x;
  x.kind = *kind;
  x.event_id = text("event_id");
  x.who = text("who");
  x.note = text("note");
  if (x.who.empty()) return ErrorReply(400, "who: the analyst's name", "who");
  EventFields fields{.source = text("source"),
                     .target = text("target"),
                     .code = text("code"),
                     .mode = text("mode"),
                     .date = text("date"),
                     .date_end = text("date_end"),
                     .evidence = text("evidence")};
  if (*kind != CorrectionKind::kAdd && x.event_id.empty())
    return ErrorReply(400, "event_id: the event to correct", "event_id");
  std::lock_guard<std::mutex> lock(c.write_lock());
  Store& s = c.writer();
  if (*kind == CorrectionKind::kEdit) {
    EventQuery q;
    q.id = x.event_id;
    Result<std::vector<Event>> found = s.Events(q);
    if (!found.ok()) return Failed(found.status());
    if (found->empty()) return ErrorReply(404, "no stored event '" + x.event_id + "'", "event_id");
    Result<Event> edited = EditedEvent(c.resources(), found->front(), fields);
    if (!edited.ok()) return ErrorReply(400, edited.status().message());
    x.event = std::move(edited).value();
  } else if (*kind == CorrectionKind::kAdd) {
    Result<Event> added = NewEvent(c.resources(), fields);
    if (!added.ok()) return ErrorReply(400, added.status().message());
    x.event = std::move(added).value();
    if (auto it = in.find("document_id"); it != in.end() && it->is_number_integer())
      x.document_id = it->get<long long>();
  }
  Result<Correction> done = s.Correct(x);
  if (!done.ok()) return Failed(done.status());
  return JsonReply(CorrectionJson(*done), 201);
}

// ---- exports ----

Reply Export(Context& c, const Request& r) {
  Params p(r);
  std::string name = p.Text("format").value_or("jsonl");
  std::optional<EventFormat> format = ParseFormat(name);
  if (!format || *format == EventFormat::kXlsx)
    return ErrorReply(400, "format: jsonl, csv, gdelt, gdelt2 or icews", "format");
  EventQuery q;
  if (auto bad = ReadEventQuery(c, p, &q)) return *bad;
  Result<std::vector<Event>> events = ReadStore(c).Events(q);
  if (!events.ok()) return Failed(events.status());
  // The writers write files: one in the uploads folder, read back and removed.
  std::filesystem::path dir = c.options().uploads_dir;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::filesystem::path tmp =
      dir / (".export-" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  ReadContext names{&c.resources().lexicon.countries(), &c.resources().codebook, {}};
  Result<std::unique_ptr<EventWriter>> w =
      OpenEventWriter(*format, tmp.string(), p.Flag("bom"), names);
  if (!w.ok()) return Failed(w.status());
  for (const Event& e : *events)
    if (Status st = (*w)->Write(e); !st.ok()) return Failed(st);
  if (Status st = (*w)->Finish(); !st.ok()) return Failed(st);
  w->reset();
  std::ifstream in(tmp, std::ios::binary);
  Reply out;
  out.body.assign(std::istreambuf_iterator<char>(in), {});
  std::filesystem::remove(tmp, ec);
  out.content_type = *format == EventFormat::kJsonl ? "application/x-ndjson; charset=utf-8"
                     : *format == EventFormat::kCsv ? "text/csv; charset=utf-8"
                                                    : "text/tab-separated-values; charset=utf-8";
  out.filename = "dyad-events." + std::string(*format == EventFormat::kJsonl ? "jsonl"
                                              : *format == EventFormat::kCsv ? "csv"
                                                                             : "tsv");
  return out;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/health", Health, false},
      {"GET", "/events", Events, false},
      {"GET", "/events/([A-Za-z0-9._:-]{1,100})", OneEvent, false},
      {"GET", "/chronology", Chronology, false},
      {"GET", "/series", Series, false},
      {"GET", "/changes", Changes, false},
      {"GET", "/network", NetworkRoute, false},
      {"GET", "/triangle", Triangle, false},
      {"GET", "/unga/agreement", UngaAgreementRoute, false},
      {"GET", "/unga/align", UngaAlignRoute, false},
      {"GET", "/unga/blocs", UngaBlocsRoute, false},
      {"GET", "/burden/([a-z]{1,20})", Burden, false},
      {"GET", "/documents", Documents, false},
      {"GET", "/documents/([0-9]{1,18})", OneDocument, false},
      {"GET", "/review", Review, false},
      {"GET", "/corrections", CorrectionsList, false},
      {"GET", "/export", Export, false},
      {"POST", "/upload", Upload, true},
      {"POST", "/corrections", Correct, true},
  };
  return kRoutes;
}

}  // namespace dyad::server_internal
