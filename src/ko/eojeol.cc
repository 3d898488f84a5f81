#include "ko/eojeol.h"

#include <algorithm>
#include <array>

#include "dyad/utf8.h"

namespace dyad::ko {

namespace {

struct Particle {
  std::string_view text;
  Role role;
};

// Longest forms first within a shared beginning, so greedy matching takes 에게서 before 에게.
constexpr std::array<Particle, 53> kParticles = {{
    {"이야말로", Role::kFocus},    {"이라도", Role::kFocus},      {"이든지", Role::kNone},
    {"야말로", Role::kFocus},      {"에게로", Role::kDative},     {"한테서", Role::kAblative},
    {"만큼", Role::kNone},         {"대로", Role::kNone},         {"밖에", Role::kFocus},
    {"라도", Role::kFocus},        {"든지", Role::kNone},         {"마다", Role::kFocus},
    {"이랑은", Role::kComitative}, {"뿐", Role::kFocus},          {"더러", Role::kDative},
    {"에게서", Role::kAblative},   {"으로부터", Role::kAblative}, {"로부터", Role::kAblative},
    {"에서부터", Role::kAblative}, {"께서", Role::kSubject},      {"에게", Role::kDative},
    {"한테", Role::kDative},       {"에서", Role::kLocative},     {"으로서", Role::kDirection},
    {"으로써", Role::kDirection},  {"으로", Role::kDirection},    {"로서", Role::kDirection},
    {"로써", Role::kDirection},    {"이랑", Role::kComitative},   {"까지", Role::kFocus},
    {"부터", Role::kFocus},        {"조차", Role::kFocus},        {"마저", Role::kFocus},
    {"보다", Role::kNone},         {"처럼", Role::kNone},         {"이나", Role::kNone},
    {"이며", Role::kNone},         {"께", Role::kDative},         {"에", Role::kDative},
    {"와", Role::kComitative},     {"과", Role::kComitative},     {"랑", Role::kComitative},
    {"이", Role::kSubject},        {"가", Role::kSubject},        {"은", Role::kTopic},
    {"는", Role::kTopic},          {"을", Role::kObject},         {"를", Role::kObject},
    {"의", Role::kGenitive},       {"도", Role::kFocus},          {"만", Role::kFocus},
    {"로", Role::kDirection},      {"나", Role::kNone},
}};

// Syllables an ending (with any particles after a nominal ending) is made of.
constexpr std::string_view kEndingSyllables =
    "았었였겠시셨으아어여고며자나면서다는은을던기음지데도록려러라니까요게거든므로에를이가의만"
    "함했해한할하였것수며와과뒤후던것임됨"
    "합입습읍있";  // formal style (합니다, 입니다) and a progressive written solid (하고있는)

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool AllEndingSyllables(std::string_view rest) {
  for (size_t i = 0; i < rest.size();) {
    int len;
    char32_t c = utf8::Decode(rest, i, &len);
    if (!utf8::IsHangulSyllable(c)) return false;
    if (kEndingSyllables.find(rest.substr(i, len)) == std::string_view::npos) return false;
    i += len;
  }
  return true;
}

// Classifies a verbal word by how it ends; `word` is the whole verb form (stem form + rest).
Ending ClassifyEnding(std::string_view word) {
  for (std::string_view s : {"다고", "라고", "냐고", "자고", "다며", "라며"})
    if (EndsWith(word, s)) return Ending::kQuote;
  for (std::string_view s : {"다면", "라면", "으면", "면"})
    if (EndsWith(word, s)) return Ending::kConditional;
  for (std::string_view s : {"려고", "고자", "도록", "으러", "하러"})
    if (EndsWith(word, s)) return Ending::kPurpose;
  for (std::string_view s : {"다는", "라는", "던"})
    if (EndsWith(word, s)) return Ending::kAdnominal;
  for (std::string_view s : {"지만", "는데", "은데", "면서", "으나", "으며", "였고", "했고", "고",
                             "며", "자", "여", "서", "해", "데", "나", "아", "어"})
    if (EndsWith(word, s)) return Ending::kConnective;
  if (EndsWith(word, "다") || EndsWith(word, "요")) return Ending::kFinal;
  for (std::string_view s : {"기", "음", "함", "됨", "기로", "기에", "음을", "기를", "음에"})
    if (EndsWith(word, s)) return Ending::kNominal;
  if (EndsWith(word, "지")) return Ending::kNegAux;
  for (std::string_view s : {"는", "은", "을"})
    if (EndsWith(word, s)) return Ending::kAdnominal;
  char32_t last = utf8::Last(word);
  if (utf8::IsHangulSyllable(last)) {
    int tail = utf8::Decompose(last).tail;
    if (tail == 4 || tail == 8) return Ending::kAdnominal;  // ㄴ, ㄹ
    if (tail == 16) return Ending::kNominal;                // ㅁ
  }
  return Ending::kOther;
}

// Whether a particle (or the plural 들) can start with this syllable: a cheap filter before
// trying the table.
bool MayStartParticle(std::string_view s) {
  if (s.size() < 3) return false;
  int len;
  char32_t c = utf8::Decode(s, 0, &len);
  static constexpr char32_t kFirst[] = {U'가', U'과', U'까', U'께', U'나', U'는', U'대', U'더',
                                        U'도', U'든', U'들', U'라', U'랑', U'로', U'를', U'마',
                                        U'만', U'밖', U'보', U'부', U'뿐', U'야', U'에', U'와',
                                        U'으', U'은', U'을', U'의', U'이', U'조', U'처', U'한'};
  static_assert(std::is_sorted(std::begin(kFirst), std::end(kFirst)), "binary search needs order");
  return std::binary_search(std::begin(kFirst), std::end(kFirst), c);
}

bool ParseParticles(std::string_view rest, Role* role) {
  if (!rest.empty() && !MayStartParticle(rest)) return false;
  bool first = true;
  Role r = Role::kNone, last = Role::kNone;
  // A plural or "side" marker may come before the particles: 대표단들이.
  if (rest.substr(0, 3) == "들") rest.remove_prefix(3);
  if (rest.empty()) {
    *role = Role::kNone;
    return true;
  }
  while (!rest.empty()) {
    bool found = false;
    for (const Particle& p : kParticles) {
      if (rest.substr(0, p.text.size()) == p.text) {
        // Subject, object, topic and genitive particles close a stack: "가에" (참가+에 misread
        // as 참+가+에) is not Korean, "에서는", "과의", "까지도" are.
        bool closing = p.text == "이" || p.text == "가" || p.text == "을" || p.text == "를" ||
                       p.text == "은" || p.text == "는" || p.text == "의";
        if (closing && rest.size() > p.text.size()) return false;
        if (first) r = p.role;
        last = p.role;
        first = false;
        rest.remove_prefix(p.text.size());
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  // 와의/과의 ("김정은과의 정상회담") still names a counterpart; other stacks ending in 의 modify.
  if (last == Role::kGenitive && r != Role::kComitative) r = Role::kGenitive;
  *role = r;
  return true;
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (std::string_view p : prefixes)
    if (s.substr(0, p.size()) == p) return true;
  return false;
}

}  // namespace

bool IsParticleWord(std::string_view word, Role* role) {
  return !word.empty() && ParseParticles(word, role);
}

bool AnalyzeNounSuffix(std::string_view rest, Suffix* out) {
  *out = Suffix{};
  if (rest.empty()) return true;
  Role role;
  // 하다/되다 verbs: 방문하여, 면담했고, 체결됐다.
  if (StartsWithAny(
          rest, {"하", "해", "했", "한", "할", "함", "합", "되", "돼", "됐", "된", "될", "됨"})) {
    std::string_view after = rest.substr(3);
    if (AllEndingSyllables(after)) {
      out->kind = Suffix::Kind::kVerbal;
      out->ending = ClassifyEnding(rest);
      return true;
    }
  }
  if (ParseParticles(rest, &role)) {
    out->kind = Suffix::Kind::kParticles;
    out->role = role;
    return true;
  }
  // The copula: 정상회담이었다, 방문이며, 회담인.
  if (StartsWithAny(rest,
                    {"이었", "였", "이다", "이며", "이고", "인", "이라", "입니", "일", "이던"}) &&
      AllEndingSyllables(rest)) {
    out->kind = Suffix::Kind::kCopula;
    out->ending = ClassifyEnding(rest);
    return true;
  }
  return false;
}

bool AnalyzeVerbEnding(std::string_view form, std::string_view rest, Suffix* out) {
  *out = Suffix{};
  if (!AllEndingSyllables(rest)) return false;
  std::string word(form);
  word.append(rest);
  if (rest.empty()) {
    // A bare form is a word only when the form carries its ending: 만나(서), 가져, 만난, 만남.
    Ending e = ClassifyEnding(word);
    char32_t last = utf8::Last(form);
    if (utf8::IsHangulSyllable(last) && utf8::Decompose(last).tail == 20) return false;  // 만났
    if (e == Ending::kOther && utf8::IsHangulSyllable(last)) {
      // 보내, 가져, 줘: a vowel-final form is its own -아/어 connective.
      utf8::Jamo j = utf8::Decompose(last);
      int v = j.vowel;
      if (j.tail == 0 &&
          (v == 0 || v == 1 || v == 4 || v == 5 || v == 6 || v == 9 || v == 10 || v == 14))
        e = Ending::kConnective;
    }
    if (e == Ending::kOther) return false;
    out->kind = Suffix::Kind::kVerbal;
    out->ending = e;
    return true;
  }
  out->kind = Suffix::Kind::kVerbal;
  out->ending = ClassifyEnding(word);
  return out->ending != Ending::kOther;
}

std::vector<std::string> StemForms(std::string_view stem) {
  std::vector<std::string> forms{std::string(stem)};
  char32_t last = utf8::Last(stem);
  if (!utf8::IsHangulSyllable(last)) return forms;
  std::string base(stem.substr(0, stem.size() - 3));
  utf8::Jamo j = utf8::Decompose(last);
  auto add = [&](utf8::Jamo x) {
    std::string f = base;
    utf8::Append(&f, utf8::Compose(x));
    if (std::find(forms.begin(), forms.end(), f) == forms.end()) forms.push_back(f);
  };
  if (j.tail == 0) {
    // Contractions of the stem's vowel with 아/어: 가지+어 → 가져, 주+어 → 줘, 보+아 → 봐, 되+어 →
    // 돼.
    int contracted = j.vowel;
    switch (j.vowel) {
      case 20:
        contracted = 6;
        break;  // ㅣ → ㅕ
      case 13:
        contracted = 14;
        break;  // ㅜ → ㅝ
      case 8:
        contracted = 9;
        break;  // ㅗ → ㅘ
      case 11:
        contracted = 10;
        break;  // ㅚ → ㅙ
      case 18:
        contracted = 4;
        break;  // ㅡ → ㅓ
      default:
        break;
    }
    if (last == U'하') contracted = 1;  // 하 → 해
    add({j.lead, contracted, 0});
    add({j.lead, contracted, 20});  // ㅆ: past
    add({j.lead, j.vowel, 4});      // ㄴ: adnominal
    add({j.lead, j.vowel, 8});      // ㄹ: prospective
    add({j.lead, j.vowel, 16});     // ㅁ: nominal
  } else if (j.tail == 8) {
    // ㄹ-stems drop ㄹ before ㄴ: 열 → 연.
    add({j.lead, j.vowel, 4});
  }
  return forms;
}

}  // namespace dyad::ko
