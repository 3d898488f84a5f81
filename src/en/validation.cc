#include "dyad/validation.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/xml.h"
#include "dyad/petrarch.h"

namespace dyad::en {

namespace {

struct RawRecord {
  std::string id, category, date, text;
  bool scored = true;
  std::vector<CodedTriple> expected;
  std::string error;
  PatternOptions options;  // in force when the record comes
};

struct XmlState {
  std::vector<RawRecord> records;
  std::string verbs, actors, agents, discards;
  PatternOptions options;
  RawRecord current;
  bool in_sentence = false, in_text = false;
  std::string* capture = nullptr;
  std::string env_text;
};

std::string Attr(const char** attrs, std::string_view name) {
  const char* v = xml::Attr(attrs, name);
  return v == nullptr ? std::string() : std::string(v);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// <Config option="comma_emax" value="0">: PETRARCH matches option names loosely.
void ApplyConfig(const std::string& option, const std::string& value, PatternOptions* o) {
  std::string opt = Lower(option);
  int v = std::atoi(value.c_str());
  if (opt.find("require_dyad") != std::string::npos)
    o->require_dyad = Lower(value).find("false") == std::string::npos;
  else if (opt.find("new_actor_length") != std::string::npos)
    o->new_actor_length = v;
  else if (opt.find("_bmin") != std::string::npos)
    o->comma_bmin = v;
  else if (opt.find("_bmax") != std::string::npos)
    o->comma_bmax = v;
  else if (opt.find("_emin") != std::string::npos)
    o->comma_emin = v;
  else if (opt.find("_emax") != std::string::npos)
    o->comma_emax = v;
  else if (opt.find("_min") != std::string::npos)
    o->comma_min = v;
  else if (opt.find("_max") != std::string::npos)
    o->comma_max = v;
}

void OnStart(XmlState* st, std::string_view n, const char** attrs) {
  if (n == "Sentence") {
    st->current = RawRecord{};
    st->current.id = Attr(attrs, "id");
    st->current.category = Attr(attrs, "category");
    st->current.date = Attr(attrs, "date");
    st->current.scored = Lower(Attr(attrs, "sentence")) != "false";
    st->current.options = st->options;
    st->in_sentence = true;
  } else if (n == "EventCoding" && st->in_sentence) {
    std::string err = Attr(attrs, "error");
    if (!err.empty()) {
      st->current.error = err;
    } else if (Lower(Attr(attrs, "noevents")) == "true") {
      // nothing expected
    } else {
      st->current.expected.push_back(
          {Attr(attrs, "sourcecode"), Attr(attrs, "targetcode"), Attr(attrs, "eventcode")});
    }
  } else if (n == "Text" && st->in_sentence) {
    st->capture = &st->current.text;
  } else if (n == "Config") {
    ApplyConfig(Attr(attrs, "option"), Attr(attrs, "value"), &st->options);
  } else if (n == "Verbfile" || n == "Actorfile" || n == "Agentfile" || n == "Discardfile") {
    st->env_text.clear();
    st->capture = &st->env_text;
  }
}

void OnEnd(XmlState* st, std::string_view n) {
  if (n == "Sentence") {
    st->records.push_back(std::move(st->current));
    st->in_sentence = false;
  }
  if (n == "Text") st->capture = nullptr;
  if (n == "Verbfile" || n == "Actorfile" || n == "Agentfile" || n == "Discardfile") {
    std::string v = st->env_text;
    v.erase(0, v.find_first_not_of(" \t\r\n"));
    v.erase(v.find_last_not_of(" \t\r\n") + 1);
    (n == "Verbfile"    ? st->verbs
     : n == "Actorfile" ? st->actors
     : n == "Agentfile" ? st->agents
                        : st->discards) = v;
    st->capture = nullptr;
  }
}

void OnText(XmlState* st, std::string_view s) {
  if (st->capture != nullptr) st->capture->append(s);
}

// The most a validation file or a dictionary it names may hold.
constexpr uintmax_t kMaxFileBytes = 256u << 20;

// A regular file of bounded size: a device (/dev/zero) or a folder is refused before it is read.
Status CheckFile(const std::string& file, const std::string& what) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return Status::InvalidInput(file + ": " + what + " is not a regular file");
  uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxFileBytes)
    return Status::InvalidInput(file + ": " + what + " is larger than 256 MB");
  return Status::Ok();
}

}  // namespace

Result<ValidationSummary> RunValidation(const std::string& path, const std::string& dictionary_dir,
                                        const std::function<void(const RecordResult&)>& on_record,
                                        std::vector<std::string>* problems) {
  if (Status s = CheckFile(path, "the validation file"); !s.ok()) return s;
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  XmlState st;
  xml::Handlers h;
  h.start = [&](std::string_view n, const char** attrs) { OnStart(&st, n, attrs); };
  h.end = [&](std::string_view n) { OnEnd(&st, n); };
  h.text = [&](std::string_view s) { OnText(&st, s); };
  if (Status s = xml::Parse(ss.str(), path, &h); !s.ok()) return s;

  std::string dir =
      dictionary_dir.empty() ? std::filesystem::path(path).parent_path().string() : dictionary_dir;
  if (dir.empty()) dir = ".";
  Result<petrarch::Dictionaries> dicts = [&]() -> Result<petrarch::Dictionaries> {
    if (st.verbs.empty() || st.actors.empty())
      return petrarch::Dictionaries::LoadDir(dir, problems);
    // A dictionary the XML names is a file in the dictionary folder: a plain name, no folder,
    // no "..", a regular file of bounded size (repro validation-path-traversal).
    Status bad;
    auto at = [&](const std::string& f, const char* element) -> std::string {
      if (f.empty() || !bad.ok()) return f;
      if (f.find('/') != std::string::npos || f.find('\\') != std::string::npos ||
          f.find("..") != std::string::npos) {
        bad = Status::InvalidInput(path + ": <" + element + "> names '" + f +
                                   "': a dictionary is named by its file name alone, in " + dir);
        return f;
      }
      std::string full = dir + "/" + f;
      if (Status s = CheckFile(full, std::string("the <") + element + ">"); !s.ok()) bad = s;
      return full;
    };
    std::vector<std::string> agents, discards;
    std::string actors = at(st.actors, "Actorfile"), verbs = at(st.verbs, "Verbfile");
    if (!st.agents.empty()) agents.push_back(at(st.agents, "Agentfile"));
    if (!st.discards.empty()) discards.push_back(at(st.discards, "Discardfile"));
    if (!bad.ok()) return bad;
    return petrarch::Dictionaries::Load({actors}, agents, verbs, discards, problems);
  }();
  if (!dicts.ok()) return dicts.status();
  PatternCoder coder(&*dicts);

  ValidationSummary sum;
  for (const RawRecord& r : st.records) {
    RecordResult res;
    res.id = r.id;
    res.category = r.category;
    res.scored = r.scored;
    res.expected = r.expected;
    res.expected_error = r.error;
    std::string text;
    for (char c : r.text) text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    res.text = text;
    SentenceCoding c = coder.Code(text, std::atoi(r.date.c_str()), r.options);
    res.coded = c.events;
    res.coded_error = c.discard;
    // Pair coded events with expected ones, each used once.
    std::vector<bool> used(res.expected.size(), false);
    for (const CodedTriple& e : res.coded) {
      bool matched = false;
      for (size_t i = 0; i < res.expected.size() && !matched; ++i)
        if (!used[i] && res.expected[i] == e) used[i] = matched = true;
      if (!matched) ++res.extra;
    }
    res.found = static_cast<int>(std::count(used.begin(), used.end(), true));
    bool discard_expected = r.error.find("discard") != std::string::npos;
    if (discard_expected)
      res.correct = res.coded_error == r.error;
    else if (!r.error.empty())
      res.correct = res.coded.empty() && res.coded_error.empty();
    else
      res.correct = res.coded_error.empty() && res.extra == 0 &&
                    res.found == static_cast<int>(res.expected.size());
    ++sum.records;
    sum.correct += res.correct;
    sum.expected += static_cast<int>(res.expected.size());
    sum.found += res.found;
    sum.extra += res.extra;
    sum.coded += static_cast<int>(res.coded.size());
    if (res.expected.empty()) {
      ++sum.noevents;
      sum.noevents_clean += res.coded.empty() && (discard_expected ? res.correct : true);
    }
    if (res.scored) {
      ++sum.scored_records;
      sum.scored_correct += res.correct;
      sum.scored_expected += static_cast<int>(res.expected.size());
      sum.scored_found += res.found;
    }
    if (on_record) on_record(res);
  }
  return sum;
}

}  // namespace dyad::en
