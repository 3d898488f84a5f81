// Pass 1: words to units: dictionary matches, suffix analysis, compounds, dates.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "coder/ko_segment.h"

namespace dyad::kocoder {
namespace {

bool IsPunct(char32_t c) {
  switch (c) {
    case ',':
    case '.':
    case '(':
    case ')':
    case '[':
    case ']':
    case '"':
    case '\'':
    case ':':
    case ';':
    case '|':  // cells of a flattened web table
    case '?':
    case '!':
    case '<':
    case '>':
    case 0x201C:
    case 0x201D:
    case 0x2018:
    case 0x2019:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
    case 0x300A:
    case 0x300B:
    case 0x3008:
    case 0x3009:
    case 0x2026:
    case 0xFF08:
    case 0xFF09:
    case 0x3001:
    case 0x3002:
      return true;
    default:
      return false;
  }
}

// A middle dot joining names ("러시아·벨라루스", "한·미") separates words; between digits
// ("9·19") it is part of a name.
bool IsListDot(std::string_view t, uint32_t i, uint32_t b, uint32_t e, char32_t c) {
  if (c == '-' || c == 0x2013) {
    // "바이든-시진핑 정상회담": a dash between Hangul names pairs them; "만리경-1호" keeps it.
    if (i <= b || i + 1 >= e) return false;
    char32_t before = utf8::Last(t.substr(b, i - b));
    int len;
    utf8::Decode(t, i, &len);
    if (i + len >= e) return false;
    char32_t after = utf8::Decode(t, i + len, &len);
    return utf8::IsHangulSyllable(before) && utf8::IsHangulSyllable(after);
  }
  if (c != 0x00B7 && c != 0x30FB && c != 0xFF65) return false;
  bool digit_before = i > b && t[i - 1] >= '0' && t[i - 1] <= '9';
  int len;
  utf8::Decode(t, i, &len);
  bool digit_after = i + len < e && t[i + len] >= '0' && t[i + len] <= '9';
  return !(digit_before && digit_after);
}

std::vector<Tok> Tokenize(std::string_view t, uint32_t b, uint32_t e) {
  std::vector<Tok> out;
  uint32_t i = b;
  while (i < e) {
    int len;
    char32_t c = utf8::Decode(t, i, &len);
    if (utf8::IsSpace(c)) {
      i += len;
      continue;
    }
    if (IsPunct(c) || IsListDot(t, i, b, e, c)) {
      // A full stop between digits or after a capital is part of a word (3.5, U.S.).
      bool inner = c == '.' && i > b && i + 1 < e &&
                   ((t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' && t[i + 1] <= '9'));
      if (!inner) {
        out.push_back({i, i + static_cast<uint32_t>(len), false, c});
        i += len;
        continue;
      }
    }
    uint32_t s = i;
    while (i < e) {
      char32_t d = utf8::Decode(t, i, &len);
      if (utf8::IsSpace(d)) break;
      if (IsListDot(t, i, s, e, d)) break;
      if (IsPunct(d)) {
        bool inner = d == '.' && i > s && i + 1 < e && t[i - 1] >= '0' && t[i - 1] <= '9' &&
                     t[i + 1] >= '0' && t[i + 1] <= '9';
        if (!inner) break;
      }
      i += len;
    }
    out.push_back({s, i, true, 0});
  }
  return out;
}

// Suffixes that turn a state name into a word still naming that state's side: 러시아측, 북한군.

// Endings that mark an unknown word as a verb closing a clause (얽매이지 않는다면, 유지했다).
struct VerbalTail {
  std::string_view tail;
  Ending ending;
};
constexpr VerbalTail kVerbalTails[] = {
    {"다면", Ending::kConditional},
    {"라면", Ending::kConditional},
    {"으면", Ending::kConditional},
    {"하면", Ending::kConditional},
    {"다고", Ending::kQuote},
    {"라고", Ending::kQuote},
    {"다며", Ending::kQuote},
    {"라며", Ending::kQuote},
    {"다면서", Ending::kQuote},
    {"며", Ending::kConnective},  // 부르며, 밝히며: no common noun ends in 며
    {"면서", Ending::kConnective},
    {"지만", Ending::kConnective},
    {"는데", Ending::kConnective},
    {"으며", Ending::kConnective},
    {"했고", Ending::kConnective},
    {"였고", Ending::kConnective},
    {"었고", Ending::kConnective},
    {"았고", Ending::kConnective},
    {"하며", Ending::kConnective},
    {"하여", Ending::kConnective},
    {"하자", Ending::kConnective},
    {"으나", Ending::kConnective},
    {"했다", Ending::kFinal},
    {"였다", Ending::kFinal},
    {"었다", Ending::kFinal},
    {"았다", Ending::kFinal},
    {"한다", Ending::kFinal},
    {"된다", Ending::kFinal},
    {"는다", Ending::kFinal},
    {"겠다", Ending::kFinal},
    {"이다", Ending::kFinal},
    {"자는", Ending::kAdnominal},
    {"다는", Ending::kAdnominal},
    {"라는", Ending::kAdnominal},
    // "윤 대통령이 도쿄로 출발하기 몇 시간 전": a nominal clause with a subject of its own.
    {"하기", Ending::kNominal},
    {"되기", Ending::kNominal},
    // Verbs modifying a noun look like a noun and 는: "자랑할 거리를 주는 회담", "말하는 대화".
    {"하는", Ending::kAdnominal},
    {"되는", Ending::kAdnominal},
    {"주는", Ending::kAdnominal},
    {"있는", Ending::kAdnominal},
    {"없는", Ending::kAdnominal},
    {"하던", Ending::kAdnominal},
    {"되던", Ending::kAdnominal},
    {"받는", Ending::kAdnominal},
    {"오는", Ending::kAdnominal},
    {"가는", Ending::kAdnominal},
    {"보는", Ending::kAdnominal},
    {"내는", Ending::kAdnominal},
};

}  // namespace

// The state a piece of a dotted compound names: a one-syllable prefix (미) or a state's name
// (호주); the last piece may carry particles (호주는). -1 when it names none.
int SegmentCoder::DotPiece(std::string_view w, bool last, Suffix* suf, size_t* stem) const {
  *stem = w.size();
  if (w.size() == 3) {
    const Country* c = lex_.PrefixCountry(w);
    if (c != nullptr) return static_cast<int>(c - lex_.countries().all().data());
  }
  int found = -1;
  lex_.trie().PrefixMatches(w, 0, [&](size_t len, int32_t val) {
    Suffix rest;
    if (len != w.size() && !(last && ko::AnalyzeNounSuffix(w.substr(len), &rest))) return;
    for (const LexEntry& e : lex_.EntriesFor(val))
      if (e.kind == LexEntry::Kind::kCountry) found = e.index, *suf = rest, *stem = len;
  });
  return found;
}

size_t SegmentCoder::DotCompound(size_t i, Unit* u) const {
  auto dot = [&](size_t j) {
    const Tok& t = toks_[j];
    return !t.word && (t.ch == 0x00B7 || t.ch == 0x30FB || t.ch == 0xFF65) && j > 0 &&
           toks_[j - 1].e == t.b && j + 1 < toks_.size() && toks_[j + 1].b == t.e &&
           toks_[j + 1].word;
  };
  if (i + 2 >= toks_.size() || !dot(i + 1)) return i;
  std::vector<int> states;
  Suffix suf;
  size_t j = i;
  for (;;) {
    bool last = !(j + 2 < toks_.size() && dot(j + 1));
    Suffix piece_suf;
    size_t piece_stem;
    int c = DotPiece(Text(toks_[j].b, toks_[j].e), last, &piece_suf, &piece_stem);
    if (c < 0) return i;
    if (std::find(states.begin(), states.end(), c) == states.end()) states.push_back(c);
    if (last) {
      suf = piece_suf;
      u->stem_e = toks_[j].b + static_cast<uint32_t>(piece_stem);
      break;
    }
    j += 2;
  }
  if (states.size() < 2) return i;
  u->b = toks_[i].b;
  u->e = toks_[j].e;
  u->compound = std::move(states);
  u->suf = suf;
  return j + 1;
}

// ---- pass 1: units ----
void SegmentCoder::BuildUnits() {
  toks_ = Tokenize(text_, seg_.begin, seg_.end);
  units_.reserve(toks_.size());
  std::string_view limited = std::string_view(text_).substr(0, seg_.end);
  for (size_t i = 0; i < toks_.size();) {
    const Tok& t = toks_[i];
    Unit u;
    u.b = t.b;
    u.e = t.e;
    if (!t.word) {
      u.punct = true;
      u.ch = t.ch;
      units_.push_back(u);
      ++i;
      continue;
    }
    // "한·미·일·호주", "북·중": states joined by middle dots are one compound, as 한미일 is.
    if (size_t end = DotCompound(i, &u); end > i) {
      units_.push_back(std::move(u));
      i = end;
      continue;
    }
    // Longest dictionary match starting here, possibly over several words.
    size_t best_tok = i;
    uint32_t best_p = 0;
    int32_t best_val = -1;
    Suffix best_suf;
    bool best_verb = false;
    bool name_prefix = false;  // a name of two syllables or more starts the word (SplitSolid)
    lex_.trie().PrefixMatches(limited, t.b, [&](size_t len, int32_t val) {
      uint32_t p = t.b + static_cast<uint32_t>(len);
      if (len >= 6 && p < t.e && !name_prefix)
        for (const LexEntry& x : lex_.EntriesFor(val))
          name_prefix |= x.kind == LexEntry::Kind::kActor || x.kind == LexEntry::Kind::kCountry;
      size_t j = i;
      while (j < toks_.size() && toks_[j].e < p) {
        if (!toks_[j].word || j + 1 >= toks_.size() || !toks_[j + 1].word ||
            toks_[j + 1].b != toks_[j].e + 1)
          return;
        ++j;
      }
      if (j >= toks_.size() || toks_[j].b >= p) return;  // ended on a space
      std::string_view rest = Text(p, toks_[j].e);
      bool verb = false;
      Suffix suf;
      if (!Accept(lex_.EntriesFor(val), Text(toks_[j].b, p), rest, &suf, &verb)) return;
      if (best_val < 0 || p >= best_p) {
        best_tok = j, best_p = p, best_val = val, best_suf = suf, best_verb = verb;
      }
    });
    if (best_val >= 0) {
      u.e = toks_[best_tok].e;
      u.stem_e = best_p;
      u.lex = &lex_.EntriesFor(best_val);
      u.suf = best_suf;
      u.verb_stem = best_verb;
      units_.push_back(u);
      i = best_tok + 1;
      continue;
    }
    if (name_prefix && SplitSolid(t.b, t.e)) {
      ++i;
      continue;
    }
    u.stem_e = u.e;
    Unmatched(&u);
    units_.push_back(u);
    ++i;
  }
  // "양 정상은", "두 정상이", "양측은", "양국 외교장관은": the pair already in discussion.
  for (size_t k = 0; k < units_.size(); ++k) {
    Unit& u = units_[k];
    if (u.punct) continue;
    std::string_view w = Text(u.b, u.e);
    const KoreanWords& words = lex_.korean_words();
    for (std::string_view p : words.pair) {
      ko::Role role;
      if (w.substr(0, p.size()) == p &&
          (w.size() == p.size() || ko::IsParticleWord(w.substr(p.size()), &role))) {
        u.both = true;
        if (w.size() > p.size()) u.suf.kind = Suffix::Kind::kParticles, u.suf.role = role;
      }
    }
    bool counted = false;
    if (k > 0)
      for (const std::string& c : words.pair_counts)
        counted |= Text(units_[k - 1].b, units_[k - 1].e) == c;
    if (counted) {
      for (std::string_view p : words.pair_heads) {
        ko::Role role;
        if (w.substr(0, p.size()) == p &&
            (w.size() == p.size() || ko::IsParticleWord(w.substr(p.size()), &role))) {
          u.both = true;
          if (w.size() > p.size()) u.suf.kind = Suffix::Kind::kParticles, u.suf.role = role;
        }
      }
    }
  }
}

// "미국대통령", "김대중대통령조선민주주의인민공화국": names written solid, as web pages and North
// Korean orthography do (and as links lose their spaces). A word the dictionaries do not know
// whole, covered end to end by known names of two syllables or more (the last may carry
// particles), is those names, one unit each.
bool SegmentCoder::SplitSolid(uint32_t b, uint32_t e) {
  std::string_view limited = std::string_view(text_).substr(0, e);
  struct Piece {
    uint32_t b, e;
    int32_t val;
  };
  std::vector<Piece> pieces;
  Suffix last_suf;
  uint32_t pos = b;
  while (pos < e) {
    int32_t best = -1;
    uint32_t best_end = 0;
    lex_.trie().PrefixMatches(limited, pos, [&](size_t len, int32_t val) {
      if (len < 6) return;  // one syllable is too easily part of another word
      bool name = false;
      for (const LexEntry& x : lex_.EntriesFor(val))
        name |= x.kind == LexEntry::Kind::kActor || x.kind == LexEntry::Kind::kCountry;
      if (name) best = val, best_end = pos + static_cast<uint32_t>(len);
    });
    if (best < 0) {
      // What is left must be particles after the last name.
      if (pieces.empty() || !ko::AnalyzeNounSuffix(Text(pos, e), &last_suf) ||
          last_suf.kind == Suffix::Kind::kVerbal)
        return false;
      break;
    }
    pieces.push_back({pos, best_end, best});
    pos = best_end;
  }
  if (pieces.size() < 2) return false;
  for (size_t k = 0; k < pieces.size(); ++k) {
    Unit u;
    u.b = pieces[k].b;
    u.stem_e = pieces[k].e;
    u.e = k + 1 == pieces.size() ? e : pieces[k].e;
    u.lex = &lex_.EntriesFor(pieces[k].val);
    if (k + 1 == pieces.size()) u.suf = last_suf;
    units_.push_back(u);
  }
  return true;
}

bool Accept(const std::vector<LexEntry>& entries, std::string_view form, std::string_view rest,
            Suffix* suf, bool* verb) {
  for (const LexEntry& e : entries) {
    if (e.kind == LexEntry::Kind::kAction) {
      if (e.verb_stem) {
        if (ko::AnalyzeVerbEnding(
                form.substr(form.rfind(' ') == std::string_view::npos ? 0 : form.rfind(' ') + 1),
                rest, suf)) {
          *verb = true;
          return true;
        }
      } else if (ko::AnalyzeNounSuffix(rest, suf)) {
        return true;
      }
    } else if (ko::AnalyzeNounSuffix(rest, suf) && suf->kind != Suffix::Kind::kVerbal) {
      return true;
    }
  }
  return false;
}

void SegmentCoder::Unmatched(Unit* u) {
  std::string_view w = Text(u->b, u->e);
  ko::Role role;
  if (ko::IsParticleWord(w, &role) && w.size() <= 9) {
    u->particle_only = true;
    u->suf.kind = Suffix::Kind::kParticles;
    u->suf.role = role;
    return;
  }
  // A state name with a derivational suffix: 북한군은, 러시아측과.
  int found = -1;
  lex_.trie().PrefixMatches(w, 0, [&](size_t len, int32_t val) {
    for (const LexEntry& e : lex_.EntriesFor(val)) {
      if (e.kind != LexEntry::Kind::kCountry) continue;
      std::string_view rest = w.substr(len);
      for (std::string_view s : lex_.korean_words().state_suffixes) {
        if (rest.substr(0, s.size()) != s) continue;
        Suffix suf;
        if (ko::AnalyzeNounSuffix(rest.substr(s.size()), &suf) &&
            suf.kind != Suffix::Kind::kVerbal) {
          found = e.index;
          u->stem_e = u->b + static_cast<uint32_t>(len + s.size());
          u->suf = suf;
        }
      }
    }
  });
  if (found >= 0) {
    u->country_word = found;
    return;
  }
  // 대북, 대미, 대중국: toward a state.
  if (w.substr(0, 3) == "대" && w.size() >= 6) {
    if (const Country* c = lex_.PrefixCountry(w.substr(3, 3))) {
      u->toward = static_cast<int>(c - lex_.countries().all().data());
      return;
    }
  }
  // 북러, 한미일, 남북: two or more one-syllable state prefixes; not the regions that look so
  // (북중미 North and Central America, 중남미, 남미).
  for (std::string_view region : {"북중미", "중남미", "남미"})
    if (w.substr(0, region.size()) == region) return;
  std::vector<int> states;
  size_t k = 0;
  while (k + 3 <= w.size()) {
    const Country* c = lex_.PrefixCountry(w.substr(k, 3));
    if (c == nullptr) break;
    int idx = static_cast<int>(c - lex_.countries().all().data());
    if (std::find(states.begin(), states.end(), idx) == states.end()) states.push_back(idx);
    k += 3;
    // "미-한", "조-미": prefixes joined by a hyphen, as news writes them.
    if (k + 4 <= w.size() && w[k] == '-' && lex_.PrefixCountry(w.substr(k + 1, 3)) != nullptr) ++k;
  }
  if (k >= 6 && states.size() >= 2) {
    u->compound = states;
    // Written solid with its act: "남북정상회담", "북미정상회담" are the compound's 정상회담, and
    // "조일평양선언" its 선언 — the head of a compound noun is its last element.
    for (size_t h = k; h < w.size() && u->lex == nullptr; h += CharLen(w, h)) {
      lex_.trie().PrefixMatches(w, h, [&](size_t len, int32_t val) {
        Suffix suf;
        for (const LexEntry& e : lex_.EntriesFor(val)) {
          if (e.kind != LexEntry::Kind::kAction || e.verb_stem) continue;
          if (lex_.actions()[e.index].frame == Frame::kLight) continue;
          if (ko::AnalyzeNounSuffix(w.substr(h + len), &suf)) {
            u->lex = &lex_.EntriesFor(val);
            u->stem_e = u->b + static_cast<uint32_t>(h + len);
            u->suf = suf;
          }
        }
      });
    }
    return;
  }
  // 반미, 반공화국: against the state named after 반; the compound's head is still its act
  // ("반공화국제재압박과" is sanctions aimed at the DPRK). A one-syllable form counts only as a
  // name (반영 is "reflect", not anti-Britain).
  if (w.substr(0, 3) == "반" && w.size() >= 6)
    lex_.trie().PrefixMatches(w, 3, [&](size_t, int32_t val) {
      for (const LexEntry& e : lex_.EntriesFor(val))
        if (e.kind == LexEntry::Kind::kCountry) u->toward = e.index;
    });
  // The head of a compound noun is its last element: 고위급회담 is a 회담, 평양공동선언 a
  // 공동선언. Split points step over whole characters: "제10차회의", "제1차관은" mix digits in.
  for (size_t k = CharLen(w, 0); k + 3 <= w.size(); k += CharLen(w, k)) {
    if (static_cast<unsigned char>(w[k]) < 0xE0) continue;  // a Hangul head only
    int32_t hit = -1;
    size_t hit_len = 0;
    Suffix hit_suf;
    lex_.trie().PrefixMatches(w, k, [&](size_t len, int32_t val) {
      Suffix suf;
      for (const LexEntry& e : lex_.EntriesFor(val)) {
        if (e.kind != LexEntry::Kind::kAction || e.verb_stem) continue;
        if (lex_.actions()[e.index].frame == Frame::kLight) continue;
        if (ko::AnalyzeNounSuffix(w.substr(k + len), &suf)) hit = val, hit_len = len, hit_suf = suf;
      }
    });
    if (hit >= 0) {
      u->lex = &lex_.EntriesFor(hit);
      u->stem_e = u->b + static_cast<uint32_t>(k + hit_len);
      u->suf = hit_suf;
      return;
    }
  }
  // Every tail ends in one of a few syllables; test that first, it is most words' exit.
  char32_t last = utf8::Last(w);
  bool may_be_verbal = false;
  for (char32_t c : {U'다', U'고', U'며', U'면', U'서', U'지', U'데', U'자', U'여', U'나', U'는',
                     U'던', U'기', U'만'})
    may_be_verbal |= last == c;
  for (const VerbalTail& vt : kVerbalTails) {
    if (!may_be_verbal) break;
    if (w.size() >= vt.tail.size() && EndsWith(w, vt.tail)) {
      u->unknown_verbal = true;
      u->suf.kind = Suffix::Kind::kVerbal;
      u->suf.ending = vt.ending;
      return;
    }
  }
  // An unknown noun still shows its role by its particles: 고위급대표단은, 사무국과, 명이. Some
  // adverbs end like a noun and a particle (없이, 같이) and are left alone.
  for (size_t k = CharLen(w, 0); k < w.size(); k += CharLen(w, k)) {
    if (static_cast<unsigned char>(w[k]) < 0xE0) continue;
    ko::Role role;
    bool adverb = false;
    for (std::string_view a :
         {"없이", "같이", "깊이", "높이", "많이", "굳이", "길이", "널리", "멀리", "일찍이"})
      adverb |= w == a;
    // A lone 도 or 만 ends too many nouns to strip from an unknown word (반도, 열도, 태도,
    // 한반도); only after a title or body (부부장도, 대표단도, 당국만) is it a particle.
    std::string_view tail = w.substr(k);
    bool ambiguous = false;
    if (tail == "도" || tail == "만") {
      std::string_view stem = w.substr(0, k);
      ambiguous = true;
      if (stem.size() >= 6) {
        for (std::string_view end :
             {"장", "관", "상", "단", "국", "부", "성", "원", "청", "측", "군", "들", "님"})
          if (EndsWith(stem, end)) ambiguous = false;
      }
    }
    if (!adverb && !ambiguous && ko::IsParticleWord(tail, &role)) {
      u->stem_e = u->b + static_cast<uint32_t>(k);
      u->suf.kind = Suffix::Kind::kParticles;
      u->suf.role = role;
      return;
    }
  }
}

// ---- quotes and parentheses ----
void SegmentCoder::MarkScopes() {
  // Straight double quotes, as web pages write them, open and close in turn like “ and ”.
  bool open_straight = false;
  for (Unit& u : units_)
    if (u.punct && u.ch == '"') {
      u.ch = open_straight ? 0x201D : 0x201C;
      open_straight = !open_straight;
    }
  if (open_straight)  // unbalanced: not quotation marks after all
    for (Unit& u : units_)
      if (u.punct && (u.ch == 0x201C || u.ch == 0x201D) && Text(u.b, u.e) == "\"") u.ch = '"';
  int quote = 0, paren = 0, named = 0;
  for (Unit& u : units_) {
    if (u.punct && u.ch == 0x2018) ++named;
    if (u.punct && u.ch == 0x2019 && named > 0) --named;
    u.named = named > 0;
    if (u.punct) {
      if (u.ch == 0x201C) ++quote;
      if (u.ch == 0x201D && quote > 0) --quote;
      if (u.ch == '(' || u.ch == 0xFF08) ++paren;
      if ((u.ch == ')' || u.ch == 0xFF09) && paren > 0) {
        --paren;
        continue;
      }
    }
    u.quoted = quote > 0 && !(u.punct && u.ch == 0x201C) && !is_row();
    u.in_quote = quote > 0;
    u.paren = paren > 0;
  }
}

// ---- dates ----
void SegmentCoder::MarkDates() {
  std::string_view seg_text = Text(seg_.begin, seg_.end);
  raw_dates_ = ko::FindKoreanDates(seg_text);
  for (size_t d = 0; d < raw_dates_.size(); ++d) {
    uint32_t b = seg_.begin + raw_dates_[d].begin, e = seg_.begin + raw_dates_[d].end;
    for (Unit& u : units_) {
      if (u.punct || u.named || u.b < b || u.b >= e) continue;
      // A word the date only starts ("11월에는") is still the date.
      u.date = static_cast<int>(d);
    }
  }
}

const Action* SegmentCoder::ActionOf(const Unit& u, bool light) const {
  if (u.lex == nullptr) return nullptr;
  for (const LexEntry& e : *u.lex) {
    if (e.kind != LexEntry::Kind::kAction) continue;
    const Action& a = lex_.actions()[e.index];
    if ((a.frame == Frame::kLight) == light) return &a;
  }
  return nullptr;
}

bool SegmentCoder::IsActorish(const Unit& u) const {
  if (u.country_word >= 0 || u.toward >= 0 || !u.compound.empty()) return u.country_word >= 0;
  if (u.lex == nullptr) return false;
  for (const LexEntry& e : *u.lex)
    if (e.kind != LexEntry::Kind::kAction) return true;
  return false;
}

}  // namespace dyad::kocoder
