// dyad serve: the HTTP API (/api/v1, docs/api.md) and the dashboard's files over one store.
//
// Readers run concurrently, each worker thread on its own read-only connection, and every
// request reads one snapshot of the store (a read transaction), so a document being stored is
// seen whole or not at all. Writes (an upload, a correction) go through one writer connection,
// one at a time; a write that fails leaves the store as it was.
//
// Safety: the server listens on 127.0.0.1 unless told otherwise, and another address needs a
// token, checked on every request (an `Authorization: Bearer` header or the cookie the dashboard
// gets from `/?token=`). Request bodies are bounded in size and in time (413, 408); an upload is
// written only inside the store's uploads folder; every query is parameterised; no CORS header
// is sent unless an origin is allowed; pages carry a Content-Security-Policy.
//
//   ServeOptions o{.db = "dyad.db", .port = 0};
//   Result<std::unique_ptr<Server>> s = Server::Create(o, resources);
//   int port = *(*s)->Bind();
//   std::thread t([&] { (*s)->Run(); });  …  (*s)->Stop(); t.join();
#ifndef DYAD_SERVER_H_
#define DYAD_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "dyad/lexicon.h"
#include "dyad/status.h"

namespace dyad {

struct ServeOptions {
  std::string db;  // the store; created when missing
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: a free port, which Bind returns
  std::string token;            // required when `host` is not a loopback address
  std::string web_dir;          // the dashboard's built files; empty: the API alone
  std::string uploads_dir;      // default: "uploads" beside the store file (in the working
                                // folder for a PostgreSQL store)
  std::string data_dir;         // dyad's data/ (burden figures, pledges); default DataDir()
  std::string cors_origin;      // an origin allowed to call the API; empty: none
  size_t max_body = 64u << 20;  // bytes of a request body (an upload): 413 past it
  int body_seconds = 60;        // the whole body must arrive within this: 408 past it
  int threads = 32;             // worker threads: a kept-alive connection holds one
};

// Is `host` a loopback address (127.0.0.0/8, ::1, localhost)?
bool IsLoopback(const std::string& host);

class Server {
 public:
  // Fails when the options are unsafe (another address without a token) or the store cannot be
  // opened or created.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options,
                                                std::shared_ptr<const Resources> resources);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address; returns the port (the one chosen when options.port is 0).
  Result<int> Bind();
  // Serves until Stop; returns at once when not bound.
  void Run();
  // Stops serving; safe from another thread or a signal-watching thread.
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_H_
