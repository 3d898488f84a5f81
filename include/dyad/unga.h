// UN General Assembly recorded votes: the standard public measure of how states line up.
//
// Votes are read from the tidy layout of data/unga/votes.tsv (resolution, date, country ISO3,
// vote Y/N/A/X) or from the UN Digital Library's CSV (undl_id, ms_code, ms_name, ms_vote, date,
// session, resolution, title, …), stored (Store::AddVotes), and measured here:
//
//   Agreement a = UngaAgreement(votes, "PRK", "RUS");   // a.index in [0, 1]
//   std::vector<Agreement> ranked = UngaAlign(votes, "RUS");
//   std::vector<Bloc> blocs = UngaBlocs(votes, 2);
#ifndef DYAD_UNGA_H_
#define DYAD_UNGA_H_

#include <string>
#include <vector>

#include "dyad/date.h"
#include "dyad/status.h"

namespace dyad {

struct UngaResolution {
  std::string resolution;  // "A/RES/ES-11/1"
  Date date;
  std::string title;
};

struct UngaVote {
  std::string resolution;
  Date date;
  std::string country;  // ISO 3166-1 alpha-3
  char vote = 'X';      // Y yes, N no, A abstain, X non-voting (absent, present not voting)
};

struct UngaFile {
  std::vector<UngaResolution> resolutions;
  std::vector<UngaVote> votes;
};

// Reads a votes file; the layout is known from its header. A tidy file's titles come from a
// resolutions.tsv beside it when there is one. Bad rows are named in `problems` (file:line) and
// skipped; fails when the file cannot be read or has neither header.
Result<UngaFile> ReadUngaFile(const std::string& path, std::vector<std::string>* problems);

// Keeps the votes on the resolutions `prefixes` name, or whose symbol one begins
// ("A/RES/ES-11": the emergency session on Ukraine); every vote when `prefixes` is empty.
void KeepResolutions(std::vector<UngaVote>* votes, const std::vector<std::string>& prefixes);

// How two states' votes agree, over the resolutions both voted on (Y, N or A; a vote where
// either did not vote is left out). `same`: the share of those where they cast the same vote.
// `index`: the mean of 1 − |p(a) − p(b)| with Y = 1, A = 0.5, N = 0 — an abstention half way
// between yes and no (the convention of Lijphart's index of agreement).
struct Agreement {
  std::string a, b;
  int votes = 0;
  double same = 0;
  double index = 0;
};
Agreement UngaAgreement(const std::vector<UngaVote>& votes, const std::string& a,
                        const std::string& b);
// Every other state ranked by its agreement index with `with` (then by the votes it rests on,
// by `same`, and by code);
// states without a common vote are left out.
std::vector<Agreement> UngaAlign(const std::vector<UngaVote>& votes, const std::string& with);

// Blocs of states by voting similarity: average-linkage agglomerative clustering on the distance
// 1 − index (1 where two states share no vote), cut into `k` clusters; the largest bloc first,
// its members by code.
struct Bloc {
  std::vector<std::string> members;
  double cohesion = 0;  // the mean agreement index between members (1 for a bloc of one)
};
std::vector<Bloc> UngaBlocs(const std::vector<UngaVote>& votes, int k);

}  // namespace dyad

#endif  // DYAD_UNGA_H_
