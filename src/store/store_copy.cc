// Copying a store into another, whatever the two engines (dyad migrate).
#include "dyad/store.h"
#include "store/store_util.h"

namespace dyad {

using store_internal::Db;
using store_internal::Dialect;
using store_internal::kDone;
using store_internal::kRow;
using store_internal::Stmt;

namespace {

// A table and its columns with their types, in an order that satisfies the foreign keys.
// Generated columns (events.long_span, span_class) are computed again by the receiving store.
// Types: 'i' integer, 'r' real, 'R' real or NULL, 't' text.
struct TableSpec {
  const char* name;
  const char* columns;
  const char* types;
  bool identity;  // an id the receiving PostgreSQL store must count on from
};

constexpr TableSpec kTables[] = {
    {"documents",
     "id, sha256, path, title, lang, format, encoding, text, ingested_at, code_options",
     "ittttttttt", true},
    {"events",
     "id, date, date_end, date_precision, source, target, source_country, target_country, "
     "source_name, target_name, source_label_ko, source_label_en, target_label_ko, "
     "target_label_en, code, goldstein, quad_class, \"symmetric\", action_ko, action_en, lang, "
     "mode, quotes, attribution, ext_id, date_basis, review, ext",
     "ittttttttttttttriitttttttttt", true},
    {"mentions",
     "id, event_id, document_id, span_begin, span_end, section, evidence, date, date_end, doc",
     "iiiiittttt", true},
    {"unresolved", "id, document_id, span_begin, span_end, evidence, reason, predicate, words",
     "iiiitttt", true},
    {"corrections",
     "id, kind, event_id, code, source, target, mode, event, note, who, at, superseded",
     "itttttttttti", true},
    {"correction_anchors",
     "correction_id, sha256, span_begin, span_end, section, evidence, date, date_end", "itiitttt",
     false},
    {"figure_editions",
     "id, publisher, title, published, cutoff, basis, source, partial, imported_at", "tttttttit",
     false},
    {"figures", "edition, series, country, year, value, estimate", "tttiRi", false},
    {"unga_resolutions", "resolution, date, title, imported_at", "tttt", false},
    {"unga_votes", "resolution, country, vote", "ttt", false},
};

}  // namespace

Result<CopyReport> Store::CopyTo(Store& to) const {
  Db* from = impl_->db.get();
  Db* dest = to.impl_->db.get();
  for (const TableSpec& t : kTables) {
    Stmt n(dest, std::string("SELECT count(*) FROM ") + t.name);
    if (n.Step() != kRow) return to.impl_->Error("reading the receiving store");
    if (n.Int(0) != 0)
      return Status::InvalidInput(to.impl_->path + ": already holds " + std::to_string(n.Int(0)) +
                                  " rows of " + t.name +
                                  "; a store is copied into a new, empty one");
  }
  if (Status s = from->BeginRead(); !s.ok()) return impl_->Error("beginning a read");
  if (Status s = dest->BeginWrite(); !s.ok()) {
    from->Rollback();
    return to.impl_->Error("beginning a write");
  }
  auto fail = [&](Status s) -> Result<CopyReport> {
    dest->Rollback();
    from->Rollback();
    return s;
  };
  CopyReport report;
  for (const TableSpec& t : kTables) {
    std::string values;
    size_t width = std::string_view(t.types).size();
    for (size_t i = 1; i <= width; ++i) values += (i > 1 ? ",?" : "?") + std::to_string(i);
    Stmt read(from, std::string("SELECT ") + t.columns + " FROM " + t.name);
    Stmt write(dest,
               std::string("INSERT INTO ") + t.name + "(" + t.columns + ") VALUES(" + values + ")");
    if (!read.ok()) return fail(impl_->Error("reading"));
    if (!write.ok()) return fail(to.impl_->Error("preparing the copy"));
    long long rows = 0;
    int rc;
    while ((rc = read.Step()) == kRow) {
      write.Reset();
      for (size_t c = 0; c < width; ++c) {
        int i = static_cast<int>(c);
        switch (t.types[c]) {
          case 'i':
            write.Bind(i + 1, read.Int(i));
            break;
          case 'r':
            write.Bind(i + 1, read.Real(i));
            break;
          case 'R':
            if (read.IsNull(i))
              write.BindNull(i + 1);
            else
              write.Bind(i + 1, read.Real(i));
            break;
          default:
            write.Bind(i + 1, read.Text(i));
        }
      }
      if (write.Step() != kDone)
        return fail(
            Status::IoError(to.impl_->path + ": copying " + t.name + ": " + dest->LastError()));
      ++rows;
    }
    if (rc != kDone) return fail(impl_->Error((std::string("reading ") + t.name).c_str()));
    // PostgreSQL's identity columns count on from their own sequence, which explicit ids do not
    // move: set it past the largest copied id.
    if (t.identity && dest->dialect() == Dialect::kPostgres) {
      std::string sql = std::string("SELECT setval(pg_get_serial_sequence('") + t.name +
                        "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + t.name;
      if (Status s = dest->Exec(sql); !s.ok()) return fail(to.impl_->Error("setting the next id"));
    }
    report.rows.emplace_back(t.name, rows);
  }
  if (Status s = dest->Commit(); !s.ok()) return fail(to.impl_->Error("committing the copy"));
  from->Rollback();  // the read transaction
  return report;
}

}  // namespace dyad
