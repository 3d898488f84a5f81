// The database under a Store: a connection to SQLite or to PostgreSQL, and its statements.
// The store's logic (merge, removal, corrections, queries) is written once against this
// interface; what differs between the two engines (the schema, how a write excludes other
// writers, a few spellings) lives behind it or is asked of dialect(). Private to src/store.
//
// The SQL the store writes is SQLite's, restricted to what PostgreSQL also reads: numbered
// parameters (?1, ?2 …, bound by number, unbound ones NULL), INSERT … ON CONFLICT, RETURNING
// for new row ids, COALESCE, CASE. The PostgreSQL connection renumbers the parameters and
// leaves out those a statement does not use.
#ifndef DYAD_STORE_DB_H_
#define DYAD_STORE_DB_H_

#include <memory>
#include <string>
#include <string_view>

#include "dyad/status.h"

namespace dyad::store_internal {

enum class Dialect { kSqlite, kPostgres };

// What Statement::Step returns; anything else is an error, which Db::LastError describes.
inline constexpr int kRow = 100;   // a row is ready to read
inline constexpr int kDone = 101;  // the statement ran to its end
inline constexpr int kError = 1;

// One prepared statement. Bind by 1-based number; Step runs it (the first call) and moves to
// the next row; Reset makes it ready to run again with new bindings (all cleared). A statement
// left before its last row is ended by Reset or by its destruction.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual void BindText(int i, std::string_view v) = 0;
  virtual void BindInt(int i, long long v) = 0;
  virtual void BindReal(int i, double v) = 0;
  virtual void BindNull(int i) = 0;
  virtual int Step() = 0;
  virtual void Reset() = 0;
  // The current row's columns, 0-based. A boolean column reads as 1 or 0.
  virtual bool IsNull(int c) const = 0;
  virtual std::string Text(int c) const = 0;
  virtual long long Int(int c) const = 0;
  virtual double Real(int c) const = 0;
  // Rows the last run of an INSERT, UPDATE or DELETE changed.
  virtual long long Changes() const = 0;
};

// One connection, used by one thread at a time.
class Db {
 public:
  virtual ~Db() = default;
  virtual Dialect dialect() const = 0;
  // Null when `sql` cannot be prepared; LastError says why. (PostgreSQL parses a statement when
  // it first runs: its errors come from Step.)
  virtual std::unique_ptr<Statement> Prepare(std::string_view sql) = 0;
  // Runs statements that return no rows (several, separated by semicolons).
  virtual Status Exec(const std::string& sql) = 0;
  // The engine's message for the last failure.
  virtual std::string LastError() const = 0;
  // Opens a write transaction. Writers exclude each other for the whole transaction (SQLite's
  // BEGIN IMMEDIATE; a transaction-scoped advisory lock in PostgreSQL), so a merge reads every
  // event committed before it and no two writers store the same event or document twice.
  virtual Status BeginWrite() = 0;
  // Opens a read transaction: the reads until Commit see one snapshot.
  virtual Status BeginRead() = 0;
  // Loads rows in PostgreSQL's COPY text format (tab-separated, \N for NULL, backslash escapes:
  // CopyField) into `target`, "table(col, …)", in one statement: the bulk path of an import.
  // SQLite has no COPY; the caller inserts row by row there.
  virtual Status CopyIn(const std::string& target, std::string_view rows) = 0;
  Status Commit() { return Exec("COMMIT"); }
  void Rollback() { (void)Exec("ROLLBACK"); }
};

// Appends `v` to a COPY text row, escaped, after a tab unless it is the row's first field.
inline void CopyField(std::string* row, std::string_view v, bool first = false) {
  if (!first) *row += '\t';
  for (char c : v) {
    switch (c) {
      case '\\':
        *row += "\\\\";
        break;
      case '\t':
        *row += "\\t";
        break;
      case '\n':
        *row += "\\n";
        break;
      case '\r':
        *row += "\\r";
        break;
      default:
        *row += c;
    }
  }
}

// A statement as the store uses it: binds chain, and a statement that failed to prepare fails
// at Step.
class Stmt {
 public:
  Stmt(Db* db, std::string_view sql) : s_(db->Prepare(sql)) {}
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  bool ok() const { return s_ != nullptr; }
  Stmt& Bind(int i, const std::string& v) {
    if (s_) s_->BindText(i, v);
    return *this;
  }
  Stmt& Bind(int i, long long v) {
    if (s_) s_->BindInt(i, v);
    return *this;
  }
  Stmt& Bind(int i, double v) {
    if (s_) s_->BindReal(i, v);
    return *this;
  }
  Stmt& BindNull(int i) {
    if (s_) s_->BindNull(i);
    return *this;
  }
  int Step() { return s_ ? s_->Step() : kError; }
  void Reset() {
    if (s_) s_->Reset();
  }
  bool IsNull(int c) const { return !s_ || s_->IsNull(c); }
  std::string Text(int c) const { return s_ ? s_->Text(c) : std::string(); }
  long long Int(int c) const { return s_ ? s_->Int(c) : 0; }
  double Real(int c) const { return s_ ? s_->Real(c) : 0; }
  long long Changes() const { return s_ ? s_->Changes() : 0; }

 private:
  std::unique_ptr<Statement> s_;
};

}  // namespace dyad::store_internal

#endif  // DYAD_STORE_DB_H_
