// dyad import / dyad export: events between the store and the formats event data lives in.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli_commands.h"
#include "cli_progress.h"
#include "dyad/event_io.h"
#include "dyad/store.h"

namespace dyad::cli {

namespace {

std::optional<EventFormat> FormatFromName(const std::string& path) {
  auto ends = [&](const char* suf) {
    std::string s(suf);
    return path.size() >= s.size() && path.compare(path.size() - s.size(), s.size(), s) == 0;
  };
  if (ends(".jsonl") || ends(".json")) return EventFormat::kJsonl;
  if (ends(".csv")) return EventFormat::kCsv;
  if (ends(".xlsx")) return EventFormat::kXlsx;
  if (ends(".tsv")) return EventFormat::kGdelt;
  return std::nullopt;
}

}  // namespace

void RegisterExchange(CLI::App& app, Global& g) {
  // ---- import ----
  struct ImportFlags {
    std::vector<std::string> files;
    std::string db = DefaultDb(), format = "auto";
  };
  auto imf = std::make_shared<ImportFlags>();
  CLI::App* imp = app.add_subcommand(
      "import", "Store events from GDELT 1.0/2.0, ICEWS, JSON Lines, CSV or XLSX files");
  imp->add_option("FILE", imf->files, "event files")->required();
  imp->add_option("--db", imf->db, kDbHelp);
  imp->add_option("--format", imf->format, "file format (default: recognised from the file)")
      ->check(CLI::IsMember({"auto", "gdelt", "icews", "jsonl", "csv", "xlsx"}));
  imp->callback([imf, &g] {
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    std::unique_ptr<Store> store = OpenStore(imf->db, StoreAccess::kCreate);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    // One status line over all the files, by bytes read; an interrupt drops the file being read
    // (its transaction) and keeps the ones before it.
    uint64_t bytes_total = 0, bytes_before = 0, rows_before = 0;
    for (const std::string& f : imf->files) {
      std::error_code ec;
      uint64_t size = std::filesystem::file_size(f, ec);
      if (!ec) bytes_total += size;
    }
    Progress progress(imf->files.size(), "files");
    CatchInterrupts();
    size_t stored_files = 0;
    for (size_t fi = 0; fi < imf->files.size(); ++fi) {
      const std::string& f = imf->files[fi];
      if (Interrupted()) break;
      progress.Clear();
      Result<std::string> sha = Sha256File(f);
      if (!sha.ok()) {
        std::cerr << "dyad: " << sha.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      std::string head(65536, '\0');
      {
        std::ifstream in(f, std::ios::binary);
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
      }
      std::optional<EventFormat> format =
          imf->format == "auto" ? GuessFormat(f, head) : ParseFormat(imf->format);
      if (!format) {
        std::cerr << "dyad: " << f
                  << ": not a recognised event file; name it with --format gdelt, icews, jsonl, "
                     "csv or xlsx\n";
        g.exit_code = 1;
        continue;
      }
      ImportSource src{f, std::string(FormatName(*format)), *sha, f};
      Result<std::unique_ptr<EventImport>> batch = store->BeginImport(src);
      if (!batch.ok()) {
        std::cerr << "dyad: " << batch.status().message() << "\n";
        g.exit_code = 1;
        return;
      }
      if ((*batch)->already_present()) {
        std::printf("%s: already in %s; nothing changed\n", f.c_str(),
                    StoreNameForMessages(imf->db).c_str());
        continue;
      }
      std::vector<std::string> problems;
      Status store_error;
      uint64_t rows_here = 0;
      ReadContext ctx{&res->lexicon.countries(), &res->codebook, [&](uint64_t done, uint64_t) {
                        progress.UpdateBytes(fi, bytes_before + done, bytes_total,
                                             rows_before + rows_here);
                      }};
      Result<ReadStats> st = ReadEvents(
          f, *format, ctx,
          [&](Event&& e) {
            ++rows_here;
            if (Interrupted() && store_error.ok())
              store_error = Status::InvalidInput("interrupted");
            if (store_error.ok()) store_error = (*batch)->Add(e);
          },
          &problems);
      progress.Clear();
      {
        std::error_code ec;
        uint64_t size = std::filesystem::file_size(f, ec);
        if (!ec) bytes_before += size;
      }
      rows_before += rows_here;
      if (Interrupted()) {
        // The batch goes with this scope: its transaction rolls back.
        std::cerr << "dyad: interrupted while reading " << f << ": nothing of it was stored; "
                  << stored_files << " file(s) before it are stored. Run the same command "
                  << "again to go on (stored files are skipped).\n";
        g.exit_code = 130;
        return;
      }
      for (const std::string& p : problems) std::cerr << "dyad: " << p << "\n";
      if (!st.ok() || !store_error.ok()) {
        // Dropping the batch rolls the store back: nothing of this file is kept.
        std::cerr << "dyad: " << (st.ok() ? store_error : st.status()).message() << " (nothing of "
                  << f << " was stored)\n";
        g.exit_code = st.ok() ? 2 : 1;
        continue;
      }
      Result<ImportReport> r = (*batch)->Commit();
      if (!r.ok()) {
        std::cerr << "dyad: " << r.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      ++stored_files;
      std::printf("%s: %s, %lld rows, %lld events stored (document %lld)", f.c_str(),
                  src.format.c_str(), static_cast<long long>(st->rows),
                  static_cast<long long>(r->events_added), r->document_id);
      if (st->skipped > 0) std::printf(", %lld rows skipped", static_cast<long long>(st->skipped));
      std::printf("\n");
      if (st->skipped > 0) g.exit_code = 1;
    }
  });

  // ---- export ----
  struct ExportFlags {
    std::string db = DefaultDb(), format, out = "-", from, to, code_root, modes = "actual", actor;
    std::vector<std::string> between;
    bool bom = false;
  };
  auto exf = std::make_shared<ExportFlags>();
  CLI::App* exp = app.add_subcommand(
      "export", "Write stored events as JSON Lines, CSV, GDELT 1.0 or 2.0, ICEWS or XLSX");
  exp->add_option("--db", exf->db, kDbHelp);
  exp->add_option("--format", exf->format,
                  "jsonl, csv, gdelt (1.0), gdelt2, icews or xlsx (default: from --out's "
                  "extension, else jsonl)")
      ->check(CLI::IsMember({"jsonl", "csv", "gdelt", "gdelt2", "icews", "xlsx"}));
  exp->add_option("--out", exf->out, "output file; - for standard output (the default)");
  exp->add_option("--between", exf->between, "two sides (PRK RUS, 북한 유엔)")->expected(2);
  exp->add_option("--actor", exf->actor, "one side: every event it takes part in (NATO)");
  exp->add_option("--from", exf->from, "first date (YYYY, YYYY-MM or YYYY-MM-DD)");
  exp->add_option("--to", exf->to, "last date");
  exp->add_option("--code", exf->code_root, "CAMEO code or root, e.g. 04");
  exp->add_option("--mode", exf->modes, "which modes (default actual; all for every mode)");
  exp->add_flag("--bom", exf->bom, "CSV: open with a UTF-8 byte-order mark (for Excel)");
  exp->callback([exf, &g] {
    std::optional<EventFormat> format =
        !exf->format.empty() ? ParseFormat(exf->format) : FormatFromName(exf->out);
    if (!format && exf->out != "-")
      throw CLI::ValidationError(
          "--out", exf->out +
                       ": dyad writes .jsonl, .json, .csv, .tsv (GDELT) or .xlsx; name the file "
                       "so, or choose with --format");
    if (!format) format = EventFormat::kJsonl;
    EventQuery q;
    if (exf->between.size() == 2)
      q.side_a = NormaliseSide(exf->between[0], g), q.side_b = NormaliseSide(exf->between[1], g);
    if (!exf->actor.empty()) q.actor = NormaliseSide(exf->actor, g, "--actor");
    q.from = ParseDateFlag(exf->from, false);
    q.to = ParseDateFlag(exf->to, true);
    q.code_root = CodeFlag(exf->code_root, g);
    q.modes = ParseModes(exf->modes);
    // State names and the codebook an ICEWS file writes coded events with.
    auto res = LoadResources(g);
    std::unique_ptr<Store> store = res ? OpenStore(exf->db, StoreAccess::kReadOnly) : nullptr;
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    // A sheet holds 1,048,575 events: refused before anything is read or written.
    if (*format == EventFormat::kXlsx) {
      Result<long long> n = store->CountEvents(q);
      if (n.ok() && static_cast<size_t>(*n) > kXlsxMaxEvents) {
        std::cerr << "dyad: " << exf->out << ": " << *n
                  << " events are more than an XLSX sheet holds (" << kXlsxMaxEvents
                  << "); nothing written. Narrow the export (--from, --to, --between, --code) or "
                     "write CSV or JSON Lines\n";
        g.exit_code = 1;
        return;
      }
    }
    Result<std::vector<Event>> events = store->Events(q);
    if (!events.ok()) {
      std::cerr << "dyad: " << events.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    // A file is written beside its destination under a hidden name and renamed only when whole:
    // a failed or interrupted export leaves no file, and never half of one.
    std::string partial;
    if (exf->out != "-") {
      std::filesystem::path out(exf->out);
      partial = (out.parent_path() /
                 ("." + out.filename().string() + ".partial-" + std::to_string(::getpid())))
                    .string();
    }
    auto drop = [&](std::string why, int code) {
      // The hidden name is dyad's business: messages name the file asked for.
      for (size_t at; !partial.empty() && (at = why.find(partial)) != std::string::npos;)
        why.replace(at, partial.size(), exf->out);
      std::cerr << "dyad: " << why << "\n";
      if (!partial.empty()) std::filesystem::remove(partial);
      g.exit_code = code;
    };
    CatchInterrupts();
    Result<std::unique_ptr<EventWriter>> w =
        OpenEventWriter(*format, partial.empty() ? exf->out : partial, exf->bom,
                        ReadContext{&res->lexicon.countries(), &res->codebook, {}});
    if (!w.ok()) return drop(w.status().message(), 2);
    for (const Event& e : *events) {
      if (Interrupted()) return drop("interrupted; " + exf->out + " was not written", 130);
      if (Status s = (*w)->Write(e); !s.ok()) return drop(s.message(), 1);
    }
    if (Status s = (*w)->Finish(); !s.ok()) return drop(s.message(), 1);
    if (std::string notes = (*w)->Notes(); !notes.empty())
      std::cerr << "dyad: " << exf->out << ": " << notes << "\n";
    w->reset();  // closes the file
    if (!partial.empty()) {
      std::error_code ec;
      std::filesystem::rename(partial, exf->out, ec);
      if (ec) return drop(exf->out + ": cannot write: " + ec.message(), 1);
    }
    // A CSV file gets its Table Schema beside it (events.csv → events.datapackage.json).
    if (*format == EventFormat::kCsv && exf->out != "-") {
      std::filesystem::path out(exf->out);
      std::filesystem::path pkg = out;
      pkg.replace_extension(".datapackage.json");
      std::ofstream f(pkg, std::ios::binary | std::ios::trunc);
      f << CsvDataPackage(out.filename().string(), exf->bom);
      if (!f) {
        std::cerr << "dyad: " << pkg.string() << ": cannot write the table schema\n";
        g.exit_code = 1;
      }
    }
    if (exf->out != "-")
      std::fprintf(stderr, "%s: %zu events (%s)\n", exf->out.c_str(), events->size(),
                   std::string(FormatName(*format)).c_str());
  });
}

}  // namespace dyad::cli
