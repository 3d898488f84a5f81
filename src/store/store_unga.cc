// UN General Assembly votes in the SQLite store (schema 11).
#include "dyad/store.h"
#include "store/store_util.h"

namespace dyad {

using store_internal::Db;
using store_internal::kDone;
using store_internal::kRow;
using store_internal::Now;
using store_internal::Stmt;

Result<long long> Store::AddVotes(const UngaFile& file) {
  Db* db = impl_->db.get();
  if (Status s = db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  auto fail = [&](Status s) -> Result<long long> {
    impl_->Exec("ROLLBACK");
    return s;
  };
  for (const UngaResolution& r : file.resolutions) {
    Stmt ins(db,
             "INSERT INTO unga_resolutions(resolution, date, title, imported_at) VALUES(?1, ?2, "
             "?3, ?4) ON CONFLICT(resolution) DO UPDATE SET title = excluded.title WHERE "
             "unga_resolutions.title = ''");
    ins.Bind(1, r.resolution).Bind(2, r.date.ToIso()).Bind(3, r.title).Bind(4, Now());
    if (!ins.ok() || ins.Step() != kDone) return fail(impl_->Error("storing a resolution"));
  }
  long long added = 0;
  Stmt get(db, "SELECT vote FROM unga_votes WHERE resolution = ?1 AND country = ?2");
  Stmt ins(db, "INSERT INTO unga_votes(resolution, country, vote) VALUES(?1, ?2, ?3)");
  for (const UngaVote& v : file.votes) {
    get.Reset();
    get.Bind(1, v.resolution).Bind(2, v.country);
    if (get.Step() == kRow) {
      std::string stored = get.Text(0);
      get.Reset();
      if (stored != std::string(1, v.vote))
        return fail(Status::InvalidInput(v.resolution + ": " + v.country + " is stored as " +
                                         stored + ", the file says " + std::string(1, v.vote) +
                                         "; nothing of the file was stored"));
      continue;
    }
    get.Reset();
    ins.Reset();
    ins.Bind(1, v.resolution).Bind(2, v.country).Bind(3, std::string(1, v.vote));
    if (!ins.ok() || ins.Step() != kDone) return fail(impl_->Error("storing a vote"));
    ++added;
  }
  if (Status s = impl_->Exec("COMMIT"); !s.ok()) return fail(s);
  return added;
}

Result<std::vector<UngaVote>> Store::Votes(std::optional<Date> from, std::optional<Date> to) const {
  Stmt s(impl_->db.get(),
         "SELECT v.resolution, r.date, v.country, v.vote FROM unga_votes v JOIN unga_resolutions "
         "r ON r.resolution = v.resolution WHERE r.date >= ?1 AND r.date <= ?2 ORDER BY r.date, "
         "v.resolution, v.country");
  if (!s.ok()) return impl_->Error("reading votes");
  s.Bind(1, from ? from->ToIso() : std::string("0000-00-00"));
  s.Bind(2, to ? to->ToIso() : std::string("9999-99-99"));
  std::vector<UngaVote> out;
  int rc;
  while ((rc = s.Step()) == kRow) {
    UngaVote v;
    v.resolution = s.Text(0);
    v.date = Date::Parse(s.Text(1)).value_or(Date{1970, 1, 1});
    v.country = s.Text(2);
    std::string vote = s.Text(3);
    v.vote = vote.empty() ? 'X' : vote[0];
    out.push_back(std::move(v));
  }
  if (rc != kDone) return impl_->Error("reading votes");
  return out;
}

}  // namespace dyad
