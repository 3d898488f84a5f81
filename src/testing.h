// Helpers shared by dyad's unit tests: scratch files and the shipped resources, loaded once.
#ifndef DYAD_TESTING_H_
#define DYAD_TESTING_H_

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "dyad/event.h"
#include "dyad/lexicon.h"
#include "dyad/store.h"

namespace dyad::testing {

// A fresh file under the test scratch directory, holding `content`; returns its path.
inline std::string WriteScratch(const std::string& name, const std::string& content) {
  std::filesystem::path dir = std::filesystem::path(DYAD_TEST_TMP);
  std::filesystem::create_directories(dir);
  std::filesystem::path p = dir / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p.string();
}

inline std::shared_ptr<const Resources> Shipped() {
  static std::shared_ptr<const Resources> res = [] {
    std::vector<std::string> problems;
    auto r = Resources::Load(DataDir(), &problems);
    return r.ok() ? *r : nullptr;
  }();
  return res;
}

// A day's event between two states, told once in `doc` (its evidence is its id).
inline Event PlantedEvent(const std::string& id, const char* a, const char* b, Date day,
                          const char* code, double goldstein, int quad, const std::string& doc) {
  Event e;
  e.id = id;
  e.date = DateSpan::Day(day);
  e.source = e.source_country = a, e.target = e.target_country = b;
  e.code = code, e.goldstein = goldstein, e.quad_class = quad;
  Mention m;
  m.doc = doc, m.evidence = "planted " + id;
  e.mentions.push_back(m);
  return e;
}

// A fresh store at `db` holding `events`, imported as one file named `name`; null when it
// cannot be written.
inline std::unique_ptr<Store> PlantedStore(const std::string& db, const std::string& name,
                                           const std::vector<Event>& events) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  std::filesystem::create_directories(std::filesystem::path(db).parent_path());
  auto store = Store::Open(db);
  if (!store.ok()) return nullptr;
  auto batch = (*store)->BeginImport({name, "jsonl", name, name});
  if (!batch.ok()) return nullptr;
  for (const Event& e : events)
    if (!(*batch)->Add(e).ok()) return nullptr;
  if (!(*batch)->Commit().ok()) return nullptr;
  return std::move(store).value();
}

}  // namespace dyad::testing

#endif  // DYAD_TESTING_H_
