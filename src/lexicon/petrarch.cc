// Readers of the PETRARCH/TABARI dictionary formats (see docs/petrarch.md).
#include "dyad/petrarch.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/utf8.h"

namespace dyad::petrarch {

namespace {

struct Line {
  int number;
  std::string text;  // comments removed; a leading TAB kept (actor code lines)
};

// The lines of a dictionary file that carry content: XML comments (<!-- … -->, over several
// lines too), lines opening with '<' or '#', and '#' comments are removed ('#' inside [...] is a
// code, as in [###]); "---STOP---" ends the file.
std::vector<Line> ContentLines(const std::string& text, bool semicolon_comments) {
  std::istringstream in(text);
  std::vector<Line> out;
  std::string raw;
  int number = 0;
  bool in_comment = false;
  while (std::getline(in, raw)) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    if (number == 1 && raw.compare(0, 3, "\xEF\xBB\xBF") == 0) raw.erase(0, 3);
    std::string s;
    for (size_t i = 0; i < raw.size();) {
      if (in_comment) {
        size_t end = raw.find("-->", i);
        if (end == std::string::npos) {
          i = raw.size();
        } else {
          in_comment = false;
          i = end + 3;
        }
        continue;
      }
      if (raw.compare(i, 4, "<!--") == 0) {
        in_comment = true;
        i += 4;
        continue;
      }
      s += raw[i++];
    }
    if (s.find("---STOP---") != std::string::npos) break;
    std::string_view t = utf8::TrimAscii(s);
    if (t.empty() || t.front() == '#' || t.front() == '<') continue;
    // '#' starts a comment outside brackets; ';' too on actor and agent lines.
    int depth = 0;
    size_t cut = s.size();
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '[') ++depth;
      if (s[i] == ']' && depth > 0) --depth;
      if (depth == 0 && (s[i] == '#' || (semicolon_comments && s[i] == ';'))) {
        cut = i;
        break;
      }
    }
    s.resize(cut);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    if (utf8::TrimAscii(s).empty()) continue;
    out.push_back({number, std::move(s)});
  }
  return out;
}

// "PRIME_MINISTER", "CARAS GALADHON", "RADAGAST THE_BROWN": words and connectors. A trailing
// '_' (TABARI's "not a stem") means nothing here.
Phrase ParsePhrase(std::string_view s) {
  Phrase p;
  std::string word;
  bool adjacent = false;
  auto flush = [&] {
    if (word.empty()) return;
    if (!p.words.empty()) p.adjacent.push_back(adjacent);
    p.words.push_back(utf8::AsciiUpper(word));
    word.clear();
    adjacent = false;
  };
  for (char c : s) {
    if (c == '_' || c == ' ' || c == '\t') {
      bool had = !word.empty();
      flush();
      if (c == '_' && (had || !p.words.empty())) adjacent = true;
      continue;
    }
    word += c;
  }
  flush();
  return p;
}

// YYMMDD (YY ≤ 30 → 20YY) or YYYYMMDD.
bool ParseDate(std::string_view s, int* out) {
  std::string digits;
  for (char c : s)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  if (digits.size() == 6) {
    int yy = std::atoi(digits.substr(0, 2).c_str());
    digits = std::to_string(yy <= 30 ? 2000 + yy : 1900 + yy) + digits.substr(2);
  }
  if (digits.size() != 8) return false;
  int v = std::atoi(digits.c_str());
  int m = v / 100 % 100, d = v % 100;
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  *out = v;
  return true;
}

std::string Where(const std::string& path, int line) {
  return path + ":" + std::to_string(line) + ": ";
}

}  // namespace

std::string Plural(const std::string& w) {
  if (!w.empty() && w.back() == 'Y') return w.substr(0, w.size() - 1) + "IES";
  if (!w.empty() && w.back() == 'S') return w + "ES";
  return w + "S";
}

std::string ActorRecord::CodeOn(int date) const {
  for (const DatedCode& c : codes)
    if (c.dated && (c.from == 0 || c.from <= date) && (c.to == 0 || date <= c.to)) return c.code;
  for (const DatedCode& c : codes)
    if (!c.dated) return c.code;
  return "---";
}

class Reader {
 public:
  Reader(Dictionaries* d, std::vector<std::string>* problems) : d_(d), problems_(problems) {}

  Status Actors(const Source& src) {
    const std::string& path = src.name;
    std::vector<Line> lines = ContentLines(src.text, true);
    int record = -1;
    for (const Line& l : lines) {
      std::string_view t = l.text;
      bool code_line = t.front() == '\t' || (utf8::TrimAscii(t).front() == '[' && record >= 0);
      if (code_line) {
        if (record < 0) {
          Problem(path, l.number, "a code line before any actor");
          continue;
        }
        AddCode(path, l.number, utf8::TrimAscii(t), record);
        continue;
      }
      t = utf8::TrimAscii(t);
      bool synonym = t.front() == '+';
      if (synonym) t.remove_prefix(1);
      if (synonym && record < 0) {
        Problem(path, l.number, "a synonym before any actor");
        continue;
      }
      if (!synonym) {
        d_->actors_.push_back({{}, path, l.number});
        record = static_cast<int>(d_->actors_.size()) - 1;
      }
      size_t bracket = t.find('[');
      Phrase p = ParsePhrase(t.substr(0, bracket));
      if (p.words.empty()) {
        Problem(path, l.number, "no actor phrase");
        continue;
      }
      d_->actor_names_.push_back({std::move(p), record});
      if (bracket != std::string_view::npos) AddCode(path, l.number, t.substr(bracket), record);
    }
    return Status::Ok();
  }

  Status Agents(const Source& src) {
    const std::string& path = src.name;
    std::vector<Line> lines = ContentLines(src.text, true);
    std::unordered_map<std::string, std::vector<std::string>> sets;
    for (const Line& l : lines) {
      std::string_view t = utf8::TrimAscii(l.text);
      // "!PERSON! = MAN, MEN, WOMAN": a substitution set.
      if (t.front() == '!' && t.find('=') != std::string_view::npos) {
        size_t close = t.find('!', 1);
        if (close == std::string_view::npos) {
          Problem(path, l.number, "a substitution set needs !NAME!");
          continue;
        }
        std::string name(t.substr(0, close + 1));
        std::string_view items = t.substr(t.find('=') + 1);
        std::vector<std::string>& set = sets[name];
        size_t i = 0;
        while (i <= items.size()) {
          size_t comma = items.find(',', i);
          std::string_view item = utf8::TrimAscii(items.substr(
              i, comma == std::string_view::npos ? std::string_view::npos : comma - i));
          if (!item.empty()) set.push_back(utf8::AsciiUpper(item));
          if (comma == std::string_view::npos) break;
          i = comma + 1;
        }
        continue;
      }
      size_t open = t.find('['), close = t.rfind(']');
      if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
        Problem(path, l.number, "an agent needs a [CODE]");
        continue;
      }
      std::string code;
      for (char c : t.substr(open + 1, close - open - 1))
        if (c != ' ' && c != '\t') code += c;
      bool prefix = !code.empty() && code.back() == '~';
      bool suffix = !code.empty() && code.front() == '~';
      if (prefix == suffix) {
        Problem(path, l.number, "agent code '" + code + "' needs one '~': ~CODE or CODE~");
        continue;
      }
      code = prefix ? code.substr(0, code.size() - 1) : code.substr(1);
      std::string_view head = utf8::TrimAscii(t.substr(0, open));
      std::optional<std::string> plural;  // nullopt: the regular plural; "": none
      size_t brace = head.find('{');
      if (brace != std::string_view::npos) {
        size_t end = head.find('}', brace);
        plural = utf8::AsciiUpper(utf8::TrimAscii(head.substr(
            brace + 1, end == std::string_view::npos ? std::string_view::npos : end - brace - 1)));
        head = utf8::TrimAscii(head.substr(0, brace));
      }
      std::string phrase = utf8::AsciiUpper(head);
      std::vector<std::string> forms;
      size_t bang = phrase.find('!');
      if (bang != std::string::npos) {
        size_t bang2 = phrase.find('!', bang + 1);
        std::string name =
            phrase.substr(bang, bang2 == std::string::npos ? std::string::npos : bang2 - bang + 1);
        auto it = sets.find(name);
        if (bang2 == std::string::npos || it == sets.end()) {
          Problem(path, l.number, "unknown substitution set " + name);
          continue;
        }
        for (const std::string& item : it->second)
          forms.push_back(phrase.substr(0, bang) + item + phrase.substr(bang2 + 1));
      } else {
        forms.push_back(phrase);
        std::string bare = phrase;
        while (!bare.empty() && bare.back() == '_') bare.pop_back();
        if (!plural)
          forms.push_back(Plural(bare));
        else if (!plural->empty())
          forms.push_back(*plural);
      }
      for (const std::string& f : forms) {
        Phrase p = ParsePhrase(f);
        if (!p.words.empty()) d_->agents_.push_back({std::move(p), code, prefix});
      }
    }
    return Status::Ok();
  }

  Status Verbs(const Source& src) {
    const std::string& path = src.name;
    const std::vector<Line> lines = ContentLines(src.text, false);
    // Blocks of one file merge by verb; another file's blocks stay apart (tried after).
    const size_t first_block = d_->blocks_.size();
    int block = -1;
    std::string block_code = "---";
    bool new_block = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      std::string_view t = utf8::TrimAscii(lines[i].text);
      int number = lines[i].number;
      if (t.substr(0, 3) == "---") {  // --- NAME [code] ---
        size_t open = t.find('['), close = t.find(']');
        block_code = open != std::string_view::npos && close > open
                         ? std::string(utf8::TrimAscii(t.substr(open + 1, close - open - 1)))
                         : "---";
        new_block = true;
        continue;
      }
      if (t.front() == '&') {  // a synset: &NAME, then +member lines
        std::string name(t.substr(0, t.find_first_of(" \t")));
        bool no_plurals = name.back() == '_';
        while (!name.empty() && name.back() == '_') name.pop_back();
        std::vector<std::vector<std::string>>& members = d_->synsets_[utf8::AsciiUpper(name)];
        while (i + 1 < lines.size() && utf8::TrimAscii(lines[i + 1].text).front() == '+') {
          std::string_view m = utf8::TrimAscii(utf8::TrimAscii(lines[++i].text).substr(1));
          bool member_no_plural = no_plurals || (!m.empty() && m.back() == '_');
          Phrase p = ParsePhrase(m);
          if (p.words.empty()) continue;
          members.push_back(p.words);
          if (!member_no_plural && p.words.front().front() != '&') {
            std::vector<std::string> pl = p.words;
            pl.back() = Plural(pl.back());
            members.push_back(std::move(pl));
          }
        }
        continue;
      }
      if (t.front() == '-') {  // - UPPER * LOWER [code]
        if (block < 0) {
          Problem(path, number, "a pattern before any verb");
          continue;
        }
        if (t.find('|') != std::string_view::npos) continue;  // TABARI disjunctions: not read
        size_t open = t.rfind('['), close = t.rfind(']');
        if (open == std::string_view::npos || close < open) {
          Problem(path, number, "a pattern needs a [code]");
          continue;
        }
        std::string code(utf8::TrimAscii(t.substr(open + 1, close - open - 1)));
        // PETRARCH-2 groups words into noun phrases {A B} and prepositional phrases (P X);
        // without a parse they read as words in order, any distance apart.
        std::string body(utf8::TrimAscii(t.substr(1, open - 1)));
        for (char& ch : body)
          if (ch == '(' || ch == ')' || ch == '{' || ch == '}') ch = ' ';
        Pattern p;
        if (!ParsePattern(body, &p)) {
          Problem(path, number, "a pattern needs exactly one '*' for the verb");
          continue;
        }
        p.code = code;
        p.line = number;
        d_->blocks_[block].patterns.push_back(std::move(p));
        continue;
      }
      // A verb line: VERB {FORMS} [code]; "+WORD_WORD" or "WORD_+WORD" is a multi-word verb.
      std::string_view rest = t;
      std::string code = block_code;
      if (size_t open = rest.find('['); open != std::string_view::npos) {
        size_t close = rest.find(']', open);
        code = std::string(utf8::TrimAscii(rest.substr(open + 1, close == std::string_view::npos
                                                                     ? std::string_view::npos
                                                                     : close - open - 1)));
        rest = utf8::TrimAscii(rest.substr(0, open));
      }
      std::vector<std::string> listed;
      bool has_braces = false;
      if (size_t brace = rest.find('{'); brace != std::string_view::npos) {
        size_t end = rest.find('}', brace);
        std::string_view inner = rest.substr(
            brace + 1, end == std::string_view::npos ? std::string_view::npos : end - brace - 1);
        has_braces = true;
        size_t k = 0;
        while (k < inner.size()) {
          while (k < inner.size() && (inner[k] == ' ' || inner[k] == '\t')) ++k;
          size_t e = inner.find_first_of(" \t", k);
          if (e == std::string_view::npos) e = inner.size();
          // "{SPEEDING, SPED}": commas between forms are not forms.
          std::string form = utf8::AsciiUpper(inner.substr(k, e - k));
          while (!form.empty() && form.back() == ',') form.pop_back();
          if (!form.empty() && std::isalpha(static_cast<unsigned char>(form.back())))
            listed.push_back(form);
          k = e;
        }
        rest = utf8::TrimAscii(rest.substr(0, brace));
      }
      std::string verb = utf8::AsciiUpper(rest);
      if (verb.empty() || verb.find(' ') != std::string::npos) continue;  // "RULE OUT": not read
      while (!verb.empty() && verb.back() == '_') verb.pop_back();
      if (new_block || block < 0) {
        std::string key = verb;
        key.erase(std::remove(key.begin(), key.end(), '+'), key.end());
        // A block heading the same verb again (two SHOT blocks) continues it.
        auto it = std::find_if(d_->blocks_.begin() + static_cast<long>(first_block),
                               d_->blocks_.end(), [&](const VerbBlock& b) { return b.key == key; });
        if (it == d_->blocks_.end()) {
          d_->blocks_.push_back({key, code, {}});
          block = static_cast<int>(d_->blocks_.size()) - 1;
        } else {
          block = static_cast<int>(it - d_->blocks_.begin());
          it->code = code;  // the later default wins
        }
        new_block = false;
      }
      std::vector<std::string> forms{verb};
      if (has_braces) {
        forms.insert(forms.end(), listed.begin(), listed.end());
      } else {
        // Regular forms, made on the '+' word of a multi-word verb.
        size_t plus = verb.find('+');
        size_t b = plus == std::string::npos ? 0 : plus + 1;
        size_t e = verb.find('_', b);
        std::string root = verb.substr(b, e == std::string::npos ? std::string::npos : e - b);
        std::string pre = verb.substr(0, b), post = e == std::string::npos ? "" : verb.substr(e);
        if (!root.empty()) {
          char last = root.back();
          forms.push_back(pre + root + (last == 'S' || last == 'X' || last == 'Z' ? "ES" : "S") +
                          post);
          if (last == 'E') {
            forms.push_back(pre + root + "D" + post);
            forms.push_back(pre + root.substr(0, root.size() - 1) + "ING" + post);
          } else {
            forms.push_back(pre + root + "ED" + post);
            forms.push_back(pre + root + "ING" + post);
          }
        }
      }
      for (std::string f : forms) {
        while (!f.empty() && f.back() == '_') f.pop_back();
        std::vector<std::string> words;
        size_t head = 0;
        size_t k = 0;
        while (k <= f.size()) {
          size_t e = f.find_first_of("_ ", k);
          if (e == std::string::npos) e = f.size();
          std::string w = f.substr(k, e - k);
          if (!w.empty()) {
            if (w.front() == '+') {
              head = words.size();
              w.erase(0, 1);
            }
            words.push_back(w);
          }
          k = e + 1;
        }
        if (words.empty()) continue;
        VerbForm vf;
        vf.before.assign(words.begin(), words.begin() + static_cast<long>(head));
        vf.after.assign(words.begin() + static_cast<long>(head) + 1, words.end());
        vf.block = block;
        vf.code = code;
        d_->forms_[words[head]].push_back(std::move(vf));
      }
    }
    return Status::Ok();
  }

  Status Discards(const Source& src) {
    std::vector<Line> lines = ContentLines(src.text, true);
    for (const Line& l : lines) {
      std::string_view t = utf8::TrimAscii(l.text);
      Discard d;
      d.story = t.front() == '+';
      if (d.story) t.remove_prefix(1);
      d.words = ParsePhrase(t).words;
      if (!d.words.empty()) d_->discards_.push_back(std::move(d));
    }
    return Status::Ok();
  }

  void Finish() {
    auto longest = [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); };
    for (size_t i = 0; i < d_->actor_names_.size(); ++i)
      d_->actor_index_[d_->actor_names_[i].phrase.words.front()].push_back(static_cast<int>(i));
    for (auto& [w, v] : d_->actor_index_)
      std::stable_sort(v.begin(), v.end(), [&](int a, int b) {
        return longest(d_->actor_names_[a].phrase, d_->actor_names_[b].phrase);
      });
    for (size_t i = 0; i < d_->agents_.size(); ++i)
      d_->agent_index_[d_->agents_[i].phrase.words.front()].push_back(static_cast<int>(i));
    for (auto& [w, v] : d_->agent_index_)
      std::stable_sort(v.begin(), v.end(), [&](int a, int b) {
        return longest(d_->agents_[a].phrase, d_->agents_[b].phrase);
      });
    for (auto& [w, v] : d_->forms_)
      std::stable_sort(v.begin(), v.end(), [](const VerbForm& a, const VerbForm& b) {
        return a.before.size() + a.after.size() > b.before.size() + b.after.size();
      });
    for (VerbBlock& b : d_->blocks_)
      std::stable_sort(b.patterns.begin(), b.patterns.end(),
                       [](const Pattern& a, const Pattern& b) { return a.length > b.length; });
  }

 private:
  void Problem(const std::string& path, int line, const std::string& msg) {
    problems_->push_back(Where(path, line) + msg);
  }

  // "[CODE]", "[CODE >950601]", "[CODE <911226]", "[CODE 19950601 - 19990815]".
  void AddCode(const std::string& path, int line, std::string_view s, int record) {
    size_t open = s.find('['), close = s.find(']');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
      Problem(path, line, "an actor code needs [CODE]");
      return;
    }
    std::string_view inner = utf8::TrimAscii(s.substr(open + 1, close - open - 1));
    size_t sp = inner.find_first_of(" \t<>");
    DatedCode c;
    c.code = std::string(inner.substr(0, sp));
    std::string_view restriction =
        sp == std::string_view::npos ? "" : utf8::TrimAscii(inner.substr(sp));
    if (c.code.empty()) {
      Problem(path, line, "empty actor code");
      return;
    }
    if (!restriction.empty()) {
      c.dated = true;
      bool ok;
      if (restriction.front() == '<') {
        ok = ParseDate(restriction.substr(1), &c.to);
      } else if (restriction.front() == '>') {
        ok = ParseDate(restriction.substr(1), &c.from);
      } else {
        size_t dash = restriction.find('-');
        ok = dash != std::string_view::npos && ParseDate(restriction.substr(0, dash), &c.from) &&
             ParseDate(restriction.substr(dash + 1), &c.to) && c.from <= c.to;
      }
      if (!ok) {
        Problem(path, line,
                "date restriction '" + std::string(restriction) +
                    "' is not <DATE, >DATE or DATE-DATE (YYMMDD or YYYYMMDD)");
        return;
      }
    }
    d_->actors_[record].codes.push_back(std::move(c));
  }

  // "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS", "+ WAS_ * TO_ ^ FROM $", "RECENTLY_*".
  static bool ParsePattern(std::string_view body, Pattern* p) {
    size_t star = body.find('*');
    if (star == std::string_view::npos || body.find('*', star + 1) != std::string_view::npos)
      return false;
    // TABARI's "XXX_ " (underscore before a space) is an open connector.
    auto tokens = [](std::string_view s) {
      std::vector<std::pair<std::string, bool>> out;  // (element, joined to the next by '_')
      std::string cur;
      for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '_' || c == ' ' || c == '\t') {
          if (!cur.empty()) {
            bool joined = c == '_' && i + 1 < s.size() && s[i + 1] != ' ' && s[i + 1] != '\t';
            out.push_back({utf8::AsciiUpper(cur), joined});
            cur.clear();
          } else if (c == '_' && !out.empty() && i + 1 < s.size() && s[i + 1] != ' ') {
            out.back().second = true;
          }
          continue;
        }
        cur += c;
      }
      if (!cur.empty()) out.push_back({utf8::AsciiUpper(cur), false});
      return out;
    };
    auto elem = [](const std::string& w, bool adjacent) {
      PatternElem e;
      e.adjacent = adjacent;
      e.text = w;
      if (w == "$")
        e.kind = PatternElem::Kind::kSource;
      else if (w == "+")
        e.kind = PatternElem::Kind::kTarget;
      else if (w == "%")
        e.kind = PatternElem::Kind::kCompound;
      else if (w == "^")
        e.kind = PatternElem::Kind::kSkip;
      else if (w.front() == '&')
        e.kind = PatternElem::Kind::kSynset;
      return e;
    };
    std::string_view up = body.substr(0, star), low = body.substr(star + 1);
    // Joined to the verb: "RECENTLY_*" and "*_OUT".
    bool up_joined = !up.empty() && up.back() == '_';
    bool low_joined = !low.empty() && low.front() == '_';
    auto u = tokens(up);
    for (int k = static_cast<int>(u.size()) - 1; k >= 0; --k) {
      bool adjacent = k == static_cast<int>(u.size()) - 1 ? up_joined : u[k].second;
      p->upper.push_back(elem(u[k].first, adjacent));
    }
    auto l = tokens(low);
    for (size_t k = 0; k < l.size(); ++k) {
      bool adjacent = k == 0 ? low_joined : l[k - 1].second;
      p->lower.push_back(elem(l[k].first, adjacent));
    }
    p->length = p->upper.size() + p->lower.size();
    return true;
  }

  Dictionaries* d_;
  std::vector<std::string>* problems_;
};

Result<Source> ReadSource(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  return Source{path, ss.str()};
}

Result<Dictionaries> Dictionaries::LoadSources(const std::vector<Source>& actors,
                                               const std::vector<Source>& agents,
                                               const std::vector<Source>& verbs,
                                               const std::vector<Source>& discards,
                                               std::vector<std::string>* problems) {
  Dictionaries d;
  Reader r(&d, problems);
  for (const Source& s : actors)
    if (Status st = r.Actors(s); !st.ok()) return st;
  for (const Source& s : agents)
    if (Status st = r.Agents(s); !st.ok()) return st;
  for (const Source& v : verbs)
    if (Status st = r.Verbs(v); !st.ok()) return st;
  for (const Source& s : discards)
    if (Status st = r.Discards(s); !st.ok()) return st;
  r.Finish();
  return d;
}

Result<Dictionaries> Dictionaries::Load(const std::vector<std::string>& actor_files,
                                        const std::vector<std::string>& agent_files,
                                        const std::string& verb_file,
                                        const std::vector<std::string>& discard_files,
                                        std::vector<std::string>* problems) {
  auto read_all = [](const std::vector<std::string>& files, std::vector<Source>* out) -> Status {
    for (const std::string& f : files) {
      Result<Source> s = ReadSource(f);
      if (!s.ok()) return s.status();
      out->push_back(std::move(s).value());
    }
    return Status::Ok();
  };
  std::vector<Source> actors, agents, discards;
  if (Status s = read_all(actor_files, &actors); !s.ok()) return s;
  if (Status s = read_all(agent_files, &agents); !s.ok()) return s;
  if (Status s = read_all(discard_files, &discards); !s.ok()) return s;
  std::vector<Source> verbs;
  if (!verb_file.empty()) {
    Result<Source> v = ReadSource(verb_file);
    if (!v.ok()) return v.status();
    verbs.push_back(std::move(v).value());
  }
  return LoadSources(actors, agents, verbs, discards, problems);
}

Result<Dictionaries> Dictionaries::LoadDir(const std::string& dir,
                                           std::vector<std::string>* problems) {
  std::error_code ec;
  std::vector<std::string> actors, agents, discards, verbs, cameo;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.size() < 4 || lower.substr(lower.size() - 4) != ".txt") continue;
    std::string path = e.path().string();
    // PETR.Validate.*: the validation suite's own dictionaries, named by its <Environment>.
    if (lower.rfind("petr.", 0) == 0) continue;
    if (lower.find("actors") != std::string::npos)
      actors.push_back(path);
    else if (lower.find("agents") != std::string::npos)
      agents.push_back(path);
    else if (lower.find("discards") != std::string::npos)
      discards.push_back(path);
    else if (lower.find("verbs") != std::string::npos)
      verbs.push_back(path);
    else if (lower.rfind("cameo", 0) == 0)
      cameo.push_back(path);
  }
  if (ec) return Status::IoError(dir + ": cannot read the directory: " + ec.message());
  for (auto* v : {&actors, &agents, &discards, &verbs, &cameo}) std::sort(v->begin(), v->end());
  std::string verb = !verbs.empty() ? verbs.front() : (!cameo.empty() ? cameo.front() : "");
  if (actors.empty() || verb.empty())
    return Status::InvalidInput(
        dir + ": no *actors*.txt or no verb dictionary (*verbs*.txt, CAMEO*.txt)");
  return Load(actors, agents, verb, discards, problems);
}

const std::vector<int>* Dictionaries::ActorsStartingWith(const std::string& word) const {
  auto it = actor_index_.find(word);
  return it == actor_index_.end() ? nullptr : &it->second;
}

const std::vector<int>* Dictionaries::AgentsStartingWith(const std::string& word) const {
  auto it = agent_index_.find(word);
  return it == agent_index_.end() ? nullptr : &it->second;
}

const std::vector<VerbForm>* Dictionaries::FormsOf(const std::string& word) const {
  auto it = forms_.find(word);
  return it == forms_.end() ? nullptr : &it->second;
}

const std::vector<std::vector<std::string>>* Dictionaries::Synset(const std::string& name) const {
  auto it = synsets_.find(name);
  return it == synsets_.end() ? nullptr : &it->second;
}

const std::unordered_set<std::string>& Dictionaries::Words(std::string_view list) const {
  static const std::unordered_set<std::string> kNone;
  auto it = word_lists_.find(std::string(list));
  return it == word_lists_.end() ? kNone : it->second;
}

size_t Dictionaries::pattern_count() const {
  size_t n = 0;
  for (const VerbBlock& b : blocks_) n += b.patterns.size();
  return n;
}

}  // namespace dyad::petrarch
