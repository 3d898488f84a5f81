// An analyst's corrections in the SQLite store: recording them, applying them at once, and
// applying them again whenever a document they are anchored in is coded anew.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "dyad/event_io.h"
#include "dyad/jsonl.h"
#include "dyad/store.h"
#include "store/event_table.h"
#include "store/store_util.h"

namespace dyad {

using store_internal::Anchored;
using store_internal::Db;
using store_internal::InsertEvent;
using store_internal::kDone;
using store_internal::kRow;
using store_internal::Now;
using store_internal::Stmt;

namespace {

Status SqlError(const Db* db, const std::string& path, const char* what) {
  return Status::IoError(path + ": " + what + ": " + db->LastError());
}

struct Telling {
  long long document_id = 0;
  std::string sha, doc;
  Mention m;
};

Status InsertTelling(Db* db, const std::string& path, long long row, const Telling& t) {
  Stmt ins(
      db,
      "INSERT INTO mentions(event_id, document_id, span_begin, span_end, section, "
      "evidence, date, date_end, doc) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT DO NOTHING");
  ins.Bind(1, row).Bind(2, t.document_id).Bind(3, static_cast<long long>(t.m.span_begin));
  ins.Bind(4, static_cast<long long>(t.m.span_end)).Bind(5, t.m.section).Bind(6, t.m.evidence);
  ins.Bind(7, t.m.date.begin.ToIso()).Bind(8, t.m.date.end.ToIso()).Bind(9, t.doc);
  if (!ins.ok() || ins.Step() != kDone) return SqlError(db, path, "storing mention");
  return Status::Ok();
}

// Every telling of the stored event row, with its document's SHA-256.
Result<std::vector<Telling>> TellingsOf(Db* db, const std::string& path, long long row) {
  Stmt q(db,
         "SELECT m.document_id, d.sha256, m.doc, m.span_begin, m.span_end, m.section, m.evidence, "
         "m.date, m.date_end FROM mentions m JOIN documents d ON d.id = m.document_id WHERE "
         "m.event_id = ?1 ORDER BY m.id");
  q.Bind(1, row);
  std::vector<Telling> out;
  int rc;
  while ((rc = q.Step()) == kRow) {
    Telling t;
    t.document_id = q.Int(0), t.sha = q.Text(1), t.doc = q.Text(2);
    t.m.span_begin = static_cast<uint32_t>(q.Int(3));
    t.m.span_end = static_cast<uint32_t>(q.Int(4));
    t.m.section = q.Text(5), t.m.evidence = q.Text(6);
    t.m.date = store_internal::SpanFrom(q.Text(7), q.Text(8), "day");
    out.push_back(std::move(t));
  }
  if (rc != kDone) return SqlError(db, path, "reading mentions");
  return out;
}

Status DeleteEvent(Db* db, const std::string& path, long long row) {
  for (const char* sql :
       {"DELETE FROM mentions WHERE event_id = ?1", "DELETE FROM events WHERE id = ?1"}) {
    Stmt d(db, sql);
    d.Bind(1, row);
    if (!d.ok() || d.Step() != kDone) return SqlError(db, path, "removing event");
  }
  return Status::Ok();
}

// The analysts' own document: events added from their knowledge, told in no stored document.
Result<long long> AnalystDocument(Db* db, const std::string& path) {
  Stmt q(db, "SELECT id FROM documents WHERE sha256 = 'analyst'");
  if (q.Step() == kRow) return q.Int(0);
  Stmt ins(db,
           "INSERT INTO documents(sha256, path, title, lang, format, encoding, text, ingested_at) "
           "VALUES('analyst', '(analyst)', 'events added by analysts', '', 'analyst', '', '', ?1) "
           "RETURNING id");
  ins.Bind(1, Now());
  if (ins.Step() != kRow) return SqlError(db, path, "storing document");
  return ins.Int(0);
}

// The id of the latest correction (0 for none): what makes an added event's id differ from an
// earlier one added with the same words at the same second.
long long LastCorrection(Db* db) {
  Stmt q(db, "SELECT COALESCE(MAX(id), 0) FROM corrections");
  return q.Step() == kRow ? q.Int(0) : 0;
}

std::string ReviewOf(const std::string& kind) {
  return kind == "accept" ? "accepted" : kind == "edit" ? "edited" : "added";
}

}  // namespace

namespace store_internal {

std::string ExtToJson(const std::vector<std::pair<std::string, std::string>>& ext) {
  if (ext.empty()) return "";
  nlohmann::ordered_json o = nlohmann::ordered_json::object();
  for (const auto& [k, v] : ext) o[k] = v;
  // Invalid UTF-8 in a dataset's field is replaced, never a failed import.
  return o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::pair<std::string, std::string>> ExtFromJson(const std::string& s) {
  std::vector<std::pair<std::string, std::string>> out;
  if (s.empty()) return out;
  nlohmann::ordered_json o = nlohmann::ordered_json::parse(s, nullptr, false);
  if (!o.is_object()) return out;
  for (const auto& [k, v] : o.items())
    if (v.is_string()) out.emplace_back(k, v.get<std::string>());
  return out;
}

void BindEventColumns(Stmt& s, const Event& e) {
  s.Bind(1, e.date.begin.ToIso()).Bind(2, e.date.end.ToIso());
  s.Bind(3, std::string(PrecisionName(e.date.precision))).Bind(4, e.source).Bind(5, e.target);
  s.Bind(6, e.source_country).Bind(7, e.target_country).Bind(8, e.source_name);
  s.Bind(9, e.target_name).Bind(10, e.source_label_ko).Bind(11, e.source_label_en);
  s.Bind(12, e.target_label_ko).Bind(13, e.target_label_en).Bind(14, e.code);
  s.Bind(15, e.goldstein).Bind(16, static_cast<long long>(e.quad_class));
  s.Bind(17, static_cast<long long>(e.symmetric)).Bind(18, e.action_ko).Bind(19, e.action_en);
  s.Bind(20, e.lang).Bind(21, std::string(ModeName(e.mode)));
  s.Bind(22, io::EncodeQuotes(e.quotes)).Bind(23, e.attribution);
}

Status InsertEvent(Db* db, const std::string& path, const Event& e, const std::string& review,
                   long long* row) {
  Stmt ins(
      db,
      "INSERT INTO events(date, date_end, date_precision, source, target, source_country, "
      "target_country, source_name, target_name, source_label_ko, source_label_en, "
      "target_label_ko, target_label_en, code, goldstein, quad_class, \"symmetric\", action_ko, "
      "action_en, lang, mode, quotes, attribution, date_basis, ext_id, review, ext) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,"
      "?22,?23,?24,?25,?26,?27) RETURNING id");
  BindEventColumns(ins, e);
  ins.Bind(24, e.date_basis).Bind(25, e.id).Bind(26, review).Bind(27, ExtToJson(e.ext));
  if (ins.Step() != kRow) return SqlError(db, path, "storing event");
  *row = ins.Int(0);
  return Status::Ok();
}

Result<std::vector<Anchored>> AnchoredCorrections(Db* db, const std::string& path,
                                                  const std::string& sha) {
  Stmt q(db,
         "SELECT c.id, c.kind, c.event_id, c.code, c.source, c.target, c.mode, c.event, "
         "a.span_begin, a.span_end FROM correction_anchors a JOIN corrections c ON c.id = "
         "a.correction_id WHERE a.sha256 = ?1 AND c.superseded = 0 ORDER BY c.id");
  if (!q.ok()) return SqlError(db, path, "reading corrections");
  q.Bind(1, sha);
  std::vector<Anchored> out;
  int rc;
  while ((rc = q.Step()) == kRow) {
    Anchored a;
    a.correction_id = q.Int(0);
    a.kind = q.Text(1), a.event_id = q.Text(2), a.code = q.Text(3), a.source = q.Text(4);
    a.target = q.Text(5), a.mode = q.Text(6), a.event = q.Text(7);
    a.span_begin = static_cast<uint32_t>(q.Int(8));
    a.span_end = static_cast<uint32_t>(q.Int(9));
    out.push_back(std::move(a));
  }
  if (rc != kDone) return SqlError(db, path, "reading corrections");
  return out;
}

const Anchored* CorrectedBy(const std::vector<Anchored>& anchored, const Event& e) {
  const Anchored* found = nullptr;
  for (const Anchored& a : anchored) {
    if (a.code != e.code || a.source != e.source || a.target != e.target ||
        a.mode != ModeName(e.mode))
      continue;
    for (const Mention& m : e.mentions)
      if (m.span_begin == a.span_begin && m.span_end == a.span_end) found = &a;  // the latest
  }
  return found;
}

Status RestoreCorrected(Db* db, const std::string& path, const std::vector<Anchored>& anchored,
                        long long document_id, const std::vector<long long>& satisfied) {
  std::set<long long> done(satisfied.begin(), satisfied.end());
  for (const Anchored& a : anchored) {
    if (a.kind == "reject" || !done.insert(a.correction_id).second) continue;
    // The analyst's event, if another of its documents keeps it stored.
    long long row = 0;
    {
      Stmt q(db, "SELECT id FROM events WHERE ext_id = ?1 AND review = ?2 ORDER BY id LIMIT 1");
      q.Bind(1, a.event_id).Bind(2, ReviewOf(a.kind));
      if (q.Step() == kRow) row = q.Int(0);
    }
    if (row == 0) {
      Result<Event> e = EventFromJson(a.event, ReadContext{});
      if (!e.ok())
        return Status::IoError(path + ": correction " + std::to_string(a.correction_id) +
                               " cannot be read: " + e.status().message());
      if (Status s = InsertEvent(db, path, *e, ReviewOf(a.kind), &row); !s.ok()) return s;
    }
    // Its tellings in every stored document it is anchored in, this one included.
    Stmt q(db,
           "SELECT d.id, a.span_begin, a.span_end, a.section, a.evidence, a.date, a.date_end FROM "
           "correction_anchors a JOIN documents d ON d.sha256 = a.sha256 WHERE "
           "a.correction_id = ?1");
    q.Bind(1, a.correction_id);
    std::vector<Telling> tellings;
    while (q.Step() == kRow) {
      Telling t;
      t.document_id = q.Int(0);
      t.m.span_begin = static_cast<uint32_t>(q.Int(1));
      t.m.span_end = static_cast<uint32_t>(q.Int(2));
      t.m.section = q.Text(3), t.m.evidence = q.Text(4);
      t.m.date = SpanFrom(q.Text(5), q.Text(6), "day");
      tellings.push_back(std::move(t));
    }
    q.Reset();
    for (const Telling& t : tellings)
      if (Status s = InsertTelling(db, path, row, t); !s.ok()) return s;
  }
  (void)document_id;
  return Status::Ok();
}

}  // namespace store_internal

Result<Correction> Store::Correct(const Correction& in) {
  Db* db = impl_->db.get();
  const std::string& path = impl_->path;
  if (Status s = db->BeginWrite(); !s.ok()) return impl_->Error("beginning a write");
  auto fail = [&](Status s) -> Result<Correction> {
    impl_->Exec("ROLLBACK");
    return s;
  };
  Correction c = in;
  c.at = Now();
  c.superseded = false;
  Event stated;  // the event as the analyst leaves it
  Event key;     // what a recode matches: the event as it was coded
  std::vector<Telling> tellings;
  long long row = 0;
  if (c.kind == CorrectionKind::kAdd) {
    stated = c.event;
    long long doc = c.document_id;
    std::string sha = "analyst", text;
    if (doc != 0) {
      Stmt q(db, "SELECT sha256, text, path FROM documents WHERE id = ?1");
      q.Bind(1, doc);
      if (q.Step() != kRow)
        return fail(Status::NotFound("no stored document " + std::to_string(doc) +
                                     " (dyad documents lists them)"));
      sha = q.Text(0), text = q.Text(1);
    } else {
      Result<long long> a = AnalystDocument(db, path);
      if (!a.ok()) return fail(a.status());
      doc = *a;
    }
    Telling t;
    t.document_id = doc, t.sha = sha;
    if (!stated.mentions.empty()) t.m = stated.mentions.front();
    t.m.date = stated.date;
    if (t.m.section.empty()) t.m.section = "text";
    // The words the analyst quotes point back to their bytes when the document holds them.
    if (size_t at = t.m.evidence.empty() ? std::string::npos : text.find(t.m.evidence);
        at != std::string::npos) {
      t.m.span_begin = static_cast<uint32_t>(at);
      t.m.span_end = static_cast<uint32_t>(at + t.m.evidence.size());
    }
    tellings.push_back(t);
    stated.id = "an-" + Sha256Hex(c.at + EventToJson(stated) + std::to_string(doc) + c.who +
                                  std::to_string(LastCorrection(db)))
                            .substr(0, 16);
    c.event_id = stated.id;
    key = stated;
  } else {
    {
      Stmt q(db, "SELECT id FROM events WHERE ext_id = ?1 ORDER BY id LIMIT 1");
      q.Bind(1, c.event_id);
      if (c.event_id.empty() || q.Step() != kRow)
        return fail(Status::NotFound("no stored event '" + c.event_id +
                                     "' (dyad events --format jsonl shows each event's id)"));
      row = q.Int(0);
    }
    EventQuery eq;
    eq.id = c.event_id;
    Result<std::vector<Event>> found = Events(eq);
    if (!found.ok()) return fail(found.status());
    if (found->empty()) return fail(Status::NotFound("no stored event '" + c.event_id + "'"));
    key = found->front();
    Result<std::vector<Telling>> t = TellingsOf(db, path, row);
    if (!t.ok()) return fail(t.status());
    tellings = std::move(*t);
    stated = c.kind == CorrectionKind::kEdit ? c.event : key;
    stated.id = c.event_id;
  }
  // A later word on an event replaces the earlier ones, which stay in the record.
  {
    Stmt up(db, "UPDATE corrections SET superseded = 1 WHERE event_id = ?1");
    up.Bind(1, c.event_id);
    if (up.Step() != kDone) return fail(SqlError(db, path, "recording the correction"));
  }
  {
    Stmt ins(db,
             "INSERT INTO corrections(kind, event_id, code, source, target, mode, event, note, "
             "who, at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) RETURNING id");
    ins.Bind(1, std::string(CorrectionKindName(c.kind))).Bind(2, c.event_id).Bind(3, key.code);
    ins.Bind(4, key.source).Bind(5, key.target).Bind(6, std::string(ModeName(key.mode)));
    Event record = stated;
    record.review =
        c.kind == CorrectionKind::kReject ? "" : ReviewOf(std::string(CorrectionKindName(c.kind)));
    if (record.mentions.empty()) record.mentions.push_back({});
    ins.Bind(7, EventToJson(record)).Bind(8, c.note).Bind(9, c.who).Bind(10, c.at);
    if (ins.Step() != kRow) return fail(SqlError(db, path, "recording the correction"));
    c.id = ins.Int(0);
  }
  for (const Telling& t : tellings) {
    Stmt ins(db,
             "INSERT INTO correction_anchors(correction_id, sha256, span_begin, span_end, section, "
             "evidence, date, date_end) VALUES(?1,?2,?3,?4,?5,?6,?7,?8)");
    ins.Bind(1, c.id).Bind(2, t.sha).Bind(3, static_cast<long long>(t.m.span_begin));
    ins.Bind(4, static_cast<long long>(t.m.span_end)).Bind(5, t.m.section).Bind(6, t.m.evidence);
    ins.Bind(7, t.m.date.begin.ToIso()).Bind(8, t.m.date.end.ToIso());
    if (!ins.ok() || ins.Step() != kDone)
      return fail(SqlError(db, path, "recording the correction"));
  }
  // Applied now, as a recode will apply it again.
  switch (c.kind) {
    case CorrectionKind::kAccept: {
      Stmt up(db, "UPDATE events SET review = 'accepted' WHERE id = ?1");
      up.Bind(1, row);
      if (up.Step() != kDone) return fail(SqlError(db, path, "marking the event"));
      break;
    }
    case CorrectionKind::kReject:
      if (Status s = DeleteEvent(db, path, row); !s.ok()) return fail(s);
      break;
    case CorrectionKind::kEdit:
    case CorrectionKind::kAdd: {
      if (row != 0)
        if (Status s = DeleteEvent(db, path, row); !s.ok()) return fail(s);
      long long added = 0;
      std::string review = c.kind == CorrectionKind::kEdit ? "edited" : "added";
      if (Status s = InsertEvent(db, path, stated, review, &added); !s.ok()) return fail(s);
      for (Telling t : tellings) {
        if (c.kind == CorrectionKind::kEdit) t.m.date = stated.date;
        if (Status s = InsertTelling(db, path, added, t); !s.ok()) return fail(s);
      }
      break;
    }
  }
  if (Status s = impl_->Exec("COMMIT"); !s.ok()) return fail(s);
  c.event = stated;
  return c;
}

Result<std::vector<Correction>> Store::Corrections() const {
  Stmt q(
      impl_->db.get(),
      "SELECT id, kind, event_id, event, note, who, at, superseded FROM corrections ORDER BY id");
  if (!q.ok()) return impl_->Error("reading corrections");
  std::vector<Correction> out;
  int rc;
  while ((rc = q.Step()) == kRow) {
    Correction c;
    c.id = q.Int(0);
    c.kind = ParseCorrectionKind(q.Text(1)).value_or(CorrectionKind::kAccept);
    c.event_id = q.Text(2);
    if (Result<Event> e = EventFromJson(q.Text(3), ReadContext{}); e.ok()) c.event = *e;
    c.note = q.Text(4), c.who = q.Text(5), c.at = q.Text(6);
    c.superseded = q.Int(7) != 0;
    out.push_back(std::move(c));
  }
  if (rc != kDone) return impl_->Error("reading corrections");
  return out;
}

}  // namespace dyad
