#include "cli_commands.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "cli_progress.h"
#include "dyad/chronology.h"
#include "dyad/coder.h"
#include "dyad/document.h"
#include "dyad/english.h"
#include "dyad/feed.h"
#include "dyad/jsonl.h"
#include "dyad/lexicon.h"
#include "dyad/petrarch.h"
#include "dyad/query_names.h"
#include "dyad/repair.h"
#include "dyad/store.h"
#include "dyad/tabari_dictionaries.h"
#include "dyad/tsv.h"

namespace dyad::cli {

std::string DefaultDb() {
  if (const char* env = std::getenv("DYAD_DB"); env != nullptr && *env != '\0') return env;
  return "dyad.db";
}

std::unique_ptr<Store> OpenStore(const std::string& db, StoreAccess access) {
  Result<std::unique_ptr<Store>> store = Store::Open(db, access);
  if (!store.ok()) {
    std::cerr << "dyad: " << store.status().message() << "\n";
    return nullptr;
  }
  if ((*store)->created()) std::cerr << "dyad: created store " << StoreNameForMessages(db) << "\n";
  return std::move(store).value();
}

std::string LexiconOverlay(const Global& g) {
  if (!g.lexicon_dir.empty()) return g.lexicon_dir;
  // Set, even to nothing, it decides: DYAD_LEXICON= turns the overlay off.
  if (const char* env = std::getenv("DYAD_LEXICON"); env != nullptr) return env;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    std::string d = std::string(home) + "/.config/dyad/lexicon";
    std::error_code ec;
    if (std::filesystem::is_directory(d, ec)) return d;
  }
  return {};
}

std::shared_ptr<const Resources> LoadResources(const Global& g) {
  std::vector<std::string> problems;
  std::string dir = g.data_dir.empty() ? DataDir() : g.data_dir;
  Result<std::shared_ptr<const Resources>> r = Resources::Load(dir, &problems, LexiconOverlay(g));
  if (!r.ok()) {
    std::cerr << "dyad: cannot load dictionaries: " << r.status().message() << "\n";
    return nullptr;
  }
  return *r;
}

std::optional<Date> ParseDateFlag(const std::string& s, bool end) {
  if (s.empty()) return std::nullopt;
  if (std::optional<Date> d = Date::ParseBound(s, end)) return d;
  throw CLI::ValidationError("date", "'" + s + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
}

namespace {

std::string Pad(const std::string& s, size_t w) {
  size_t d = DisplayWidth(s);
  return d >= w ? s : s + std::string(w - d, ' ');
}

std::string Cut(const std::string& s, size_t max_width) {
  if (DisplayWidth(s) <= max_width) return s;
  std::string o;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    std::string ch = s.substr(i, len);
    size_t cw = DisplayWidth(ch);
    if (w + cw > max_width - 1) break;
    o += ch;
    w += cw;
    i += len;
  }
  return o + "…";
}

// A document that yields no events says why on stderr, and what to do about it.
void SayWhyNoEvents(const std::string& name, const CodedDocument& c) {
  if (!c.events.empty()) return;
  size_t undated = 0;
  for (const Unresolved& u : c.unresolved) undated += u.reason == "no date";
  std::string why;
  if (c.year == 0 && !c.date && undated > 0)
    why = std::to_string(undated) +
          " sentence(s) name an act but no date, and the document names no year: pass --year or "
          "--date";
  else if (!c.unresolved.empty())
    why = std::to_string(c.unresolved.size()) +
          " sentence(s) looked like events but could not be coded; dyad code --unresolved " + name +
          " lists them with the reason";
  else
    why = "no sentence names two sides and an act the dictionaries know";
  std::cerr << "dyad: " << name << ": no events (" << why << ")\n";
}

// A query that finds nothing says so on stderr, with the filters that found nothing.
void SayIfNone(size_t found, const EventQuery& q) {
  if (found != 0) return;
  std::string f;
  if (!q.side_a.empty()) f += " between " + q.side_a + " and " + q.side_b;
  if (!q.actor.empty()) f += " with " + q.actor;
  if (q.from) f += " from " + q.from->ToIso();
  if (q.to) f += " to " + q.to->ToIso();
  if (!q.code_root.empty()) f += " with code " + q.code_root + "*";
  std::cerr << "dyad: no stored events" << (f.empty() ? "" : f)
            << (f.empty() ? " (the store is empty: dyad ingest or dyad import fills it)\n"
                          : " (widen the filters, or list them all with dyad events)\n");
}

std::string EventsToJsonLines(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) {
    AppendEventJson(&out, e);
    out += '\n';
  }
  return out;
}

void PrintEvents(const std::vector<Event>& events, const std::string& format) {
  if (format == "jsonl") {
    std::string out = EventsToJsonLines(events);
    std::fwrite(out.data(), 1, out.size(), stdout);
  } else if (format == "tsv") {
    std::printf(
        "date\tdate_end\tsource\ttarget\tcode\tgoldstein\tquad_class\tdoc\tspan_begin\tspan_"
        "end\tevidence\n");
    for (const Event& e : events) {
      const Mention& m = e.Primary();
      // Every text field escaped: a tab or line break in a sentence or a file name cannot forge
      // a field or a row.
      std::printf("%s\t%s\t%s\t%s\t%s\t%.1f\t%d\t%s\t%u\t%u\t%s\n", e.date.begin.ToIso().c_str(),
                  e.date.end.ToIso().c_str(), TsvField(e.source).c_str(),
                  TsvField(e.target).c_str(), TsvField(e.code).c_str(), e.goldstein, e.quad_class,
                  TsvField(m.doc).c_str(), m.span_begin, m.span_end, TsvField(m.evidence).c_str());
    }
  } else {
    std::printf("%s  %s  %s  %s  %s  %s\n", Pad("date", 21).c_str(), Pad("source", 8).c_str(),
                Pad("target", 8).c_str(), "code", Pad("gs", 5).c_str(), "evidence");
    for (const Event& e : events) {
      char gs[16];
      std::snprintf(gs, sizeof gs, "%.1f", e.goldstein);
      std::printf("%s  %s  %s  %s  %s  %s\n", Pad(FormatSpan(e.date), 21).c_str(),
                  Pad(e.source, 8).c_str(), Pad(e.target, 8).c_str(), Pad(e.code, 4).c_str(),
                  Pad(gs, 5).c_str(), Cut(e.Primary().evidence, 70).c_str());
    }
  }
}

// Standard input as one document: the coder as a stateless filter (`dyad code --stdin`).
Result<Document> ReadStdin() {
  std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (bytes.compare(0, 5, "%PDF-") == 0) return ExtractPdf(bytes, "-");
  return DecodeText(bytes, "-");
}

}  // namespace

// "--between 북한 러시아" or "--between 'North Korea' Russia" as well as PRK RUS: a state's
// name in either language (or a short form) becomes its ISO code; anything else (an actor code
// such as IGOUNO or RUSMIL) is kept.
std::string NormaliseSide(const std::string& side, const Global& g, const std::string& flag) {
  auto res = LoadResources(g);
  if (!res) throw CLI::ValidationError(flag, "the dictionaries could not be loaded");
  Result<std::string> code = ResolveQueryName(res->lexicon, side);
  if (!code.ok()) throw CLI::ValidationError(flag, code.status().message());
  return *code;
}

std::string CodeFlag(const std::string& code, const Global& g) {
  if (code.empty()) return code;
  if (code.size() < 2 || code.size() > 4 ||
      code.find_first_not_of("0123456789") != std::string::npos)
    throw CLI::ValidationError("--code", "'" + code +
                                             "' is not a CAMEO code or root: two to four digits, "
                                             "e.g. 04 (every meeting) or 042 (a visit)");
  auto res = LoadResources(g);
  if (!res) throw CLI::ValidationError("--code", "the codebook could not be loaded");
  for (const CameoCode& c : res->codebook.codes())
    if (c.code.rfind(code, 0) == 0) return code;
  throw CLI::ValidationError(
      "--code", "no CAMEO code is " + code + " or begins with it (data/cameo-event-codes.tsv)");
}

// "actual,expected" or "all" → modes; throws a CLI error naming the bad word.
std::vector<EventMode> ParseModes(const std::string& list) {
  if (list == "all")
    return {EventMode::kActual, EventMode::kExpected, EventMode::kHypothetical,
            EventMode::kNegated};
  std::vector<EventMode> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string word =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::optional<EventMode> m = ParseMode(word);
    if (!m)
      throw CLI::ValidationError(
          "--mode", "'" + word + "' is not actual, expected, hypothetical, negated or all");
    out.push_back(*m);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

namespace {

void PrintUnresolved(const std::vector<Unresolved>& items, const std::string& format) {
  if (format == "jsonl") {
    std::string out;
    for (const Unresolved& u : items) {
      out += "{\"reason\":";
      AppendJsonString(&out, u.reason);
      out += ",\"predicate\":";
      AppendJsonString(&out, u.predicate);
      if (!u.words.empty()) {
        out += ",\"words\":";
        AppendJsonString(&out, u.words);
      }
      out += ",\"doc\":";
      AppendJsonString(&out, u.doc);
      out += ",\"span\":[" + std::to_string(u.span_begin) + "," + std::to_string(u.span_end) + "]";
      out += ",\"evidence\":";
      AppendJsonString(&out, u.evidence);
      out += "}\n";
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return;
  }
  if (format == "tsv")
    std::printf("reason\tpredicate\twords\tdoc\tspan_begin\tspan_end\tevidence\n");
  for (const Unresolved& u : items) {
    if (format == "tsv") {
      std::printf("%s\t%s\t%s\t%s\t%u\t%u\t%s\n", TsvField(u.reason).c_str(),
                  TsvField(u.predicate).c_str(), TsvField(u.words).c_str(), TsvField(u.doc).c_str(),
                  u.span_begin, u.span_end, TsvField(u.evidence).c_str());
    } else {
      std::printf("%s  %s  %s  %s\n", Pad(u.reason, 17).c_str(), Pad(u.predicate, 12).c_str(),
                  Pad(u.words, 14).c_str(), Cut(u.evidence, 70).c_str());
    }
  }
}

Language ParseLang(const std::string& s) {
  if (s == "ko") return Language::kKorean;
  if (s == "en") return Language::kEnglish;
  return Language::kAuto;
}

// The dictionaries of a directory (TABARI's or PETRARCH's), each problem said on stderr; none
// when they cannot be read, having said why.
template <typename Dictionaries>
std::optional<Dictionaries> LoadDictionaryDir(const std::string& dir) {
  std::vector<std::string> problems;
  Result<Dictionaries> d = Dictionaries::LoadDir(dir, &problems);
  for (const std::string& p : problems) std::cerr << "dyad: " << p << "\n";
  if (!d.ok()) {
    std::cerr << "dyad: " << d.status().message() << "\n";
    return std::nullopt;
  }
  return std::move(d).value();
}

// What coding one input gave: its documents in order, each coded or with the reason it was not,
// and what to say on stderr about the input itself. Made on any thread; said and used on the
// main one, in input order.
struct CodedInput {
  struct Item {
    Document doc;
    std::optional<CodedDocument> coded;
    std::string error;     // when not coded
    std::string prepared;  // what the command made of it on the coding thread (its output)
  };
  std::vector<Item> items;
  std::string messages;  // lines for stderr, each "dyad: …\n"
  bool failed = false;   // a problem with the input: exit status 1
};

// Codes the documents an input names: a file, standard input ("-"), or every item of a feed
// (.jsonl, .ndjson, .xml), dated by its own field unless --date was given. Stops between
// documents when an interrupt arrives.
// What a command makes of a coded document on the thread that coded it (the text it will print),
// so the main thread only writes it.
using Prepare = std::function<std::string(const Document&, const CodedDocument&)>;

// With `each`, each document is handed to it as soon as it is coded (false: stop), not kept:
// one thread codes a feed of a million items in the memory of one.
using EachItem = std::function<bool(CodedInput&, CodedInput::Item&)>;

CodedInput CodeInput(const std::string& input, const CodeOptions& base, const Coder& coder,
                     const Prepare& prepare, const EachItem& each = nullptr) {
  CodedInput out;
  bool stopped = false;
  auto code = [&](Document doc, const CodeOptions& opt) {
    if (Interrupted() || stopped) return;
    CodedInput::Item item;
    Result<CodedDocument> coded = coder.Code(doc, opt);
    if (coded.ok()) {
      item.coded = std::move(coded).value();
      if (prepare) item.prepared = prepare(doc, *item.coded);
    } else {
      item.error = coded.status().message();
    }
    item.doc = std::move(doc);
    if (each) {
      stopped = !each(out, item);
      return;
    }
    out.items.push_back(std::move(item));
  };
  if (input != "-" && IsFeedPath(input)) {
    std::vector<std::string> problems;
    Result<std::vector<FeedItem>> feed = ReadFeed(input, &problems);
    for (const std::string& p : problems) out.messages += "dyad: " + p + "\n";
    out.failed = !problems.empty();
    if (!feed.ok()) {
      out.messages += "dyad: " + feed.status().message() + "\n";
      out.failed = true;
      return out;
    }
    if (feed->empty()) out.messages += "dyad: " + input + ": the feed holds no documents\n";
    for (FeedItem& item : *feed) {
      CodeOptions opt = base;
      if (!opt.date && item.date)
        opt.date = DocumentDate{*item.date, DocumentDateSource::kFeed, 0, 0};
      code(std::move(item.doc), opt);
    }
    return out;
  }
  Result<Document> doc = input == "-" ? ReadStdin() : LoadDocument(input);
  if (!doc.ok()) {
    out.messages += "dyad: " + doc.status().message() + "\n";
    out.failed = true;
    return out;
  }
  code(std::move(doc).value(), base);
  return out;
}

// The documents an argument names: a file as it is; in a directory, the files dyad reads
// (.txt, .pdf, .docx, .hwpx, .html, feeds; .hwp to say what to convert it to), sorted, in its
// subdirectories too with --recursive. A directory with none says so and counts as a failed input.
std::vector<std::string> ExpandInputs(const std::vector<std::string>& args, bool recursive,
                                      Global& g) {
  namespace fs = std::filesystem;
  static const char* kReadable[] = {".txt",  ".text", ".pdf",   ".docx",  ".hwpx",   ".hwp",
                                    ".html", ".htm",  ".xhtml", ".jsonl", ".ndjson", ".xml"};
  std::vector<std::string> out;
  for (const std::string& a : args) {
    std::error_code ec;
    if (a == "-" || !fs::is_directory(a, ec)) {
      out.push_back(a);
      continue;
    }
    std::vector<std::string> found;
    size_t subdirs = 0;
    auto take = [&](const fs::directory_entry& e) {
      std::string name = e.path().filename().string();
      if (name.empty() || name[0] == '.') return;
      if (e.is_directory(ec)) {
        ++subdirs;
        return;
      }
      std::string ext = e.path().extension().string();
      for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const char* r : kReadable)
        if (ext == r && e.is_regular_file(ec)) found.push_back(e.path().string());
    };
    if (recursive) {
      for (auto it = fs::recursive_directory_iterator(a, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->path().filename().string().starts_with(".")) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        take(*it);
      }
      subdirs = 0;
    } else {
      for (auto it = fs::directory_iterator(a, ec); !ec && it != fs::end(it); it.increment(ec))
        take(*it);
    }
    if (ec) {
      std::cerr << "dyad: " << a << ": cannot read the directory: " << ec.message() << "\n";
      g.exit_code = 1;
      continue;
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) {
      std::cerr << "dyad: " << a << ": no documents dyad reads (.txt, .pdf, .jsonl, .xml)"
                << (subdirs > 0 ? "; its subdirectories are read with --recursive" : "") << "\n";
      g.exit_code = 1;
    }
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

// Codes every document of `files` (feeds item by item) and hands each coding to `fn`; a
// document that cannot be coded is named and counts as a failed input. On a terminal a status
// line shows how far it is; an interrupt stops between documents (the caller says what it
// means). Returns the files done.
size_t CodeEach(const std::vector<std::string>& files, const CodeOptions& opt, const Coder& coder,
                Global& g,
                const std::function<void(const Document&, const CodedDocument&,
                                         const std::string& prepared)>& fn,
                int jobs = 1, const Prepare& prepare = nullptr) {
  CatchInterrupts();
  Progress progress(files.size(), "files");
  size_t files_done = 0, docs_done = 0;
  // On the main thread, in input order: what the input's coding said, then each document; an
  // interrupt stops between documents, so each is handled whole or not at all.
  auto use = [&](CodedInput& in) {
    progress.Clear();
    std::cerr << in.messages;
    if (in.failed) g.exit_code = 1;
    for (CodedInput::Item& item : in.items) {
      if (Interrupted()) return false;
      ++docs_done;
      if (!item.coded) {
        std::cerr << "dyad: " << item.error << "\n";
        g.exit_code = 1;
        continue;
      }
      fn(item.doc, *item.coded, item.prepared);
    }
    return !Interrupted();
  };
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(files.size())));
  if (jobs == 1) {
    // One thread: each document is used as soon as it is coded.
    auto each = [&](CodedInput& in, CodedInput::Item& item) {
      progress.Clear();
      std::cerr << in.messages;
      in.messages.clear();
      if (in.failed) g.exit_code = 1;
      if (Interrupted()) return false;
      ++docs_done;
      if (!item.coded) {
        std::cerr << "dyad: " << item.error << "\n";
        g.exit_code = 1;
        return true;
      }
      fn(item.doc, *item.coded, item.prepared);
      return true;
    };
    for (const std::string& f : files) {
      if (Interrupted()) break;
      CodedInput in = CodeInput(f, opt, coder, prepare, each);
      if (!use(in)) break;
      progress.Update(++files_done, docs_done);
    }
    progress.Clear();
    return files_done;
  }
  // Several threads code the inputs (the Coder is const and shared), at most a window of them
  // ahead of the one the main thread waits for, so memory holds a few documents whatever the
  // number of files; the main thread takes the results in input order, so output and store are
  // the same as with one thread.
  std::vector<std::optional<CodedInput>> ready(files.size());
  std::mutex mu;
  std::condition_variable changed;
  size_t next = 0, taken = 0;
  bool stop = false;
  const size_t window = 2 * static_cast<size_t>(jobs);
  auto work = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mu);
        changed.wait(lock, [&] { return stop || next >= files.size() || next < taken + window; });
        if (stop || next >= files.size()) return;
        i = next++;
      }
      CodedInput in = CodeInput(files[i], opt, coder, prepare);
      {
        std::lock_guard lock(mu);
        ready[i] = std::move(in);
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (size_t i = 0; i < files.size() && !Interrupted(); ++i) {
    CodedInput in;
    {
      std::unique_lock lock(mu);
      changed.wait(lock, [&] { return ready[i].has_value(); });
      in = std::move(*ready[i]);
      ready[i].reset();
      taken = i + 1;
    }
    changed.notify_all();
    if (!use(in)) break;
    progress.Update(++files_done, docs_done);
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  changed.notify_all();
  for (std::thread& t : threads) t.join();
  progress.Clear();
  return files_done;
}

// --date YYYY-MM-DD into the options; false (after saying why) when it is no date.
bool ParseDocumentDateFlag(const std::string& flag, CodeOptions* opt) {
  if (flag.empty()) return true;
  std::optional<Date> d = Date::Parse(flag);
  if (!d) {
    std::cerr << "dyad: --date " << flag << ": expected a day as YYYY-MM-DD\n";
    return false;
  }
  opt->date = DocumentDate{*d, DocumentDateSource::kOption, 0, 0};
  return true;
}

}  // namespace

constexpr const char* kJobsHelp =
    "code N documents at once, on N threads (default 1); the output and the store are the same "
    "as with one, in the order of the inputs";

void Register(CLI::App& app, Global& g) {
  RegisterExchange(app, g);
  RegisterValidate(app, g);
  RegisterBurden(app, g);
  RegisterRecode(app, g);
  RegisterCorrect(app, g);
  RegisterAnalysis(app, g);
  RegisterServe(app, g);
  // ---- code ----
  struct CodeFlags {
    std::vector<std::string> files;
    std::string lang = "auto", format = "jsonl", self, date;
    int year = 0;
    bool no_merge = false, recursive = false;
    bool stdin_doc = false;
    std::string modes = "actual";
    bool unresolved = false;
    std::string dictionaries;
    int jobs = 1;
  };
  auto cf = std::make_shared<CodeFlags>();
  CLI::App* code =
      app.add_subcommand("code", "Code documents into events (JSON Lines on stdout); no store");
  code->add_option("FILE", cf->files,
                   "documents: text (UTF-8, UTF-16, CP949/EUC-KR), PDF, feeds, or directories of "
                   "them");
  code->add_flag("--recursive", cf->recursive, "read the subdirectories of a directory too");
  code->add_flag("--stdin", cf->stdin_doc,
                 "also code one document read from standard input (named '-')");
  code->add_option("--lang", cf->lang, "document language")
      ->check(CLI::IsMember({"auto", "ko", "en"}));
  code->add_option("--year", cf->year, "the year in force (default: read from the document)")
      ->check(CLI::Range(1900, 2100));
  code->add_option("--format", cf->format, "output format")
      ->check(CLI::IsMember({"jsonl", "tsv", "table"}));
  code->add_option("--date", cf->date,
                   "the document's date, YYYY-MM-DD (default: read from a header line, a dated "
                   "title or the PDF's creation date)");
  code->add_option("--self", cf->self,
                   "the state the author's 우리 (we) names (default: from the text's "
                   "vocabulary, else KOR)");
  code->add_flag("--no-merge", cf->no_merge, "print every mention as its own event");
  code->add_option("-j,--jobs", cf->jobs, kJobsHelp)->check(CLI::Range(1, 256));
  code->add_flag(
      "--unresolved", cf->unresolved,
      "print the review queue instead of events: what looked like an event but could not "
      "be coded, with the reason");
  code->add_option(
      "--mode", cf->modes,
      "which events: actual (default), expected, hypothetical, negated, a comma list, or all");
  code->add_option("--dictionaries", cf->dictionaries,
                   "English documents: the dictionaries of this directory instead of the shipped "
                   "English lexicon: TABARI's (*.actors, *.verbs, *.options), coded by TABARI's "
                   "rules, or PETRARCH's (the Phoenix set)");
  code->callback([cf, &g] {
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    Coder coder(res);
    CodeOptions opt;
    std::optional<petrarch::Dictionaries> english;
    std::optional<tabari::Dictionaries> tabari_dicts;
    if (!cf->dictionaries.empty()) {
      if (tabari::Dictionaries::IsTabariDir(cf->dictionaries)) {
        tabari_dicts = LoadDictionaryDir<tabari::Dictionaries>(cf->dictionaries);
        if (tabari_dicts) opt.tabari = &*tabari_dicts;
      } else {
        english = LoadDictionaryDir<petrarch::Dictionaries>(cf->dictionaries);
        if (english) opt.english = &*english;
      }
      if (!tabari_dicts && !english) {
        g.exit_code = 2;
        return;
      }
    }
    opt.lang = ParseLang(cf->lang);
    opt.year = cf->year;
    opt.self_country = cf->self;
    if (!ParseDocumentDateFlag(cf->date, &opt)) {
      g.exit_code = 2;
      return;
    }
    opt.merge = !cf->no_merge;
    opt.modes = ParseModes(cf->modes);
    if (cf->files.empty() && !cf->stdin_doc) {
      std::cerr << "dyad code: give FILE... or --stdin\n";
      g.exit_code = 2;
      return;
    }
    std::vector<std::string> inputs = ExpandInputs(cf->files, cf->recursive, g);
    const bool json = cf->format == "jsonl" && !cf->unresolved;
    if (cf->stdin_doc) inputs.push_back("-");
    size_t files_done = CodeEach(
        inputs, opt, coder, g,
        [&](const Document& doc, const CodedDocument& coded, const std::string& prepared) {
          // Print per document so a long run streams.
          if (cf->unresolved) {
            PrintUnresolved(coded.unresolved, cf->format);
          } else {
            if (json)
              std::fwrite(prepared.data(), 1, prepared.size(), stdout);
            else
              PrintEvents(coded.events, cf->format);
            SayWhyNoEvents(doc.path, coded);
          }
        },
        cf->jobs,
        // JSON Lines, the bulk format, is written on the coding threads.
        json ? Prepare([](const Document&, const CodedDocument& coded) {
          return EventsToJsonLines(coded.events);
        })
             : nullptr);
    if (Interrupted()) {
      std::fflush(stdout);
      std::cerr << "dyad: interrupted after " << files_done << " of " << inputs.size()
                << " files; the events of those are printed whole\n";
      g.exit_code = 130;
    }
  });

  // ---- ingest ----
  struct IngestFlags {
    std::vector<std::string> files;
    std::string db = DefaultDb(), lang = "auto", self, modes = "actual", date;
    int year = 0;
    bool recursive = false;
    int jobs = 1;
  };
  auto inf = std::make_shared<IngestFlags>();
  CLI::App* ingest = app.add_subcommand("ingest", "Code documents and store their events");
  ingest->add_option("FILE", inf->files, "documents, feeds, or directories of them")->required();
  ingest->add_flag("--recursive", inf->recursive, "read the subdirectories of a directory too");
  ingest->add_option("--db", inf->db, kDbHelp);
  ingest->add_option("--lang", inf->lang, "document language")
      ->check(CLI::IsMember({"auto", "ko", "en"}));
  ingest->add_option("--year", inf->year, "the year in force")->check(CLI::Range(1900, 2100));
  ingest->add_option("--self", inf->self,
                     "the state the author's 우리 (we) names (default: from the text's "
                     "vocabulary, else KOR)");
  ingest->add_option("--date", inf->date,
                     "the documents' date, YYYY-MM-DD (default: read from each document)");
  ingest->add_option("--mode", inf->modes, "which events to store (as for code); default actual");
  ingest->add_option("-j,--jobs", inf->jobs, kJobsHelp)->check(CLI::Range(1, 256));
  ingest->callback([inf, &g] {
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    std::unique_ptr<Store> store = OpenStore(inf->db, StoreAccess::kCreate);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    Coder coder(res);
    CodeOptions opt;
    opt.lang = ParseLang(inf->lang);
    opt.year = inf->year;
    opt.self_country = inf->self;
    if (!ParseDocumentDateFlag(inf->date, &opt)) {
      g.exit_code = 2;
      return;
    }
    opt.modes = ParseModes(inf->modes);
    std::vector<std::string> files = ExpandInputs(inf->files, inf->recursive, g);
    size_t stored = 0;
    size_t files_done = CodeEach(
        files, opt, coder, g,
        [&](const Document& doc, const CodedDocument& coded, const std::string&) {
          const std::string& name = doc.path;
          SayWhyNoEvents(doc.path, coded);
          Result<IngestReport> r = store->Ingest(doc, coded);
          if (!r.ok()) {
            std::cerr << "dyad: " << name << ": " << r.status().message() << "\n";
            g.exit_code = 1;
            return;
          }
          if (r->already_present) {
            std::printf("%s: already in %s (document %lld); nothing changed\n", name.c_str(),
                        StoreNameForMessages(inf->db).c_str(), r->document_id);
          } else {
            ++stored;
            std::printf("%s: document %lld, %d new events, %d merged into stored events\n",
                        name.c_str(), r->document_id, r->events_added, r->events_merged);
          }
        },
        inf->jobs);
    if (Interrupted()) {
      std::fflush(stdout);
      std::cerr << "dyad: interrupted after " << files_done << " of " << files.size() << " files; "
                << stored
                << " new documents are stored whole. Run the same command again to go on: "
                   "stored documents are skipped.\n";
      g.exit_code = 130;
    }
  });

  // ---- events ----
  struct EventFlags {
    std::string db = DefaultDb(), from, to, code_root, format = "table", modes = "all", reason;
    std::vector<std::string> between;
    std::string actor;
    std::vector<std::string> ids;
    bool unresolved = false;
  };
  auto ef = std::make_shared<EventFlags>();
  CLI::App* events = app.add_subcommand("events", "List stored events");
  events->add_option("--db", ef->db, kDbHelp);
  events
      ->add_option("--between", ef->between,
                   "two sides: codes or names of states and organisations (PRK RUS, 북한 유엔, "
                   "UNSC)")
      ->expected(2);
  events->add_option("--actor", ef->actor, "one side: every event it takes part in (NATO, 북한)");
  events->add_option("--from", ef->from, "first date (YYYY, YYYY-MM or YYYY-MM-DD)");
  events->add_option("--to", ef->to, "last date");
  events->add_option("--code", ef->code_root, "CAMEO code or root, e.g. 04");
  events->add_option("--mode", ef->modes, "which modes to list (default all stored)");
  events->add_option("--id", ef->ids,
                     "only the events with these ids (ev-…, an-…, an imported event's own), as "
                     "`network` and `changes` name them; repeatable");
  events->add_flag(
      "--unresolved", ef->unresolved,
      "list the review queue: sentences that looked like events but could not be coded "
      "(unknown actor, unknown predicate, no date, no counterpart)");
  events->add_option("--reason", ef->reason, "with --unresolved: only this reason");
  events->add_option("--format", ef->format, "output format")
      ->check(CLI::IsMember({"jsonl", "tsv", "table"}));
  events->callback([ef, &g] {
    // The flags first: a usage error is named before the store is looked at.
    EventQuery q;
    if (ef->between.size() == 2)
      q.side_a = NormaliseSide(ef->between[0], g), q.side_b = NormaliseSide(ef->between[1], g);
    if (!ef->actor.empty()) q.actor = NormaliseSide(ef->actor, g, "--actor");
    q.from = ParseDateFlag(ef->from, false);
    q.to = ParseDateFlag(ef->to, true);
    q.code_root = CodeFlag(ef->code_root, g);
    q.modes = ParseModes(ef->modes);
    std::unique_ptr<Store> store = OpenStore(ef->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    if (ef->unresolved) {
      Result<std::vector<Unresolved>> items = store->UnresolvedItems(ef->reason);
      if (!items.ok()) {
        std::cerr << "dyad: " << items.status().message() << "\n";
        g.exit_code = 1;
        return;
      }
      PrintUnresolved(*items, ef->format);
      return;
    }
    if (!ef->ids.empty()) {
      // Each id on its own: one unknown id is named, the others are still listed.
      std::vector<Event> found;
      for (const std::string& id : ef->ids) {
        q.id = id;
        Result<std::vector<Event>> r = store->Events(q);
        if (!r.ok()) {
          std::cerr << "dyad: " << r.status().message() << "\n";
          g.exit_code = 1;
          return;
        }
        if (r->empty()) {
          std::cerr << "dyad: no stored event '" << id << "' matches the query\n";
          g.exit_code = 1;
        }
        for (Event& e : *r) found.push_back(std::move(e));
      }
      PrintEvents(found, ef->format);
      return;
    }
    Result<std::vector<Event>> r = store->Events(q);
    if (!r.ok()) {
      std::cerr << "dyad: " << r.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    PrintEvents(*r, ef->format);
    SayIfNone(r->size(), q);
  });

  // ---- chronology ----
  struct ChronFlags {
    std::string db = DefaultDb(), format = "table", lang = "ko", from, to, actor;
    std::vector<std::string> between;
    int year = 0;
  };
  auto chf = std::make_shared<ChronFlags>();
  CLI::App* chron =
      app.add_subcommand("chronology", "The chronology of a dyad: one row per real-world event");
  chron->add_option("--db", chf->db, kDbHelp);
  chron
      ->add_option("--between", chf->between,
                   "the two sides (PRK RUS, 북한 유엔, NATO); without it and --actor, every dyad")
      ->expected(2);
  chron->add_option("--actor", chf->actor, "one side: every event it takes part in (NATO, 북한)");
  CLI::Option* year =
      chron->add_option("--year", chf->year, "only this year")->check(CLI::Range(1900, 2100));
  chron->add_option("--from", chf->from, "first date (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->excludes(year);
  chron->add_option("--to", chf->to, "last date")->excludes(year);
  chron->add_option("--format", chf->format, "output format")
      ->check(CLI::IsMember({"markdown", "csv", "table"}));
  chron->add_option("--lang", chf->lang, "language of the content line")
      ->check(CLI::IsMember({"ko", "en"}));
  chron->callback([chf, &g] {
    EventQuery q;
    if (chf->between.size() == 2)
      q.side_a = NormaliseSide(chf->between[0], g), q.side_b = NormaliseSide(chf->between[1], g);
    if (!chf->actor.empty()) q.actor = NormaliseSide(chf->actor, g, "--actor");
    if (chf->year != 0) q.from = Date{chf->year, 1, 1}, q.to = Date{chf->year, 12, 31};
    if (!chf->from.empty()) q.from = ParseDateFlag(chf->from, false);
    if (!chf->to.empty()) q.to = ParseDateFlag(chf->to, true);
    q.modes = {EventMode::kActual};  // a chronology tells what happened
    std::unique_ptr<Store> store = OpenStore(chf->db, StoreAccess::kReadOnly);
    if (store == nullptr) {
      g.exit_code = 2;
      return;
    }
    Result<std::vector<Event>> r = store->Events(q);
    if (!r.ok()) {
      std::cerr << "dyad: " << r.status().message() << "\n";
      g.exit_code = 1;
      return;
    }
    // Imported events are said from the codebook's phrases and the state names.
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    ChronologyOptions co{.lang = chf->lang, .codebook = &res->codebook, .lexicon = &res->lexicon};
    auto rows = BuildChronology(*r, co);
    ChronologyFormat f = chf->format == "markdown" ? ChronologyFormat::kMarkdown
                         : chf->format == "csv"    ? ChronologyFormat::kCsv
                                                   : ChronologyFormat::kTable;
    SayIfNone(r->size(), q);
    std::string out = RenderChronology(rows, f, chf->lang);
    std::fwrite(out.data(), 1, out.size(), stdout);
  });

  // ---- repair ----
  auto rf = std::make_shared<std::vector<std::string>>();
  CLI::App* repair = app.add_subcommand(
      "repair",
      "Print a document's repaired text: one block per line (paragraph, heading, table row)");
  repair->add_option("FILE", *rf, "documents")->required();
  repair->callback([rf, &g] {
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    // Read the way dyad code reads: the same repair, document date and voice.
    Coder coder(res);
    for (const std::string& f : *rf) {
      Result<Document> doc = LoadDocument(f);
      if (!doc.ok()) {
        std::cerr << "dyad: " << doc.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      Result<CodedDocument> coded = coder.Code(*doc, CodeOptions{});
      if (!coded.ok()) {
        std::cerr << "dyad: " << coded.status().message() << "\n";
        g.exit_code = 1;
        continue;
      }
      const CleanText& clean = coded->clean;
      if (coded->date)
        std::printf("date\t%s\t%s\t[%u,%u]\n", coded->date->date.ToIso().c_str(),
                    std::string(DocumentDateSourceName(coded->date->source)).c_str(),
                    coded->date->begin, coded->date->end);
      else
        std::printf("date\tnone\t(give --date to dyad code)\n");
      if (coded->lang == "ko") std::printf("voice\t%s\n", coded->voice.c_str());
      static const char* kKinds[] = {"para", "heading", "title", "header", "row", "quote"};
      for (const Block& b : clean.blocks) {
        auto [sb, se] = clean.SpanOf(b.begin, b.end);
        std::printf("%s\t[%u,%u]\t%.*s\n", kKinds[static_cast<int>(b.kind)], sb, se,
                    static_cast<int>(b.end - b.begin), clean.text.data() + b.begin);
      }
    }
  });

  // ---- lexicon check ----
  CLI::App* lexicon = app.add_subcommand("lexicon", "Dictionary tools");
  lexicon->require_subcommand(1);
  auto dir = std::make_shared<std::string>();
  CLI::App* check =
      lexicon->add_subcommand("check", "Validate every dictionary file; print file:line: problem");
  check->add_option("DATA_DIR", *dir, "data directory (default: the installed data)");
  check->callback([dir, &g] {
    std::string d = !dir->empty() ? *dir : (!g.data_dir.empty() ? g.data_dir : DataDir());
    std::vector<std::string> problems;
    std::string overlay = LexiconOverlay(g);
    if (!overlay.empty()) std::cout << "overlay: " << overlay << "\n";
    Result<std::shared_ptr<const Resources>> r = Resources::Load(d, &problems, overlay);
    for (const std::string& p : problems) std::cout << p << "\n";
    if (!r.ok()) {
      if (problems.empty()) std::cout << r.status().message() << "\n";
      std::cout << (problems.empty() ? 1 : problems.size()) << " problem(s)\n";
      g.exit_code = 1;
      return;
    }
    const Lexicon& lex = (*r)->lexicon;
    // dyad's own English word lists (the Phoenix files' known defects are documented, not
    // repeated here).
    std::vector<std::string> english;
    Result<petrarch::Dictionaries> en =
        std::filesystem::exists(d + "/en")
            ? en::LoadEnglish(lex, d, "", &english)
            : Result<petrarch::Dictionaries>(petrarch::Dictionaries{});
    int own = 0;
    for (const std::string& p : english)
      if (p.find("_nouns.txt") != std::string::npos) {
        std::cout << p << "\n";
        ++own;
      }
    if (!en.ok() || own > 0) {
      if (!en.ok()) std::cout << en.status().message() << "\n";
      std::cout << (own > 0 ? own : 1) << " problem(s)\n";
      g.exit_code = 1;
      return;
    }
    std::cout << "ok: " << lex.actors().size() << " actors, " << lex.actions().size()
              << " actions, " << lex.quote_cues().size() << " quotation cues, "
              << lex.countries().all().size() << " states, " << lex.key_count() << " keys, "
              << (*r)->codebook.size() << " CAMEO codes\n";
  });
}

}  // namespace dyad::cli
