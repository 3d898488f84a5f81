// dyad serve: the HTTP API and the dashboard over a store (dyad/server.h).
#include <pthread.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "cli_commands.h"
#include "dyad/server.h"

namespace dyad::cli {

namespace {

// The dashboard built beside the binary (build/web), when there is one.
std::string DefaultWebDir() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  std::filesystem::path web = exe.parent_path() / "web";
  return std::filesystem::is_regular_file(web / "index.html") ? web.string() : "";
}

}  // namespace

void RegisterServe(CLI::App& app, Global& g) {
  struct Flags {
    std::string db = DefaultDb(), listen = "127.0.0.1:8080", token, token_file, web, cors;
    size_t max_body_mb = 64;
    int threads = 32, body_seconds = 60;
  };
  auto f = std::make_shared<Flags>();
  CLI::App* c =
      app.add_subcommand("serve", "The HTTP API (docs/api.md) and the dashboard over a store");
  c->add_option("--db", f->db,
                "store: a SQLite file or a postgresql:// URI (default $DYAD_DB or ./dyad.db); "
                "created if missing");
  c->add_option("--listen", f->listen,
                "HOST:PORT to listen on (default 127.0.0.1:8080; port 0: any free port). "
                "Another address than loopback needs --token");
  c->add_option("--token", f->token, "the token every request must carry");
  c->add_option("--token-file", f->token_file, "read the token from this file (first line)")
      ->check(CLI::ExistingFile);
  c->add_option("--web", f->web, "the dashboard's built files (default: web/ beside the binary)");
  c->add_option("--cors", f->cors, "an origin allowed to call the API (default: none)");
  c->add_option("--max-body", f->max_body_mb, "largest upload in MB (default 64)")
      ->check(CLI::Range(1, 4096));
  c->add_option("--body-seconds", f->body_seconds,
                "a request body must arrive within this many seconds (default 60)")
      ->check(CLI::Range(1, 3600));
  c->add_option("--threads", f->threads, "worker threads, one per open connection (default 32)")
      ->check(CLI::Range(1, 256));
  c->callback([f, &g] {
    ServeOptions o;
    o.db = f->db;
    size_t colon = f->listen.rfind(':');
    if (colon == std::string::npos)
      throw CLI::ValidationError("--listen", "'" + f->listen + "' is not HOST:PORT");
    o.host = f->listen.substr(0, colon);
    try {
      o.port = std::stoi(f->listen.substr(colon + 1));
    } catch (...) {
      throw CLI::ValidationError("--listen", "'" + f->listen + "': the port is not a number");
    }
    if (o.port < 0 || o.port > 65535)
      throw CLI::ValidationError("--listen", "the port must be 0…65535");
    o.token = f->token;
    if (!f->token_file.empty()) {
      std::ifstream in(f->token_file);
      std::getline(in, o.token);
      if (o.token.empty())
        throw CLI::ValidationError("--token-file", f->token_file + " holds no token");
    }
    o.web_dir = f->web.empty() ? DefaultWebDir() : f->web;
    o.cors_origin = f->cors;
    o.max_body = f->max_body_mb << 20;
    o.body_seconds = f->body_seconds;
    o.threads = f->threads;
    if (!g.data_dir.empty()) o.data_dir = g.data_dir;
    auto res = LoadResources(g);
    if (!res) {
      g.exit_code = 2;
      return;
    }
    // SIGINT and SIGTERM are waited for by one thread, which stops the server cleanly.
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, nullptr);
    Result<std::unique_ptr<Server>> server = Server::Create(o, res);
    if (!server.ok()) {
      std::cerr << "dyad: " << server.status().message() << "\n";
      g.exit_code = 2;
      return;
    }
    Result<int> port = (*server)->Bind();
    if (!port.ok()) {
      std::cerr << "dyad: " << port.status().message() << "\n";
      g.exit_code = 2;
      return;
    }
    std::string url = "http://" +
                      (o.host.find(':') != std::string::npos ? "[" + o.host + "]" : o.host) + ":" +
                      std::to_string(*port) + "/";
    std::printf(
        "dyad: serving %s on %s%s%s\n", StoreNameForMessages(o.db).c_str(), url.c_str(),
        o.web_dir.empty() ? " (API only: no dashboard built; scripts/setup.sh builds it)" : "",
        o.token.empty() ? "" : " (open it with ?token=…)");
    std::fflush(stdout);
    Server* s = server->get();
    std::thread watcher([s, stop] {
      int sig = 0;
      sigwait(&stop, &sig);
      s->Stop();
    });
    s->Run();
    // Stopped by a signal, or the server ended on its own: wake the watcher either way.
    pthread_kill(watcher.native_handle(), SIGTERM);
    watcher.join();
    std::printf("dyad: stopped\n");
  });
}

}  // namespace dyad::cli
