// The event store: documents, events and the mentions tying them together; and the editions of
// defence-spending figures an analyst imports.
//
// Either one SQLite file in WAL mode (no server), or a PostgreSQL database a team shares, named
// by a postgresql:// URI (docs/reliability.md: PostgreSQL). Both hold the same tables and
// answer every call the same way. Ingesting a document is one transaction: the
// document row, its events and mentions land together or not at all, so a failed ingest leaves
// the store as it was. A document is known by the SHA-256 of its extracted text; ingesting it
// again changes nothing. An event told in several documents is stored once, with a mention per
// telling (same merge rule as the coder's). The schema carries a version; opening an older
// store migrates it, opening one written by a newer dyad fails with a message.
//
//   Result<std::unique_ptr<Store>> store = Store::Open("dyad.db");
//   Result<IngestReport> r = (*store)->Ingest(doc, coded);
#ifndef DYAD_STORE_H_
#define DYAD_STORE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/analysis.h"
#include "dyad/burden.h"
#include "dyad/coder.h"
#include "dyad/correction.h"
#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/event.h"
#include "dyad/network.h"
#include "dyad/status.h"
#include "dyad/unga.h"

namespace dyad {

struct EventQuery {
  std::string side_a, side_b;    // --between: ISO alpha-3 or actor-code prefixes; either order
  std::string actor;             // --actor: one side, as source or target
  long long document_id = 0;     // only events this stored document tells (0: any)
  std::string id;                // only the event with this id (ev-…, an-…, an imported id)
  std::optional<Date> from, to;  // events overlapping [from, to]
  std::string code_root;         // CAMEO code prefix, e.g. "04"
  std::vector<EventMode> modes;  // empty: every mode stored
  bool unreviewed = false;       // only events no analyst has accepted, edited or added
  // A page of Events: `limit` events (0: every one) after skipping `offset`, in date order.
  long long limit = 0, offset = 0;
};

struct IngestReport {
  bool already_present = false;  // same content ingested before: nothing changed
  long long document_id = 0;
  int events_added = 0;   // new events
  int events_merged = 0;  // mentions added to events already stored
};

// An event file imported whole (GDELT, ICEWS, JSON Lines…), stored as one document.
struct ImportSource {
  std::string path;    // as given
  std::string format;  // "gdelt", "icews", "jsonl", "csv", "xlsx"
  std::string sha256;  // of the file's bytes: importing the same file again changes nothing
  std::string title;
};

struct ImportReport {
  bool already_present = false;
  long long document_id = 0;
  long long events_added = 0;
};

// One import, one transaction: events added with Add land on Commit, or not at all when the
// import is dropped without it. Imported events are stored as they are, one per row read:
// datasets such as GDELT keep their own duplicates, which dyad does not merge.
class EventImport {
 public:
  virtual ~EventImport() = default;
  // The same file was imported before: Add does nothing and Commit reports it.
  virtual bool already_present() const = 0;
  virtual Status Add(const Event& e) = 0;
  virtual Result<ImportReport> Commit() = 0;
};

// What storing an edition of figures did.
struct FigureImportReport {
  bool new_edition = false;  // the edition was not stored before
  int added = 0;             // cells stored
  int unchanged = 0;         // cells the edition already held, with the same figure
};

// What removing a document took with it.
struct RemoveReport {
  int events_removed = 0;    // events no other document told
  int mentions_removed = 0;  // its tellings, of those and of events others tell too
};

struct StoredDocument {
  long long id = 0;
  std::string path, title, lang, sha256;
  // The options it was coded with (CodedDocument::given_*): a recode gives them again.
  int year = 0;
  std::optional<Date> date;
  std::string self;
};

// What copying a store (Store::CopyTo, dyad migrate) moved: rows per table, in copy order.
struct CopyReport {
  std::vector<std::pair<std::string, long long>> rows;
};

// How a command opens the store.
enum class StoreAccess {
  kCreate,     // read-write, created when the file does not exist (ingest, import)
  kReadWrite,  // read-write; the store must exist (remove, recode)
  kReadOnly,   // queries: never writes, so a shared or read-only file serves; it must exist
};

// One connection. A Store is used by one thread at a time; threads that read at once each open
// their own (SQLite in WAL mode, and PostgreSQL, let them read while one writes). Writers
// exclude each other for the length of a transaction, in both engines: a document's merge sees
// every event committed before it, so analysts ingesting into one store at once lose nothing
// and store nothing twice.
class Store {
 public:
  static constexpr int kSchemaVersion = 11;

  // `path` is a file, or a postgresql:// (postgres://) URI in libpq's syntax; a database with
  // no store gets one on kCreate. kCreate migrates an older store. kReadOnly fails with kNotFound
  // when `path` does not exist, and asks for a read-write open of a store of an older schema; a
  // store in WAL mode on a read-only file or directory is read as it stands (SQLite's immutable
  // mode).
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             StoreAccess access = StoreAccess::kCreate);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Result<IngestReport> Ingest(const Document& doc, const CodedDocument& coded);
  // Removes a document with its mentions, the events only it tells and its review queue, in one
  // transaction; kNotFound when no document has the id.
  Result<RemoveReport> RemoveDocument(long long document_id);
  // A stored document's text as it was ingested (path, extracted text, format, encoding).
  Result<Document> StoredText(long long document_id) const;
  // Replaces a document's coding: removes it and ingests `coded` in one transaction, so a failed
  // recode leaves the store as it was.
  Result<IngestReport> Replace(long long document_id, const Document& doc,
                               const CodedDocument& coded);
  // Records an analyst's correction and applies it, in one transaction (dyad/correction.h):
  // kAccept marks the stored event, kReject removes it, kEdit puts c.event in its place, kAdd
  // stores c.event told in c.document_id. Returns the correction as recorded (id, time, and for
  // kAdd the new event's id). kNotFound when no stored event or document has the id.
  Result<Correction> Correct(const Correction& c);
  // Every correction, oldest first, superseded ones included.
  Result<std::vector<Correction>> Corrections() const;
  // Opens an import of an event file. No other write may run until it is committed or dropped.
  Result<std::unique_ptr<EventImport>> BeginImport(const ImportSource& src);
  // The reads that follow, until EndRead, see one snapshot of the store (a read transaction):
  // a document another connection stores meanwhile is seen whole or not at all. For a
  // connection that only reads; not nested.
  Status BeginRead() const;
  void EndRead() const;
  // Events with every mention, by date.
  Result<std::vector<Event>> Events(const EventQuery& q) const;
  // How many events Events(q) would return, without reading them.
  Result<long long> CountEvents(const EventQuery& q) const;
  // The events Events(q) would return, counted by day, direction and quad class
  // (dyad/analysis.h), without reading them one by one. The direction is forward when the
  // source is q.side_a (for a q.actor query: when the source is the actor).
  Result<std::vector<DayCount>> DailyCounts(const EventQuery& q) const;
  // The events between states (both sides a state, not the same one) that Events(q) would
  // return, counted per pair, either way, in the halves before and from `middle`
  // (dyad/network.h); and for each pair the ids of up to `per_pair` events behind it, the
  // weightiest first (largest |Goldstein|, then the latest).
  Result<PairTable> Pairs(const EventQuery& q, const Date& middle, int per_pair = 0) const;
  Result<std::vector<StoredDocument>> Documents() const;
  // The review queue: sentences and rows that looked like events but could not be coded, with
  // the reason; `reason` filters when not empty.
  Result<std::vector<Unresolved>> UnresolvedItems(const std::string& reason = "") const;
  // Stores an edition of defence-spending figures in one transaction. An edition is never
  // overwritten: cells it already holds must match, new cells (another series of the same
  // edition) are added, and a conflicting figure fails the whole import.
  Result<FigureImportReport> AddFigures(const burden::EditionData& data);
  // Stores UN General Assembly votes in one transaction. A resolution stored before keeps its
  // votes: the same vote again changes nothing, a different one fails the whole import naming
  // the resolution and the country. Returns the votes added.
  Result<long long> AddVotes(const UngaFile& file);
  // The stored votes, by date, between `from` and `to` when given.
  Result<std::vector<UngaVote>> Votes(std::optional<Date> from = std::nullopt,
                                      std::optional<Date> to = std::nullopt) const;
  // Every stored edition with its cells, oldest first.
  Result<std::vector<burden::EditionData>> FigureEditions() const;
  // Copies every row of this store into `to`, which must hold none (a new store), keeping
  // every id: a SQLite file into PostgreSQL or back. Reads one snapshot of this store and writes
  // `to` in one transaction, so a failed copy leaves `to` empty.
  Result<CopyReport> CopyTo(Store& to) const;
  int schema_version() const { return version_; }
  // Whether this Open created the store (a new file, or the schema in an empty database).
  bool created() const { return created_; }

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl, int version);
  Result<IngestReport> IngestInTransaction(const Document& doc, const CodedDocument& coded);
  Status RemoveInTransaction(long long document_id, RemoveReport* report);
  std::unique_ptr<Impl> impl_;
  int version_;
  bool created_ = false;
};

// Whether a --db value names a PostgreSQL database (postgresql://… or postgres://…) rather
// than a SQLite file.
bool IsPostgresUri(std::string_view db);
// A --db value as messages show it: a URI without its password.
std::string StoreNameForMessages(std::string_view db);

// Hex SHA-256 of bytes, or of a file read a block at a time.
std::string Sha256Hex(std::string_view bytes);
Result<std::string> Sha256File(const std::string& path);

}  // namespace dyad

#endif  // DYAD_STORE_H_
