// dyad remove / dyad recode: correcting the store after the dictionaries change.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

#include "cli_commands.h"
#include "dyad/coder.h"
#include "dyad/store.h"

namespace dyad::cli {

namespace {

// The stored documents the arguments name: a document id, or a path as it was ingested. A name
// that matches none is reported (exit 2 at the end).
std::vector<StoredDocument> Pick(const std::vector<StoredDocument>& stored,
                                 const std::vector<std::string>& names, Global& g) {
  std::vector<StoredDocument> out;
  for (const std::string& n : names) {
    bool found = false;
    for (const StoredDocument& d : stored)
      if (d.path == n || std::to_string(d.id) == n) {
        out.push_back(d);
        found = true;
      }
    if (!found) {
      std::cerr << "dyad: " << n << ": no such stored document (dyad remove and recode take a "
                << "path as ingested or a document id)\n";
      g.exit_code = 2;
    }
  }
  return out;
}

// An event as a line of a change report; an analyst's word on it is shown.
std::string Line(const Event& e) {
  return e.date.begin.ToIso() + "  " + e.source + " → " + e.target + "  " + e.code + "  " +
         std::string(ModeName(e.mode)) + (e.review.empty() ? "" : "  (" + e.review + ")");
}

// The store, read-write, and its documents; false after saying why.
bool OpenWithDocuments(const std::string& db, Global& g, std::unique_ptr<Store>* store,
                       std::vector<StoredDocument>* stored) {
  *store = OpenStore(db, StoreAccess::kReadWrite);
  if (*store == nullptr) {
    g.exit_code = 2;
    return false;
  }
  Result<std::vector<StoredDocument>> docs = (*store)->Documents();
  if (!docs.ok()) {
    std::cerr << "dyad: " << docs.status().message() << "\n";
    g.exit_code = 1;
    return false;
  }
  *stored = std::move(docs).value();
  return true;
}

// Documents that came from event files (GDELT, ICEWS…) hold rows, not text to code.
bool Codable(const StoredDocument& d) { return d.lang == "ko" || d.lang == "en"; }

}  // namespace

void RegisterRecode(CLI::App& app, Global& g) {
  // ---- remove ----
  struct RemoveFlags {
    std::string db = DefaultDb();
    std::vector<std::string> docs;
  };
  auto rf = std::make_shared<RemoveFlags>();
  CLI::App* remove = app.add_subcommand(
      "remove", "Remove stored documents with their mentions and the events only they tell");
  remove->add_option("DOC", rf->docs, "a path as ingested, or a document id")->required();
  remove->add_option("--db", rf->db, kDbHelp);
  remove->callback([rf, &g] {
    std::unique_ptr<Store> store;
    std::vector<StoredDocument> stored;
    if (!OpenWithDocuments(rf->db, g, &store, &stored)) return;
    for (const StoredDocument& d : Pick(stored, rf->docs, g)) {
      Result<RemoveReport> r = store->RemoveDocument(d.id);
      if (!r.ok()) {
        std::cerr << "dyad: " << d.path << ": " << r.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      std::printf("%s: removed (document %lld): %d events, %d mentions\n", d.path.c_str(), d.id,
                  r->events_removed, r->mentions_removed);
    }
  });

  // ---- migrate ----
  struct MigrateFlags {
    std::string from, to;
  };
  auto mf = std::make_shared<MigrateFlags>();
  CLI::App* migrate = app.add_subcommand(
      "migrate", "Copy a whole store into a new one: a SQLite file into PostgreSQL, or back");
  migrate->add_option("--from", mf->from, "the store to copy (a file or a postgresql:// URI)")
      ->required();
  migrate->add_option("--to", mf->to, "the new store (created; must hold nothing yet)")->required();
  migrate->callback([mf, &g] {
    std::unique_ptr<Store> from = OpenStore(mf->from, StoreAccess::kReadOnly);
    std::unique_ptr<Store> to = from ? OpenStore(mf->to, StoreAccess::kCreate) : nullptr;
    if (!from || !to) {
      g.exit_code = 2;
      return;
    }
    Result<CopyReport> r = from->CopyTo(*to);
    if (!r.ok()) {
      std::cerr << "dyad: " << r.status().message() << "\n";
      g.exit_code = r.status().code() == Status::Code::kInvalidInput ? 2 : 1;
      return;
    }
    for (const auto& [table, rows] : r->rows) std::printf("%-20s %lld rows\n", table.c_str(), rows);
    std::printf("copied into %s\n", StoreNameForMessages(mf->to).c_str());
  });

  // ---- recode ----
  struct RecodeFlags {
    std::string db = DefaultDb();
    std::vector<std::string> docs;
    bool all = false;
  };
  auto cf = std::make_shared<RecodeFlags>();
  CLI::App* recode = app.add_subcommand(
      "recode", "Code stored documents again with the current dictionaries and show what changed");
  recode->add_option("DOC", cf->docs, "a path as ingested, or a document id");
  recode->add_flag("--all", cf->all, "every stored document");
  recode->add_option("--db", cf->db, kDbHelp);
  recode->callback([cf, &g] {
    if (cf->docs.empty() == !cf->all) {
      std::cerr << "dyad recode: give DOC... or --all\n";
      g.exit_code = 2;
      return;
    }
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    std::unique_ptr<Store> store;
    std::vector<StoredDocument> stored;
    if (!OpenWithDocuments(cf->db, g, &store, &stored)) return;
    std::vector<StoredDocument> targets = cf->all ? stored : Pick(stored, cf->docs, g);
    Coder coder(res);
    size_t changed = 0, same = 0;
    for (const StoredDocument& d : targets) {
      if (!Codable(d)) continue;  // an imported event file
      Result<Document> text = store->StoredText(d.id);
      if (!text.ok()) {
        std::cerr << "dyad: " << d.path << ": " << text.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      // The options it was ingested with: --year, --date (or its feed item's date), --self.
      CodeOptions opt;
      opt.year = d.year;
      if (d.date) opt.date = DocumentDate{*d.date, DocumentDateSource::kOption, 0, 0};
      opt.self_country = d.self;
      Result<CodedDocument> coded = coder.Code(*text, opt);
      if (!coded.ok()) {
        std::cerr << "dyad: " << coded.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      EventQuery q;
      q.document_id = d.id;
      Result<std::vector<Event>> before = store->Events(q);
      if (!before.ok()) {
        std::cerr << "dyad: " << before.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      std::multiset<std::string> old_lines, new_lines;
      for (const Event& e : *before) old_lines.insert(Line(e));
      for (const Event& e : coded->events) new_lines.insert(Line(e));
      if (old_lines == new_lines) {
        ++same;
        std::printf("%s: unchanged (%zu events)\n", d.path.c_str(), new_lines.size());
        continue;
      }
      Result<IngestReport> r = store->Replace(d.id, *text, *coded);
      if (!r.ok()) {
        std::cerr << "dyad: " << d.path << ": " << r.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      // What the store holds now: the new coding with the analysts' corrections applied again.
      q.document_id = r->document_id;
      Result<std::vector<Event>> after = store->Events(q);
      if (!after.ok()) {
        std::cerr << "dyad: " << after.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      new_lines.clear();
      for (const Event& e : *after) new_lines.insert(Line(e));
      if (old_lines == new_lines) {
        ++same;
        std::printf("%s: unchanged (%zu events, corrections kept)\n", d.path.c_str(),
                    new_lines.size());
        continue;
      }
      ++changed;
      std::vector<std::string> gone, came;
      std::set_difference(old_lines.begin(), old_lines.end(), new_lines.begin(), new_lines.end(),
                          std::back_inserter(gone));
      std::set_difference(new_lines.begin(), new_lines.end(), old_lines.begin(), old_lines.end(),
                          std::back_inserter(came));
      std::printf("%s: +%zu -%zu (document %lld)\n", d.path.c_str(), came.size(), gone.size(),
                  r->document_id);
      for (const std::string& l : gone) std::printf("  - %s\n", l.c_str());
      for (const std::string& l : came) std::printf("  + %s\n", l.c_str());
    }
    std::fprintf(stderr, "dyad: recoded %zu documents: %zu changed, %zu unchanged\n",
                 changed + same, changed, same);
  });
}

}  // namespace dyad::cli
