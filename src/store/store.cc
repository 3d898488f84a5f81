// The SQLite store. Statements are prepared per call (ingest is dominated by coding, not by
// SQL); every write runs inside BEGIN IMMEDIATE … COMMIT and rolls back on the first error.
#include "dyad/store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <tuple>

#include "store/event_table.h"
#include "store/postgres.h"
#include "store/sqlite_db.h"
#include "store/store_util.h"

namespace dyad {

using store_internal::Db;
using store_internal::Dialect;
using store_internal::kDone;
using store_internal::kRow;
using store_internal::Now;
using store_internal::SpanFrom;
using store_internal::Stmt;

namespace {

// Migrations: index i brings a store from version i to i + 1.
const char* const kMigrations[] = {
    R"sql(
CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  title TEXT NOT NULL,
  lang TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  date TEXT NOT NULL, date_end TEXT NOT NULL, date_precision TEXT NOT NULL,
  source TEXT NOT NULL, target TEXT NOT NULL,
  source_country TEXT NOT NULL, target_country TEXT NOT NULL,
  source_name TEXT NOT NULL, target_name TEXT NOT NULL,
  source_label_ko TEXT NOT NULL, source_label_en TEXT NOT NULL,
  target_label_ko TEXT NOT NULL, target_label_en TEXT NOT NULL,
  code TEXT NOT NULL, goldstein REAL NOT NULL, quad_class INTEGER NOT NULL,
  symmetric INTEGER NOT NULL, action_ko TEXT NOT NULL, action_en TEXT NOT NULL,
  lang TEXT NOT NULL);
CREATE INDEX events_by_dyad ON events(source_country, target_country, date);
CREATE INDEX events_by_date ON events(date);
CREATE TABLE mentions(
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  document_id INTEGER NOT NULL REFERENCES documents(id),
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  section TEXT NOT NULL, evidence TEXT NOT NULL,
  date TEXT NOT NULL, date_end TEXT NOT NULL,
  UNIQUE(event_id, document_id, span_begin, span_end));
CREATE INDEX mentions_by_event ON mentions(event_id);
)sql",
    // 2: the mode of an event (actual, expected, hypothetical, negated).
    R"sql(
ALTER TABLE events ADD COLUMN mode TEXT NOT NULL DEFAULT 'actual';
)sql",
    // 3: what the source said (quotations, one per line) and who reported it.
    R"sql(
ALTER TABLE events ADD COLUMN quotes TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN attribution TEXT NOT NULL DEFAULT '';
)sql",
    // 4: the review queue: what looked like an event but could not be coded.
    R"sql(
CREATE TABLE unresolved(
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  evidence TEXT NOT NULL, reason TEXT NOT NULL, predicate TEXT NOT NULL);
CREATE INDEX unresolved_by_reason ON unresolved(reason);
)sql",
    // 5: events imported from other datasets: their own id, and a mention's own source (a GDELT
    // row's URL) where it differs from the imported file.
    R"sql(
ALTER TABLE events ADD COLUMN ext_id TEXT NOT NULL DEFAULT '';
ALTER TABLE mentions ADD COLUMN doc TEXT NOT NULL DEFAULT '';
)sql",
    // 6: defence-spending figures imported by edition (`dyad burden import`). A cell with a
    // NULL value is one the table left blank.
    R"sql(
CREATE TABLE figure_editions(
  id TEXT PRIMARY KEY,
  publisher TEXT NOT NULL, title TEXT NOT NULL, published TEXT NOT NULL,
  cutoff TEXT NOT NULL, basis TEXT NOT NULL, source TEXT NOT NULL,
  partial INTEGER NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE figures(
  edition TEXT NOT NULL REFERENCES figure_editions(id),
  series TEXT NOT NULL, country TEXT NOT NULL, year INTEGER NOT NULL,
  value REAL, estimate INTEGER NOT NULL,
  PRIMARY KEY(edition, series, country, year));
)sql",
    // 7: where an event's date came from (text, document, document-year).
    R"sql(
ALTER TABLE events ADD COLUMN date_basis TEXT NOT NULL DEFAULT 'text';
)sql",
    // 8: a merge lookup whose cost does not grow with the store. Candidates are found by dyad,
    // code and a bounded date window; the few events spanning more than 400 days (a decade, a
    // range of years) are flagged by a generated column and looked up apart.
    R"sql(
ALTER TABLE events ADD COLUMN long_span INTEGER
  GENERATED ALWAYS AS (julianday(date_end) - julianday(date) > 400) VIRTUAL;
CREATE INDEX events_merge ON events(source_country, target_country, code, date, date_end, mode,
  source, target, symmetric, date_precision);
CREATE INDEX events_long ON events(code, source_country, target_country) WHERE long_span = 1;
CREATE INDEX mentions_by_document ON mentions(document_id);
CREATE INDEX unresolved_by_document ON unresolved(document_id);
)sql",
    // 9: the review queue names the words of an unknown actor, what an analyst adds.
    R"sql(
ALTER TABLE unresolved ADD COLUMN words TEXT NOT NULL DEFAULT '';
)sql",
    // 10: the options a document was coded with ("year=2024;date=2024-06-19;self=PRK"), an
    // imported event's own fields dyad does not model (events.ext, a JSON object), and an
    // analyst's corrections (dyad/correction.h): each with who and when, the event as
    // the analyst left it (a JSON line), the code, sides and mode it had when corrected (what a
    // recode matches), and the tellings it is anchored to by document SHA-256 and span.
    R"sql(
ALTER TABLE events ADD COLUMN review TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN code_options TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN ext TEXT NOT NULL DEFAULT '';
CREATE INDEX events_by_ext_id ON events(ext_id);
CREATE TABLE corrections(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('accept', 'reject', 'edit', 'add')),
  event_id TEXT NOT NULL,
  code TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, mode TEXT NOT NULL,
  event TEXT NOT NULL,
  note TEXT NOT NULL, who TEXT NOT NULL, at TEXT NOT NULL,
  superseded INTEGER NOT NULL DEFAULT 0);
CREATE INDEX corrections_by_event ON corrections(event_id);
CREATE TABLE correction_anchors(
  correction_id INTEGER NOT NULL REFERENCES corrections(id),
  sha256 TEXT NOT NULL, span_begin INTEGER NOT NULL, span_end INTEGER NOT NULL,
  section TEXT NOT NULL, evidence TEXT NOT NULL, date TEXT NOT NULL, date_end TEXT NOT NULL);
CREATE INDEX correction_anchors_by_sha ON correction_anchors(sha256);
-- The merge lookup by span class: an event of at most 31 days (a day, a visit, a month) can
-- hold or be held by a new one only if it starts in the 31 days before it, one of at most 400
-- days (a year, a season) in the 400 days before; the few longer ones are looked up apart
-- (events_long). Each class reads its own narrow index range, whatever the store holds.
ALTER TABLE events ADD COLUMN span_class INTEGER GENERATED ALWAYS AS (
  CASE WHEN julianday(date_end) - julianday(date) <= 31 THEN 0
       WHEN julianday(date_end) - julianday(date) <= 400 THEN 1 ELSE 2 END) VIRTUAL;
DROP INDEX IF EXISTS events_merge;
-- Lookups of an event's mentions use the unique index, which leads with event_id: one index
-- less to write per mention.
DROP INDEX IF EXISTS mentions_by_event;
CREATE INDEX events_merge ON events(source_country, target_country, code, span_class, date,
  date_end, mode, source, target, symmetric, date_precision);
)sql",
    // 11: UN General Assembly recorded votes (dyad/unga.h), and the dyad index made covering
    // for series (dyad/analysis.h): a dyad's counts by day, direction and quad class are read
    // from the index alone.
    R"sql(
DROP INDEX IF EXISTS events_by_dyad;
CREATE INDEX events_by_dyad ON events(source_country, target_country, date, mode, quad_class,
  goldstein, source);
CREATE TABLE unga_resolutions(
  resolution TEXT PRIMARY KEY, date TEXT NOT NULL, title TEXT NOT NULL, imported_at TEXT NOT NULL);
CREATE TABLE unga_votes(
  resolution TEXT NOT NULL REFERENCES unga_resolutions(resolution),
  country TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('Y', 'N', 'A', 'X')),
  PRIMARY KEY(resolution, country));
)sql",
};
constexpr int kKnownVersion = sizeof(kMigrations) / sizeof(kMigrations[0]);
static_assert(kKnownVersion == Store::kSchemaVersion);

}  // namespace

Store::Store(std::unique_ptr<Impl> impl, int version) : impl_(std::move(impl)), version_(version) {}
Store::~Store() = default;

namespace {

// The schema version of an open store, or -1 (the message in *error) when it cannot be read.
int SchemaVersion(sqlite3* db, std::string* error) {
  sqlite3_stmt* st = nullptr;
  int version = -1;
  if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    version = sqlite3_column_int(st, 0);
  else
    *error = sqlite3_errmsg(db);
  sqlite3_finalize(st);
  return version;
}

Status NoSuchStore(const std::string& path) {
  return Status::NotFound(path + ": no such store (dyad ingest or dyad import creates one)");
}

Status NewerSchema(const std::string& path, int version, int known) {
  return Status::InvalidInput(path + ": store has schema version " + std::to_string(version) +
                              ", newer than this dyad understands (" + std::to_string(known) +
                              "); upgrade dyad");
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

// Opens a store for queries only; *version its schema version. A WAL store whose directory or
// file cannot be written (a colleague's copy, a shared read-only mount) has no -shm to map: it
// is read immutable. The caller closes the handle.
// Every connection is used by one thread at a time (a Store is not shared across threads without
// a lock: dyad/server.h gives each worker its own), so SQLite's per-connection mutex is off
// (SQLITE_OPEN_NOMUTEX); and SQLite's global memory statistics, a lock taken on every allocation
// of every connection, are not kept. Set when the program starts, before SQLite initialises.
const bool kSqliteConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;

Result<sqlite3*> OpenReadOnly(const std::string& path, int* version) {
  if (!Exists(path)) return NoSuchStore(path);
  std::string uri = "file:";
  for (char c : path) {  // a URI path: %-escape what a URI reserves
    if (c == '%' || c == '?' || c == '#') {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
      uri += buf;
    } else {
      uri += c;
    }
  }
  std::string error = "cannot open";
  for (const char* mode : {"", "?immutable=1"}) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2((uri + mode).c_str(), &db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                        nullptr) == SQLITE_OK) {
      sqlite3_busy_timeout(db, 5000);
      // Pages read through a memory map of the file, shared with every other connection and
      // process through the OS's cache, rather than copied into each connection's own cache
      // by a read call per page (a year's chronology on a 10-million-event store: most of its
      // time was that copying).
      sqlite3_exec(db, "PRAGMA mmap_size=17179869184", nullptr, nullptr, nullptr);
      *version = SchemaVersion(db, &error);
      if (*version >= 0) return db;
    } else if (db != nullptr) {
      error = sqlite3_errmsg(db);
    }
    sqlite3_close(db);
  }
  return Status::IoError(path + ": cannot read store: " + error);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, StoreAccess access) {
  if (IsPostgresUri(path)) {
    bool created = false;
    Result<std::unique_ptr<Db>> db = store_internal::OpenPostgres(path, access, &created);
    if (!db.ok()) return db.status();
    auto impl = std::make_unique<Impl>();
    impl->path = store_internal::UriForMessages(path);
    impl->db = std::move(*db);
    std::unique_ptr<Store> store(new Store(std::move(impl), kKnownVersion));
    store->created_ = created;
    return store;
  }
  if (access == StoreAccess::kReadOnly) {
    int version = 0;
    Result<sqlite3*> ro = OpenReadOnly(path, &version);
    if (!ro.ok()) return ro.status();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->db = store_internal::AdoptSqlite(*ro);
    if (version > kKnownVersion) return NewerSchema(path, version, kKnownVersion);
    if (version == 0) return Status::InvalidInput(path + ": not a dyad store (no schema version)");
    if (version < kKnownVersion)
      return Status::InvalidInput(path + ": store has schema version " + std::to_string(version) +
                                  "; a read-write command (dyad ingest) migrates it to " +
                                  std::to_string(kKnownVersion));
    return std::unique_ptr<Store>(new Store(std::move(impl), kKnownVersion));
  }
  if (access == StoreAccess::kReadWrite && !Exists(path)) return NoSuchStore(path);
  bool created = !Exists(path);
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(path.c_str(), &h,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = h ? sqlite3_errmsg(h) : "out of memory";
    sqlite3_close(h);
    return Status::IoError(path + ": cannot open store: " + why);
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->db = store_internal::AdoptSqlite(h);
  sqlite3_busy_timeout(h, 5000);
  // A file that is not SQLite fails here with "file is not a database".
  // WAL with synchronous=NORMAL: a crash or kill never corrupts the store or loses a committed
  // document; only a power loss may take back the last commits. A 64 MB page cache keeps the
  // indexes a large store's ingest writes into in memory, and the first gigabyte of the file is
  // read through a memory map rather than copied page by page.
  // Switching a new file to WAL takes a lock the busy handler does not wait for: another
  // process opening the same new store at the same moment gets SQLITE_BUSY, so it is tried
  // again for as long as the busy timeout would wait.
  int rc = SQLITE_BUSY;
  for (int tries = 0; tries < 100 && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED); ++tries) {
    rc = sqlite3_exec(h, "PRAGMA journal_mode=WAL", nullptr, nullptr, nullptr);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  }
  if (rc != SQLITE_OK) return impl->Error("setting the journal mode");
  if (Status s = impl->Exec("PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
                            "PRAGMA mmap_size=1073741824; PRAGMA foreign_keys=ON;");
      !s.ok())
    return s;
  // Each migration runs in a write transaction that reads the version again once it holds the
  // lock: two processes opening a new store at once migrate it once between them, the second
  // finding the work done (repro store-migration-race).
  for (;;) {
    if (Status s = impl->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    std::string error;
    int version = SchemaVersion(h, &error);
    if (version < 0) {
      impl->Exec("ROLLBACK");
      return Status::IoError(path + ": reading schema version: " + error);
    }
    if (version > kKnownVersion) {
      impl->Exec("ROLLBACK");
      return NewerSchema(path, version, kKnownVersion);
    }
    if (version == kKnownVersion) {
      impl->Exec("COMMIT");
      break;
    }
    Status s = impl->Exec(kMigrations[version]);
    std::string bump = "PRAGMA user_version=" + std::to_string(version + 1);
    if (s.ok()) s = impl->Exec(bump.c_str());
    if (s.ok()) s = impl->Exec("COMMIT");
    if (!s.ok()) {
      impl->Exec("ROLLBACK");
      return Status::IoError(s.message() + " (migrating to schema version " +
                             std::to_string(version + 1) + ")");
    }
  }
  std::unique_ptr<Store> store(new Store(std::move(impl), kKnownVersion));
  store->created_ = created;
  return store;
}

// Inside a transaction the caller opened and closes: stores a document, its events (merged
// into events other documents told) and its review queue; nothing when the same text is stored.
Result<IngestReport> Store::IngestInTransaction(const Document& doc, const CodedDocument& coded) {
  IngestReport report;
  std::string sha = Sha256Hex(doc.text);
  Db* db = impl_->db.get();
  auto fail = [](Status s) -> Result<IngestReport> { return s; };
  {
    Stmt q(db, "SELECT id FROM documents WHERE sha256 = ?1");
    q.Bind(1, sha);
    if (q.Step() == kRow) {
      report.already_present = true;
      report.document_id = q.Int(0);
      return report;
    }
  }
  {
    Stmt ins(
        db,
        "INSERT INTO documents(sha256, path, title, lang, format, encoding, text, ingested_at, "
        "code_options) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id");
    ins.Bind(1, sha).Bind(2, doc.path).Bind(3, coded.title).Bind(4, coded.lang).Bind(5, doc.format);
    ins.Bind(6, doc.encoding).Bind(7, doc.text).Bind(8, Now());
    std::string options;
    if (coded.given_year != 0) options += "year=" + std::to_string(coded.given_year) + ";";
    if (coded.given_date) options += "date=" + coded.given_date->ToIso() + ";";
    if (!coded.given_self.empty()) options += "self=" + coded.given_self + ";";
    ins.Bind(9, options);
    if (ins.Step() != kRow) return fail(impl_->Error("storing document"));
    report.document_id = ins.Int(0);
  }
  // The merge lookups, prepared once per document: an event told before is one whose span
  // contains this one's or lies within it, found by span class (schema 10): for each class a
  // bounded index range of start dates, the containment tested in the index; the long spans
  // are few and flagged (events_long).
  static constexpr const char* kCandidates =
      "SELECT id, date_precision FROM events %s WHERE code = ?1 AND mode = ?10 AND "
      "((source_country = ?2 AND target_country = ?3 AND source = ?4 AND target = ?5) OR "
      "((\"symmetric\" = 1 OR ?6 = 1) AND source_country = ?3 AND target_country = ?2 AND "
      "source = ?5 AND target = ?4)) AND %s AND "
      "((date <= ?7 AND date_end >= ?8) OR (date >= ?7 AND date_end <= ?8)) "
      // Within one document the coder has already merged what is one event.
      "AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id AND "
      // Of several (a symmetric event stored both ways), the first stored: the same in every
      // engine and whatever index a plan reads.
      "m.document_id = ?9) ORDER BY id LIMIT 1";
  char short_sql[1024], year_sql[1024], long_sql[1024];
  std::snprintf(short_sql, sizeof short_sql, kCandidates, "",
                "span_class = 0 AND date >= ?11 AND date <= ?8");
  std::snprintf(year_sql, sizeof year_sql, kCandidates, "",
                "span_class = 1 AND date >= ?12 AND date <= ?8");
  std::snprintf(long_sql, sizeof long_sql, kCandidates,
                db->dialect() == Dialect::kSqlite ? "INDEXED BY events_long" : "", "long_span = 1");
  Stmt near_q(db, short_sql), year_q(db, year_sql), long_q(db, long_sql);
  if (!near_q.ok() || !year_q.ok() || !long_q.ok())
    return fail(impl_->Error("preparing the merge lookup"));
  // An analyst's corrections anchored in this text (a recode, or the same text again after a
  // removal) apply to what the coder finds in it now.
  Result<std::vector<store_internal::Anchored>> anchored =
      store_internal::AnchoredCorrections(db, impl_->path, sha);
  if (!anchored.ok()) return fail(anchored.status());
  std::vector<long long> satisfied;  // accepted events the coder still finds
  for (const Event& e : coded.events) {
    const store_internal::Anchored* corrected =
        anchored->empty() ? nullptr : store_internal::CorrectedBy(*anchored, e);
    // Rejected, or edited or added by the analyst: the analyst's version stands.
    if (corrected != nullptr && corrected->kind != "accept") continue;
    // The same real-world event already stored from another document?
    long long event_id = 0;
    for (Stmt* q : {&near_q, &year_q, &long_q}) {
      if (event_id != 0) break;
      q->Reset();
      q->Bind(1, e.code).Bind(2, e.source_country).Bind(3, e.target_country).Bind(4, e.source);
      q->Bind(5, e.target).Bind(6, static_cast<long long>(e.symmetric));
      q->Bind(7, e.date.begin.ToIso()).Bind(8, e.date.end.ToIso()).Bind(9, report.document_id);
      q->Bind(10, std::string(ModeName(e.mode)));
      // Where a stored span of the class that holds or lies in this one can start.
      q->Bind(11, std::min(e.date.begin, e.date.end.AddDays(-31)).ToIso());
      q->Bind(12, std::min(e.date.begin, e.date.end.AddDays(-400)).ToIso());
      if (q->Step() == kRow) {
        event_id = q->Int(0);
        DatePrecision stored = ParsePrecision(q->Text(1)).value_or(DatePrecision::kDay);
        q->Reset();
        // A finer telling (a day against "10월에는") dates the stored event.
        if (static_cast<int>(e.date.precision) < static_cast<int>(stored)) {
          Stmt up(db,
                  "UPDATE events SET date = ?1, date_end = ?2, date_precision = ?3 WHERE id = ?4");
          up.Bind(1, e.date.begin.ToIso()).Bind(2, e.date.end.ToIso());
          up.Bind(3, std::string(PrecisionName(e.date.precision))).Bind(4, event_id);
          if (up.Step() != kDone) return fail(impl_->Error("updating event"));
        }
      }
      q->Reset();  // no statement stays open across the writes below
    }
    if (event_id != 0 && (!e.quotes.empty() || !e.attribution.empty())) {
      // Another telling's quotations and attribution join the stored event.
      Stmt get(db, "SELECT quotes, attribution FROM events WHERE id = ?1");
      get.Bind(1, event_id);
      if (get.Step() == kRow) {
        std::vector<std::string> quotes = io::DecodeQuotes(get.Text(0));
        bool changed = false;
        for (const std::string& q : e.quotes)
          if (std::find(quotes.begin(), quotes.end(), q) == quotes.end())
            quotes.push_back(q), changed = true;
        std::string attribution = get.Text(1).empty() ? e.attribution : get.Text(1);
        changed |= attribution != get.Text(1);
        get.Reset();
        // A telling that adds nothing leaves the row as it is: no page written for it.
        if (changed) {
          Stmt up(db, "UPDATE events SET quotes = ?1, attribution = ?2 WHERE id = ?3");
          up.Bind(1, io::EncodeQuotes(quotes)).Bind(2, attribution).Bind(3, event_id);
          if (up.Step() != kDone) return fail(impl_->Error("updating event"));
        }
      }
    }
    if (event_id == 0) {
      if (Status st = store_internal::InsertEvent(db, impl_->path, e, "", &event_id); !st.ok())
        return fail(st);
      ++report.events_added;
    } else {
      ++report.events_merged;
    }
    for (const Mention& m : e.mentions) {
      Stmt ins(db,
               "INSERT INTO mentions(event_id, document_id, span_begin, span_end, section, "
               "evidence, date, date_end) VALUES(?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT DO NOTHING");
      ins.Bind(1, event_id)
          .Bind(2, report.document_id)
          .Bind(3, static_cast<long long>(m.span_begin));
      ins.Bind(4, static_cast<long long>(m.span_end)).Bind(5, m.section).Bind(6, m.evidence);
      ins.Bind(7, m.date.begin.ToIso()).Bind(8, m.date.end.ToIso());
      if (!ins.ok() || ins.Step() != kDone) return fail(impl_->Error("storing mention"));
    }
    if (corrected != nullptr) {
      Stmt up(db, "UPDATE events SET review = 'accepted' WHERE id = ?1");
      up.Bind(1, event_id);
      if (up.Step() != kDone) return fail(impl_->Error("marking an accepted event"));
      satisfied.push_back(corrected->correction_id);
    }
  }
  if (!anchored->empty())
    if (Status s = store_internal::RestoreCorrected(db, impl_->path, *anchored, report.document_id,
                                                    satisfied);
        !s.ok())
      return fail(s);
  for (const Unresolved& u : coded.unresolved) {
    Stmt ins(
        db,
        "INSERT INTO unresolved(document_id, span_begin, span_end, evidence, reason, predicate, "
        "words) VALUES(?1,?2,?3,?4,?5,?6,?7)");
    ins.Bind(1, report.document_id).Bind(2, static_cast<long long>(u.span_begin));
    ins.Bind(3, static_cast<long long>(u.span_end)).Bind(4, u.evidence).Bind(5, u.reason);
    ins.Bind(6, u.predicate).Bind(7, u.words);
    if (!ins.ok() || ins.Step() != kDone) return fail(impl_->Error("storing the review queue"));
  }
  return report;
}

Result<IngestReport> Store::Ingest(const Document& doc, const CodedDocument& coded) {
  if (Status s = impl_->db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  Result<IngestReport> r = IngestInTransaction(doc, coded);
  if (!r.ok() || r->already_present) {
    impl_->Exec("ROLLBACK");
    return r;
  }
  if (Status s = impl_->Exec("COMMIT"); !s.ok()) {
    impl_->Exec("ROLLBACK");
    return s;
  }
  return r;
}

// Inside a transaction: a document's mentions, the events no other document tells, its review
// queue and the document itself.
Status Store::RemoveInTransaction(long long document_id, RemoveReport* report) {
  Db* db = impl_->db.get();
  auto exec = [&](const char* sql, const char* what, int* changed) -> Status {
    Stmt st(db, sql);
    st.Bind(1, document_id);
    if (st.Step() != kDone) return impl_->Error(what);
    if (changed != nullptr) *changed = static_cast<int>(st.Changes());
    return Status::Ok();
  };
  // The events only this document tells go with it; the others lose its mentions. Their ids
  // wait in a temporary table (the connection's own) while the mentions that name them go.
  std::string create = db->dialect() == Dialect::kSqlite
                           ? "CREATE TEMP TABLE IF NOT EXISTS gone(id INTEGER PRIMARY KEY)"
                           : "CREATE TEMP TABLE IF NOT EXISTS gone(id BIGINT PRIMARY KEY)";
  if (Status s = exec(create.c_str(), "removing", nullptr); !s.ok()) return s;
  if (Status s = exec("DELETE FROM gone", "removing", nullptr); !s.ok()) return s;
  if (Status s = exec("INSERT INTO gone SELECT DISTINCT event_id FROM mentions m WHERE "
                      "m.document_id = ?1 AND NOT EXISTS (SELECT 1 FROM mentions o WHERE "
                      "o.event_id = m.event_id AND o.document_id != ?1)",
                      "removing events", nullptr);
      !s.ok())
    return s;
  int mentions = 0, events = 0, unresolved = 0, docs = 0;
  if (Status s =
          exec("DELETE FROM mentions WHERE document_id = ?1", "removing mentions", &mentions);
      !s.ok())
    return s;
  if (Status s =
          exec("DELETE FROM events WHERE id IN (SELECT id FROM gone)", "removing events", &events);
      !s.ok())
    return s;
  if (Status s = exec("DELETE FROM unresolved WHERE document_id = ?1", "removing the review queue",
                      &unresolved);
      !s.ok())
    return s;
  if (Status s = exec("DELETE FROM documents WHERE id = ?1", "removing the document", &docs);
      !s.ok())
    return s;
  if (docs == 0) return Status::NotFound("no stored document " + std::to_string(document_id));
  report->events_removed = events;
  report->mentions_removed = mentions;
  return Status::Ok();
}

Result<RemoveReport> Store::RemoveDocument(long long document_id) {
  if (Status s = impl_->db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  RemoveReport report;
  if (Status s = RemoveInTransaction(document_id, &report); !s.ok()) {
    impl_->Exec("ROLLBACK");
    return s;
  }
  if (Status s = impl_->Exec("COMMIT"); !s.ok()) {
    impl_->Exec("ROLLBACK");
    return s;
  }
  return report;
}

Result<IngestReport> Store::Replace(long long document_id, const Document& doc,
                                    const CodedDocument& coded) {
  if (Status s = impl_->db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  RemoveReport removed;
  Status s = RemoveInTransaction(document_id, &removed);
  Result<IngestReport> r = s.ok() ? IngestInTransaction(doc, coded) : Result<IngestReport>(s);
  if (!r.ok()) {
    impl_->Exec("ROLLBACK");
    return r;
  }
  if (Status c = impl_->Exec("COMMIT"); !c.ok()) {
    impl_->Exec("ROLLBACK");
    return c;
  }
  return r;
}

Result<Document> Store::StoredText(long long document_id) const {
  Stmt q(impl_->db.get(), "SELECT path, text, format, encoding FROM documents WHERE id = ?1");
  q.Bind(1, document_id);
  if (q.Step() != kRow)
    return Status::NotFound("no stored document " + std::to_string(document_id));
  Document d;
  d.path = q.Text(0);
  d.text = q.Text(1);
  d.format = q.Text(2);
  d.encoding = q.Text(3);
  return d;
}

namespace {

class StoreImport : public EventImport {
 public:
  StoreImport(Db* db, std::string store_path, long long document_id, bool present)
      : db_(db),
        store_path_(std::move(store_path)),
        ev_(db,
            "INSERT INTO events(date, date_end, date_precision, source, target, source_country, "
            "target_country, source_name, target_name, source_label_ko, source_label_en, "
            "target_label_ko, target_label_en, code, goldstein, quad_class, \"symmetric\", "
            "action_ko, action_en, lang, mode, quotes, attribution, ext_id, date_basis, ext) "
            "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
            "?22,?23,?24,?25,?26) RETURNING id"),
        mention_(db,
                 "INSERT INTO mentions(event_id, document_id, span_begin, span_end, "
                 "section, evidence, date, date_end, doc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON "
                 "CONFLICT DO NOTHING") {
    report_.already_present = present;
    report_.document_id = document_id;
  }
  ~StoreImport() override {
    if (open_ && !report_.already_present) db_->Rollback();
  }
  bool already_present() const override { return report_.already_present; }

  Status Add(const Event& e) override {
    if (report_.already_present) return Status::Ok();
    if (!open_) return Status::Internal(store_path_ + ": the import is closed");
    ev_.Reset();
    store_internal::BindEventColumns(ev_, e);
    ev_.Bind(24, e.id);
    ev_.Bind(25, e.date_basis).Bind(26, store_internal::ExtToJson(e.ext));
    if (ev_.Step() != kRow) return Error("storing event");
    long long id = ev_.Int(0);
    ev_.Reset();
    for (const Mention& m : e.mentions) {
      mention_.Reset();
      mention_.Bind(1, id)
          .Bind(2, report_.document_id)
          .Bind(3, static_cast<long long>(m.span_begin));
      mention_.Bind(4, static_cast<long long>(m.span_end)).Bind(5, m.section).Bind(6, m.evidence);
      mention_.Bind(7, m.date.begin.ToIso()).Bind(8, m.date.end.ToIso()).Bind(9, m.doc);
      if (!mention_.ok() || mention_.Step() != kDone) return Error("storing mention");
    }
    ++report_.events_added;
    return Status::Ok();
  }

  Result<ImportReport> Commit() override {
    if (report_.already_present) return report_;
    if (!open_) return Status::Internal(store_path_ + ": the import is closed");
    open_ = false;
    if (Status s = db_->Commit(); !s.ok()) {
      db_->Rollback();
      return Status::IoError(store_path_ + ": " + s.message());
    }
    return report_;
  }

 private:
  Status Error(const char* what) const {
    return Status::IoError(store_path_ + ": " + what + ": " + db_->LastError());
  }
  Db* db_;
  std::string store_path_;
  Stmt ev_, mention_;
  ImportReport report_;
  bool open_ = true;
};

// An import into PostgreSQL: events gathered in batches and loaded with COPY, the bulk path,
// ids taken from the events' own sequence a batch at a time. Inside the import's write
// transaction, under the writers' lock, as StoreImport.
class CopyImport : public EventImport {
 public:
  CopyImport(Db* db, std::string store_path, long long document_id)
      : db_(db), store_path_(std::move(store_path)) {
    report_.document_id = document_id;
  }
  ~CopyImport() override {
    if (open_) db_->Rollback();
  }
  bool already_present() const override { return false; }

  Status Add(const Event& e) override {
    if (!open_) return Status::Internal(store_path_ + ": the import is closed");
    batch_.push_back(e);
    if (batch_.size() >= kBatch) return Flush();
    return Status::Ok();
  }

  Result<ImportReport> Commit() override {
    if (!open_) return Status::Internal(store_path_ + ": the import is closed");
    if (Status s = Flush(); !s.ok()) return s;
    open_ = false;
    if (Status s = db_->Commit(); !s.ok()) {
      db_->Rollback();
      return Status::IoError(store_path_ + ": " + s.message());
    }
    return report_;
  }

 private:
  static constexpr size_t kBatch = 10000;

  Status Error(const std::string& what) const {
    return Status::IoError(store_path_ + ": " + what + ": " + db_->LastError());
  }

  Status Flush() {
    if (batch_.empty()) return Status::Ok();
    long long n = static_cast<long long>(batch_.size()), first = 0;
    {
      Stmt next(db_, "SELECT nextval(pg_get_serial_sequence('events', 'id'))");
      if (next.Step() != kRow) return Error("numbering events");
      first = next.Int(0);
    }
    {
      Stmt skip(db_, "SELECT setval(pg_get_serial_sequence('events', 'id'), ?1)");
      skip.Bind(1, first + n - 1);
      if (skip.Step() != kRow) return Error("numbering events");
    }
    std::string events, mentions;
    char num[32];
    for (long long i = 0; i < n; ++i) {
      const Event& e = batch_[i];
      long long id = first + i;
      using store_internal::CopyField;
      CopyField(&events, std::to_string(id), true);
      for (const std::string& v :
           {e.date.begin.ToIso(), e.date.end.ToIso(), std::string(PrecisionName(e.date.precision)),
            e.source, e.target, e.source_country, e.target_country, e.source_name, e.target_name,
            e.source_label_ko, e.source_label_en, e.target_label_ko, e.target_label_en, e.code})
        CopyField(&events, v);
      std::snprintf(num, sizeof num, "%.17g", e.goldstein);
      CopyField(&events, num);
      CopyField(&events, std::to_string(e.quad_class));
      CopyField(&events, e.symmetric ? "1" : "0");
      for (const std::string& v : {e.action_ko, e.action_en, e.lang, std::string(ModeName(e.mode)),
                                   io::EncodeQuotes(e.quotes), e.attribution, e.id, e.date_basis,
                                   store_internal::ExtToJson(e.ext)})
        CopyField(&events, v);
      events += '\n';
      // A telling given twice is stored once, as the row-by-row import's ON CONFLICT does.
      std::vector<std::pair<uint32_t, uint32_t>> seen;
      for (const Mention& m : e.mentions) {
        std::pair<uint32_t, uint32_t> span{m.span_begin, m.span_end};
        if (std::find(seen.begin(), seen.end(), span) != seen.end()) continue;
        seen.push_back(span);
        CopyField(&mentions, std::to_string(id), true);
        CopyField(&mentions, std::to_string(report_.document_id));
        CopyField(&mentions, std::to_string(m.span_begin));
        CopyField(&mentions, std::to_string(m.span_end));
        for (const std::string& v :
             {m.section, m.evidence, m.date.begin.ToIso(), m.date.end.ToIso(), m.doc})
          CopyField(&mentions, v);
        mentions += '\n';
      }
    }
    if (Status s = db_->CopyIn(
            "events(id, date, date_end, date_precision, source, target, source_country, "
            "target_country, source_name, target_name, source_label_ko, source_label_en, "
            "target_label_ko, target_label_en, code, goldstein, quad_class, \"symmetric\", "
            "action_ko, action_en, lang, mode, quotes, attribution, ext_id, date_basis, ext)",
            events);
        !s.ok())
      return Status::IoError(store_path_ + ": storing events: " + s.message());
    if (Status s = db_->CopyIn(
            "mentions(event_id, document_id, span_begin, span_end, section, evidence, date, "
            "date_end, doc)",
            mentions);
        !s.ok())
      return Status::IoError(store_path_ + ": storing mentions: " + s.message());
    report_.events_added += n;
    batch_.clear();
    return Status::Ok();
  }

  Db* db_;
  std::string store_path_;
  std::vector<Event> batch_;
  ImportReport report_;
  bool open_ = true;
};

}  // namespace

Result<std::unique_ptr<EventImport>> Store::BeginImport(const ImportSource& src) {
  Db* db = impl_->db.get();
  if (Status s = db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  {
    Stmt q(db, "SELECT id FROM documents WHERE sha256 = ?1");
    q.Bind(1, src.sha256);
    if (q.Step() == kRow) {
      long long id = q.Int(0);
      q.Reset();
      impl_->Exec("ROLLBACK");
      auto done = std::make_unique<StoreImport>(db, impl_->path, id, true);
      return std::unique_ptr<EventImport>(std::move(done));
    }
  }
  Stmt ins(db,
           "INSERT INTO documents(sha256, path, title, lang, format, encoding, text, ingested_at) "
           "VALUES(?1, ?2, ?3, '', ?4, '', '', ?5) RETURNING id");
  ins.Bind(1, src.sha256).Bind(2, src.path).Bind(3, src.title).Bind(4, src.format).Bind(5, Now());
  if (ins.Step() != kRow) {
    Status s = impl_->Error("storing the imported file");
    impl_->Exec("ROLLBACK");
    return s;
  }
  long long id = ins.Int(0);
  ins.Reset();
  if (db->dialect() == Dialect::kPostgres)
    return std::unique_ptr<EventImport>(std::make_unique<CopyImport>(db, impl_->path, id));
  return std::unique_ptr<EventImport>(std::make_unique<StoreImport>(db, impl_->path, id, false));
}

namespace {

// Which events of a dated query a statement reads. "Overlapping [from, to]" is date <= to AND
// date_end >= from, and an index on the start date serves only the first half: the scan would
// run from the first event ever stored. Split by span instead (schema 8's long_span): an event
// of at most 400 days overlaps only if it starts in the 400 days before `from` (a bounded
// range of the date and dyad indexes), and the few longer ones are read apart from their own
// partial index.
enum class SpanPart {
  kEvery,   // no split: the query has no `from`
  kRecent,  // events starting in the 400 days before `from` or later
  kLong,    // events starting earlier that span more than 400 days
};

std::vector<SpanPart> SpanParts(const EventQuery& q) {
  if (!q.from) return {SpanPart::kEvery};
  return {SpanPart::kRecent, SpanPart::kLong};
}

// A state's ISO code: three capitals, matched on the country columns the dyad index holds.
bool IsStateCode(const std::string& side) {
  return side.size() == 3 &&
         std::all_of(side.begin(), side.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}
bool StatePair(const EventQuery& q) {
  return !q.side_a.empty() && IsStateCode(q.side_a) && IsStateCode(q.side_b);
}

// Which way a query between two states reads: both, or one direction alone (a single range of
// the dyad index, in date order).
enum class Way { kBoth, kForward, kBackward };

std::string QueryWhere(const Db* db, const EventQuery& q, SpanPart part = SpanPart::kEvery,
                       Way way = Way::kBoth);

// " FROM events … WHERE …" of an event query for one part (parameters ?1-?8 and ?12, bound by
// BindQuery).
std::string QueryFrom(const Db* db, const EventQuery& q, SpanPart part, Way way = Way::kBoth) {
  return std::string(part == SpanPart::kLong && db->dialect() == Dialect::kSqlite
                         ? " FROM events INDEXED BY events_long"
                         : " FROM events") +
         QueryWhere(db, q, part, way);
}

// The WHERE clause of an event query (parameters ?1-?8 and ?12, bound by BindQuery).
std::string QueryWhere(const Db* db, const EventQuery& q, SpanPart part, Way way) {
  // A state's ISO code is matched on the country columns alone, which the dyad index holds; an
  // actor code (IGOUNO, RUSMIL) by its prefix as well.
  auto state = IsStateCode;
  std::string sql = " WHERE 1 = 1";
  if (StatePair(q) && way == Way::kForward)
    sql += " AND source_country = ?1 AND target_country = ?2";
  else if (StatePair(q) && way == Way::kBackward)
    sql += " AND source_country = ?2 AND target_country = ?1";
  else if (StatePair(q))
    sql +=
        " AND ((source_country = ?1 AND target_country = ?2) OR "
        "(source_country = ?2 AND target_country = ?1))";
  else if (!q.side_a.empty())
    sql +=
        " AND ((source LIKE ?1 || '%' AND target LIKE ?2 || '%') OR "
        "(source LIKE ?2 || '%' AND target LIKE ?1 || '%') OR "
        "(source_country = ?1 AND target_country = ?2) OR "
        "(source_country = ?2 AND target_country = ?1))";
  if (!q.actor.empty() && state(q.actor))
    sql += " AND (source_country = ?6 OR target_country = ?6)";
  else if (!q.actor.empty())
    sql +=
        " AND (source LIKE ?6 || '%' OR target LIKE ?6 || '%' OR source_country = ?6 OR "
        "target_country = ?6)";
  if (q.document_id != 0)
    sql += " AND id IN (SELECT event_id FROM mentions WHERE document_id = ?7)";
  if (!q.id.empty()) sql += " AND ext_id = ?8";
  if (q.from) sql += " AND date_end >= ?3";
  if (part == SpanPart::kRecent) sql += " AND date >= ?12";
  if (part == SpanPart::kLong) sql += " AND long_span = 1 AND date < ?12";
  if (q.to) sql += " AND date <= ?4";
  if (!q.code_root.empty()) sql += " AND code LIKE ?5 || '%'";
  if (q.unreviewed) sql += " AND review = ''";
  if (!q.modes.empty()) {
    // SQLite's unary +: the mode is tested, not searched, so a dyad's rows stream in the
    // index's order.
    sql += db->dialect() == Dialect::kSqlite ? " AND +mode IN (" : " AND mode IN (";
    for (size_t i = 0; i < q.modes.size(); ++i)
      sql += (i ? ",'" : "'") + std::string(ModeName(q.modes[i])) + "'";
    sql += ")";
  }
  return sql;
}

void BindQuery(Stmt& s, const EventQuery& q) {
  s.Bind(1, q.side_a).Bind(2, q.side_b);
  if (q.from) s.Bind(3, q.from->ToIso());
  if (q.to) s.Bind(4, q.to->ToIso());
  s.Bind(5, q.code_root);
  s.Bind(6, q.actor);
  s.Bind(7, q.document_id);
  s.Bind(8, q.id);
  if (q.from) s.Bind(12, q.from->AddDays(-400).ToIso());
}

}  // namespace

Status Store::BeginRead() const {
  if (!impl_->db->BeginRead().ok()) return impl_->Error("beginning a read");
  return Status::Ok();
}

void Store::EndRead() const { (void)impl_->db->Commit(); }

Result<long long> Store::CountEvents(const EventQuery& q) const {
  long long n = 0;
  for (SpanPart part : SpanParts(q)) {
    std::string sql = "SELECT count(*)" + QueryFrom(impl_->db.get(), q, part);
    Stmt s(impl_->db.get(), sql.c_str());
    if (!s.ok()) return impl_->Error("counting events");
    BindQuery(s, q);
    if (s.Step() != kRow) return impl_->Error("counting events");
    n += s.Int(0);
  }
  return n;
}

Result<std::vector<DayCount>> Store::DailyCounts(const EventQuery& q) const {
  // Between two states, each direction is one range of the dyad index in date order, grouped as
  // it is read (by mode too, the index's order); otherwise the direction is computed. ?1 is the
  // first side of a dyad, ?6 the side of an actor query.
  std::string side = q.side_a.empty() ? "?6" : "?1";
  std::vector<std::pair<Way, std::string>> ways;
  if (StatePair(q))
    ways = {{Way::kForward, "1"}, {Way::kBackward, "0"}};
  else
    ways = {{Way::kBoth, "CASE WHEN source_country = " + side + " OR source LIKE " + side +
                             " || '%' THEN 1 ELSE 0 END"}};
  std::vector<DayCount> out;
  for (const auto& [way, fwd] : ways)
    for (SpanPart part : SpanParts(q)) {
      std::string sql = "SELECT date, " + fwd +
                        " AS fwd, quad_class, count(*), sum(goldstein), sum(goldstein * "
                        "goldstein)" +
                        QueryFrom(impl_->db.get(), q, part, way) +
                        " GROUP BY date, mode, quad_class, fwd";
      Stmt s(impl_->db.get(), sql.c_str());
      if (!s.ok()) return impl_->Error("counting events by day");
      BindQuery(s, q);
      int rc;
      while ((rc = s.Step()) == kRow) {
        std::optional<Date> day = Date::Parse(s.Text(0));
        if (!day) continue;
        out.push_back(
            {*day, s.Int(1) != 0, static_cast<int>(s.Int(2)), s.Int(3), s.Real(4), s.Real(5)});
      }
      if (rc != kDone) return impl_->Error("counting events by day");
    }
  // The parts and the directions come one after the other: in order of day.
  std::stable_sort(out.begin(), out.end(),
                   [](const DayCount& x, const DayCount& y) { return x.day < y.day; });
  return out;
}

Result<PairTable> Store::Pairs(const EventQuery& q, const Date& middle, int per_pair) const {
  // One pass over the period's events, counted per pair in memory (a few hundred pairs): no
  // sort of the rows, and each row read once for its counts and its rank as evidence.
  struct Candidate {
    double weight;  // |Goldstein|
    std::string date;
    long long id;
    bool operator>(const Candidate& o) const {
      return std::tie(weight, date, id) > std::tie(o.weight, o.date, o.id);
    }
  };
  struct Acc {
    PairCount half[2];
    std::vector<Candidate> top;  // the heaviest, heaviest first
  };
  std::map<std::pair<std::string, std::string>, Acc> pairs;
  size_t keep = static_cast<size_t>(std::max(0, per_pair));
  for (SpanPart part : SpanParts(q)) {
    std::string sql = "SELECT source_country, target_country, date, quad_class, goldstein, id" +
                      QueryFrom(impl_->db.get(), q, part) +
                      " AND source_country != '' AND target_country != '' AND source_country != "
                      "target_country";
    Stmt s(impl_->db.get(), sql.c_str());
    if (!s.ok()) return impl_->Error("counting events by pair");
    BindQuery(s, q);
    std::string split = middle.ToIso();
    int rc;
    while ((rc = s.Step()) == kRow) {
      std::string a = s.Text(0), b = s.Text(1), date = s.Text(2);
      if (b < a) std::swap(a, b);
      Acc& acc = pairs[{a, b}];
      double g = s.Real(4);
      long long quad = s.Int(3);
      PairCount& c = acc.half[date >= split];
      ++c.events;
      c.cooperation += quad >= 1 && quad <= 2;
      c.conflict += quad >= 3;
      c.goldstein += g;
      if (keep == 0) continue;
      Candidate cand{std::fabs(g), std::move(date), s.Int(5)};
      if (acc.top.size() == keep && !(cand > acc.top.back())) continue;
      auto at = std::find_if(acc.top.begin(), acc.top.end(),
                             [&](const Candidate& x) { return cand > x; });
      acc.top.insert(at, std::move(cand));
      if (acc.top.size() > keep) acc.top.pop_back();
    }
    if (rc != kDone) return impl_->Error("counting events by pair");
  }
  PairTable out;
  Stmt id_q(impl_->db.get(), "SELECT ext_id FROM events WHERE id = ?1");
  if (!id_q.ok()) return impl_->Error("finding the events behind each pair");
  for (auto& [key, acc] : pairs) {
    for (int late = 0; late < 2; ++late) {
      PairCount& c = acc.half[late];
      if (c.events == 0) continue;
      c.a = key.first, c.b = key.second, c.late = late == 1;
      out.counts.push_back(c);
    }
    if (acc.top.empty()) continue;
    PairEvidence& e = out.evidence.emplace_back(PairEvidence{key.first, key.second, {}});
    for (const Candidate& cand : acc.top) {
      id_q.Reset();
      id_q.Bind(1, cand.id);
      if (id_q.Step() == kRow) e.ids.push_back(id_q.Text(0));
    }
  }
  return out;
}

Result<std::vector<Event>> Store::Events(const EventQuery& q) const {
  // A dated query reads each span part's bounded range (SpanParts), the parts joined in one
  // ordered statement: a year of a dyad reads that year's rows, not every earlier one.
  std::string sql;
  for (SpanPart part : SpanParts(q)) {
    if (!sql.empty()) sql += " UNION ALL ";
    sql +=
        "SELECT id, date, date_end, date_precision, source, target, source_country, "
        "target_country, source_name, target_name, source_label_ko, source_label_en, "
        "target_label_ko, target_label_en, code, goldstein, quad_class, \"symmetric\", action_ko, "
        "action_en, lang, mode, quotes, attribution, ext_id, date_basis, review, ext" +
        QueryFrom(impl_->db.get(), q, part);
  }
  sql += " ORDER BY date, id";
  if (q.limit > 0) sql += " LIMIT ?13 OFFSET ?14";
  Stmt s(impl_->db.get(), sql.c_str());
  if (!s.ok()) return impl_->Error("querying events");
  BindQuery(s, q);
  if (q.limit > 0) s.Bind(13, q.limit).Bind(14, std::max(0LL, q.offset));
  std::vector<Event> out;
  std::vector<long long> ids;
  int rc;
  while ((rc = s.Step()) == kRow) {
    Event e;
    ids.push_back(s.Int(0));
    e.date = SpanFrom(s.Text(1), s.Text(2), s.Text(3));
    e.source = s.Text(4), e.target = s.Text(5);
    e.source_country = s.Text(6), e.target_country = s.Text(7);
    e.source_name = s.Text(8), e.target_name = s.Text(9);
    e.source_label_ko = s.Text(10), e.source_label_en = s.Text(11);
    e.target_label_ko = s.Text(12), e.target_label_en = s.Text(13);
    e.code = s.Text(14);
    e.goldstein = s.Real(15);
    e.quad_class = static_cast<int>(s.Int(16));
    e.symmetric = s.Int(17) != 0;
    e.action_ko = s.Text(18), e.action_en = s.Text(19), e.lang = s.Text(20);
    e.mode = ParseMode(s.Text(21)).value_or(EventMode::kActual);
    e.quotes = io::DecodeQuotes(s.Text(22));
    e.attribution = s.Text(23);
    e.id = s.Text(24);
    e.date_basis = s.Text(25);
    e.review = s.Text(26);
    e.ext = store_internal::ExtFromJson(s.Text(27));
    out.push_back(std::move(e));
  }
  if (rc != kDone) return impl_->Error("querying events");
  // The mentions of the listed events, a few hundred events a statement (not one statement an
  // event: 4,200 events of a year's chronology were 4,200 queries), in the order they were
  // stored; then each event's put in the order its primary telling comes first (below).
  constexpr size_t kChunk = 500;
  std::vector<std::pair<long long, size_t>> at;  // a chunk's event ids and where they are in out
  for (size_t first = 0; first < out.size(); first += kChunk) {
    size_t n = std::min(kChunk, out.size() - first);
    std::string sql =
        "SELECT m.event_id, CASE WHEN m.doc != '' THEN m.doc ELSE d.path END, m.span_begin, "
        "m.span_end, m.evidence, m.section, m.date, m.date_end, m.document_id FROM mentions m "
        "JOIN documents d ON d.id = m.document_id WHERE m.event_id IN (";
    at.clear();
    for (size_t k = 0; k < n; ++k) {
      sql += (k ? ",?" : "?") + std::to_string(k + 1);
      at.emplace_back(ids[first + k], first + k);
    }
    sql += ") ORDER BY m.event_id, m.id";
    std::sort(at.begin(), at.end());
    Stmt mq(impl_->db.get(), sql);
    if (!mq.ok()) return impl_->Error("querying mentions");
    for (size_t k = 0; k < n; ++k) mq.Bind(static_cast<int>(k + 1), ids[first + k]);
    int mrc;
    while ((mrc = mq.Step()) == kRow) {
      auto it = std::lower_bound(at.begin(), at.end(), std::make_pair(mq.Int(0), size_t{0}));
      if (it == at.end() || it->first != mq.Int(0)) continue;
      Mention x;
      x.doc = mq.Text(1);
      x.span_begin = static_cast<uint32_t>(mq.Int(2));
      x.span_end = static_cast<uint32_t>(mq.Int(3));
      x.evidence = mq.Text(4);
      x.section = mq.Text(5);
      x.date = SpanFrom(mq.Text(6), mq.Text(7), "day");
      x.document_id = mq.Int(8);
      out[it->second].mentions.push_back(std::move(x));
    }
    if (mrc != kDone) return impl_->Error("querying mentions");
  }
  // The primary telling first: one whose words the store holds (an imported file gives the words
  // of its primary telling alone), then the finest (the fewest days), then the first stored.
  for (Event& e : out)
    std::stable_sort(e.mentions.begin(), e.mentions.end(), [](const Mention& a, const Mention& b) {
      auto key = [](const Mention& m) {
        return std::make_pair(m.evidence.empty(), m.date.end.ToDays() - m.date.begin.ToDays());
      };
      return key(a) < key(b);
    });
  return out;
}

Result<std::vector<Unresolved>> Store::UnresolvedItems(const std::string& reason) const {
  std::string sql =
      "SELECT d.path, u.span_begin, u.span_end, u.evidence, u.reason, u.predicate, u.words FROM "
      "unresolved "
      "u "
      "JOIN documents d ON d.id = u.document_id";
  if (!reason.empty()) sql += " WHERE u.reason = ?1";
  sql += " ORDER BY u.reason, d.path, u.span_begin";
  Stmt s(impl_->db.get(), sql.c_str());
  if (!s.ok()) return impl_->Error("querying the review queue");
  if (!reason.empty()) s.Bind(1, reason);
  std::vector<Unresolved> out;
  while (s.Step() == kRow) {
    Unresolved u;
    u.doc = s.Text(0);
    u.span_begin = static_cast<uint32_t>(s.Int(1));
    u.span_end = static_cast<uint32_t>(s.Int(2));
    u.evidence = s.Text(3);
    u.reason = s.Text(4);
    u.predicate = s.Text(5);
    u.words = s.Text(6);
    out.push_back(std::move(u));
  }
  return out;
}

Result<std::vector<StoredDocument>> Store::Documents() const {
  Stmt s(impl_->db.get(),
         "SELECT id, path, title, lang, sha256, code_options FROM documents ORDER BY id");
  std::vector<StoredDocument> out;
  while (s.Step() == kRow) {
    StoredDocument d;
    d.id = s.Int(0), d.path = s.Text(1), d.title = s.Text(2), d.lang = s.Text(3);
    d.sha256 = s.Text(4);
    // "year=2024;date=2024-06-19;self=PRK;"
    std::string options = s.Text(5);
    for (size_t i = 0; i < options.size();) {
      size_t end = options.find(';', i);
      if (end == std::string::npos) end = options.size();
      std::string item = options.substr(i, end - i);
      if (item.rfind("year=", 0) == 0) d.year = std::atoi(item.c_str() + 5);
      if (item.rfind("date=", 0) == 0) d.date = Date::Parse(item.substr(5));
      if (item.rfind("self=", 0) == 0) d.self = item.substr(5);
      i = end + 1;
    }
    out.push_back(std::move(d));
  }
  return out;
}

Result<FigureImportReport> Store::AddFigures(const burden::EditionData& data) {
  using burden::Cell;
  const burden::Edition& e = data.edition;
  FigureImportReport report;
  Db* db = impl_->db.get();
  if (Status s = impl_->db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  auto fail = [&](Status s) -> Result<FigureImportReport> {
    impl_->Exec("ROLLBACK");
    return s;
  };
  {
    Stmt q(db, "SELECT publisher, published, basis FROM figure_editions WHERE id = ?1");
    q.Bind(1, e.id);
    if (q.Step() == kRow) {
      if (q.Text(0) != e.publisher || q.Text(1) != e.published || q.Text(2) != e.basis) {
        return fail(Status::InvalidInput("edition " + e.id + " is already stored as " + q.Text(0) +
                                         ", " + q.Text(2) + " basis, published " + q.Text(1) +
                                         "; give this table its own --edition"));
      }
    } else {
      Stmt ins(db,
               "INSERT INTO figure_editions(id, publisher, title, published, cutoff, basis, "
               "source, partial, imported_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      ins.Bind(1, e.id).Bind(2, e.publisher).Bind(3, e.title).Bind(4, e.published);
      ins.Bind(5, e.cutoff).Bind(6, e.basis).Bind(7, e.source);
      ins.Bind(8, static_cast<long long>(e.partial)).Bind(9, Now());
      if (!ins.ok() || ins.Step() != kDone) return fail(impl_->Error("storing edition"));
      report.new_edition = true;
    }
  }
  Stmt find(db,
            "SELECT value, estimate FROM figures WHERE edition = ?1 AND series = ?2 AND "
            "country = ?3 AND year = ?4");
  Stmt ins(db,
           "INSERT INTO figures(edition, series, country, year, value, estimate) "
           "VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
  if (!find.ok() || !ins.ok()) return fail(impl_->Error("preparing figure statements"));
  for (const Cell& c : data.cells) {
    std::string series(burden::SeriesName(c.series));
    find.Reset();
    find.Bind(1, e.id).Bind(2, series).Bind(3, c.country).Bind(4, static_cast<long long>(c.year));
    if (find.Step() == kRow) {
      std::optional<double> old;
      if (!find.IsNull(0)) old = find.Real(0);
      if (old != c.value || (find.Int(1) != 0) != c.estimate) {
        return fail(Status::InvalidInput(
            "edition " + e.id + " already holds another " + series +
            " figure (or estimate flag) for " + c.country + " " + std::to_string(c.year) +
            ": an edition is never overwritten; import the revised table as a new --edition"));
      }
      ++report.unchanged;
      continue;
    }
    ins.Reset();
    ins.Bind(1, e.id).Bind(2, series).Bind(3, c.country).Bind(4, static_cast<long long>(c.year));
    if (c.value)
      ins.Bind(5, *c.value);
    else
      ins.BindNull(5);
    ins.Bind(6, static_cast<long long>(c.estimate));
    if (ins.Step() != kDone) return fail(impl_->Error("storing a figure"));
    ++report.added;
  }
  if (Status s = impl_->Exec("COMMIT"); !s.ok()) return fail(s);
  return report;
}

Result<std::vector<burden::EditionData>> Store::FigureEditions() const {
  std::vector<burden::EditionData> out;
  Stmt q(impl_->db.get(),
         "SELECT id, publisher, title, published, cutoff, basis, source, partial "
         "FROM figure_editions ORDER BY published, id");
  if (!q.ok()) return impl_->Error("reading editions");
  while (q.Step() == kRow) {
    burden::EditionData d;
    d.edition = {q.Text(0), q.Text(1), q.Text(2),     q.Text(3), q.Text(4),
                 q.Text(5), q.Text(6), q.Int(7) != 0, false};
    out.push_back(std::move(d));
  }
  Stmt f(impl_->db.get(),
         "SELECT series, country, year, value, estimate FROM figures WHERE edition = ?1 "
         "ORDER BY series, country, year");
  for (burden::EditionData& d : out) {
    f.Reset();
    f.Bind(1, d.edition.id);
    while (f.Step() == kRow) {
      burden::Cell c;
      c.series = burden::ParseSeries(f.Text(0)).value_or(burden::Series::kShareGdp);
      c.country = f.Text(1);
      c.year = static_cast<int>(f.Int(2));
      if (!f.IsNull(3)) c.value = f.Real(3);
      c.estimate = f.Int(4) != 0;
      d.cells.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace dyad
