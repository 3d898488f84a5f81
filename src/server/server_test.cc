// The HTTP API over a real socket: every route, bad parameters named, bounds, the token, writes
// that leave the store whole, and readers during an upload.
#include "dyad/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "dyad/store.h"
#include "dyad/unga.h"
#include "testing.h"

namespace dyad {
namespace {

using Json = nlohmann::json;

constexpr char kBrief[] =
    "2024년 6월 19일 블라디미르 푸틴 러시아 대통령이 평양을 방문해 김정은 국무위원장과 "
    "정상회담을 가졌다.\n"
    "2024년 11월 1일 최선희 외무상이 모스크바에서 라브로프 외무장관과 회담했다.\n";

// A store with planted events (PRK–RUS, PRK–USA, KOR–USA over 2020-2021) and the shipped UN
// votes.
std::string PlantedStore(const std::string& name) {
  std::string dir = std::string(DYAD_TEST_TMP) + "/" + name;
  std::filesystem::remove_all(dir);
  std::vector<Event> events;
  auto add = [&](const char* a, const char* b, Date d, const char* code, double g, int quad) {
    events.push_back(testing::PlantedEvent("p-" + std::to_string(events.size() + 1), a, b, d, code,
                                           g, quad, name));
  };
  for (int year : {2020, 2021})
    for (int month = 1; month <= 12; ++month) {
      for (int k = 0; k < (year == 2020 ? 1 : 6); ++k)
        add("PRK", "RUS", {year, month, 1 + k}, "057", 8.0, 2);
      add("PRK", "USA", {year, month, 10}, "138", -7.0, 4);
      add("KOR", "USA", {year, month, 12}, "042", 1.9, 1);
      add("JPN", "USA", {year, month, 14}, "042", 1.9, 1);
      add("JPN", "KOR", {year, month, 16}, "111", -2.0, 3);
    }
  std::string db = dir + "/store.db";
  std::unique_ptr<Store> store = testing::PlantedStore(db, name, events);
  EXPECT_NE(store, nullptr);
  std::vector<std::string> problems;
  auto votes = ReadUngaFile(std::string(DYAD_SOURCE_DIR) + "/data/unga/votes.tsv", &problems);
  EXPECT_TRUE(votes.ok());
  if (store != nullptr && votes.ok()) EXPECT_TRUE(store->AddVotes(*votes).ok());
  return db;
}

// A server on a free port of 127.0.0.1, stopped when the test ends.
class Running {
 public:
  explicit Running(ServeOptions o) {
    o.port = 0;
    auto s = Server::Create(o, testing::Shipped());
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return;
    server_ = std::move(s).value();
    port_ = *server_->Bind();
    thread_ = std::thread([this] { server_->Run(); });
  }
  ~Running() {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(30, 0);
    return c;
  }
  int port() const { return port_; }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  int port_ = 0;
};

Json Get(const httplib::Client& c, const std::string& path, int want = 200) {
  auto r = const_cast<httplib::Client&>(c).Get(path.c_str());
  EXPECT_TRUE(r) << path;
  if (!r) return {};
  EXPECT_EQ(r->status, want) << path << ": " << r->body;
  Json j = Json::parse(r->body, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << path << ": " << r->body;
  return j;
}

TEST(ServerTest, EveryRouteAnswers) {
  Running s({.db = PlantedStore("serve-routes")});
  httplib::Client c = s.Client();
  EXPECT_EQ(Get(c, "/api/v1/health")["events"], 24 * 4 + 12 + 72);
  Json events = Get(c, "/api/v1/events?between=북한,러시아&limit=5&offset=2");
  EXPECT_EQ(events["total"], 84);
  ASSERT_EQ(events["events"].size(), 5u);
  std::string id = events["events"][0]["id"];
  Json one = Get(c, "/api/v1/events/" + id);
  EXPECT_EQ(one["code"], "057");
  EXPECT_EQ(one["tellings"].size(), 1u);
  EXPECT_EQ(Get(c, "/api/v1/events/nope", 404)["error"], "no stored event 'nope'");
  Json chron = Get(c, "/api/v1/chronology?between=PRK,USA&lang=en&from=2021");
  EXPECT_EQ(chron["rows"].size(), 12u);
  EXPECT_NE(chron["markdown"].get<std::string>().find("|"), std::string::npos);
  Json series = Get(c, "/api/v1/series?dyad=PRK,RUS&dyad=KOR,USA&by=year");
  ASSERT_EQ(series["series"].size(), 2u);
  EXPECT_EQ(series["series"][0]["points"][1]["events"], 72);
  Json changes = Get(c, "/api/v1/changes?between=PRK,RUS&by=month");
  ASSERT_EQ(changes["changes"].size(), 1u);
  EXPECT_EQ(changes["changes"][0]["period"], "2021-01");
  EXPECT_EQ(changes["changes"][0]["direction"], "up");
  Json net = Get(c, "/api/v1/network?evidence=2");
  EXPECT_EQ(net["edges"].size(), 5u);
  EXPECT_EQ(net["edges"][0]["evidence"].size(), 2u);
  Json tri = Get(c, "/api/v1/triangle?states=USA,KOR,JPN");
  EXPECT_EQ(tri["balance"], -1);  // KOR–USA and JPN–USA friendly, JPN–KOR not
  EXPECT_FALSE(tri["evidence"].empty());
  Json agree = Get(c, "/api/v1/unga/agreement?a=PRK&b=RUS&resolution=A/RES/ES-11");
  EXPECT_DOUBLE_EQ(agree["index"].get<double>(), 1.0);
  Json align = Get(c, "/api/v1/unga/align?with=RUS&top=3");
  EXPECT_EQ(align["states"].size(), 3u);
  Json blocs = Get(c, "/api/v1/unga/blocs?k=2");
  EXPECT_EQ(blocs["blocs"].size(), 2u);
  Json status = Get(c, "/api/v1/burden/status?year=2024");
  EXPECT_FALSE(status["rows"].empty());
  auto chart = c.Get("/api/v1/burden/chart?pledge=hague-core&country=POL");
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->status, 200);
  EXPECT_EQ(chart->get_header_value("Content-Type"), "image/svg+xml");
  Json docs = Get(c, "/api/v1/documents");
  ASSERT_EQ(docs["documents"].size(), 1u);
  Json doc =
      Get(c, "/api/v1/documents/" + std::to_string(docs["documents"][0]["id"].get<long long>()));
  EXPECT_FALSE(doc["events"].empty());
  Json review = Get(c, "/api/v1/review?limit=10");
  EXPECT_EQ(review["total"], 180);
  EXPECT_EQ(review["events"].size(), 10u);
  auto csv = c.Get("/api/v1/export?format=csv&between=PRK,USA");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(std::count(csv->body.begin(), csv->body.end(), '\n'), 25);  // a header and 24 rows
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("dyad-events.csv"),
            std::string::npos);
  // Security headers on every answer; no CORS header unless asked.
  auto h = c.Get("/api/v1/health");
  EXPECT_NE(h->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  EXPECT_EQ(h->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(h->has_header("Access-Control-Allow-Origin"));
}

TEST(ServerTest, BadParametersAreNamed) {
  Running s({.db = PlantedStore("serve-bad")});
  httplib::Client c = s.Client();
  struct Case {
    const char* path;
    const char* parameter;
  } cases[] = {
      {"/api/v1/events?from=2024-13", "from"},
      {"/api/v1/events?to=yesterday", "to"},
      {"/api/v1/events?from=2024&to=2023", "to"},
      {"/api/v1/events?between=PRK", "between"},
      {"/api/v1/events?between=PRK,Atlantis", "between"},
      {"/api/v1/events?code=4x", "code"},
      {"/api/v1/events?mode=maybe", "mode"},
      {"/api/v1/events?limit=0", "limit"},
      {"/api/v1/events?limit=ten", "limit"},
      {"/api/v1/series", "dyad"},
      {"/api/v1/series?dyad=PRK,RUS&by=fortnight", "by"},
      {"/api/v1/changes?between=PRK,RUS&measure=mood", "measure"},
      {"/api/v1/changes?between=PRK,RUS&penalty=high", "penalty"},
      {"/api/v1/network?min_events=-1", "min_events"},
      {"/api/v1/triangle?states=USA,KOR", "states"},
      {"/api/v1/unga/agreement?a=PRK", "b"},
      {"/api/v1/unga/blocs?k=99", "k"},
      {"/api/v1/chronology?lang=fr", "lang"},
      {"/api/v1/documents/12x", "id"},
  };
  for (const Case& k : cases) {
    Json j = Get(c, k.path, k.path == std::string("/api/v1/documents/12x") ? 404 : 400);
    if (k.path == std::string("/api/v1/documents/12x")) continue;  // no route matches
    EXPECT_EQ(j["parameter"], k.parameter) << k.path << ": " << j.dump();
    EXPECT_NE(j["error"].get<std::string>().find(k.parameter), std::string::npos) << k.path;
  }
  // No such state: the message suggests the names the lexicon knows.
  EXPECT_NE(Get(c, "/api/v1/events?actor=Nroth Korea", 400)["error"].get<std::string>().find(
                "North Korea"),
            std::string::npos);
}

TEST(ServerTest, BoundsAndPaths) {
  Running s({.db = PlantedStore("serve-bounds"), .max_body = 1000, .body_seconds = 1});
  httplib::Client c = s.Client();
  auto big = c.Post("/api/v1/upload?name=big.txt", std::string(5000, 'a'), "text/plain");
  ASSERT_TRUE(big);
  EXPECT_EQ(big->status, 413);
  EXPECT_NE(big->body.find("larger than 1000 bytes"), std::string::npos);
  // A body that trickles in is cut off: 408. (A raw socket: the client stops sending when the
  // answer comes.)
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(s.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  std::string head =
      "POST /api/v1/upload?name=slow.txt HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
      "Content-Length: 200\r\n\r\n";
  ASSERT_EQ(send(fd, head.data(), head.size(), MSG_NOSIGNAL), static_cast<ssize_t>(head.size()));
  std::string answer;
  for (int i = 0; i < 20 && answer.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
    char buf[512];
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) answer.assign(buf, static_cast<size_t>(n));
  }
  close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
  // Paths with "..", raw: refused before any route or file is looked at.
  httplib::Client raw = s.Client();
  raw.set_url_encode(false);
  for (const char* path : {"/api/v1/../../etc/passwd", "/../store.db", "/api/v1/documents/.."}) {
    auto r = raw.Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 400) << path;
  }
  // An upload's name never leaves the uploads folder.
  for (const char* name : {"../x.txt", "a/b.txt", ".hidden", "..", "x%2F..%2Fy.txt"}) {
    auto r = c.Post((std::string("/api/v1/upload?name=") + name).c_str(), "text", "text/plain");
    ASSERT_TRUE(r) << name;
    EXPECT_EQ(r->status, 400) << name << ": " << r->body;
  }
  auto none = c.Get("/api/v1/no-such-thing");
  EXPECT_EQ(none->status, 404);
  EXPECT_EQ(Json::parse(none->body)["error"],
            "no such resource: /api/v1/no-such-thing (docs/api.md lists the API)");
}

TEST(ServerTest, CrossOriginOnlyWhenAllowed) {
  Running s({.db = PlantedStore("serve-cors"), .cors_origin = "https://brief.example"});
  auto r = s.Client().Get("/api/v1/health");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->get_header_value("Access-Control-Allow-Origin"), "https://brief.example");
}

TEST(ServerTest, AnotherAddressNeedsAToken) {
  std::string db = PlantedStore("serve-token");
  auto refused = Server::Create({.db = db, .host = "0.0.0.0"}, testing::Shipped());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("needs a token"), std::string::npos);
  EXPECT_TRUE(IsLoopback("127.0.0.1") && IsLoopback("::1") && !IsLoopback("0.0.0.0"));
  Running s({.db = db, .token = "s3cret"});
  httplib::Client c = s.Client();
  auto no = c.Get("/api/v1/health");
  EXPECT_EQ(no->status, 401);
  auto wrong = c.Get("/api/v1/health", {{"Authorization", "Bearer s3cre"}});
  EXPECT_EQ(wrong->status, 401);
  auto yes = c.Get("/api/v1/health", {{"Authorization", "Bearer s3cret"}});
  EXPECT_EQ(yes->status, 200);
  auto cookie = c.Get("/api/v1/health", {{"Cookie", "theme=dark; dyad_token=s3cret"}});
  EXPECT_EQ(cookie->status, 200);
  auto page = c.Get("/?token=s3cret");
  EXPECT_EQ(page->status, 302);
  EXPECT_NE(page->get_header_value("Set-Cookie").find("dyad_token=s3cret; HttpOnly"),
            std::string::npos);
  auto write = c.Post("/api/v1/corrections", R"({"kind":"accept","event_id":"p-1","who":"x"})",
                      "application/json");
  EXPECT_EQ(write->status, 401);
}

TEST(ServerTest, UploadsAndCorrectionsAreStoredAndFailuresChangeNothing) {
  Running s({.db = PlantedStore("serve-write")});
  httplib::Client c = s.Client();
  long long before = Get(c, "/api/v1/health")["events"];
  auto up = c.Post("/api/v1/upload?name=visit.txt", kBrief, "text/plain");
  ASSERT_TRUE(up);
  ASSERT_EQ(up->status, 201) << up->body;
  Json stored = Json::parse(up->body);
  EXPECT_GE(stored["events"].size(), 2u);
  long long doc_id = stored["document_id"];
  Json doc = Get(c, "/api/v1/documents/" + std::to_string(doc_id));
  EXPECT_EQ(doc["path"], "visit.txt");
  ASSERT_FALSE(doc["events"].empty());
  std::vector<long long> span = doc["events"][0]["spans"][0];
  EXPECT_LT(span[0], span[1]);
  EXPECT_TRUE(
      std::filesystem::exists(std::filesystem::path(DYAD_TEST_TMP) / "serve-write" / "uploads"));
  long long after = Get(c, "/api/v1/health")["events"];
  EXPECT_GT(after, before);
  // The same file again changes nothing.
  auto again = c.Post("/api/v1/upload?name=visit-again.txt", kBrief, "text/plain");
  EXPECT_EQ(again->status, 200);
  EXPECT_TRUE(Json::parse(again->body)["already_present"].get<bool>());
  // A file dyad cannot read: a clear 400, the store unchanged.
  auto bad = c.Post("/api/v1/upload?name=broken.pdf", "%PDF-1.4 not really", "application/pdf");
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("broken.pdf"), std::string::npos);
  EXPECT_EQ(Get(c, "/api/v1/health")["events"], after);
  EXPECT_EQ(Get(c, "/api/v1/documents")["documents"].size(), 2u);
  // Corrections: recorded with who and when, seen through the API.
  std::string id = stored["events"][0]["id"];
  auto ok = c.Post("/api/v1/corrections",
                   Json{{"kind", "edit"},
                        {"event_id", id},
                        {"code", "043"},
                        {"who", "kim"},
                        {"note", "a call, not a visit"}}
                       .dump(),
                   "application/json");
  ASSERT_EQ(ok->status, 201) << ok->body;
  Json list = Get(c, "/api/v1/corrections");
  ASSERT_EQ(list["corrections"].size(), 1u);
  EXPECT_EQ(list["corrections"][0]["who"], "kim");
  EXPECT_EQ(list["corrections"][0]["event"]["code"], "043");
  Json edited = Get(c, "/api/v1/events?document=" + std::to_string(doc_id));
  bool found = false;
  for (const Json& e : edited["events"]) found |= e["code"] == "043" && e["review"] == "edited";
  EXPECT_TRUE(found) << edited.dump();
  // A correction that cannot apply: 4xx, nothing recorded.
  for (const char* body : {R"({"kind":"edit","event_id":"ev-none","code":"043","who":"kim"})",
                           R"({"kind":"edit","event_id":"p-1","code":"999","who":"kim"})",
                           R"({"kind":"accept","event_id":"p-1"})", R"(not json)",
                           R"({"kind":"approve","event_id":"p-1","who":"kim"})"}) {
    auto r = c.Post("/api/v1/corrections", body, "application/json");
    EXPECT_GE(r->status, 400) << body;
    EXPECT_LT(r->status, 500) << body << ": " << r->body;
  }
  EXPECT_EQ(Get(c, "/api/v1/corrections")["corrections"].size(), 1u);
}

// Readers during uploads see each document whole: all of its events, or the document not at all.
TEST(ServerTest, ReadersNeverSeeHalfADocument) {
  Running s({.db = PlantedStore("serve-concurrent")});
  std::atomic<bool> done{false};
  std::atomic<int> failures{0};
  std::mutex seen_lock;
  std::vector<std::pair<long long, long long>> seen;  // (document, its events) as read
  std::vector<std::thread> readers;
  for (int t = 0; t < 6; ++t)
    readers.emplace_back([&] {
      httplib::Client c = s.Client();
      // Until the uploads are done, and a last pass after them.
      for (bool last = false; !last;) {
        last = done;
        auto docs = c.Get("/api/v1/documents");
        if (!docs || docs->status != 200) {
          ++failures;
          continue;
        }
        Json listed = Json::parse(docs->body);
        for (const Json& d : listed["documents"]) {
          long long id = d["id"];
          if (id == 1) continue;
          auto evs = c.Get(("/api/v1/events?limit=1000&document=" + std::to_string(id)).c_str());
          if (!evs || evs->status != 200) {
            ++failures;
            continue;
          }
          std::lock_guard<std::mutex> lock(seen_lock);
          seen.emplace_back(id, Json::parse(evs->body)["total"].get<long long>());
        }
      }
    });
  httplib::Client w = s.Client();
  std::map<long long, long long> told;  // each upload's events, as its answer gave them
  for (int i = 0; i < 8; ++i) {
    std::string text = "2024년 " + std::to_string(i + 1) +
                       "월 3일 블라디미르 푸틴 러시아 대통령이 평양을 방문해 김정은 "
                       "국무위원장과 정상회담을 가졌다.\n2024년 " +
                       std::to_string(i + 1) +
                       "월 20일 최선희 외무상이 모스크바에서 라브로프 외무장관과 회담했다.\n";
    auto r =
        w.Post(("/api/v1/upload?name=u" + std::to_string(i) + ".txt").c_str(), text, "text/plain");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
    Json j = Json::parse(r->body);
    told[j["document_id"].get<long long>()] = static_cast<long long>(j["events"].size());
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GE(seen.size(), 8u);
  for (const auto& [id, events] : seen) {
    ASSERT_TRUE(told.count(id)) << id;
    EXPECT_GT(told[id], 1);
    EXPECT_EQ(events, told[id]) << "document " << id << " read with part of its events";
  }
}

}  // namespace
}  // namespace dyad
