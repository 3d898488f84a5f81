// Readers of TABARI's dictionary files and the compiled word trie (docs/tabari.md).
#include "dyad/tabari_dictionaries.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include "dyad/petrarch.h"
#include "dyad/utf8.h"

namespace dyad::tabari {

namespace {

constexpr size_t kMaxDictionaryBytes = 64u << 20;

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// A YYMMDD date as YYYYMMDD: years 00-30 are 2000-2030 (TABARI's rule).
bool ParseYymmdd(std::string_view s, int* out) {
  if (s.size() != 6) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  int yy = v / 10000, mm = v / 100 % 100, dd = v % 100;
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return false;
  *out = (yy <= 30 ? 2000 + yy : 1900 + yy) * 10000 + mm * 100 + dd;
  return true;
}

// One dictionary line: its number, its text without the comment, and whether it opened with a
// blank (an actor's code line).
struct Line {
  int number = 0;
  std::string text;
  bool indented = false;
};

// The lines that carry content: '#' and '/' lines are comments, ';' starts a comment, and
// "~~FINISH" ends the file. Hyphens in phrases are underscores (TABARI turns a text's hyphens
// into blanks, so "BARAD-DUR" is "BARAD_DUR" and must be adjacent words); a code's hyphens stay.
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
    if (t.compare(0, 8, "~~FINISH") == 0) break;
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

}  // namespace

// The state of one load: the build-time trie, the entries, and the problems found.
class Reader {
 public:
  Reader(Dictionaries* d, std::vector<std::string>* problems) : d_(d), problems_(problems) {
    d_->nodes_.clear();
    build_.emplace_back();
  }

  void Problem(const std::string& file, int line, const std::string& what) {
    if (problems_ != nullptr) problems_->push_back(file + ":" + std::to_string(line) + ": " + what);
  }

  uint32_t Intern(std::string_view text, WordMode mode) {
    auto key = std::make_pair(std::string(text), mode);
    if (auto it = ids_.find(key); it != ids_.end()) return it->second;
    uint32_t id = static_cast<uint32_t>(d_->entry_text_.size());
    ids_.emplace(std::move(key), id);
    d_->entry_text_.emplace_back(text);
    d_->entry_flags_.push_back(0);
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
    build_[node].entries.push_back({id, mode});
    return id;
  }

  // The words of a phrase, upper case, each with what follows it: ' ' (other words may come
  // between), '_' (adjacent; the word whole), '~' (adjacent; the word a stem) or '=' (whole,
  // no endings). A hyphen is '_'.
  static std::vector<std::pair<std::string, char>> Words(std::string_view s) {
    std::vector<std::pair<std::string, char>> out;
    std::string cur;
    auto flush = [&](char join) {
      if (!cur.empty()) {
        out.emplace_back(Upper(cur), join);
        cur.clear();
      } else if (!out.empty() && join != ' ' && out.back().second == ' ') {
        out.back().second = join;
      }
    };
    for (char c : s) {
      if (IsBlank(c)) {
        flush(' ');
      } else if (c == '_' || c == '-' || c == '~' || c == '=') {
        flush(c == '-' ? '_' : c);
      } else {
        cur += c;
      }
    }
    flush(' ');
    return out;
  }

  // "X_" at a phrase's end: whole, with endings; "X_Y": X whole; "X~ Y" and bare X: a stem;
  // "X=": whole, no endings.
  static WordMode ModeOf(char join, bool last) {
    if (join == '_') return last ? WordMode::kEnding : WordMode::kWhole;
    if (join == '=') return WordMode::kWhole;
    return WordMode::kStem;
  }

  bool ParsePhrase(std::string_view s, Phrase* out, std::string* why) {
    std::vector<std::pair<std::string, char>> words = Words(s);
    if (words.empty()) {
      *why = "empty phrase";
      return false;
    }
    out->words.clear();
    out->next_adjacent.clear();
    for (size_t i = 0; i < words.size(); ++i) {
      bool last = i + 1 == words.size();
      out->words.push_back(Intern(words[i].first, ModeOf(words[i].second, last)));
      if (!last) out->next_adjacent.push_back(words[i].second == '_' || words[i].second == '~');
    }
    return true;
  }

  // Sorted, flattened trie.
  void Finish() {
    d_->nodes_.assign(build_.size(), {});
    d_->edges_.clear();
    d_->node_entries_.clear();
    for (size_t n = 0; n < build_.size(); ++n) {
      Dictionaries::Node& node = d_->nodes_[n];
      node.edges_begin = static_cast<uint32_t>(d_->edges_.size());
      for (const auto& [c, child] : build_[n].children) d_->edges_.push_back({c, child});
      node.edges_end = static_cast<uint32_t>(d_->edges_.size());
      node.entries_begin = static_cast<uint32_t>(d_->node_entries_.size());
      for (const auto& e : build_[n].entries) d_->node_entries_.push_back(e);
      node.entries_end = static_cast<uint32_t>(d_->node_entries_.size());
    }
  }

  void SetFlag(uint32_t id, uint8_t f) { d_->entry_flags_[id] |= f; }
  std::vector<Actor>& actors() { return d_->actors_; }
  std::vector<std::vector<DatedCode>>& actor_codes() { return d_->actor_codes_; }
  std::vector<Agent>& agents() { return d_->agents_; }
  std::vector<VerbRoot>& roots() { return d_->roots_; }
  std::vector<Pattern>& patterns() { return d_->patterns_; }
  std::vector<std::vector<Phrase>>& choices() { return d_->choices_; }
  const std::string& entry_text(uint32_t id) const { return d_->entry_text_[id]; }

  Dictionaries* d_;
  std::vector<std::string>* problems_;

 private:
  struct BuildNode {
    std::map<char, uint32_t> children;
    std::vector<Dictionaries::NodeEntry> entries;
  };
  std::vector<BuildNode> build_;
  std::map<std::pair<std::string, WordMode>, uint32_t> ids_;
};

namespace {

// "ARN", "USAGOV 991201-010114", "HOB < 950601", "HOBREB > 990816", "ELR/GAL", "--- <950630".
bool ParseActorCode(std::string_view block, DatedCode* out, std::string* why) {
  std::string_view t = utf8::TrimAscii(block);
  size_t i = 0;
  while (i < t.size() && !IsBlank(t[i]) && t[i] != '<' && t[i] != '>') ++i;
  out->code = Upper(t.substr(0, i));
  std::string rest;
  for (char c : t.substr(i))
    if (!IsBlank(c)) rest += c;
  bool valid =
      !out->code.empty() && (out->code == "---" || out->code == "###" || out->code == "+++" ||
                             std::all_of(out->code.begin(), out->code.end(), [](char c) {
                               return std::isalnum(static_cast<unsigned char>(c)) || c == '/';
                             }));
  if (!valid) {
    *why = "no code in [" + std::string(block) + "]";
    return false;
  }
  if (rest.empty()) return true;
  out->restricted = true;
  if (rest[0] == '<' || rest[0] == '>') {
    int d = 0;
    if (!ParseYymmdd(rest.substr(1), &d)) {
      *why = "date '" + rest.substr(1) + "' is not YYMMDD";
      return false;
    }
    (rest[0] == '<' ? out->to : out->from) = d;
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos || !ParseYymmdd(rest.substr(0, dash), &out->from) ||
      !ParseYymmdd(rest.substr(dash + 1), &out->to)) {
    *why = "date restriction '" + rest + "' is not <YYMMDD, >YYMMDD or YYMMDD-YYMMDD";
    return false;
  }
  return true;
}

// "064", "032:033", "031!", "023?", "---", "###", "+++".
bool ParseVerbCode(std::string_view block, VerbCode* out, std::string* why) {
  std::string s;
  for (char c : block)
    if (!IsBlank(c)) s += c;
  if (s.empty()) {
    *why = "no code in []";
    return false;
  }
  if (s == "---" || s == "###" || s == "+++") {
    out->code = s;
    return true;
  }
  if (s.back() == '?') out->subordinate = true, s.pop_back();
  if (!s.empty() && s.back() == '!') out->dominant = true, s.pop_back();
  size_t colon = s.find(':');
  out->code = Upper(s.substr(0, colon));
  if (colon != std::string::npos) out->paired = Upper(s.substr(colon + 1));
  auto valid = [](const std::string& c) {
    return !c.empty() && std::all_of(c.begin(), c.end(), [](char ch) {
      return std::isalnum(static_cast<unsigned char>(ch)) != 0;
    });
  };
  if (!valid(out->code) || (colon != std::string::npos && !valid(out->paired))) {
    *why = "code [" + std::string(block) + "] is not letters and digits (or a:b, a?, a!)";
    return false;
  }
  return true;
}

int Letters(std::string_view s) {
  int n = 0;
  for (char c : s) n += std::isalnum(static_cast<unsigned char>(c)) != 0;
  return n;
}

}  // namespace

// The .verbs reader: synsets, roots, their irregular forms and patterns.
class VerbReader {
 public:
  VerbReader(Reader* r, const std::string& file) : r_(r), file_(file) {}

  void Read(const std::string& text) {
    std::vector<Line> lines = ContentLines(text);
    enum class Section { kMain, kSynsets, kTime } section = Section::kMain;
    std::string synset;  // the synset being read
    int root = -1;       // the root the patterns belong to
    std::vector<Pattern> pending;
    std::vector<int> pending_roots;  // roots sharing `pending`: the root and its forms
    auto close_root = [&] {
      if (pending_roots.empty()) return;
      std::stable_sort(pending.begin(), pending.end(),
                       [](const Pattern& a, const Pattern& b) { return a.length > b.length; });
      auto& pats = r_->patterns();
      uint32_t b = static_cast<uint32_t>(pats.size());
      for (Pattern& p : pending) pats.push_back(std::move(p));
      uint32_t e = static_cast<uint32_t>(pats.size());
      for (int i : pending_roots) {
        r_->roots()[i].patterns_begin = b;
        r_->roots()[i].patterns_end = e;
      }
      pending.clear();
      pending_roots.clear();
    };
    for (const Line& line : lines) {
      const std::string& t = line.text;
      std::string up = Upper(t);
      if (up == "<SYNSETS>") {
        section = Section::kSynsets;
        continue;
      }
      if (up == "</SYNSETS>") {
        section = Section::kMain;
        continue;
      }
      if (up == "<TIME>") {
        section = Section::kTime;
        continue;
      }
      if (up == "</TIME>") {
        section = Section::kMain;
        continue;
      }
      if (section == Section::kTime) continue;  // time shifting: not used (docs/tabari.md)
      if (section == Section::kSynsets) {
        if (t[0] == '&') {
          synset = Upper(std::string(utf8::TrimAscii(t)));
          if (synsets_.count(synset)) Problem(line.number, "synset " + synset + " declared twice");
          synsets_[synset];
        } else if (t[0] == '+' && !synset.empty()) {
          std::vector<Phrase> alts;
          std::string why;
          if (!ChoicePhrases(t.substr(1), &alts, &why))
            Problem(line.number, why);
          else
            for (Phrase& p : alts) synsets_[synset].push_back(std::move(p));
        } else {
          Problem(line.number, "expected &SYNSET or +member in <SYNSETS>");
        }
        continue;
      }
      if (t[0] == '{') {  // the irregular forms of the root above
        if (root < 0) {
          Problem(line.number, "verb forms before any verb");
          continue;
        }
        std::string inner(t.substr(1));
        if (size_t close = inner.find('}'); close != std::string::npos) inner.resize(close);
        std::istringstream forms(inner);
        std::string form;
        while (forms >> form) {
          VerbRoot v = r_->roots()[root];
          std::string why;
          if (!r_->ParsePhrase(form, &v.phrase, &why)) continue;
          v.line = line.number;
          pending_roots.push_back(static_cast<int>(r_->roots().size()));
          r_->roots().push_back(std::move(v));
        }
        continue;
      }
      if (t[0] == '-' && t.size() > 1 && IsBlank(t[1])) {
        if (root < 0) {
          Problem(line.number, "pattern before any verb");
          continue;
        }
        Pattern p;
        std::string why;
        if (!ParsePattern(t.substr(2), &p, &why)) {
          Problem(line.number, why);
          continue;
        }
        p.line = line.number;
        pending.push_back(std::move(p));
        continue;
      }
      // A root: "VERB [code]", "BRUSH ASIDE REPORTS [142]".
      close_root();
      std::string phrase;
      std::vector<std::string> codes;
      SplitCodes(t, &phrase, &codes);
      VerbRoot v;
      std::string why;
      if (codes.empty() || codes[0][0] == '\x01') {
        Problem(line.number, codes.empty() ? "verb without [code]" : "missing ']'");
        root = -1;
        continue;
      }
      if (!r_->ParsePhrase(phrase, &v.phrase, &why) || !ParseVerbCode(codes[0], &v.code, &why)) {
        Problem(line.number, why);
        root = -1;
        continue;
      }
      v.line = line.number;
      root = static_cast<int>(r_->roots().size());
      pending_roots.push_back(root);
      r_->roots().push_back(std::move(v));
    }
    close_root();
  }

 private:
  void Problem(int line, const std::string& what) { r_->Problem(file_, line, what); }

  // A choice's alternatives ("GOLDEN_GOBLIN_GALLEONS", "MEMOS_ON_&TIETYPES"): phrases of words,
  // a synset in one expanding in place into each of its members.
  bool ChoicePhrases(std::string_view s, std::vector<Phrase>* out, std::string* why) {
    std::vector<std::pair<std::string, char>> words = Reader::Words(s);
    std::vector<Phrase> result(1);
    char join_before = ' ';
    for (size_t k = 0; k < words.size(); ++k) {
      const auto& [w, join] = words[k];
      bool last = k + 1 == words.size();
      std::vector<Phrase> next;
      if (w == "$" || w == "+" || w == "%" || w == "^" || w == "*") {
        continue;  // actors inside a choice: not supported (docs/tabari.md)
      } else if (w[0] == '&') {
        auto it = synsets_.find(w);
        if (it == synsets_.end()) {
          *why = "synset " + w + " is not declared before its use";
          return false;
        }
        for (const Phrase& base : result)
          for (const Phrase& m : it->second) {
            Phrase p = base;
            if (!p.words.empty())
              p.next_adjacent.push_back(join_before == '_' || join_before == '~');
            p.words.insert(p.words.end(), m.words.begin(), m.words.end());
            p.next_adjacent.insert(p.next_adjacent.end(), m.next_adjacent.begin(),
                                   m.next_adjacent.end());
            next.push_back(std::move(p));
          }
      } else {
        uint32_t id = r_->Intern(w, Reader::ModeOf(join, last));
        for (Phrase p : result) {
          if (!p.words.empty()) p.next_adjacent.push_back(join_before == '_' || join_before == '~');
          p.words.push_back(id);
          next.push_back(std::move(p));
        }
      }
      result = std::move(next);
      join_before = join;
    }
    for (Phrase& p : result)
      if (!p.words.empty()) out->push_back(std::move(p));
    if (out->empty()) *why = "empty alternative";
    return !out->empty();
  }

  // Blank-separated tokens; '{', '|', '}' are tokens of their own.
  static std::vector<std::string> Tokens(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
      if (IsBlank(c)) {
        if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) out.push_back(std::move(cur));
    return out;
  }

  // "SUGGESTED_+ * DEMAND_{ GENEVA_ | INTERNATIONAL }_CONVENTIONS [111]".
  bool ParsePattern(std::string_view s, Pattern* p, std::string* why) {
    std::string body;
    std::vector<std::string> codes;
    SplitCodes(s, &body, &codes);
    if (codes.empty() || codes[0][0] == '\x01') {
      *why = codes.empty() ? "pattern without [code]" : "missing ']'";
      return false;
    }
    if (!ParseVerbCode(codes[0], &p->code, why)) return false;
    // Items in text order: each with what joins it to the item after it.
    struct Item {
      PatternElem elem;
      bool verb = false;
      bool join_next = false;
    };
    std::vector<Item> items;
    size_t i = 0;
    int length = 0;
    bool seen_verb = false;
    while (i < body.size()) {
      char c = body[i];
      if (IsBlank(c)) {
        ++i;
        continue;
      }
      if (c == '_' || c == '~') {
        if (!items.empty()) items.back().join_next = true;
        ++i;
        continue;
      }
      if (c == '{') {
        size_t close = body.find('}', i);
        if (close == std::string::npos) {
          *why = "'{' without '}'";
          return false;
        }
        std::string inner = body.substr(i + 1, close - i - 1);
        std::vector<Phrase> alts;
        int longest = 0;
        size_t from = 0;
        while (from <= inner.size()) {
          size_t bar = inner.find('|', from);
          std::string alt =
              inner.substr(from, bar == std::string::npos ? std::string::npos : bar - from);
          longest = std::max(longest, Letters(alt));
          if (!ChoicePhrases(alt, &alts, why)) return false;
          if (bar == std::string::npos) break;
          from = bar + 1;
        }
        if (alts.empty()) {
          *why = "empty { }";
          return false;
        }
        length += longest;
        Item it;
        it.elem.kind = PatternElem::Kind::kChoice;
        it.elem.word = static_cast<uint32_t>(r_->choices().size());
        r_->choices().push_back(std::move(alts));
        items.push_back(it);
        i = close + 1;
        continue;
      }
      // A word or a token, up to a blank or a joiner.
      size_t j = i;
      while (j < body.size() && !IsBlank(body[j]) && body[j] != '_' && body[j] != '~' &&
             body[j] != '{')
        ++j;
      std::string w = body.substr(i, j - i);
      Item it;
      if (w == "*") {
        if (seen_verb) {
          // A second '*' (the CAMEO master file's "- * COMMIT * AID"): the verb is the first;
          // the second stands for any words, as a blank does.
          i = j;
          continue;
        }
        seen_verb = true;
        it.verb = true;
      } else if (w == "$" || w == "+" || w == "%" || w == "^") {
        it.elem.kind = w == "$"   ? PatternElem::Kind::kSource
                       : w == "+" ? PatternElem::Kind::kTarget
                       : w == "%" ? PatternElem::Kind::kCompound
                                  : PatternElem::Kind::kSkip;
      } else if (w[0] == '&') {
        auto sit = synsets_.find(Upper(w));
        if (sit == synsets_.end()) {
          *why = "synset " + w + " is not declared in <SYNSETS>";
          return false;
        }
        int longest = 0;
        for (const Phrase& m : sit->second) {
          int n = 0;
          for (uint32_t id : m.words) n += Letters(r_->entry_text(id));
          longest = std::max(longest, n);
        }
        length += longest;
        it.elem.kind = PatternElem::Kind::kChoice;
        it.elem.word = static_cast<uint32_t>(r_->choices().size());
        r_->choices().push_back(sit->second);
      } else {
        // "X_" before a blank is a whole word; "X=" whole without endings.
        bool whole =
            j < body.size() && body[j] == '_' && (j + 1 >= body.size() || IsBlank(body[j + 1]));
        bool eq = !w.empty() && w.back() == '=';
        if (eq) w.pop_back();
        length += Letters(w);
        WordMode mode = eq ? WordMode::kWhole : whole ? WordMode::kEnding : WordMode::kStem;
        // Joined to the next word by '_': whole ("DEMAND_{" is DEMAND, whole).
        if (!whole && j < body.size() && body[j] == '_') mode = WordMode::kWhole;
        it.elem.word = r_->Intern(Upper(w), mode);
      }
      items.push_back(it);
      i = j;
    }
    if (!seen_verb) {
      *why = "pattern without '*'";
      return false;
    }
    p->length = length;
    // Split at the verb; each element's `adjacent` says it is joined toward the verb.
    size_t v = 0;
    while (!items[v].verb) ++v;
    for (size_t k = 0; k < v; ++k) {
      PatternElem e = items[k].elem;
      e.adjacent = items[k].join_next;
      p->before.push_back(e);
    }
    for (size_t k = v + 1; k < items.size(); ++k) {
      PatternElem e = items[k].elem;
      e.adjacent = items[k - 1].join_next;
      p->after.push_back(e);
    }
    return true;
  }

  Reader* r_;
  std::string file_;
  std::map<std::string, std::vector<Phrase>> synsets_;
};

namespace {

// The .actors reader: <NOUN> and <ADJECTIVE> lists, actors with synonyms ('+') and code lines
// (indented "[CODE dates]").
void ReadActors(Reader* r, const std::string& file, const std::string& text) {
  enum class Section { kMain, kNoun, kAdjective } section = Section::kMain;
  std::vector<Phrase> phrases;
  std::vector<DatedCode> codes;
  int first_line = 0;
  auto close = [&] {
    if (phrases.empty()) return;
    if (codes.empty()) {
      r->Problem(file, first_line, "actor without [code]");
    } else {
      uint32_t c = static_cast<uint32_t>(r->actor_codes().size());
      r->actor_codes().push_back(std::move(codes));
      for (Phrase& p : phrases) r->actors().push_back({std::move(p), c, first_line});
    }
    phrases.clear();
    codes.clear();
  };
  auto add_codes = [&](const std::vector<std::string>& blocks, int line) {
    for (const std::string& b : blocks) {
      if (b[0] == '\x01') {
        r->Problem(file, line, "missing ']'");
        continue;
      }
      DatedCode dc;
      std::string why;
      if (!ParseActorCode(b, &dc, &why)) {
        r->Problem(file, line, why);
        continue;
      }
      codes.push_back(std::move(dc));
    }
  };
  for (const Line& line : ContentLines(text)) {
    std::string up = Upper(line.text);
    if (up == "<NOUN>") {
      close();
      section = Section::kNoun;
      continue;
    }
    if (up == "<ADJECTIVE>") {
      close();
      section = Section::kAdjective;
      continue;
    }
    if (up == "</NOUN>" || up == "</ADJECTIVE>") {
      section = Section::kMain;
      continue;
    }
    if (up[0] == '<') continue;  // other sections (<ATTRIB>, <ISSUES>): not used
    std::string why;
    if (section != Section::kMain) {
      Phrase p;
      if (!r->ParsePhrase(line.text, &p, &why)) {
        r->Problem(file, line.number, why);
        continue;
      }
      // A one-word noun or adjective marks the word; of a longer one, its last word.
      r->SetFlag(p.words.back(), section == Section::kNoun ? 1 : 2);
      continue;
    }
    std::string_view t = utf8::TrimAscii(line.text);
    if (t[0] == '+' && !phrases.empty()) {
      std::string phrase;
      std::vector<std::string> blocks;
      SplitCodes(t.substr(1), &phrase, &blocks);
      Phrase p;
      if (!r->ParsePhrase(phrase, &p, &why)) {
        r->Problem(file, line.number, why);
        continue;
      }
      phrases.push_back(std::move(p));
      add_codes(blocks, line.number);
      continue;
    }
    if (t[0] == '[') {
      if (phrases.empty()) {
        r->Problem(file, line.number, "code line without an actor above it");
        continue;
      }
      std::string none;
      std::vector<std::string> blocks;
      SplitCodes(t, &none, &blocks);
      add_codes(blocks, line.number);
      continue;
    }
    close();
    std::string phrase;
    std::vector<std::string> blocks;
    SplitCodes(t, &phrase, &blocks);
    Phrase p;
    if (!r->ParsePhrase(phrase, &p, &why)) {
      r->Problem(file, line.number, why);
      continue;
    }
    first_line = line.number;
    phrases.push_back(std::move(p));
    add_codes(blocks, line.number);
  }
  close();
}

void ReadAgents(Reader* r, const std::string& file, const std::string& text) {
  for (const Line& line : ContentLines(text)) {
    if (line.text[0] == '<') continue;
    std::string phrase;
    std::vector<std::string> blocks;
    SplitCodes(line.text, &phrase, &blocks);
    Agent a;
    std::string why;
    if (blocks.empty() || blocks[0][0] == '\x01') {
      r->Problem(file, line.number, blocks.empty() ? "agent without [code]" : "missing ']'");
      continue;
    }
    std::string code = Upper(std::string(utf8::TrimAscii(blocks[0])));
    if (code.find('~') == std::string::npos) {
      r->Problem(file, line.number, "agent code [" + code + "] has no '~' (~GOV or NGO~)");
      continue;
    }
    if (!r->ParsePhrase(phrase, &a.phrase, &why)) {
      r->Problem(file, line.number, why);
      continue;
    }
    a.prefix = code.back() == '~';
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    a.code = code;
    r->agents().push_back(std::move(a));
  }
}

// "[5]" after an option word: its number.
int Bracketed(const std::string& s, const std::string& word) {
  size_t at = s.find(word + "[");
  if (at == std::string::npos) return 0;
  return std::atoi(s.c_str() + at + word.size() + 1);
}

int Assigned(const std::string& s, const std::string& word, int fallback) {
  size_t at = 0;
  while ((at = s.find(word, at)) != std::string::npos) {
    // The whole word: "MIN" is not the end of "EMIN" or "BMIN".
    if (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1]))) {
      at += word.size();
      continue;
    }
    size_t eq = at + word.size();
    while (eq < s.size() && IsBlank(s[eq])) ++eq;
    if (eq < s.size() && s[eq] == '=') return std::atoi(s.c_str() + eq + 1);
    at += word.size();
  }
  return fallback;
}

void ReadOptions(Options* o, const std::string& text) {
  for (const Line& line : ContentLines(text)) {
    std::string up = Upper(line.text);
    size_t colon = up.find(':');
    if (colon == std::string::npos) continue;
    std::string cmd = up.substr(0, std::min<size_t>(4, colon)), rest = up.substr(colon + 1);
    if (cmd == "COMP") {
      o->complex_verbs = Bracketed(rest, "VERBS");
      o->complex_actors = Bracketed(rest, "ACTORS");
      o->complex_pronouns = Bracketed(rest, "PRONOUNS");
      o->complex_conj = Bracketed(rest, "CONJ");
      o->complex_comma = Bracketed(rest, "COMMA");
      o->complex_lateverb = Bracketed(rest, "LATEVERB");
      o->complex_noactprior = rest.find("NOACTPRIOR") != std::string::npos;
      o->complex_noactafter = rest.find("NOACTAFTER") != std::string::npos;
      o->complex_noverb = rest.find("NOVERB") != std::string::npos;
      o->complex_nosource = rest.find("NOSOURCE") != std::string::npos;
      o->complex_notarget = rest.find("NOTARGET") != std::string::npos;
      o->complex_noevent = rest.find("NOEVENT") != std::string::npos;
    } else if (cmd == "COMM") {
      if (rest.find("OFF") != std::string::npos) {
        o->comma_max = o->comma_bmax = o->comma_emax = 0;
      } else {
        o->comma_min = Assigned(rest, "MIN", o->comma_min);
        o->comma_max = Assigned(rest, "MAX", o->comma_max);
        o->comma_bmin = Assigned(rest, "BMIN", o->comma_bmin);
        o->comma_bmax = Assigned(rest, "BMAX", o->comma_bmax);
        o->comma_emin = Assigned(rest, "EMIN", o->comma_emin);
        o->comma_emax = Assigned(rest, "EMAX", o->comma_emax);
      }
    } else if (cmd == "SET" || cmd == "SET:") {
      if (rest.find("CODE BY") != std::string::npos || rest.find("CODE_BY") != std::string::npos) {
        if (rest.find("SENT") != std::string::npos)
          o->code_by = Options::CodeBy::kSentence;
        else if (rest.find("ALL") != std::string::npos)
          o->code_by = Options::CodeBy::kAll;
        else
          o->code_by = Options::CodeBy::kClause;
      }
    } else if (cmd == "DEFA") {
      if (rest.find("OFF") != std::string::npos) {
        o->default_source.clear();
        o->default_target.clear();
        continue;
      }
      auto code_after = [&](const char* word, std::string* code, bool* flag, const char* fw) {
        size_t at = rest.find(word);
        if (at == std::string::npos) return;
        size_t open = rest.find('[', at), close = rest.find(']', open);
        if (open == std::string::npos || close == std::string::npos) return;
        *code = std::string(utf8::TrimAscii(rest.substr(open + 1, close - open - 1)));
        size_t next = rest.find_first_of("ST", close + 1);
        *flag =
            rest.substr(close + 1, next == std::string::npos ? std::string::npos : next - close - 1)
                .find(fw) != std::string::npos;
      };
      code_after("SOURCE", &o->default_source, &o->default_source_prior, "PRIOR");
      code_after("TARGET", &o->default_target, &o->default_target_after, "AFTER");
    }
  }
}

bool Longer(const Phrase& a, const Phrase& b, const Dictionaries& d) {
  if (a.words.size() != b.words.size()) return a.words.size() > b.words.size();
  size_t la = 0, lb = 0;
  for (uint32_t w : a.words) la += d.entry_text(w).size();
  for (uint32_t w : b.words) lb += d.entry_text(w).size();
  return la > lb;
}

template <typename T>
void Index(const std::vector<T>& items, const Dictionaries& d,
           std::unordered_map<uint32_t, std::vector<uint32_t>>* index) {
  for (uint32_t i = 0; i < items.size(); ++i) (*index)[items[i].phrase.words[0]].push_back(i);
  for (auto& [word, list] : *index)
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return Longer(items[a].phrase, items[b].phrase, d);
    });
}

}  // namespace

Result<Dictionaries> Dictionaries::LoadSources(const std::vector<Source>& actors,
                                               const std::vector<Source>& agents,
                                               const std::vector<Source>& verbs,
                                               const Source* options,
                                               std::vector<std::string>* problems) {
  Dictionaries d;
  Reader r(&d, problems);
  for (const Source& s : actors) ReadActors(&r, s.name, s.text);
  for (const Source& s : agents) ReadAgents(&r, s.name, s.text);
  for (const Source& s : verbs) {
    VerbReader v(&r, s.name);
    v.Read(s.text);
  }
  if (options != nullptr) ReadOptions(&d.options_, options->text);
  r.Finish();
  Index(d.actors_, d, &d.actor_index_);
  Index(d.agents_, d, &d.agent_index_);
  Index(d.roots_, d, &d.root_index_);
  return d;
}

namespace {

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
  if (!opts.empty()) {
    Result<Source> s = Read(opts[0]);
    if (!s.ok()) return s.status();
    options = std::move(s).value();
  }
  return LoadSources(actor_src, agent_src, verb_src, options ? &*options : nullptr, problems);
}

void Dictionaries::MatchWord(std::string_view text, std::vector<uint32_t>* out) const {
  if (nodes_.empty()) return;
  uint32_t node = 0;
  for (size_t k = 0; k < text.size(); ++k) {
    const Node& n = nodes_[node];
    // Children are few and sorted: a linear scan beats a binary search here.
    uint32_t next = 0;
    for (uint32_t e = n.edges_begin; e < n.edges_end; ++e)
      if (edges_[e].c == text[k]) {
        next = edges_[e].node;
        break;
      }
    if (next == 0) return;
    node = next;
    const Node& m = nodes_[node];
    if (m.entries_begin == m.entries_end) continue;
    std::string_view rest = text.substr(k + 1);
    for (uint32_t e = m.entries_begin; e < m.entries_end; ++e) {
      const NodeEntry& ne = node_entries_[e];
      bool match = ne.mode == WordMode::kStem || rest.empty() ||
                   (ne.mode == WordMode::kEnding &&
                    (rest == "S" || rest == "'S" || rest == "ED" || rest == "ES" || rest == "EN" ||
                     rest == "ING" || rest == "D"));
      if (match) out->push_back(ne.id);
    }
  }
}

const std::vector<uint32_t>* Dictionaries::ActorsOpening(uint32_t entry) const {
  auto it = actor_index_.find(entry);
  return it == actor_index_.end() ? nullptr : &it->second;
}
const std::vector<uint32_t>* Dictionaries::AgentsOpening(uint32_t entry) const {
  auto it = agent_index_.find(entry);
  return it == agent_index_.end() ? nullptr : &it->second;
}
const std::vector<uint32_t>* Dictionaries::RootsOpening(uint32_t entry) const {
  auto it = root_index_.find(entry);
  return it == root_index_.end() ? nullptr : &it->second;
}

const std::string& Dictionaries::ActorCode(uint32_t actor, int yyyymmdd) const {
  static const std::string kNull = "---";
  const std::vector<DatedCode>& codes = actor_codes_[actors_[actor].codes];
  for (const DatedCode& c : codes)
    if (c.restricted && (c.from == 0 || yyyymmdd >= c.from) && (c.to == 0 || yyyymmdd <= c.to))
      return c.code;
  for (const DatedCode& c : codes)
    if (!c.restricted) return c.code;
  return kNull;
}

}  // namespace dyad::tabari
