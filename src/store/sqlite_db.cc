#include "store/sqlite_db.h"

namespace dyad::store_internal {

namespace {

class SqliteStatement : public Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* s) : db_(db), s_(s) {}
  ~SqliteStatement() override { sqlite3_finalize(s_); }
  void BindText(int i, std::string_view v) override {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindInt(int i, long long v) override { sqlite3_bind_int64(s_, i, v); }
  void BindReal(int i, double v) override { sqlite3_bind_double(s_, i, v); }
  void BindNull(int i) override { sqlite3_bind_null(s_, i); }
  int Step() override {
    int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return kRow;
    if (rc == SQLITE_DONE) {
      changes_ = sqlite3_changes(db_);
      return kDone;
    }
    return kError;
  }
  void Reset() override {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  bool IsNull(int c) const override { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  std::string Text(int c) const override {
    const unsigned char* t = sqlite3_column_text(s_, c);
    return t ? std::string(reinterpret_cast<const char*>(t), sqlite3_column_bytes(s_, c)) : "";
  }
  long long Int(int c) const override { return sqlite3_column_int64(s_, c); }
  double Real(int c) const override { return sqlite3_column_double(s_, c); }
  long long Changes() const override { return changes_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* s_;
  long long changes_ = 0;
};

class SqliteDb : public Db {
 public:
  explicit SqliteDb(sqlite3* h) : h_(h) {}
  ~SqliteDb() override { sqlite3_close(h_); }
  Dialect dialect() const override { return Dialect::kSqlite; }
  std::unique_ptr<Statement> Prepare(std::string_view sql) override {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(h_, sql.data(), static_cast<int>(sql.size()), &s, nullptr) !=
        SQLITE_OK) {
      sqlite3_finalize(s);
      return nullptr;
    }
    return std::make_unique<SqliteStatement>(h_, s);
  }
  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    if (sqlite3_exec(h_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(h_);
      sqlite3_free(err);
      return Status::IoError(msg);
    }
    return Status::Ok();
  }
  std::string LastError() const override { return sqlite3_errmsg(h_); }
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status BeginRead() override { return Exec("BEGIN"); }
  Status CopyIn(const std::string&, std::string_view) override {
    return Status::Internal("SQLite has no COPY");
  }

 private:
  sqlite3* h_;
};

}  // namespace

std::unique_ptr<Db> AdoptSqlite(sqlite3* handle) { return std::make_unique<SqliteDb>(handle); }

}  // namespace dyad::store_internal
