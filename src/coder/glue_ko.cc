// Words a stray space broke apart ("남조 선당국은", "북침전쟁 소동에"): text that was hard-wrapped
// once and rejoined with spaces keeps a space wherever a line ended, often inside a word. A
// space between two Hangul runs is dropped when neither run is a word the lexicon can read and
// the two together are one, through a key that crosses the space. Only in a text that shows the
// damage (lone particles): an edited text may space a compound noun ("관계 개선") at will.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "coder/coder_ko.h"
#include "coder/ko_segment.h"
#include "dyad/utf8.h"
#include "ko/eojeol.h"

namespace dyad {

namespace {

// Whether the lexicon reads `word` whole: a key at its start (at least `min_key` bytes) and a
// tail grammatical after it (particles, a verb ending, a state's derivational suffix).
bool Reads(const Lexicon& lex, std::string_view word, size_t min_key) {
  bool ok = false;
  lex.trie().PrefixMatches(word, 0, [&](size_t len, int32_t val) {
    if (ok || len < min_key) return;
    std::string_view rest = word.substr(len);
    ko::Suffix suf;
    bool verb = false;
    // As the coder reads a word; and a state with a derivational suffix (남조선당국은).
    ok = kocoder::Accept(lex.EntriesFor(val), word.substr(0, len), rest, &suf, &verb);
    for (const LexEntry& e : lex.EntriesFor(val)) {
      if (ok) return;
      if (e.kind == LexEntry::Kind::kCountry) {
        for (const std::string& s : lex.korean_words().state_suffixes)
          if (rest.substr(0, s.size()) == s && ko::AnalyzeNounSuffix(rest.substr(s.size()), &suf) &&
              suf.kind != ko::Suffix::Kind::kVerbal)
            ok = true;
      }
    }
  });
  return ok;
}

bool AllHangul(std::string_view w) {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();) {
    int len = 0;
    if (!utf8::IsHangulSyllable(utf8::Decode(w, i, &len))) return false;
    i += static_cast<size_t>(len);
  }
  return true;
}

}  // namespace

// A quick look first: how many one-syllable particles stand alone (" 에 ", " 를,"). An edited
// text has none; the full count below runs only when there are a few.
size_t LoneOneSyllableParticles(std::string_view t) {
  static const char* kParticles[] = {"에", "을", "를", "은", "는", "의",
                                     "서", "과", "와", "이", "가"};
  size_t n = 0;
  for (size_t at = t.find(' '); at != std::string_view::npos && at + 4 < t.size();
       at = t.find(' ', at + 1)) {
    char after = t[at + 4];
    if (after != ' ' && after != '.' && after != ',') continue;
    for (const char* p : kParticles)
      if (t.compare(at + 1, 3, p) == 0) {
        ++n;
        break;
      }
  }
  return n;
}

bool BrokenBySpaces(const CleanText& clean) {
  if (LoneOneSyllableParticles(
          std::string_view(clean.text).substr(0, std::min<size_t>(clean.text.size(), 64 * 1024))) <
      3)
    return false;
  // A lone particle after a word ("관심속 에", "벗 들에게") is what a stray space leaves; an
  // edited text has almost none. At least 5, and one word in 200, in the first 64 KB (the damage
  // shows from the start; the bound keeps the pass cheap on long documents).
  const std::string& t = clean.text;
  constexpr uint32_t kScan = 64 * 1024;
  size_t words = 0, lone = 0;
  for (const Block& b : clean.blocks) {
    if (b.begin >= kScan) break;
    uint32_t w = b.begin;
    for (uint32_t i = b.begin; i <= b.end; ++i) {
      if (i < b.end && t[i] != ' ') continue;
      if (i > w) {
        ++words;
        std::string_view word(t.data() + w, i - w);
        while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
        ko::Role role;
        // A particle is one to three Hangul syllables (lead bytes 0xEA-0xED).
        bool short_hangul = word.size() >= 3 && word.size() <= 9 &&
                            static_cast<uint8_t>(word[0]) >= 0xEA &&
                            static_cast<uint8_t>(word[0]) <= 0xED;
        if (short_hangul && w > b.begin + 3 && ko::IsParticleWord(word, &role) &&
            utf8::IsHangulSyllable(
                utf8::Last(std::string_view(t.data() + b.begin, w - 1 - b.begin))))
          ++lone;
      }
      w = i + 1;
    }
  }
  return lone >= 5 && lone * 200 >= words;
}

size_t GlueBrokenWords(const Lexicon& lex, CleanText* clean) {
  if (!BrokenBySpaces(*clean)) return 0;
  const std::string& t = clean->text;
  std::vector<uint32_t> drop;  // bytes of spaces to remove, ascending
  for (const Block& b : clean->blocks) {
    uint32_t left_b = b.begin;
    for (uint32_t i = b.begin; i < b.end; ++i) {
      if (t[i] != ' ') continue;
      uint32_t right_e = i + 1;
      while (right_e < b.end && t[right_e] != ' ') ++right_e;
      std::string_view left(t.data() + left_b, i - left_b);
      std::string_view right(t.data() + i + 1, right_e - i - 1);
      // A run glued already on its left reads from its start.
      bool glued_left = !drop.empty() && drop.back() >= left_b && drop.back() < i;
      if (!glued_left && left.size() >= 3 && left.size() <= 30 && AllHangul(left) &&
          !right.empty() && right.size() <= 60) {
        // The right run may end in punctuation: only its Hangul start matters for the key.
        size_t hangul = 0;
        while (hangul < right.size()) {
          int len = 0;
          if (!utf8::IsHangulSyllable(utf8::Decode(right, hangul, &len))) break;
          hangul += static_cast<size_t>(len);
        }
        std::string joined = std::string(left) + std::string(right.substr(0, hangul));
        // A broken word leaves two runs neither of which reads; "무기 지원" is two words.
        if (hangul > 0 && !Reads(lex, left, 3) && !Reads(lex, right, 3) &&
            Reads(lex, joined, left.size() + 3)) {
          drop.push_back(i);
          if (std::getenv("DYAD_DEBUG_KO") != nullptr)
            std::fprintf(stderr, "GLUE %.*s|%.*s\n", static_cast<int>(left.size()), left.data(),
                         static_cast<int>(right.size()), right.data());
        }
      }
      left_b = i + 1;
    }
  }
  if (drop.empty()) return 0;
  // Rebuild text and offsets without the dropped bytes; shift blocks and wide characters.
  std::string text;
  std::vector<uint32_t> offsets;
  text.reserve(t.size());
  offsets.reserve(clean->offsets.size());
  auto shift = [&](uint32_t at) {  // bytes dropped before `at`
    return static_cast<uint32_t>(std::lower_bound(drop.begin(), drop.end(), at) - drop.begin());
  };
  size_t d = 0;
  for (uint32_t i = 0; i < t.size(); ++i) {
    if (d < drop.size() && drop[d] == i) {
      ++d;
      continue;
    }
    text += t[i];
    offsets.push_back(clean->offsets[i]);
  }
  offsets.push_back(clean->offsets[t.size()]);
  for (Block& b : clean->blocks) {
    b.begin -= shift(b.begin);
    b.end -= shift(b.end);
  }
  for (auto& [at, len] : clean->wide) at -= shift(at);
  clean->text = std::move(text);
  clean->offsets = std::move(offsets);
  return drop.size();
}

}  // namespace dyad
