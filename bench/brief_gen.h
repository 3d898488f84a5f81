// The generator of Korean brief text the benchmarks code and store (dyad-gen-corpus,
// dyad-ingest-bench): sentences built from the shipped lexicon (real names, titles, states,
// capitals) in the patterns briefs use — narrative with visits, talks, messages, statements and
// background sentences, and chronology tables — hard-wrapped at 52 characters (often inside a
// word) with a blank line after every line, footnote numerals and running headers, as PDF
// extraction leaves them. Deterministic for a seed.
#ifndef DYAD_BENCH_BRIEF_GEN_H_
#define DYAD_BENCH_BRIEF_GEN_H_

#include <random>
#include <string>
#include <vector>

#include "dyad/lexicon.h"
#include "dyad/utf8.h"

namespace dyad::bench {

struct Person {
  std::string name, title, iso3;
};

inline std::string Josa(const std::string& w, const char* with, const char* without) {
  return w + (dyad::utf8::HasBatchim(w) ? with : without);
}

class Generator {
 public:
  Generator(const dyad::Lexicon& lex, unsigned seed) : rng_(seed) {
    const char* states[] = {"PRK", "KOR", "RUS", "CHN", "USA", "JPN", "BLR", "VNM", "MNG", "IRN"};
    for (const char* iso : states) {
      const dyad::Country* c = lex.countries().Find(iso);
      if (c == nullptr || c->places.empty()) continue;
      states_.push_back(c);
    }
    for (const dyad::Actor& a : lex.actors()) {
      if (a.type != dyad::ActorType::kPerson || a.names_ko.empty() || a.roles.empty()) continue;
      const dyad::ActorRole& r = a.roles.back();
      std::string iso = r.code.substr(0, 3);
      for (const dyad::Country* c : states_)
        if (c->iso3 == iso && !r.title_ko.empty())
          people_.push_back({a.names_ko.front(), r.title_ko, iso});
    }
  }

  // One brief: paragraphs and a chronology table, in extracted layout.
  std::string Brief(int year) {
    std::string text;
    for (int p = 0; p < 14; ++p) {
      std::string para;
      int n = 3 + Pick(4);
      for (int s = 0; s < n; ++s)
        para += Sentence(year) + (Pick(6) == 0 ? std::to_string(++footnote_) : "") + " ";
      text += Wrap(para);
      if (p % 4 == 3) text += " 이슈브리프 \n\n";
      if (p == 6) text += Table(year);
    }
    return text;
  }

 private:
  int Pick(int n) { return static_cast<int>(rng_() % static_cast<unsigned>(n)); }
  const Person& AnyPerson() { return people_[Pick(static_cast<int>(people_.size()))]; }
  const Person& PersonOf(const std::string& iso) {
    for (int tries = 0; tries < 50; ++tries) {
      const Person& p = AnyPerson();
      if (p.iso3 == iso) return p;
    }
    return AnyPerson();
  }
  const dyad::Country* Other(const std::string& iso) {
    while (true) {
      const dyad::Country* c = states_[Pick(static_cast<int>(states_.size()))];
      if (c->iso3 != iso) return c;
    }
  }

  std::string Sentence(int year) {
    const Person& a = AnyPerson();
    const dyad::Country* b = Other(a.iso3);
    const Person& pb = PersonOf(b->iso3);
    int m = 1 + Pick(12), d = 1 + Pick(28);
    std::string date = std::to_string(m) + "월 " + std::to_string(d) + "일";
    std::string who = a.name + " " + a.title;
    std::string other = pb.name + " " + pb.title;
    switch (Pick(8)) {
      case 0:
        return date + " " + Josa(who, "은", "는") + " " + Josa(b->places.front(), "을", "를") +
               " 방문하여 " + Josa(other, "과", "와") + " 회담했다.";
      case 1:
        return Josa(who, "은", "는") + " " + date + " " + other +
               "에게 축전을 보내 양국 관계의 발전을 기원했다.";
      case 2:
        return date + " " + Josa(who, "은", "는") + " 담화를 내고 " + b->short_ko +
               "의 군사훈련을 “지역의 평화를 위협하는 도발”이라고 비난했다.";
      case 3:
        return std::to_string(year) + "년 " + std::to_string(m) + "월 " + Josa(who, "이", "가") +
               " 방" + (b->prefix_ko.empty() ? "중" : b->prefix_ko) + "했고, 이튿날 " +
               Josa(other, "과", "와") + " 정상회담을 가졌다.";
      case 4:
        return "양국 관계는 " + std::to_string(year) +
               "년 들어 한층 긴밀해졌으며, 이러한 흐름은 당분간 이어질 것으로 전망된다.";
      case 5:
        return Josa(b->short_ko, "은", "는") +
               " 이번 조치가 지역 안보 구도에 미칠 영향을 면밀히 주시하고 있다.";
      case 6:
        return date + " " + Josa(who, "은", "는") + " 평양에서 열린 회의에서 " +
               Josa(other, "과", "와") + " 경제협력 협정에 서명했다.";
      default:
        return "같은 기간 " + Josa(a.name + " 일행", "은", "는") + " " + b->places.front() +
               "에 도착해 현지 시설을 둘러보았다.";
    }
  }

  std::string Table(int year) {
    std::string t = " 표 1. " + std::to_string(year) + "년 주요일지 \n\n날짜 내용 \n\n";
    for (int r = 0; r < 12; ++r) {
      const Person& a = AnyPerson();
      const dyad::Country* b = Other(a.iso3);
      const Person& pb = PersonOf(b->iso3);
      int m = 1 + r, d = 1 + Pick(25);
      std::string row = std::to_string(m) + "/" + std::to_string(d) + "~" + std::to_string(m) +
                        "/" + std::to_string(d + 2) + " " + a.name + " " + a.title + " 방" +
                        (b->prefix_ko.empty() ? "중" : b->prefix_ko) + ", " +
                        Josa(pb.name + " " + pb.title, "과", "와") + " 회담 및 협력 문서 서명";
      t += row + " \n\n";
    }
    return t;
  }

  // Hard-wraps at 52 code points, breaking inside words as extraction does.
  std::string Wrap(const std::string& para) {
    std::string out, line;
    int width = 0;
    for (size_t i = 0; i < para.size();) {
      int len;
      dyad::utf8::Decode(para, i, &len);
      line.append(para, i, len);
      i += len;
      if (++width >= 52) {
        out += line + "\n\n";
        line.clear();
        width = 0;
      }
    }
    if (!line.empty()) out += line + "\n\n";
    return out;
  }

  std::mt19937 rng_;
  std::vector<const dyad::Country*> states_;
  std::vector<Person> people_;
  int footnote_ = 0;
};

}  // namespace dyad::bench

#endif  // DYAD_BENCH_BRIEF_GEN_H_
