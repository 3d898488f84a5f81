// Readers of TABARI's dictionary files and the compiled word trie (docs/tabari.md).
#include "dyad/tabari_dictionaries.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>

#include "dyad/petrarch.h"
#include "dyad/utf8.h"

namespace dyad::tabari {

namespace {

constexpr size_t kMaxDictionaryBytes = 64u << 20;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A YYMMDD date as YYYYMMDD: years 00-29 are 2000-2029 (TABARI's rule).
bool ParseYymmdd(std::string_view s, int* out) {
  if (s.size() != 6) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  int yy = v / 10000, mm = v / 100 % 100, dd = v % 100;
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return false;
  *out = (yy < 30 ? 2000 + yy : 1900 + yy) * 10000 + mm * 100 + dd;
  return true;
}

// One dictionary line: its number, its text without the comment, and whether it opened with a
// blank (an actor's code line).
struct Line {
  int number = 0;
  std::string text;
  bool indented = false;
};

// The lines that carry content: '#' and '/' lines are comments, ';' starts a comment, and a
// line opening with '~' ("~~FINISH") ends the file.
std::vector<Line> ContentLines(const std::string& text) {
  std::vector<Line> out;
  std::istringstream in(text);
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (number == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    std::string_view t = utf8::TrimAscii(raw);
    if (!t.empty() && t.front() == '~') break;  // "~~FINISH"
    if (t.empty() || t.front() == '#' || t.front() == '/') continue;
    Line l;
    l.number = number;
    l.indented = IsBlank(raw.front());
    int depth = 0;
    for (char c : t) {
      if (c == '[') ++depth;
      if (c == ']' && depth > 0) --depth;
      if (c == ';' && depth == 0) break;
      l.text += c;
    }
    while (!l.text.empty() && IsBlank(l.text.back())) l.text.pop_back();
    if (l.text.empty()) continue;
    out.push_back(std::move(l));
  }
  return out;
}

// "PHRASE [code] [code]": the phrase and the bracketed blocks.
void SplitCodes(std::string_view s, std::string* phrase, std::vector<std::string>* codes) {
  size_t open = s.find('[');
  *phrase = std::string(utf8::TrimAscii(s.substr(0, open)));
  while (open != std::string_view::npos) {
    size_t close = s.find(']', open);
    if (close == std::string_view::npos) {
      codes->emplace_back(s.substr(open + 1));
      codes->back().insert(0, "\x01");  // marks the missing ']'
      return;
    }
    codes->emplace_back(utf8::TrimAscii(s.substr(open + 1, close - open - 1)));
    open = s.find('[', close);
  }
}

// A phrase's hyphens are underscores ("BARAD-DUR" must be adjacent words: TABARI makes a text's
// hyphens blanks), except a pattern's leading '-'.
std::string PhraseText(std::string_view s) {
  std::string out = utf8::AsciiUpper(s);
  for (char& c : out)
    if (c == '-') c = '_';
  return out;
}

// Letters, digits, '_' and '\'' of a pattern's text outside { }, and the longest alternative of
// each { } group: TABARI's pattern length, and its choices' part.
void PatternLength(std::string_view s, int* length, int* max_alt) {
  auto count = [](std::string_view t) {
    int n = 0;
    for (char c : t) n += c == '_' || c == '\'' || std::isalnum(static_cast<unsigned char>(c)) != 0;
    return n;
  };
  int fixed = 0, alt = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t open = s.find('{', i);
    fixed += count(s.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (open == std::string_view::npos) break;
    size_t close = s.find('}', open);
    std::string_view group = s.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
    int best = 0;
    size_t from = 0;
    while (true) {
      size_t bar = group.find('|', from);
      best = std::max(
          best, count(group.substr(
                    from, bar == std::string_view::npos ? std::string_view::npos : bar - from)));
      if (bar == std::string_view::npos) break;
      from = bar + 1;
    }
    alt += best;
    if (close == std::string_view::npos) break;
    i = close + 1;
  }
  *length = fixed + alt;
  *max_alt = alt;
}

}  // namespace

// The state of one load: the build-time trie, the literals, and the problems found.
class Reader {
 public:
  Reader(Dictionaries* d, std::vector<std::string>* problems) : d_(d), problems_(problems) {
    build_.emplace_back();
  }

  void Problem(const std::string& file, int line, const std::string& what) {
    if (problems_ != nullptr) problems_->push_back(file + ":" + std::to_string(line) + ": " + what);
  }

  uint32_t Literal(std::string_view text) {
    uint32_t node = 0;
    for (char c : text) {
      auto it = build_[node].children.find(c);
      if (it == build_[node].children.end()) {
        uint32_t next = static_cast<uint32_t>(build_.size());
        build_[node].children.emplace(c, next);
        build_.emplace_back();
        node = next;
      } else {
        node = it->second;
      }
    }
    if (build_[node].literal < 0) {
      build_[node].literal = static_cast<int32_t>(d_->literals_.size());
      d_->literals_.emplace_back(text);
      d_->by_literal_.emplace_back();
    }
    return static_cast<uint32_t>(build_[node].literal);
  }

  // A phrase's elements with their connectors (the symbols of patterns too: * $ + @ % ^ { | }
  // and &SYNSET references, which only patterns may hold).
  bool Elements(std::string_view s, bool pattern, std::vector<PatternElem>* out, std::string* why,
                const std::vector<std::string>* synset_names) {
    size_t i = 0;
    while (i < s.size()) {
      char c = s[i];
      if (IsBlank(c)) {
        ++i;
        continue;
      }
      PatternElem e;
      if (c == '{' || c == '|' || c == '}') {
        e.kind = c == '{'   ? PatternElem::Kind::kOpen
                 : c == '|' ? PatternElem::Kind::kBar
                            : PatternElem::Kind::kClose;
        ++i;
        if (c == '}' && i < s.size() && s[i] == '_') {
          e.conn = Conn::kUnder;
          ++i;
        }
        if (!pattern) {
          *why = std::string("'") + c + "' outside a pattern";
          return false;
        }
        out->push_back(e);
        continue;
      }
      size_t j = i;
      while (j < s.size() && !IsBlank(s[j]) && s[j] != '_' && s[j] != '~' && s[j] != '=' &&
             s[j] != '{' && s[j] != '|' && s[j] != '}')
        ++j;
      std::string_view w = s.substr(i, j - i);
      Conn conn = Conn::kSpace;
      if (j < s.size()) {
        if (s[j] == '_') {
          conn = (j + 1 < s.size() && IsBlank(s[j + 1])) ? Conn::kUnderBlank : Conn::kUnder;
          ++j;
        } else if (s[j] == '~') {
          conn = Conn::kTilde;
          j += 2;  // the character after '~' goes with it
        } else if (s[j] == '=') {
          conn = Conn::kEqual;
          ++j;
        }
      }
      i = std::min(j, s.size());
      if (w.empty()) continue;  // "__" or a connector after a symbol
      e.conn = conn;
      if (pattern && w.size() == 1 &&
          std::string_view("*$+@%^").find(w[0]) != std::string_view::npos) {
        static constexpr PatternElem::Kind kKinds[] = {
            PatternElem::Kind::kVerb,   PatternElem::Kind::kSource,   PatternElem::Kind::kTarget,
            PatternElem::Kind::kAttrib, PatternElem::Kind::kCompound, PatternElem::Kind::kSkip};
        e.kind = kKinds[std::string_view("*$+@%^").find(w[0])];
      } else if (pattern && w[0] == '&') {
        auto it = synset_names == nullptr
                      ? std::vector<std::string>::const_iterator()
                      : std::find(synset_names->begin(), synset_names->end(), std::string(w));
        if (synset_names == nullptr || it == synset_names->end()) {
          *why = "synset " + std::string(w) + " is not declared before its use";
          return false;
        }
        e.kind = PatternElem::Kind::kSynset;
        e.item = static_cast<uint32_t>(it - synset_names->begin());
        e.conn = conn == Conn::kSpace ? Conn::kSynOpen : Conn::kSynClosed;
      } else {
        e.item = Literal(w);
      }
      out->push_back(e);
    }
    if (out->empty()) {
      *why = "empty phrase";
      return false;
    }
    return true;
  }

  // A root's phrase: words only.
  bool RootPhrase(std::string_view s, std::vector<Elem>* out, std::string* why) {
    std::vector<PatternElem> elems;
    if (!Elements(PhraseText(s), false, &elems, why, nullptr)) return false;
    for (const PatternElem& e : elems) out->push_back({e.item, e.conn});
    return true;
  }

  // Registers a root under its first literal; a phrase already registered (of any type) is a
  // duplicate and is skipped, as TABARI does.
  bool AddRoot(Root r, const std::string& file, int line) {
    std::vector<uint32_t>& list = d_->by_literal_[r.phrase[0].item];
    for (uint32_t k : list) {
      const std::vector<Elem>& p = d_->roots_[k].phrase;
      if (p.size() == r.phrase.size() &&
          std::equal(p.begin(), p.end(), r.phrase.begin(), [](const Elem& a, const Elem& b) {
            return a.item == b.item && a.conn == b.conn;
          })) {
        if (line > 0) Problem(file, line, "duplicate phrase (the first one is used)");
        return false;
      }
    }
    list.push_back(static_cast<uint32_t>(d_->roots_.size()));
    d_->roots_.push_back(std::move(r));
    return true;
  }

  int NewCodeSet() {
    d_->code_sets_.emplace_back();
    return static_cast<int>(d_->code_sets_.size() - 1);
  }
  std::vector<CodeBlock>& CodeSet(int i) { return d_->code_sets_[i]; }
  uint32_t AddAgent(Agent a) {
    d_->agents_.push_back(std::move(a));
    return static_cast<uint32_t>(d_->agents_.size() - 1);
  }
  uint32_t AddVerb(Verb v) {
    d_->verbs_.push_back(std::move(v));
    return static_cast<uint32_t>(d_->verbs_.size() - 1);
  }
  uint32_t AddTime(Time t) {
    d_->times_.push_back(std::move(t));
    return static_cast<uint32_t>(d_->times_.size() - 1);
  }
  std::vector<Pattern>& Patterns() { return d_->patterns_; }
  std::vector<std::vector<Pattern>>& Synsets() { return d_->synsets_; }
  void SetVerbPatterns(int v, uint32_t b, uint32_t e) {
    d_->verbs_[v].patterns_begin = b;
    d_->verbs_[v].patterns_end = e;
  }
  void SetTimePatterns(int t, uint32_t b, uint32_t e) {
    d_->times_[t].patterns_begin = b;
    d_->times_[t].patterns_end = e;
  }

  void BuiltIns() {
    auto add = [&](std::initializer_list<const char*> words, RootType t) {
      for (const char* w : words) {
        Root r;
        r.type = t;
        r.phrase.push_back({Literal(w), Conn::kUnder});
        AddRoot(std::move(r), "", 0);
      }
    };
    add({"A", "AN", "THE"}, RootType::kDeterm);
    add({"AND", "NOR", "BUT", "OR"}, RootType::kConj);
    add({"IN", "OF"}, RootType::kPrep);
    add({"HE", "HIM", "SHE", "HER", "IT", "THEM", "THEIR", "THEY"}, RootType::kPronoun);
    add({"WERE", "WAS", "BEEN"}, RootType::kAuxil);
    add({"BY"}, RootType::kBy);
    add({"FORMER"}, RootType::kFormer);
  }

  void Finish() {
    // What each synset's members open with, nested synsets included (declared earlier, so
    // their lists are ready).
    d_->synset_first_.assign(d_->synsets_.size(), {});
    for (size_t k = 0; k < d_->synsets_.size(); ++k) {
      Dictionaries::SynsetFirst& f = d_->synset_first_[k];
      for (const Pattern& m : d_->synsets_[k]) {
        const PatternElem& e = m.elems.front();
        if (e.kind == PatternElem::Kind::kWord) {
          f.literals.push_back(e.item);
        } else if (e.kind == PatternElem::Kind::kSynset && e.item < k) {
          const Dictionaries::SynsetFirst& g = d_->synset_first_[e.item];
          f.literals.insert(f.literals.end(), g.literals.begin(), g.literals.end());
          f.open = f.open || g.open;
        } else {
          f.open = true;
        }
      }
    }
    d_->nodes_.assign(build_.size(), {});
    d_->edges_.clear();
    for (size_t n = 0; n < build_.size(); ++n) {
      Dictionaries::Node& node = d_->nodes_[n];
      node.edges_begin = static_cast<uint32_t>(d_->edges_.size());
      for (const auto& [c, child] : build_[n].children) d_->edges_.push_back({c, child});
      node.edges_end = static_cast<uint32_t>(d_->edges_.size());
      node.literal = build_[n].literal;
    }
    d_->root_next_.fill(0);
    for (uint32_t e = d_->nodes_[0].edges_begin; e < d_->nodes_[0].edges_end; ++e)
      d_->root_next_[static_cast<unsigned char>(d_->edges_[e].c)] = d_->edges_[e].node;
  }

  Dictionaries* d_;

 private:
  std::vector<std::string>* problems_;
  struct BuildNode {
    std::map<char, uint32_t> children;
    int32_t literal = -1;
  };
  std::vector<BuildNode> build_;
};

namespace {

// "[ARN]", "[ELR/GAL]", "[AR1 <911226]", "[HOB < 950601]", "[GON 950601 - 990815]", "[---]".
bool ParseBlock(std::string_view block, CodeBlock* out, bool* operator_then_digit,
                std::string* why) {
  std::string_view t = utf8::TrimAscii(block);
  size_t i = 0;
  while (i < t.size() && !IsBlank(t[i]) && t[i] != '<' && t[i] != '>') ++i;
  std::string code(t.substr(0, i));
  std::string_view rest = utf8::TrimAscii(t.substr(i));
  if (code.empty() && !rest.empty() && rest[0] != '<' && rest[0] != '>') {
    *why = "no code in [" + std::string(block) + "]";
    return false;
  }
  if (code.empty()) {
    *why = "no code in [" + std::string(block) + "]";
    return false;
  }
  // "A:B" (an agent inside an actor's code) is read as A.
  if (size_t colon = code.find(':'); colon != std::string::npos) code.resize(colon);
  size_t from = 0;
  while (true) {
    size_t slash = code.find('/', from);
    out->codes.push_back(code.substr(from, slash == std::string::npos ? slash : slash - from));
    if (slash == std::string::npos) break;
    from = slash + 1;
  }
  *operator_then_digit = false;
  if (rest.empty()) return true;
  std::string r;
  for (char c : rest)
    if (!IsBlank(c)) r += c;
  if (r[0] == '<' || r[0] == '>') {
    *operator_then_digit = rest.size() > 1 && std::isdigit(static_cast<unsigned char>(rest[1]));
    int d = 0;
    if (!ParseYymmdd(r.substr(1), &d)) {
      *why = "date '" + r.substr(1) + "' is not YYMMDD";
      return false;
    }
    if (r[0] == '<') {
      out->when = CodeBlock::When::kBefore;
      out->to = d;
    } else {
      out->when = CodeBlock::When::kAfter;
      out->from = d;
    }
    return true;
  }
  size_t dash = r.find('-');
  if (dash == std::string::npos || !ParseYymmdd(r.substr(0, dash), &out->from) ||
      !ParseYymmdd(r.substr(dash + 1), &out->to)) {
    *why = "date restriction '" + r + "' is not <YYMMDD, >YYMMDD or YYMMDD-YYMMDD";
    return false;
  }
  out->when = CodeBlock::When::kBetween;
  return true;
}

bool ParseHalf(std::string s, VerbCode::Half* h) {
  while (!s.empty() && (s.back() == '?' || s.back() == '!')) {
    (s.back() == '?' ? h->subordinate : h->dominant) = true;
    s.pop_back();
  }
  h->code = s;
  return !s.empty() &&
         (s == "---" || s == "###" || s == "+++" || std::all_of(s.begin(), s.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) != 0;
          }));
}

// "064", "032:033", "031!", "023?", "---", "###", "+++"; codes keep their case.
bool ParseVerbCode(std::string_view block, VerbCode* out, std::string* why) {
  std::string s;
  for (char c : block)
    if (!IsBlank(c)) s += c;
  size_t colon = s.find(':');
  bool ok = ParseHalf(s.substr(0, colon), &out->primary) &&
            (colon == std::string::npos || ParseHalf(s.substr(colon + 1), &out->paired));
  if (!ok) *why = "code [" + std::string(block) + "] is not letters and digits (or a:b, a?, a!)";
  return ok;
}

void ReadActors(Reader* r, const std::string& file, const std::string& text) {
  Dictionaries* d = r->d_;
  enum class Section { kMain, kNoun, kAdjective } section = Section::kMain;
  int pending_set = -1;  // the code set the lines being read share
  std::vector<std::string> pending_blocks;
  int pending_line = 0;
  auto close = [&] {
    if (pending_set < 0) return;
    std::vector<CodeBlock>& set = r->CodeSet(pending_set);
    bool single_dated_digit = false;
    for (const std::string& b : pending_blocks) {
      if (b[0] == '\x01') {
        r->Problem(file, pending_line, "missing ']'");
        continue;
      }
      CodeBlock cb;
      std::string why;
      bool digit = false;
      if (!ParseBlock(b, &cb, &digit, &why)) {
        r->Problem(file, pending_line, why);
        continue;
      }
      single_dated_digit = digit && cb.when != CodeBlock::When::kAlways;
      set.push_back(std::move(cb));
    }
    // One dated code alone, written "[GME <901103]": null on the other dates.
    if (set.size() == 1 && pending_blocks.size() == 1 && single_dated_digit) {
      CodeBlock null;
      null.codes = {"---"};
      set.push_back(null);
    }
    if (set.empty()) r->Problem(file, pending_line, "actor without [code]");
    pending_set = -1;
    pending_blocks.clear();
  };
  for (const Line& line : ContentLines(text)) {
    std::string up = utf8::AsciiUpper(line.text);
    if (up == "<NOUN>") {
      close();
      section = Section::kNoun;
      continue;
    }
    if (up.compare(0, 4, "<ADJ") == 0) {
      close();
      section = Section::kAdjective;
      continue;
    }
    if (up == "</NOUN>" || up.compare(0, 5, "</ADJ") == 0) {
      section = Section::kMain;
      continue;
    }
    if (up[0] == '<') continue;  // other sections: not used
    std::string why;
    std::string_view t = utf8::TrimAscii(line.text);
    if (section != Section::kMain) {
      Root root;
      root.type = section == Section::kNoun ? RootType::kNoun : RootType::kAdjective;
      root.line = line.number;
      std::string phrase;
      std::vector<std::string> blocks;
      SplitCodes(t, &phrase, &blocks);
      if (!r->RootPhrase(phrase, &root.phrase, &why)) {
        r->Problem(file, line.number, why);
        continue;
      }
      r->AddRoot(std::move(root), file, line.number);
      continue;
    }
    if (t[0] == '[') {
      if (pending_set < 0) {
        r->Problem(file, line.number, "code line without an actor above it");
        continue;
      }
      std::string none;
      SplitCodes(t, &none, &pending_blocks);
      continue;
    }
    std::string phrase;
    std::vector<std::string> blocks;
    bool synonym = t[0] == '+';
    SplitCodes(synonym ? t.substr(1) : t, &phrase, &blocks);
    Root root;
    root.type = RootType::kActor;
    root.line = line.number;
    if (!r->RootPhrase(phrase, &root.phrase, &why)) {
      r->Problem(file, line.number, why);
      continue;
    }
    if (!synonym || pending_set < 0) {
      close();
      pending_set = r->NewCodeSet();
      pending_line = line.number;
    }
    for (std::string& b : blocks) pending_blocks.push_back(std::move(b));
    root.data = static_cast<uint32_t>(pending_set);
    r->AddRoot(std::move(root), file, line.number);
  }
  close();
  (void)d;
}

void ReadAgents(Reader* r, const std::string& file, const std::string& text) {
  for (const Line& line : ContentLines(text)) {
    if (line.text[0] == '<') continue;
    std::string phrase;
    std::vector<std::string> blocks;
    SplitCodes(line.text, &phrase, &blocks);
    if (blocks.empty() || blocks[0][0] == '\x01') {
      r->Problem(file, line.number, blocks.empty() ? "agent without [code]" : "missing ']'");
      continue;
    }
    std::string code(utf8::TrimAscii(blocks[0]));
    if (code.find('~') == std::string::npos) {
      r->Problem(file, line.number, "agent code [" + code + "] has no '~' (~GOV or NGO~)");
      continue;
    }
    Root root;
    root.type = RootType::kAgent;
    root.line = line.number;
    std::string why;
    if (!r->RootPhrase(phrase, &root.phrase, &why)) {
      r->Problem(file, line.number, why);
      continue;
    }
    Agent a;
    a.prefix = code.back() == '~';
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    a.code = code;
    root.data = r->AddAgent(std::move(a));
    r->AddRoot(std::move(root), file, line.number);
  }
}

}  // namespace

// The .verbs reader: synsets, time phrases, verbs with their forms and patterns.
class VerbReader {
 public:
  VerbReader(Reader* r, const std::string& file) : r_(r), file_(file) {}

  void Read(const std::string& text) {
    enum class Section { kMain, kSynsets, kTime, kOther } section = Section::kMain;
    for (const Line& line : ContentLines(text)) {
      const std::string& t = line.text;
      std::string up = utf8::AsciiUpper(t);
      if (up[0] == '<') {
        Close();
        section = up == "<SYNSETS>" ? Section::kSynsets
                  : up == "<TIME>"  ? Section::kTime
                  : up[1] == '/'    ? Section::kMain
                                    : Section::kOther;
        continue;
      }
      if (section == Section::kOther) continue;  // <ATTRIB>, <ISSUES>: not used
      if (section == Section::kSynsets) {
        Synset(line);
        continue;
      }
      if (t[0] == '{') {
        Forms(line);
        continue;
      }
      if (t[0] == '-') {
        PatternLine(line);
        continue;
      }
      Head(line, section == Section::kTime);
    }
    Close();
  }

 private:
  void Problem(int line, const std::string& what) { r_->Problem(file_, line, what); }

  void Synset(const Line& line) {
    std::string_view t = utf8::TrimAscii(line.text);
    if (t[0] == '&') {
      std::string name = utf8::AsciiUpper(t);
      if (std::find(names_.begin(), names_.end(), name) != names_.end()) {
        Problem(line.number, "synset " + name + " declared twice");
        synset_ = -1;
        return;
      }
      synset_ = static_cast<int>(names_.size());
      names_.push_back(name);
      r_->Synsets().emplace_back();
      return;
    }
    if (t[0] != '+' || synset_ < 0) {
      Problem(line.number, "expected &SYNSET or +member in <SYNSETS>");
      return;
    }
    Pattern p;
    std::string why;
    std::string body = PhraseText(t.substr(1));
    if (!r_->Elements(body, true, &p.elems, &why, &names_)) {
      Problem(line.number, why);
      return;
    }
    for (const PatternElem& e : p.elems)
      if (e.kind == PatternElem::Kind::kSynset && static_cast<int>(e.item) == synset_) {
        Problem(line.number, "synset " + names_[synset_] + " refers to itself");
        return;
      }
    PatternLength(body, &p.length, &p.max_alt);
    p.line = line.number;
    Insert(&r_->Synsets()[synset_], std::move(p));
  }

  // A verb (or, in <TIME>, a time phrase) and its code.
  void Head(const Line& line, bool time) {
    Close();
    std::string phrase;
    std::vector<std::string> blocks;
    SplitCodes(line.text, &phrase, &blocks);
    if (blocks.empty() || blocks[0][0] == '\x01') {
      Problem(line.number, blocks.empty() ? "verb without [code]" : "missing ']'");
      return;
    }
    Root root;
    root.line = line.number;
    std::string why;
    if (!r_->RootPhrase(phrase, &root.phrase, &why)) {
      Problem(line.number, why);
      return;
    }
    if (time) {
      root.type = RootType::kTime;
      Time tm;
      for (char c : blocks[0])
        if (!IsBlank(c)) tm.code += c;
      root.data = r_->AddTime(std::move(tm));
      time_ = static_cast<int>(root.data);
    } else {
      root.type = RootType::kVerb;
      Verb v;
      if (!ParseVerbCode(blocks[0], &v.code, &why)) {
        Problem(line.number, why);
        return;
      }
      root.data = r_->AddVerb(std::move(v));
      verb_ = static_cast<int>(root.data);
    }
    root_ = root;
    if (!r_->AddRoot(std::move(root), file_, line.number)) {
      verb_ = time_ = -1;  // a duplicate: its forms and patterns go too
      skipping_ = true;
    }
  }

  void Forms(const Line& line) {
    if (skipping_) return;
    if (verb_ < 0) {
      Problem(line.number, "verb forms before any verb");
      return;
    }
    std::string inner = line.text.substr(1);
    if (size_t close = inner.find('}'); close != std::string::npos) inner.resize(close);
    std::istringstream forms(inner);
    std::string form;
    while (forms >> form) {
      Root r = root_;
      r.phrase.clear();
      r.line = line.number;
      std::string why;
      if (!r_->RootPhrase(form, &r.phrase, &why)) continue;
      r_->AddRoot(std::move(r), file_, line.number);
    }
  }

  void PatternLine(const Line& line) {
    if (skipping_) return;
    if (verb_ < 0 && time_ < 0) {
      Problem(line.number, "pattern before any verb");
      return;
    }
    std::string body;
    std::vector<std::string> blocks;
    SplitCodes(std::string_view(line.text).substr(1), &body, &blocks);
    Pattern p;
    p.line = line.number;
    std::string why;
    if (blocks.empty() || blocks[0][0] == '\x01') {
      Problem(line.number, blocks.empty() ? "pattern without [code]" : "missing ']'");
      return;
    }
    if (verb_ >= 0 && !ParseVerbCode(blocks[0], &p.code, &why)) {
      Problem(line.number, why);
      return;
    }
    if (time_ >= 0) {
      for (char c : blocks[0])
        if (!IsBlank(c)) p.code.primary.code += c;
    }
    body = PhraseText(body);
    if (size_t open = body.find('{'), close = body.find('}');
        open != std::string::npos && (close == std::string::npos || close < open)) {
      Problem(line.number, "'{' without '}'");
      return;
    } else if (open == std::string::npos && close != std::string::npos) {
      Problem(line.number, "'}' without '{'");
      return;
    }
    if (!r_->Elements(body, true, &p.elems, &why, &names_)) {
      Problem(line.number, why);
      return;
    }
    if (std::none_of(p.elems.begin(), p.elems.end(),
                     [](const PatternElem& e) { return e.kind == PatternElem::Kind::kVerb; })) {
      Problem(line.number, "pattern without '*'");
      return;
    }
    PatternLength(body, &p.length, &p.max_alt);
    Insert(&pending_, std::move(p));
  }

  // TABARI's order: before the first pattern whose length is below this one's fixed part, so
  // longest first, ties in file order.
  static void Insert(std::vector<Pattern>* list, Pattern p) {
    bool after = false;
    int depth = 0;
    for (const PatternElem& e : p.elems) {
      if (e.kind == PatternElem::Kind::kOpen) ++depth;
      if (e.kind == PatternElem::Kind::kClose && depth > 0) --depth;
      if (e.kind == PatternElem::Kind::kVerb) after = true;
      if (e.kind == PatternElem::Kind::kWord && depth == 0)
        (after ? p.need_after : p.need_before).push_back(e.item);
      if (e.kind == PatternElem::Kind::kSynset && depth == 0)
        (after ? p.synsets_after : p.synsets_before).push_back(e.item);
    }
    int fixed = p.length - p.max_alt;
    auto at = std::find_if(list->begin(), list->end(),
                           [&](const Pattern& q) { return q.length < fixed; });
    list->insert(at, std::move(p));
  }

  void Close() {
    if (verb_ >= 0 || time_ >= 0) {
      std::vector<Pattern>& all = r_->Patterns();
      uint32_t b = static_cast<uint32_t>(all.size());
      for (Pattern& p : pending_) all.push_back(std::move(p));
      uint32_t e = static_cast<uint32_t>(all.size());
      if (verb_ >= 0) r_->SetVerbPatterns(verb_, b, e);
      if (time_ >= 0) r_->SetTimePatterns(time_, b, e);
    }
    pending_.clear();
    verb_ = time_ = -1;
    skipping_ = false;
  }

  Reader* r_;
  std::string file_;
  std::vector<std::string> names_;  // synset names, "&CURRENCY"
  int synset_ = -1, verb_ = -1, time_ = -1;
  bool skipping_ = false;
  Root root_;
  std::vector<Pattern> pending_;
};

namespace {

// The first number after a keyword ("VERBS[5]", "MIN = 2"); 0 when the keyword is absent.
int NumberAfter(const std::string& s, const std::string& key, int fallback) {
  size_t at = 0;
  while ((at = s.find(key, at)) != std::string::npos) {
    // The whole keyword: "MIN" is not the end of "EMIN" or "BMIN".
    if (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1]))) {
      at += key.size();
      continue;
    }
    size_t k = at + key.size();
    while (k < s.size() && !std::isdigit(static_cast<unsigned char>(s[k]))) {
      if (std::isalpha(static_cast<unsigned char>(s[k]))) return fallback;
      ++k;
    }
    if (k < s.size()) return std::atoi(s.c_str() + k);
    return fallback;
  }
  return fallback;
}

void ReadOptions(Options* o, const std::string& text) {
  for (const Line& line : ContentLines(text)) {
    std::string up = utf8::AsciiUpper(line.text);
    size_t colon = up.find(':');
    if (colon == std::string::npos) continue;
    std::string cmd = up.substr(0, colon), rest = up.substr(colon + 1);
    if (cmd.compare(0, 4, "COMM") == 0) {
      if (rest.find("OFF") != std::string::npos) {
        o->comma_off = true;
        continue;
      }
      o->comma_min = NumberAfter(rest, "MIN", o->comma_min);
      o->comma_max = NumberAfter(rest, "MAX", o->comma_max);
      o->comma_bmin = NumberAfter(rest, "BMIN", o->comma_bmin);
      o->comma_bmax = NumberAfter(rest, "BMAX", o->comma_bmax);
      o->comma_emin = NumberAfter(rest, "EMIN", o->comma_emin);
      o->comma_emax = NumberAfter(rest, "EMAX", o->comma_emax);
    } else if (cmd.compare(0, 4, "COMP") == 0) {
      o->complex_verbs = NumberAfter(rest, "VERBS", 0);
      o->complex_actors = NumberAfter(rest, "ACTORS", 0);
      o->complex_pronouns = NumberAfter(rest, "PRONOUNS", 0);
      o->complex_conj = NumberAfter(rest, "CONJ", 0);
      o->complex_lateverb = NumberAfter(rest, "LATEVERB", 0);
      o->complex_actprior = rest.find("ACTPRIOR") != std::string::npos;
      o->complex_actafter = rest.find("ACTAFTER") != std::string::npos;
      o->complex_noverb = rest.find("NOVERB") != std::string::npos;
    } else if (cmd[0] == 'S') {
      if (rest.find("CODE") != std::string::npos && rest.find("BY") != std::string::npos) {
        if (rest.find("SEN") != std::string::npos)
          o->code_by = Options::CodeBy::kSentence;
        else if (rest.find("ALL") != std::string::npos)
          o->code_by = Options::CodeBy::kAll;
        else
          o->code_by = Options::CodeBy::kClause;
      } else if (rest.find("MINIMUM") != std::string::npos) {
        o->minimum_words = NumberAfter(rest, "WORDS", o->minimum_words);
      }
    } else if (cmd[0] == 'D') {
      if (rest.find("OFF") != std::string::npos) {
        o->default_source.clear();
        o->default_target.clear();
        continue;
      }
      auto code_after = [&](const char* word, std::string* code, bool* flag, const char* fw,
                            const char* stop) {
        size_t at = rest.find(word);
        if (at == std::string::npos) return;
        size_t open = rest.find('[', at), close = rest.find(']', open);
        if (open == std::string::npos || close == std::string::npos) return;
        *code = std::string(utf8::TrimAscii(rest.substr(open + 1, close - open - 1)));
        size_t next = rest.find(stop, close);
        *flag = rest.substr(close, next == std::string::npos ? next : next - close).find(fw) !=
                std::string::npos;
      };
      code_after("SOURCE", &o->default_source, &o->default_source_prior, "PRIOR", "TARGET");
      code_after("TARGET", &o->default_target, &o->default_target_after, "AFTER", "SOURCE");
    }
  }
}

std::vector<std::string> FilesEnding(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (e.is_regular_file(ec) && name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Source> Read(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path + ": cannot read: " + ec.message());
  if (size > kMaxDictionaryBytes)
    return Status::InvalidInput(path + ": larger than the 64 MB a dictionary may be");
  Result<petrarch::Source> s = petrarch::ReadSource(path);
  if (!s.ok()) return s.status();
  return Source{s->name, std::move(s->text)};
}

}  // namespace

Result<Dictionaries> Dictionaries::LoadSources(const std::vector<Source>& actors,
                                               const std::vector<Source>& agents,
                                               const std::vector<Source>& verbs,
                                               const Source* options,
                                               std::vector<std::string>* problems) {
  Dictionaries d;
  Reader r(&d, problems);
  if (options != nullptr) ReadOptions(&d.options_, options->text);
  r.BuiltIns();
  for (const Source& s : actors) ReadActors(&r, s.name, s.text);
  for (const Source& s : agents) ReadAgents(&r, s.name, s.text);
  for (const Source& s : verbs) {
    VerbReader v(&r, s.name);
    v.Read(s.text);
  }
  r.Finish();
  for (Verb& v : d.verbs_)
    for (uint32_t k = v.patterns_begin; k < v.patterns_end; ++k) {
      const Pattern& p = d.patterns_[k];
      int key = -1;
      for (const auto* need : {&p.need_after, &p.need_before})
        for (uint32_t l : *need)
          if (key < 0 || d.literals_[l].size() > d.literals_[key].size()) key = static_cast<int>(l);
      if (key < 0)
        v.keyless.push_back(k);
      else
        v.by_key[static_cast<uint32_t>(key)].push_back(k);
    }
  return d;
}

bool Dictionaries::IsTabariDir(const std::string& dir) {
  return !FilesEnding(dir, ".verbs").empty();
}

Result<Dictionaries> Dictionaries::LoadDir(const std::string& dir,
                                           std::vector<std::string>* problems) {
  std::vector<std::string> verbs = FilesEnding(dir, ".verbs");
  if (verbs.empty()) return Status::NotFound(dir + ": no TABARI .verbs file");
  if (verbs.size() > 1)
    return Status::InvalidInput(dir + ": " + std::to_string(verbs.size()) +
                                " .verbs files; TABARI reads one");
  std::vector<Source> actor_src, agent_src, verb_src;
  for (auto [suffix, into] : {std::pair{".actors", &actor_src}, std::pair{".agents", &agent_src},
                              std::pair{".verbs", &verb_src}})
    for (const std::string& f : FilesEnding(dir, suffix)) {
      Result<Source> s = Read(f);
      if (!s.ok()) return s.status();
      into->push_back(std::move(s).value());
    }
  if (actor_src.empty()) return Status::NotFound(dir + ": no TABARI .actors file");
  std::optional<Source> options;
  std::vector<std::string> opts = FilesEnding(dir, ".options");
  if (opts.size() > 1)
    return Status::InvalidInput(dir + ": " + std::to_string(opts.size()) +
                                " .options files; TABARI reads one");
  if (!opts.empty()) {
    Result<Source> s = Read(opts[0]);
    if (!s.ok()) return s.status();
    options = std::move(s).value();
  }
  return LoadSources(actor_src, agent_src, verb_src, options ? &*options : nullptr, problems);
}

void Dictionaries::MatchWord(std::string_view word, std::vector<LiteralMatch>* out) const {
  if (nodes_.empty()) return;
  uint32_t node = 0;
  for (size_t k = 0; k < word.size(); ++k) {
    uint32_t next = 0;
    if (k == 0) {
      next = root_next_[static_cast<unsigned char>(word[0])];
    } else {
      // A node's edges are sorted: few are scanned, many are halved.
      const Node& n = nodes_[node];
      const Edge* b = edges_.data() + n.edges_begin;
      const Edge* e = edges_.data() + n.edges_end;
      if (e - b > 8) {
        const Edge* it =
            std::lower_bound(b, e, word[k], [](const Edge& x, char c) { return x.c < c; });
        if (it != e && it->c == word[k]) next = it->node;
      } else {
        for (; b < e; ++b)
          if (b->c == word[k]) {
            next = b->node;
            break;
          }
      }
    }
    if (next == 0) return;
    node = next;
    int32_t lit = nodes_[node].literal;
    if (lit < 0) continue;
    bool exact = k + 1 == word.size();
    // A one-letter literal begins only a word whose second character is no letter or digit.
    if (k == 0 && !exact && std::isalnum(static_cast<unsigned char>(word[1]))) continue;
    out->push_back({static_cast<uint32_t>(lit), exact});
  }
}

const CodeBlock* Dictionaries::CodesOn(uint32_t code_set, int date) const {
  for (const CodeBlock& b : code_sets_[code_set]) {
    switch (b.when) {
      case CodeBlock::When::kAlways:
        return &b;
      case CodeBlock::When::kBefore:
        if (date < b.to) return &b;
        break;
      case CodeBlock::When::kAfter:
        if (date > b.from) return &b;
        break;
      case CodeBlock::When::kBetween:
        if (date >= b.from && date <= b.to) return &b;
        break;
    }
  }
  return nullptr;
}

}  // namespace dyad::tabari
