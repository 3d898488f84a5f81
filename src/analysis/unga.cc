#include "dyad/unga.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>

#include "dyad/csv.h"
#include "dyad/tsv.h"

namespace dyad {

namespace {

double Position(char v) { return v == 'Y' ? 1.0 : v == 'N' ? 0.0 : 0.5; }
bool Voted(char v) { return v == 'Y' || v == 'N' || v == 'A'; }

// state → resolution → vote, over the votes cast.
using VoteTable = std::map<std::string, std::unordered_map<std::string, char>>;

VoteTable Table(const std::vector<UngaVote>& votes) {
  VoteTable t;
  for (const UngaVote& v : votes)
    if (Voted(v.vote)) t[v.country][v.resolution] = v.vote;
  return t;
}

Agreement Agree(const VoteTable& t, const std::string& a, const std::string& b) {
  Agreement out{a, b, 0, 0, 0};
  auto ia = t.find(a), ib = t.find(b);
  if (ia == t.end() || ib == t.end()) return out;
  double same = 0, index = 0;
  for (const auto& [res, va] : ia->second) {
    auto vb = ib->second.find(res);
    if (vb == ib->second.end()) continue;
    ++out.votes;
    same += va == vb->second;
    index += 1 - std::fabs(Position(va) - Position(vb->second));
  }
  if (out.votes > 0) out.same = same / out.votes, out.index = index / out.votes;
  return out;
}

char ParseVote(std::string v) {
  for (char& c : v) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (v == "Y" || v == "YES") return 'Y';
  if (v == "N" || v == "NO") return 'N';
  if (v == "A" || v == "ABSTAIN" || v == "ABSTENTION") return 'A';
  if (v.empty() || v == "X" || v == "NON-VOTING" || v == "NV" || v == "ABSENT") return 'X';
  return '?';
}

}  // namespace

Result<UngaFile> ReadUngaFile(const std::string& path, std::vector<std::string>* problems) {
  UngaFile out;
  std::map<std::string, size_t> seen;  // resolution → index in out.resolutions
  auto add = [&](const std::string& where, const std::string& res, const std::string& date_text,
                 const std::string& country, const std::string& vote_text,
                 const std::string& title) {
    std::optional<Date> date = Date::Parse(date_text.substr(0, 10));
    char vote = ParseVote(vote_text);
    if (res.empty()) return problems->push_back(where + "no resolution");
    if (!date) return problems->push_back(where + "date '" + date_text + "' is not YYYY-MM-DD");
    if (country.size() != 3)
      return problems->push_back(where + "country '" + country + "' is not ISO alpha-3");
    if (vote == '?')
      return problems->push_back(where + "vote '" + vote_text + "' is not Y, N, A or X");
    if (!seen.count(res)) {
      seen[res] = out.resolutions.size();
      out.resolutions.push_back({res, *date, title});
    } else if (!title.empty() && out.resolutions[seen[res]].title.empty()) {
      out.resolutions[seen[res]].title = title;
    }
    out.votes.push_back({res, *date, country, vote});
  };
  if (path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0) {
    // The UN Digital Library's CSV.
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open file (missing or unreadable)");
    std::ostringstream buf;
    buf << in.rdbuf();
    std::string text = buf.str();
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    std::vector<CsvRecord> records;
    size_t pos = 0;
    int line = 1;
    for (CsvRecord rec; pos < text.size();) {
      std::string error;
      if (!NextCsvRecord(text, &pos, &line, &rec, &error))
        return Status::InvalidInput(path + ":" + std::to_string(line) + ": " + error);
      records.push_back(rec);
    }
    const std::vector<CsvRecord>* rows = &records;
    if (rows->empty()) return Status::InvalidInput(path + ": empty file");
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < rows->front().cells.size(); ++i) col[rows->front().cells[i]] = i;
    for (const char* need : {"ms_code", "ms_vote", "date", "resolution"})
      if (!col.count(need))
        return Status::InvalidInput(path + ": not a UN Digital Library votes file (no '" + need +
                                    "' column)");
    for (size_t r = 1; r < rows->size(); ++r) {
      const auto& cells = (*rows)[r].cells;
      auto cell = [&](const char* name) -> std::string {
        auto it = col.find(name);
        return it != col.end() && it->second < cells.size() ? cells[it->second] : "";
      };
      add(path + ":" + std::to_string((*rows)[r].line) + ": ", cell("resolution"), cell("date"),
          cell("ms_code"), cell("ms_vote"), cell("title"));
    }
    return out;
  }
  Result<TsvTable> t = TsvTable::Read(path);
  if (!t.ok()) return t.status();
  int c_res = t->Column("resolution"), c_date = t->Column("date"), c_country = t->Column("country"),
      c_vote = t->Column("vote");
  if (c_res < 0 || c_date < 0 || c_country < 0 || c_vote < 0)
    return Status::InvalidInput(path +
                                ": the header must name resolution, date, country and vote (or "
                                "give the UN Digital Library's CSV)");
  for (const TsvRow& r : t->rows())
    add(t->Where(r), std::string(Cell(r, c_res)), std::string(Cell(r, c_date)),
        std::string(Cell(r, c_country)), std::string(Cell(r, c_vote)), "");
  // Titles from resolutions.tsv beside the votes.
  std::filesystem::path beside = std::filesystem::path(path).parent_path() / "resolutions.tsv";
  std::error_code ec;
  if (std::filesystem::exists(beside, ec)) {
    Result<TsvTable> rt = TsvTable::Read(beside.string());
    if (rt.ok()) {
      int rr = rt->Column("resolution"), rtitle = rt->Column("title");
      for (const TsvRow& r : rt->rows())
        if (auto it = seen.find(std::string(Cell(r, rr))); it != seen.end())
          out.resolutions[it->second].title = std::string(Cell(r, rtitle));
    }
  }
  return out;
}

Agreement UngaAgreement(const std::vector<UngaVote>& votes, const std::string& a,
                        const std::string& b) {
  return Agree(Table(votes), a, b);
}

std::vector<Agreement> UngaAlign(const std::vector<UngaVote>& votes, const std::string& with) {
  VoteTable t = Table(votes);
  std::vector<Agreement> out;
  for (const auto& [state, unused] : t) {
    if (state == with) continue;
    Agreement a = Agree(t, with, state);
    if (a.votes > 0) out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const Agreement& x, const Agreement& y) {
    if (x.index != y.index) return x.index > y.index;
    // Agreement over more votes says more: 13 votes alike rank above 2.
    if (x.votes != y.votes) return x.votes > y.votes;
    if (x.same != y.same) return x.same > y.same;
    return x.b < y.b;
  });
  return out;
}

std::vector<Bloc> UngaBlocs(const std::vector<UngaVote>& votes, int k) {
  VoteTable t = Table(votes);
  std::vector<std::string> states;
  for (const auto& [s, unused] : t) states.push_back(s);
  size_t n = states.size();
  std::vector<std::vector<double>> sim(n, std::vector<double>(n, 1));
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      Agreement a = Agree(t, states[i], states[j]);
      sim[i][j] = sim[j][i] = a.votes > 0 ? a.index : 0;
    }
  // Average linkage: merge the two clusters whose members agree most on average, until k remain.
  std::vector<std::vector<size_t>> clusters;
  for (size_t i = 0; i < n; ++i) clusters.push_back({i});
  auto linkage = [&](const std::vector<size_t>& x, const std::vector<size_t>& y) {
    double s = 0;
    for (size_t i : x)
      for (size_t j : y) s += sim[i][j];
    return s / static_cast<double>(x.size() * y.size());
  };
  while (clusters.size() > static_cast<size_t>(std::max(k, 1))) {
    size_t bi = 0, bj = 1;
    double best = -1;
    for (size_t i = 0; i < clusters.size(); ++i)
      for (size_t j = i + 1; j < clusters.size(); ++j)
        if (double l = linkage(clusters[i], clusters[j]); l > best) best = l, bi = i, bj = j;
    clusters[bi].insert(clusters[bi].end(), clusters[bj].begin(), clusters[bj].end());
    clusters.erase(clusters.begin() + static_cast<long>(bj));
  }
  std::vector<Bloc> out;
  for (const auto& c : clusters) {
    Bloc b;
    for (size_t i : c) b.members.push_back(states[i]);
    std::sort(b.members.begin(), b.members.end());
    double s = 0;
    long pairs = 0;
    for (size_t x = 0; x < c.size(); ++x)
      for (size_t y = x + 1; y < c.size(); ++y) s += sim[c[x]][c[y]], ++pairs;
    b.cohesion = pairs > 0 ? s / static_cast<double>(pairs) : 1;
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [](const Bloc& x, const Bloc& y) {
    if (x.members.size() != y.members.size()) return x.members.size() > y.members.size();
    return x.members < y.members;
  });
  return out;
}

void KeepResolutions(std::vector<UngaVote>* votes, const std::vector<std::string>& prefixes) {
  if (prefixes.empty()) return;
  std::erase_if(*votes, [&](const UngaVote& x) {
    for (const std::string& r : prefixes)
      if (x.resolution.rfind(r, 0) == 0) return false;
    return true;
  });
}

}  // namespace dyad
