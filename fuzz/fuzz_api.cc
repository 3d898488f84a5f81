// libFuzzer target: arbitrary bytes as a request to dyad serve's API, after httplib has parsed
// it: a route (the first byte picks it), path captures, query parameters and a body, each split
// from the input. Every read route and the corrections route run against a small store.
// Contracts: no crash; every answer is JSON with a status a client can act on (2xx, 4xx), and
// an error names what to fix.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "dyad/server.h"
#include "dyad/store.h"
#include "fuzz_util.h"
#include "server/api.h"

using namespace dyad;
using namespace dyad::server_internal;

namespace {

Context& Ctx() {
  static Context* c = [] {
    std::string db = "/tmp/dyad-fuzz-api-" + std::to_string(getpid()) + ".db";
    auto store = Store::Open(db);
    if (!store.ok()) std::abort();
    ServeOptions o;
    o.db = db;
    o.uploads_dir = "/tmp/dyad-fuzz-api-uploads";
    return new Context(o, fuzz::Res(), std::move(store).value());
  }();
  return *c;
}

// The next piece of the input up to a separator byte (0xFF), or the rest.
std::string Piece(std::string_view* in) {
  size_t at = in->find('\xFF');
  std::string out(in->substr(0, at));
  *in = at == std::string_view::npos ? std::string_view() : in->substr(at + 1);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::vector<Route>& routes = Routes();
  const Route& route = routes[data[0] % routes.size()];
  if (route.writes && std::string(route.pattern) == "/upload") return 0;  // coding: fuzz_code
  std::string_view in = fuzz::Bytes(data + 1, size - 1);
  Request r;
  r.path.push_back(Piece(&in));
  for (int i = 0; i < 8 && !in.empty(); ++i) {
    std::string key = Piece(&in), value = Piece(&in);
    r.params.emplace(key, value);
  }
  r.body = std::string(in);
  Context& c = Ctx();
  Result<Store*> store = c.Reader();
  if (!store.ok()) std::abort();
  if (!route.writes && !(*store)->BeginRead().ok()) std::abort();
  Reply reply = route.handler(c, r);
  if (!route.writes) (*store)->EndRead();
  if (reply.status < 200 || reply.status >= 500)
    std::fprintf(stderr, "route %s answered %d: %s\n", route.pattern, reply.status,
                 reply.body.substr(0, 300).c_str());
  fuzz::Check(reply.status >= 200 && reply.status < 500);
  // JSON answers (an export of JSON Lines is a file, not one document).
  if (reply.content_type.rfind("application/json", 0) == 0) {
    nlohmann::json j = nlohmann::json::parse(reply.body, nullptr, false);
    fuzz::Check(!j.is_discarded());
    if (reply.status >= 400) fuzz::Check(j.contains("error"));
  }
  return 0;
}
