// dyad correct: an analyst's accept, reject, edit and add, recorded with who and when and kept
// through every recode (dyad/correction.h).
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "cli_commands.h"
#include "dyad/correction.h"
#include "dyad/jsonl.h"
#include "dyad/store.h"

namespace dyad::cli {

namespace {

struct CorrectFlags {
  std::string db = DefaultDb();
  std::vector<std::string> ids;
  std::string note, who, doc, format = "table";
  EventFields fields;
};

// Who corrects: --who, else $DYAD_USER, else the login name.
std::string Who(const std::string& flag) {
  if (!flag.empty()) return flag;
  for (const char* var : {"DYAD_USER", "USER", "LOGNAME"})
    if (const char* v = std::getenv(var); v != nullptr && *v != '\0') return v;
  return "unknown";
}

std::string Brief(const Event& e) {
  return e.date.begin.ToIso() + "  " + e.source + " → " + e.target + "  " + e.code + "  " +
         std::string(ModeName(e.mode));
}

void AddCommon(CLI::App* cmd, const std::shared_ptr<CorrectFlags>& f) {
  cmd->add_option("--db", f->db, kDbHelp);
  cmd->add_option("--note", f->note, "why: kept with the correction");
  cmd->add_option("--who", f->who, "who corrects (default $DYAD_USER or the login name)");
}

void AddFields(CLI::App* cmd, const std::shared_ptr<CorrectFlags>& f) {
  cmd->add_option("--source", f->fields.source,
                  "the side that acts: a code or a name (북한, UNSC)");
  cmd->add_option("--target", f->fields.target, "the side acted on");
  cmd->add_option("--code", f->fields.code, "CAMEO event code, e.g. 138");
  cmd->add_option("--date", f->fields.date, "YYYY, YYYY-MM or YYYY-MM-DD");
  cmd->add_option("--date-end", f->fields.date_end, "last day of a span");
  cmd->add_option("--mode", f->fields.mode, "actual, expected, hypothetical or negated");
}

// The dictionaries (to resolve names and codes) and the store, read-write; null after saying
// why, with exit code 2.
std::unique_ptr<Store> OpenWithResources(const std::string& db, Global& g,
                                         std::shared_ptr<const Resources>* res) {
  *res = LoadResources(g);
  std::unique_ptr<Store> store = *res ? OpenStore(db, StoreAccess::kReadWrite) : nullptr;
  if (store == nullptr) g.exit_code = 2;
  return store;
}

Correction Make(CorrectionKind kind, const std::string& id, const CorrectFlags& f) {
  Correction c;
  c.kind = kind;
  c.event_id = id;
  c.note = f.note;
  c.who = Who(f.who);
  return c;
}

// Records one correction and says what it did; false (with g.exit_code set) when it failed.
bool Record(Store& store, const Correction& c, Global& g) {
  Result<Correction> r = store.Correct(c);
  if (!r.ok()) {
    std::cerr << "dyad: " << r.status().message() << "\n";
    g.exit_code = r.status().code() == Status::Code::kNotFound ? 2 : 1;
    return false;
  }
  static const char* kDone[] = {"accepted", "rejected", "edited", "added"};
  std::printf("%s %s  %s  (correction %lld by %s)\n", kDone[static_cast<int>(r->kind)],
              r->event_id.c_str(), Brief(r->event).c_str(), r->id, r->who.c_str());
  return true;
}

}  // namespace

void RegisterCorrect(CLI::App& app, Global& g) {
  CLI::App* correct = app.add_subcommand(
      "correct",
      "An analyst's corrections: accept, reject, edit or add events; kept through every recode");
  correct->require_subcommand(1);

  for (CorrectionKind kind : {CorrectionKind::kAccept, CorrectionKind::kReject}) {
    auto f = std::make_shared<CorrectFlags>();
    bool accept = kind == CorrectionKind::kAccept;
    CLI::App* cmd = correct->add_subcommand(
        std::string(CorrectionKindName(kind)),
        accept ? "Mark stored events as checked and right" : "Remove wrongly coded events");
    cmd->add_option("ID", f->ids, "event ids (dyad events --format jsonl shows them)")->required();
    AddCommon(cmd, f);
    cmd->callback([f, kind, &g] {
      std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadWrite);
      if (store == nullptr) {
        g.exit_code = 2;
        return;
      }
      for (const std::string& id : f->ids) Record(*store, Make(kind, id, *f), g);
    });
  }

  {
    auto f = std::make_shared<CorrectFlags>();
    CLI::App* cmd =
        correct->add_subcommand("edit", "Set a stored event's sides, code, date or mode");
    cmd->add_option("ID", f->ids, "the event's id")->required()->expected(1);
    AddFields(cmd, f);
    AddCommon(cmd, f);
    cmd->callback([f, &g] {
      std::shared_ptr<const Resources> res;
      std::unique_ptr<Store> store = OpenWithResources(f->db, g, &res);
      if (store == nullptr) return;
      EventQuery q;
      q.id = f->ids.front();
      Result<std::vector<Event>> found = store->Events(q);
      if (!found.ok() || found->empty()) {
        std::cerr << "dyad: "
                  << (found.ok() ? "no stored event '" + q.id +
                                       "' (dyad events --format jsonl shows each event's id)"
                                 : found.status().message())
                  << "\n";
        g.exit_code = found.ok() ? 2 : 1;
        return;
      }
      Result<Event> edited = EditedEvent(*res, found->front(), f->fields);
      if (!edited.ok()) {
        std::cerr << "dyad correct edit: " << edited.status().message() << "\n";
        g.exit_code = 2;
        return;
      }
      Correction c = Make(CorrectionKind::kEdit, q.id, *f);
      c.event = *edited;
      Record(*store, c, g);
    });
  }

  {
    auto f = std::make_shared<CorrectFlags>();
    CLI::App* cmd = correct->add_subcommand("add", "Add an event the coder missed");
    AddFields(cmd, f);
    cmd->add_option("--doc", f->doc, "the stored document that tells it: a path or an id");
    cmd->add_option("--evidence", f->fields.evidence, "the words that tell it, as in the document");
    AddCommon(cmd, f);
    cmd->callback([f, &g] {
      std::shared_ptr<const Resources> res;
      std::unique_ptr<Store> store = OpenWithResources(f->db, g, &res);
      if (store == nullptr) return;
      Result<Event> e = NewEvent(*res, f->fields);
      if (!e.ok()) {
        std::cerr << "dyad correct add: " << e.status().message() << "\n";
        g.exit_code = 2;
        return;
      }
      long long doc = 0;
      if (!f->doc.empty()) {
        Result<std::vector<StoredDocument>> docs = store->Documents();
        if (docs.ok())
          for (const StoredDocument& d : *docs)
            if (d.path == f->doc || std::to_string(d.id) == f->doc) doc = d.id;
        if (doc == 0) {
          std::cerr << "dyad correct add: --doc " << f->doc
                    << ": no such stored document (a path as ingested or a document id)\n";
          g.exit_code = 2;
          return;
        }
      }
      Correction c = Make(CorrectionKind::kAdd, "", *f);
      c.event = *e;
      c.document_id = doc;
      Record(*store, c, g);
    });
  }

  {
    auto f = std::make_shared<CorrectFlags>();
    CLI::App* cmd = correct->add_subcommand("list", "Every correction, oldest first");
    cmd->add_option("--db", f->db, kDbHelp);
    cmd->add_option("--format", f->format, "output format")
        ->check(CLI::IsMember({"table", "jsonl"}));
    cmd->callback([f, &g] {
      std::unique_ptr<Store> store = OpenStore(f->db, StoreAccess::kReadOnly);
      if (store == nullptr) {
        g.exit_code = 2;
        return;
      }
      Result<std::vector<Correction>> all = store->Corrections();
      if (!all.ok()) {
        std::cerr << "dyad: " << all.status().message() << "\n";
        g.exit_code = 1;
        return;
      }
      if (all->empty())
        std::cerr << "dyad: no corrections in " << StoreNameForMessages(f->db) << "\n";
      for (const Correction& c : *all) {
        if (f->format == "jsonl") {
          std::string o = "{\"correction\":" + std::to_string(c.id) + ",\"kind\":";
          AppendJsonString(&o, CorrectionKindName(c.kind));
          o += ",\"event_id\":";
          AppendJsonString(&o, c.event_id);
          o += ",\"who\":";
          AppendJsonString(&o, c.who);
          o += ",\"at\":";
          AppendJsonString(&o, c.at);
          o += ",\"note\":";
          AppendJsonString(&o, c.note);
          o += c.superseded ? ",\"superseded\":true" : ",\"superseded\":false";
          o += ",\"event\":" + EventToJson(c.event) + "}";
          std::printf("%s\n", o.c_str());
        } else {
          std::printf("%lld  %s  %-8s %-6s  %s  %s%s%s\n", c.id, c.at.c_str(), c.who.c_str(),
                      std::string(CorrectionKindName(c.kind)).c_str(), c.event_id.c_str(),
                      Brief(c.event).c_str(), c.note.empty() ? "" : ("  " + c.note).c_str(),
                      c.superseded ? "  (superseded)" : "");
        }
      }
    });
  }
}

}  // namespace dyad::cli
