// What the HTTP API's handlers share: the answer they build, the request's parameters read with
// errors that name the parameter, and the server's state. Private to src/server.
#ifndef DYAD_SERVER_API_H_
#define DYAD_SERVER_API_H_

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "dyad/burden_report.h"
#include "dyad/coder.h"
#include "dyad/date.h"
#include "dyad/lexicon.h"
#include "dyad/server.h"
#include "dyad/status.h"
#include "dyad/store.h"

namespace dyad::server_internal {

using Json = nlohmann::ordered_json;

// What a handler answers: a status, a body and its type; a download names its file.
struct Reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json; charset=utf-8";
  std::string filename;
};
Reply JsonReply(const Json& j, int status = 200);
// {"error": message, "parameter": name}: what to fix, and where.
Reply ErrorReply(int status, const std::string& message, const std::string& parameter = "");

// A request as the handlers see it: its parameters (query string, repeated keys kept), the
// parts of its path a route captured, and its body.
struct Request {
  std::multimap<std::string, std::string> params;
  std::vector<std::string> path;  // the route's captures, e.g. the id of /events/{id}
  std::string body;
  std::string content_type;
};

// A parameter's value read and checked; `error` is the 400 to answer when it is wrong.
class Params {
 public:
  explicit Params(const Request& r) : r_(r) {}
  std::optional<std::string> Text(const std::string& name) const;
  std::vector<std::string> All(const std::string& name) const;  // every value, comma lists split
  // A date bound: YYYY, YYYY-MM or YYYY-MM-DD.
  Result<std::optional<Date>> DateBound(const std::string& name, bool end) const;
  // An integer in [lo, hi], or `fallback` when absent.
  Result<long long> Int(const std::string& name, long long fallback, long long lo,
                        long long hi) const;
  Result<double> Real(const std::string& name, double fallback) const;
  bool Flag(const std::string& name) const;  // present and not "0" or "false"

 private:
  const Request& r_;
};
// The 400 for a parameter a Result failed on.
Reply BadParameter(const Status& s, const std::string& name);

// The server's state, shared by the handlers.
class Context {
 public:
  Context(ServeOptions options, std::shared_ptr<const Resources> resources,
          std::unique_ptr<Store> writer);
  const ServeOptions& options() const { return options_; }
  const Resources& resources() const { return *resources_; }
  const Coder& coder() const { return coder_; }
  // This worker thread's read-only connection to the store.
  Result<Store*> Reader();
  // The one writer: hold the lock while using it.
  Store& writer() { return *writer_; }
  std::mutex& write_lock() { return write_lock_; }
  // The burden figures (data/burden), loaded on first use.
  Result<const burden::BurdenData*> Burden();
  // A side as queries take it: a code, or a name the lexicon knows (북한, NATO).
  Result<std::string> Side(const std::string& name) const;

 private:
  ServeOptions options_;
  std::shared_ptr<const Resources> resources_;
  Coder coder_;
  std::unique_ptr<Store> writer_;
  std::mutex write_lock_;
  std::mutex readers_lock_;
  std::unordered_map<std::thread::id, std::unique_ptr<Store>> readers_;
  std::mutex burden_lock_;
  std::unique_ptr<burden::BurdenData> burden_;
};

// A handler: reads a request, answers.
using Handler = Reply (*)(Context& c, const Request& r);

struct Route {
  const char* method;   // GET, POST
  const char* pattern;  // a regular expression over the path after /api/v1
  Handler handler;
  bool writes;  // runs on the writer; otherwise in a read snapshot
};
// Every route of the API (api.cc).
const std::vector<Route>& Routes();

}  // namespace dyad::server_internal

#endif  // DYAD_SERVER_API_H_
