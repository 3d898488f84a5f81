#include "dyad/store.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

#include "testing.h"

namespace dyad {
namespace {

std::string FreshDb(const std::string& name) {
  std::string p = std::string(DYAD_TEST_TMP) + "/" + name;
  std::filesystem::create_directories(DYAD_TEST_TMP);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(p + suffix);
  return p;
}

struct Coded {
  Document doc;
  CodedDocument coded;
};

Coded CodeText(const std::string& text, const std::string& name) {
  auto res = testing::Shipped();
  Coder coder(res);
  Coded c;
  c.doc = *DecodeText(text, name);
  c.coded = *coder.Code(c.doc, {});
  return c;
}

const char kTable[] =
    " 표 1. 2023년 북러 교류 주요일지 \n날짜 내용 \n6/12 김정은, 푸틴에 러시아의 날 축전 전달 \n"
    "10/18~10/19 라브로프 외무장관 방북, 최선희 외무상과 회담 \n";
const char kNarrative[] = "2023년 10월에는 세르게이 라브로프 러시아 외무장관이 방북했다.\n";

int64_t Count(const std::string& db, const char* table) {
  sqlite3* h;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* s;
  std::string sql = std::string("SELECT count(*) FROM ") + table;
  sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr);
  sqlite3_step(s);
  int64_t n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

// The store suite, run on each engine: SQLite always; PostgreSQL when DYAD_TEST_POSTGRES gives
// a cluster's base URI (tests/pg/store_suite.sh starts a throwaway one for `make test` and runs
// the suite's PostgreSQL half against it). Each test gets a new file or a new database.
class StoreSuite : public ::testing::TestWithParam<std::string> {
 protected:
  bool pg() const { return GetParam() == "postgresql"; }
  void SetUp() override {
    if (pg() && Base().empty())
      GTEST_SKIP() << "DYAD_TEST_POSTGRES is not set (tests/pg/store_suite.sh sets it)";
  }
  static std::string Base() {
    const char* b = std::getenv("DYAD_TEST_POSTGRES");
    return b ? b : "";
  }
  // A store nobody has opened: a removed file, or a new empty database.
  std::string FreshDb(const std::string& name) {
    if (!pg()) return dyad::FreshDb(name);
    std::string db = "t_";
    for (char c : name) db += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    Admin("DROP DATABASE IF EXISTS " + db);
    Admin("CREATE DATABASE " + db);
    return Base() + db;
  }
  // Runs SQL of the engine's own dialect on the store behind `db`.
  void Exec(const std::string& db, const std::string& sql) {
    if (!pg()) {
      sqlite3* h;
      sqlite3_open(db.c_str(), &h);
      char* err = nullptr;
      int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
      if (rc != SQLITE_OK) ADD_FAILURE() << sql << ": " << (err ? err : "");
      sqlite3_free(err);
      sqlite3_close(h);
      return;
    }
    PGconn* c = PQconnectdb(db.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
      ADD_FAILURE() << sql << ": " << PQresultErrorMessage(r) << PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
  }
  int64_t Count(const std::string& db, const char* table) {
    if (!pg()) return dyad::Count(db, table);
    PGconn* c = PQconnectdb(db.c_str());
    PGresult* r = PQexec(c, (std::string("SELECT count(*) FROM ") + table).c_str());
    int64_t n = PQresultStatus(r) == PGRES_TUPLES_OK ? std::atoll(PQgetvalue(r, 0, 0)) : -1;
    PQclear(r);
    PQfinish(c);
    return n;
  }

 private:
  void Admin(const std::string& sql) { Exec(Base() + "postgres", sql); }
};

INSTANTIATE_TEST_SUITE_P(Engines, StoreSuite, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& p) { return p.param; });

TEST_P(StoreSuite, IngestingTwiceChangesNothing) {
  std::string db = FreshDb("twice.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), Store::kSchemaVersion);
  Coded c = CodeText(kTable, "table.txt");
  auto first = (*store)->Ingest(c.doc, c.coded);
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->already_present);
  EXPECT_EQ(first->events_added, 3);
  auto second = (*store)->Ingest(c.doc, c.coded);
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(second->already_present);
  EXPECT_EQ(Count(db, "documents"), 1);
  EXPECT_EQ(Count(db, "events"), 3);
  EXPECT_EQ(Count(db, "mentions"), 3);
}

TEST_P(StoreSuite, AnEventToldInTwoDocumentsIsStoredOnce) {
  std::string db = FreshDb("merge.db");
  auto store = Store::Open(db);
  Coded table = CodeText(kTable, "table.txt");
  Coded narrative = CodeText(kNarrative, "narrative.txt");
  ASSERT_TRUE((*store)->Ingest(table.doc, table.coded).ok());
  auto r = (*store)->Ingest(narrative.doc, narrative.coded);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events_added, 0);
  EXPECT_EQ(r->events_merged, 1);
  EventQuery q;
  q.side_a = "PRK";
  q.side_b = "RUS";
  q.code_root = "042";
  auto ev = (*store)->Events(q);
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].mentions.size(), 2u);
  EXPECT_EQ((*ev)[0].date.begin, (Date{2023, 10, 18}));  // the precise telling
}

// Removing a document takes the events only it tells and its mentions of the others; replacing
// it (recode) is one transaction.
TEST_P(StoreSuite, RemovingADocumentKeepsWhatOthersTell) {
  std::string db = FreshDb("remove.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded table = CodeText(kTable, "table.txt");
  Coded narrative = CodeText(kNarrative, "narrative.txt");
  ASSERT_TRUE((*store)->Ingest(table.doc, table.coded).ok());
  auto n = (*store)->Ingest(narrative.doc, narrative.coded);
  ASSERT_TRUE(n.ok());
  int64_t events = Count(db, "events");
  auto r = (*store)->RemoveDocument(n->document_id);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->events_removed, 0);  // the visit is the table's too
  EXPECT_EQ(r->mentions_removed, 1);
  EXPECT_EQ(Count(db, "events"), events);
  EXPECT_EQ(Count(db, "documents"), 1);
  auto again = (*store)->RemoveDocument(n->document_id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), Status::Code::kNotFound);
  // Replacing the table's coding with none empties the store of its events in one step.
  auto docs = (*store)->Documents();
  ASSERT_TRUE(docs.ok() && docs->size() == 1u);
  auto text = (*store)->StoredText((*docs)[0].id);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, table.doc.text);
  CodedDocument none = table.coded;
  none.events.clear();
  ASSERT_TRUE((*store)->Replace((*docs)[0].id, *text, none).ok());
  EXPECT_EQ(Count(db, "events"), 0);
  EXPECT_EQ(Count(db, "documents"), 1);
}

TEST_P(StoreSuite, AFailedIngestLeavesTheStoreAsItWas) {
  std::string db = FreshDb("rollback.db");
  auto store = Store::Open(db);
  Coded first = CodeText(kTable, "table.txt");
  ASSERT_TRUE((*store)->Ingest(first.doc, first.coded).ok());
  // Make the last write of the next ingest fail: mentions reject this document's evidence.
  if (pg())
    Exec(db,
         "CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.evidence "
         "LIKE '%쇼이구%' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$; "
         "CREATE TRIGGER fail BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION fail();");
  else
    Exec(db,
         "CREATE TRIGGER fail BEFORE INSERT ON mentions WHEN NEW.evidence LIKE '%쇼이구%' "
         "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;");
  Coded second = CodeText(
      " 표 1. 2023년 북러 교류 주요일지 \n날짜 내용 \n8/15 김정은, 푸틴과 축전 교환 \n"
      "7/25~7/27 쇼이구 국방장관 등 러시아 군사대표단 방북 \n",
      "second.txt");
  auto r = (*store)->Ingest(second.doc, second.coded);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("injected failure"), std::string::npos);
  EXPECT_EQ(Count(db, "documents"), 1);
  EXPECT_EQ(Count(db, "events"), 3);
  EXPECT_EQ(Count(db, "mentions"), 3);
}

// Where an event's date came from survives the store: a speech's own demand is dated by the
// document (schema 7).
TEST_P(StoreSuite, KeepsWhereADateCameFrom) {
  std::string db = FreshDb("basis.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded c = CodeText(
      "2015년 신년사\n\n남조선 당국은 외세와 함께 벌이는 모든 전쟁책동을 그만두어야 합니다.\n\n"
      "남조선 북남 조선반도 괴뢰\n",
      "speech.txt");
  ASSERT_FALSE(c.coded.events.empty());
  ASSERT_EQ(c.coded.events[0].date_basis, "document");
  ASSERT_TRUE((*store)->Ingest(c.doc, c.coded).ok());
  auto events = (*store)->Events(EventQuery{});
  ASSERT_TRUE(events.ok());
  ASSERT_FALSE(events->empty());
  EXPECT_EQ((*events)[0].date_basis, "document");
}

TEST_P(StoreSuite, QueriesFilterByDyadDateAndCode) {
  std::string db = FreshDb("query.db");
  auto store = Store::Open(db);
  Coded c = CodeText(kTable, "table.txt");
  ASSERT_TRUE((*store)->Ingest(c.doc, c.coded).ok());
  EventQuery q;
  q.from = Date{2023, 10, 1};
  EXPECT_EQ((*store)->Events(q)->size(), 2u);
  q.code_root = "05";
  EXPECT_EQ((*store)->Events(q)->size(), 0u);
  EventQuery both;
  both.side_a = "RUS";
  both.side_b = "PRK";  // either order
  EXPECT_EQ((*store)->Events(both)->size(), 3u);
  auto docs = (*store)->Documents();
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].sha256, Sha256Hex(c.doc.text));
}

TEST_P(StoreSuite, RefusesNewerSchemasAndNonDatabases) {
  std::string db = FreshDb("newer.db");
  if (pg()) {
    ASSERT_TRUE(Store::Open(db).ok());
    Exec(db, "UPDATE dyad_schema SET version = 99");
  } else {
    Exec(db, "PRAGMA user_version=99");
  }
  auto s = Store::Open(db);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer than this dyad"), std::string::npos);
  if (pg()) {
    // No server there: the URI, without its password, and libpq's reason.
    auto j = Store::Open("postgresql://who:secret@%2Fnonexistent/db");
    ASSERT_FALSE(j.ok());
    EXPECT_NE(j.status().message().find("cannot connect"), std::string::npos);
    EXPECT_EQ(j.status().message().find("secret"), std::string::npos);
    return;
  }
  std::string junk = testing::WriteScratch("junk.db", std::string(4096, 'x'));
  auto j = Store::Open(junk);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.status().message().find("junk.db"), std::string::npos);
}

// Queries open the store read-only: a missing store is an error, not a new empty file; a write
// through a read-only store fails and changes nothing; an older schema asks for a migration.
TEST_P(StoreSuite, ReadOnlyOpensNeverWrite) {
  std::string missing = FreshDb("missing.db");
  auto m = Store::Open(missing, StoreAccess::kReadOnly);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), Status::Code::kNotFound);
  EXPECT_NE(m.status().message().find(pg() ? "no dyad store" : "no such store"), std::string::npos);
  if (pg())
    EXPECT_EQ(Count(missing, "pg_tables WHERE schemaname = 'public'"), 0);
  else
    EXPECT_FALSE(std::filesystem::exists(missing));

  std::string db = FreshDb("readonly.db");
  Coded t = CodeText(kTable, "table.txt");
  {
    auto rw = Store::Open(db);
    ASSERT_TRUE(rw.ok());
    ASSERT_TRUE((*rw)->Ingest(t.doc, t.coded).ok());
  }
  int64_t events = Count(db, "events");
  auto ro = Store::Open(db, StoreAccess::kReadOnly);
  ASSERT_TRUE(ro.ok()) << ro.status().message();
  auto all = (*ro)->Events({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(static_cast<int64_t>(all->size()), events);
  Coded n = CodeText(kNarrative, "narrative.txt");
  auto w = (*ro)->Ingest(n.doc, n.coded);
  EXPECT_FALSE(w.ok());
  EXPECT_EQ(Count(db, "events"), events);
  if (pg()) return;  // PostgreSQL stores begin at the current schema: none is older

  std::string old = FreshDb("old-ro.db");
  {
    sqlite3* h;
    sqlite3_open(old.c_str(), &h);
    sqlite3_exec(h, "CREATE TABLE x(a); PRAGMA user_version=3", nullptr, nullptr, nullptr);
    sqlite3_close(h);
  }
  auto o = Store::Open(old, StoreAccess::kReadOnly);
  ASSERT_FALSE(o.ok());
  EXPECT_NE(o.status().message().find("migrates it"), std::string::npos);
}

// The merge finds an event told before whatever the span: a decade stored first takes a later
// telling of one year in it (the long-span lookup), and a day joins its month (the window).
TEST_P(StoreSuite, MergeFindsLongAndShortSpans) {
  std::string db = FreshDb("spans.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded decade = CodeText("1970년대에 북한은 일본을 비난했다.\n", "decade.txt");
  Coded year = CodeText("1975년에 북한은 일본을 비난했다.\n", "year.txt");
  ASSERT_EQ(decade.coded.events.size(), 1u);
  ASSERT_EQ(year.coded.events.size(), 1u);
  ASSERT_TRUE((*store)->Ingest(decade.doc, decade.coded).ok());
  auto r = (*store)->Ingest(year.doc, year.coded);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->events_merged, 1);
  EXPECT_EQ(Count(db, "events"), 1);
  Coded month = CodeText("2024년 6월에 북한은 러시아와 회담했다.\n", "month.txt");
  Coded day = CodeText("2024년 6월 19일 북한은 러시아와 회담했다.\n", "day.txt");
  ASSERT_TRUE((*store)->Ingest(month.doc, month.coded).ok());
  auto d = (*store)->Ingest(day.doc, day.coded);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->events_added, 0);
  EXPECT_EQ(Count(db, "events"), 2);
}

// A store written by the first schema (no event modes) opens migrated and takes new events.
TEST(StoreTest, MigratesAVersionOneStore) {
  std::string db = FreshDb("v1.db");
  {
    sqlite3* h;
    sqlite3_open(db.c_str(), &h);
    ASSERT_EQ(
        sqlite3_exec(
            h,
            "CREATE TABLE documents(id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, "
            "path TEXT NOT NULL, title TEXT NOT NULL, lang TEXT NOT NULL, format TEXT NOT NULL, "
            "encoding TEXT NOT NULL, text TEXT NOT NULL, ingested_at TEXT NOT NULL);"
            "CREATE TABLE events(id INTEGER PRIMARY KEY, date TEXT NOT NULL, date_end TEXT NOT "
            "NULL, "
            "date_precision TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL, "
            "source_country TEXT NOT NULL, target_country TEXT NOT NULL, source_name TEXT NOT "
            "NULL, "
            "target_name TEXT NOT NULL, source_label_ko TEXT NOT NULL, source_label_en TEXT NOT "
            "NULL, "
            "target_label_ko TEXT NOT NULL, target_label_en TEXT NOT NULL, code TEXT NOT NULL, "
            "goldstein REAL NOT NULL, quad_class INTEGER NOT NULL, symmetric INTEGER NOT NULL, "
            "action_ko TEXT NOT NULL, action_en TEXT NOT NULL, lang TEXT NOT NULL);"
            "CREATE TABLE mentions(id INTEGER PRIMARY KEY, event_id INTEGER NOT NULL REFERENCES "
            "events(id), document_id INTEGER NOT NULL REFERENCES documents(id), span_begin INTEGER "
            "NOT NULL, span_end INTEGER NOT NULL, section TEXT NOT NULL, evidence TEXT NOT NULL, "
            "date TEXT NOT NULL, date_end TEXT NOT NULL, UNIQUE(event_id, document_id, span_begin, "
            "span_end));"
            "INSERT INTO events "
            "VALUES(1,'2023-01-01','2023-01-01','day','PRKGOV','RUSGOV','PRK','RUS',"
            "'','','','','','','040',1.0,1,1,'','','ko');"
            "PRAGMA user_version=1;",
            nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(h);
  }
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), Store::kSchemaVersion);
  auto old = (*store)->Events({});
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old->size(), 1u);
  EXPECT_EQ((*old)[0].mode, EventMode::kActual);  // events before modes were actual
  EXPECT_TRUE((*old)[0].quotes.empty());
  Coded c = CodeText(kTable, "table.txt");
  EXPECT_TRUE((*store)->Ingest(c.doc, c.coded).ok());
}

// Quotations and attribution survive the store, and a second telling adds its quotation.
TEST_P(StoreSuite, QuotationsAndAttributionAreStored) {
  std::string db = FreshDb("quotes.db");
  auto store = Store::Open(db);
  const char row[] =
      " 표 1. 2023년 북한의 대미 담화 \n날짜 내용 \n"
      "7/20 강순남 국방상, 미 전략핵잠수함 부산 기항 비난 담화 발표(조선중앙통신): \n"
      "- “핵무기 사용 조건에 해당할 수 있다” \n";
  Coded a = CodeText(row, "a.txt");
  ASSERT_EQ(a.coded.events.size(), 1u);
  ASSERT_TRUE((*store)->Ingest(a.doc, a.coded).ok());
  Coded b = CodeText(
      "2023년 7월 20일 강순남 국방상은 담화에서 미국을 “핵전쟁 도발자”라고 비난했다.\n", "b.txt");
  ASSERT_TRUE((*store)->Ingest(b.doc, b.coded).ok());
  auto ev = (*store)->Events({});
  ASSERT_TRUE(ev.ok());
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].attribution, "조선중앙통신");
  EXPECT_EQ((*ev)[0].quotes,
            (std::vector<std::string>{"핵무기 사용 조건에 해당할 수 있다", "핵전쟁 도발자"}));
}

// An analyst's corrections are applied at once and again on every recode of their document.
TEST_P(StoreSuite, CorrectionsSurviveARecode) {
  std::string db = FreshDb("corrections.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded c = CodeText(kTable, "table.txt");
  ASSERT_GE(c.coded.events.size(), 3u);
  auto in = (*store)->Ingest(c.doc, c.coded);
  ASSERT_TRUE(in.ok());
  auto find = [&](const std::string& code) {
    for (const Event& e : c.coded.events)
      if (e.code == code) return e;
    return Event{};
  };
  Event message = find("051"), visit = find("042");
  ASSERT_FALSE(message.id.empty());
  ASSERT_FALSE(visit.id.empty());
  ASSERT_TRUE((*store)
                  ->Correct({.kind = CorrectionKind::kReject, .event_id = message.id, .who = "a"})
                  .ok());
  Event edited = visit;
  edited.date = DateSpan::Day({2023, 10, 18});
  auto e = (*store)->Correct(
      {.kind = CorrectionKind::kEdit, .event_id = visit.id, .event = edited, .who = "b"});
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_FALSE((*store)->Correct({.kind = CorrectionKind::kAccept, .event_id = "ev-none"}).ok());
  auto check = [&](const char* when) {
    auto all = (*store)->Events({});
    ASSERT_TRUE(all.ok());
    int visits = 0;
    for (const Event& x : *all) {
      EXPECT_NE(x.id, message.id) << when << ": the rejected event is back";
      if (x.code == "042") {
        ++visits;
        EXPECT_EQ(x.review, "edited") << when;
        EXPECT_EQ(x.date.end, (Date{2023, 10, 18})) << when;
        ASSERT_EQ(x.mentions.size(), 1u) << when;
        EXPECT_EQ(x.mentions[0].span_begin, visit.mentions[0].span_begin) << when;
      }
    }
    EXPECT_EQ(visits, 1) << when << ": the coder's visit and the analyst's are one";
  };
  check("after correcting");
  auto r = (*store)->Replace(in->document_id, c.doc, c.coded);
  ASSERT_TRUE(r.ok()) << r.status().message();
  check("after a recode");
  auto corrections = (*store)->Corrections();
  ASSERT_TRUE(corrections.ok());
  ASSERT_EQ(corrections->size(), 2u);
  EXPECT_EQ((*corrections)[1].who, "b");
  EXPECT_EQ((*corrections)[1].event.date.begin, (Date{2023, 10, 18}));
}

// The counts a series is built from: by day, direction and quad class, as Events would list them.
TEST_P(StoreSuite, DailyCountsAgreeWithTheEvents) {
  std::string db = FreshDb("daily.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded c = CodeText(kTable, "table.txt");
  ASSERT_TRUE((*store)->Ingest(c.doc, c.coded).ok());
  EventQuery q;
  q.side_a = "PRK", q.side_b = "RUS";
  auto events = (*store)->Events(q);
  auto days = (*store)->DailyCounts(q);
  ASSERT_TRUE(events.ok() && days.ok());
  long long n = 0, forward = 0;
  for (const DayCount& d : *days) {
    n += d.events;
    if (d.forward) forward += d.events;
  }
  long long prk_source = 0;
  for (const Event& e : *events) prk_source += e.source_country == "PRK";
  EXPECT_EQ(n, static_cast<long long>(events->size()));
  EXPECT_EQ(forward, prk_source);
  EXPECT_GT(n, 0);
}

// The network's pairs and the events behind each: counted and ranked in SQL, as Events lists them.
TEST_P(StoreSuite, PairCountsAndTheirEventsAgreeWithTheEvents) {
  std::string db = FreshDb("pairs.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  Coded c = CodeText(kTable, "table.txt");
  ASSERT_TRUE((*store)->Ingest(c.doc, c.coded).ok());
  auto events = (*store)->Events({});
  auto table = (*store)->Pairs({}, Date{2000, 1, 1}, 2);
  ASSERT_TRUE(events.ok() && table.ok());
  const std::vector<PairCount>* pairs = &table->counts;
  const std::vector<PairEvidence>* behind = &table->evidence;
  std::map<std::pair<std::string, std::string>, std::vector<const Event*>> by_pair;
  std::map<std::string, const Event*> by_id;
  for (const Event& e : *events) {
    by_id[e.id] = &e;
    if (e.source_country.empty() || e.target_country.empty() ||
        e.source_country == e.target_country)
      continue;
    by_pair[{std::min(e.source_country, e.target_country),
             std::max(e.source_country, e.target_country)}]
        .push_back(&e);
  }
  ASSERT_FALSE(by_pair.empty());
  ASSERT_EQ(pairs->size(), by_pair.size());  // every event after 2000: one row a pair
  for (const PairCount& p : *pairs) {
    EXPECT_TRUE(p.late);
    EXPECT_EQ(p.events, static_cast<long long>(by_pair[{p.a, p.b}].size())) << p.a << p.b;
  }
  ASSERT_EQ(behind->size(), by_pair.size());
  for (const PairEvidence& p : *behind) {
    const auto& all = by_pair[{p.a, p.b}];
    ASSERT_EQ(p.ids.size(), std::min<size_t>(2, all.size())) << p.a << p.b;
    double heaviest = 0;
    for (const Event* e : all) heaviest = std::max(heaviest, std::fabs(e->goldstein));
    ASSERT_TRUE(by_id.count(p.ids[0]));
    EXPECT_DOUBLE_EQ(std::fabs(by_id[p.ids[0]]->goldstein), heaviest) << p.a << p.b;
    for (const std::string& id : p.ids) {
      const Event* e = by_id[id];
      ASSERT_NE(e, nullptr);
      EXPECT_EQ(std::min(e->source_country, e->target_country), p.a);
    }
  }
  EXPECT_TRUE((*store)->Pairs({}, Date{2000, 1, 1}, 0)->evidence.empty());
}

// A dated query reads a bounded range of the date index and the long spans apart: every event
// overlapping the dates is still counted, whatever its span.
TEST_P(StoreSuite, DatedQueriesCountEventsOfEverySpan) {
  std::string db = FreshDb("spans.db");
  auto store = Store::Open(db);
  ASSERT_TRUE(store.ok());
  auto event = [](const char* id, Date begin, Date end, double goldstein) {
    Event e;
    e.id = id;
    e.date = {begin, end, DatePrecision::kDay};
    e.source = e.source_country = "PRK", e.target = e.target_country = "RUS";
    e.code = "042", e.goldstein = goldstein, e.quad_class = 2;
    Mention m;
    m.doc = "spans", m.evidence = id;
    e.mentions.push_back(m);
    return e;
  };
  std::vector<Event> in = {
      event("inside", {2020, 3, 1}, {2020, 3, 1}, 1.0),
      event("a-season", {2019, 5, 1}, {2020, 2, 1}, 2.0),    // starts 245 days before
      event("a-decade", {2012, 1, 1}, {2021, 12, 31}, 3.0),  // starts 8 years before
      event("over", {2018, 1, 1}, {2019, 12, 31}, 4.0),      // ends before the dates
      event("after", {2021, 1, 1}, {2021, 1, 1}, 5.0),
  };
  auto batch = (*store)->BeginImport({"spans.jsonl", "jsonl", "spans", "spans"});
  ASSERT_TRUE(batch.ok());
  for (const Event& e : in) ASSERT_TRUE((*batch)->Add(e).ok());
  ASSERT_TRUE((*batch)->Commit().ok());
  EventQuery q;
  q.from = Date{2020, 1, 1}, q.to = Date{2020, 12, 31};
  auto listed = (*store)->Events(q);
  ASSERT_TRUE(listed.ok()) << listed.status().message();
  std::vector<std::string> ids;
  for (const Event& e : *listed) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a-decade", "a-season", "inside"}));
  EXPECT_EQ(*(*store)->CountEvents(q), 3);
  auto days = (*store)->DailyCounts(q);
  ASSERT_TRUE(days.ok());
  ASSERT_EQ(days->size(), 3u);
  EXPECT_EQ(days->front().day, (Date{2012, 1, 1}));  // in order of day, the long span first
  double sum = 0;
  for (const DayCount& d : *days) sum += d.goldstein;
  EXPECT_DOUBLE_EQ(sum, 6.0);
  auto pairs = (*store)->Pairs(q, Date{2020, 7, 1}, 5);
  ASSERT_TRUE(pairs.ok());
  ASSERT_EQ(pairs->counts.size(), 1u);  // every one starts before the middle
  EXPECT_EQ(pairs->counts[0].events, 3);
  EXPECT_DOUBLE_EQ(pairs->counts[0].goldstein, 6.0);
  ASSERT_EQ(pairs->evidence.size(), 1u);
  EXPECT_EQ(pairs->evidence[0].ids, (std::vector<std::string>{"a-decade", "a-season", "inside"}));
}

// Two writers opening one new store at once migrate it once between them; both go on
// (repro store-migration-race).
TEST_P(StoreSuite, ConcurrentFirstOpensMigrateOnce) {
  for (int round = 0; round < 10; ++round) {
    std::string db = FreshDb("race-" + std::to_string(round) + ".db");
    Status results[2];
    std::thread a([&] {
      auto s = Store::Open(db);
      results[0] = s.ok() ? Status::Ok() : s.status();
    });
    std::thread b([&] {
      auto s = Store::Open(db);
      results[1] = s.ok() ? Status::Ok() : s.status();
    });
    a.join(), b.join();
    EXPECT_TRUE(results[0].ok()) << "round " << round << ": " << results[0].message();
    EXPECT_TRUE(results[1].ok()) << "round " << round << ": " << results[1].message();
    auto again = Store::Open(db, StoreAccess::kReadOnly);
    ASSERT_TRUE(again.ok()) << again.status().message();
    EXPECT_EQ((*again)->schema_version(), Store::kSchemaVersion);
  }
}

TEST(StoreTest, Sha256KnownAnswers) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex(std::string(1000, 'a')).substr(0, 16), "41edece42d63e8d9");
}

}  // namespace
}  // namespace dyad
