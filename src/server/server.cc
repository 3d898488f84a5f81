// dyad serve (dyad/server.h): the HTTP side — binding, the token, bounds on bodies, security
// headers, the dashboard's files — around the API's routes (api.cc).
#include "dyad/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <regex>

#include "dyad/query_names.h"
#include "server/api.h"

namespace dyad {

using server_internal::Context;
using server_internal::ErrorReply;
using server_internal::Json;
using server_internal::Reply;
using server_internal::Route;

namespace server_internal {

Reply JsonReply(const Json& j, int status) {
  Reply r;
  r.status = status;
  // Text that is not UTF-8 is replaced, not refused: a reply never fails on a stored byte.
  r.body = j.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Reply ErrorReply(int status, const std::string& message, const std::string& parameter) {
  Json j;
  j["error"] = message;
  if (!parameter.empty()) j["parameter"] = parameter;
  return JsonReply(j, status);
}

Reply BadParameter(const Status& s, const std::string& name) {
  return ErrorReply(400, name + ": " + s.message(), name);
}

std::optional<std::string> Params::Text(const std::string& name) const {
  auto it = r_.params.find(name);
  if (it == r_.params.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Params::All(const std::string& name) const {
  std::vector<std::string> out;
  auto [from, to] = r_.params.equal_range(name);
  for (auto it = from; it != to; ++it) {
    size_t start = 0;
    const std::string& v = it->second;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      std::string item =
          v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!item.empty()) out.push_back(item);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

Result<std::optional<Date>> Params::DateBound(const std::string& name, bool end) const {
  std::optional<std::string> v = Text(name);
  if (!v || v->empty()) return std::optional<Date>();
  std::optional<Date> d = Date::ParseBound(*v, end);
  if (!d) return Status::InvalidInput("'" + *v + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
  return d;
}

Result<long long> Params::Int(const std::string& name, long long fallback, long long lo,
                              long long hi) const {
  std::optional<std::string> v = Text(name);
  if (!v || v->empty()) return fallback;
  long long n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size())
    return Status::InvalidInput("'" + *v + "' is not a whole number");
  if (n < lo || n > hi)
    return Status::InvalidInput(std::to_string(n) + " is outside " + std::to_string(lo) + "…" +
                                std::to_string(hi));
  return n;
}

Result<double> Params::Real(const std::string& name, double fallback) const {
  std::optional<std::string> v = Text(name);
  if (!v || v->empty()) return fallback;
  char* end = nullptr;
  double d = std::strtod(v->c_str(), &end);
  if (end != v->c_str() + v->size() || !std::isfinite(d))
    return Status::InvalidInput("'" + *v + "' is not a number");
  return d;
}

bool Params::Flag(const std::string& name) const {
  std::optional<std::string> v = Text(name);
  return v && *v != "0" && *v != "false";
}

Context::Context(ServeOptions options, std::shared_ptr<const Resources> resources,
                 std::unique_ptr<Store> writer)
    : options_(std::move(options)),
      resources_(std::move(resources)),
      coder_(resources_),
      writer_(std::move(writer)) {}

Result<Store*> Context::Reader() {
  std::lock_guard<std::mutex> lock(readers_lock_);
  std::unique_ptr<Store>& s = readers_[std::this_thread::get_id()];
  if (s == nullptr) {
    Result<std::unique_ptr<Store>> opened = Store::Open(options_.db, StoreAccess::kReadOnly);
    if (!opened.ok()) return opened.status();
    s = std::move(opened).value();
  }
  return s.get();
}

Result<const burden::BurdenData*> Context::Burden() {
  std::lock_guard<std::mutex> lock(burden_lock_);
  if (burden_ == nullptr) {
    std::vector<std::string> problems;
    burden::LoadOptions load;
    load.data_dir = options_.data_dir.empty() ? DataDir() : options_.data_dir;
    Result<burden::BurdenData> d = burden::LoadBurdenData(load, &problems);
    if (!d.ok()) return d.status();
    burden_ = std::make_unique<burden::BurdenData>(std::move(d).value());
  }
  return burden_.get();
}

Result<std::string> Context::Side(const std::string& name) const {
  return ResolveQueryName(resources_->lexicon, name);
}

}  // namespace server_internal

bool IsLoopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

struct Server::Impl {
  std::unique_ptr<Context> context;
  httplib::Server http;
  bool bound = false;
  int listening = -1;  // the listening socket, seen as httplib sets its options
};

namespace {

// Compares in time independent of where the strings differ.
bool SameSecret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
  return diff == 0;
}

// The token a request carries: a Bearer header, or the dashboard's cookie.
std::string TokenOf(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  if (auth.rfind("Bearer ", 0) == 0) return auth.substr(7);
  std::string cookies = req.get_header_value("Cookie");
  for (size_t at = cookies.find("dyad_token="); at != std::string::npos;
       at = cookies.find("dyad_token=", at + 1)) {
    if (at != 0 && cookies[at - 1] != ' ' && cookies[at - 1] != ';') continue;
    size_t start = at + 11, end = cookies.find(';', start);
    return cookies.substr(start, end == std::string::npos ? std::string::npos : end - start);
  }
  return "";
}

void SecurityHeaders(httplib::Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                 "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
                 "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", "no-store");
}

void Send(httplib::Response& res, const Reply& r) {
  res.status = r.status;
  if (!r.filename.empty())
    res.set_header("Content-Disposition", "attachment; filename=\"" + r.filename + "\"");
  res.set_content(r.body, r.content_type.c_str());
}

// Runs a route: its parameters, its body read within the bounds, and a read snapshot or the
// writer's lock.
void Dispatch(Context& c, const Route& route, const httplib::Request& req, httplib::Response& res,
              const httplib::ContentReader* reader) {
  server_internal::Request r;
  for (const auto& [k, v] : req.params) r.params.emplace(k, v);
  for (size_t i = 1; i < req.matches.size(); ++i) r.path.push_back(req.matches[i]);
  r.content_type = req.get_header_value("Content-Type");
  if (reader != nullptr) {
    // The body, bounded in size and in time (a client that trickles bytes is cut off).
    auto start = std::chrono::steady_clock::now();
    auto limit = std::chrono::seconds(c.options().body_seconds);
    int refused = 0;
    bool whole = (*reader)([&](const char* data, size_t n) {
      if (r.body.size() + n > c.options().max_body) {
        refused = 413;
        return false;
      }
      if (std::chrono::steady_clock::now() - start > limit) {
        refused = 408;
        return false;
      }
      r.body.append(data, n);
      return true;
    });
    // httplib refuses a declared length past the bound before reading a byte.
    if (!whole && refused == 0)
      refused = req.get_header_value<uint64_t>("Content-Length") > c.options().max_body ? 413 : 400;
    if (refused == 400) {
      Send(res, ErrorReply(400, "the body could not be read whole"));
      return;
    }
    if (refused == 413) {
      Send(res, ErrorReply(413, "the body is larger than " + std::to_string(c.options().max_body) +
                                    " bytes (dyad serve --max-body)"));
      return;
    }
    if (refused == 408) {
      Send(res, ErrorReply(408, "the body did not arrive within " +
                                    std::to_string(c.options().body_seconds) + " seconds"));
      return;
    }
  }
  if (route.writes) {
    Send(res, route.handler(c, r));
    return;
  }
  Result<Store*> store = c.Reader();
  if (!store.ok()) {
    Send(res, ErrorReply(503, store.status().message()));
    return;
  }
  if (Status st = (*store)->BeginRead(); !st.ok()) {
    Send(res, ErrorReply(503, st.message()));
    return;
  }
  Reply reply = route.handler(c, r);
  (*store)->EndRead();
  Send(res, reply);
}

}  // namespace

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() { Stop(); }

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options,
                                               std::shared_ptr<const Resources> resources) {
  if (!IsLoopback(options.host) && options.token.empty())
    return Status::InvalidInput("listening on " + options.host +
                                " needs a token (--token or --token-file): anyone who can reach "
                                "the address could read and change the store");
  if (resources == nullptr) return Status::InvalidInput("the dictionaries are not loaded");
  Result<std::unique_ptr<Store>> writer = Store::Open(options.db, StoreAccess::kCreate);
  if (!writer.ok()) return writer.status();
  ServeOptions o = options;
  if (o.uploads_dir.empty())  // a database on a server has no folder: the working one
    o.uploads_dir = IsPostgresUri(o.db)
                        ? (std::filesystem::current_path() / "uploads").string()
                        : (std::filesystem::absolute(o.db).parent_path() / "uploads").string();
  auto impl = std::make_unique<Impl>();
  impl->context = std::make_unique<Context>(o, std::move(resources), std::move(writer).value());
  Context& c = *impl->context;
  httplib::Server& http = impl->http;
  int threads = std::max(1, o.threads);
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(o.max_body);
  http.set_read_timeout(std::min(o.body_seconds, 30), 0);
  http.set_write_timeout(30, 0);
  http.set_keep_alive_max_count(10000);
  Impl* raw = impl.get();
  http.set_socket_options([raw](socket_t sock) {
    httplib::default_socket_options(sock);
    raw->listening = static_cast<int>(sock);
  });
  // Every request: the token when one is set, and the headers every answer carries.
  http.set_pre_routing_handler([&c](const httplib::Request& req, httplib::Response& res) {
    SecurityHeaders(res);
    if (!c.options().cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", c.options().cors_origin);
      res.set_header("Vary", "Origin");
    }
    if (req.path.find("..") != std::string::npos) {
      Send(res, ErrorReply(400, "a path with '..' is refused"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (!c.options().token.empty()) {
      // The dashboard's first page: /?token=… sets the cookie its later requests carry.
      if (req.path == "/" && req.has_param("token") &&
          SameSecret(req.get_param_value("token"), c.options().token)) {
        res.set_header("Set-Cookie",
                       "dyad_token=" + c.options().token + "; HttpOnly; SameSite=Strict; Path=/");
        res.set_redirect("/");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!SameSecret(TokenOf(req), c.options().token)) {
        Send(res, ErrorReply(401,
                             "a token is needed: Authorization: Bearer TOKEN, or open the "
                             "dashboard at /?token=TOKEN"));
        return httplib::Server::HandlerResponse::Handled;
      }
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Send(res, ErrorReply(500, "the server failed on this request"));
      });
  http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 404)
      Send(res,
           ErrorReply(404,
                      "no such resource: " + req.path +
                          (req.path.rfind("/api/", 0) == 0 ? " (docs/api.md lists the API)" : "")));
    else if (res.status == 413)
      Send(res, ErrorReply(413, "the body is too large (dyad serve --max-body)"));
    else
      Send(res, ErrorReply(res.status, "the request could not be served"));
  });
  for (const Route& route : server_internal::Routes()) {
    std::string pattern = std::string("/api/v1") + route.pattern;
    if (std::string(route.method) == "GET") {
      http.Get(pattern, [&c, &route](const httplib::Request& req, httplib::Response& res) {
        Dispatch(c, route, req, res, nullptr);
      });
    } else {
      http.Post(pattern, [&c, &route](const httplib::Request& req, httplib::Response& res,
                                      const httplib::ContentReader& reader) {
        Dispatch(c, route, req, res, &reader);
      });
    }
  }
  if (!o.web_dir.empty()) {
    if (!std::filesystem::is_directory(o.web_dir))
      return Status::NotFound(o.web_dir +
                              ": the dashboard's files are not there (scripts/setup.sh builds "
                              "them into build/web)");
    if (!http.set_mount_point("/", o.web_dir))
      return Status::IoError(o.web_dir + ": cannot serve the dashboard's files");
  }
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Result<int> Server::Bind() {
  const ServeOptions& o = impl_->context->options();
  std::string host = o.host == "localhost" ? "127.0.0.1" : o.host;
  int port = o.port == 0 ? impl_->http.bind_to_any_port(host)
                         : (impl_->http.bind_to_port(host, o.port) ? o.port : -1);
  if (port < 0)
    return Status::IoError("cannot listen on " + o.host + ":" + std::to_string(o.port) +
                           " (in use, or not an address of this machine)");
  // httplib listens with a backlog of 5: a burst of new connections (fifty dashboards opening
  // at once) would overflow it and wait a second for the SYN to be sent again. Listening again
  // on the bound socket raises the backlog to the system's limit.
  if (impl_->listening >= 0) ::listen(impl_->listening, SOMAXCONN);
  impl_->bound = true;
  return port;
}

void Server::Run() {
  if (impl_->bound) impl_->http.listen_after_bind();
}

void Server::Stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

}  // namespace dyad
