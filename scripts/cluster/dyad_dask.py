#!/usr/bin/python3
"""Code a corpus on a Dask cluster: each worker runs `dyad code` over a partition of the
documents and writes JSON Lines; the parts are then joined into one file (docs/reliability.md).

dyad's coder is a stateless filter: a document's events depend on the document and the
dictionaries alone, so partitions can be coded anywhere and the union is the events of a single
`dyad code` over the whole corpus (tests/cluster/dask_equality.sh asserts it).

    dyad_dask.py --local 4 --dyad build/dyad --out out/ CORPUS_DIR_OR_FILES...
    dyad_dask.py --scheduler tcp://host:8786 --dyad /opt/dyad/bin/dyad --out /shared/out ...

With --scheduler, every worker must see the dyad binary, its data/ and the documents at the same
paths (a shared file system), and --out must be shared too. The joined events go to
OUT/events.jsonl; `dyad import --db store.db OUT/events.jsonl` stores them.

With --db postgresql://…, each worker loads its own part into the team's PostgreSQL store as
soon as it is coded (`dyad import`, which loads with COPY): one imported file per part. The
database serialises the loads; the coding runs on every worker at once.
"""
import argparse
import os
import subprocess
import sys
import time


def partitions(files, n):
    """n partitions of about equal bytes: the largest files first, each to the lightest part."""
    parts = [[] for _ in range(n)]
    sizes = [0] * n
    for f in sorted(files, key=lambda f: -os.path.getsize(f)):
        i = sizes.index(min(sizes))
        parts[i].append(f)
        sizes[i] += os.path.getsize(f)
    return [sorted(p) for p in parts if p]


def code_part(dyad, files, out, env, db=None):
    """On a worker: dyad code over one partition, into one JSON Lines file; then, with a
    PostgreSQL store, the part loaded into it."""
    start = time.time()
    with open(out, "wb") as f:
        done = subprocess.run([dyad, "code", "--format", "jsonl", *files], stdout=f,
                              stderr=subprocess.PIPE, env={**os.environ, **env})
    lines = sum(1 for _ in open(out, "rb"))
    result = {"part": out, "documents": len(files), "events": lines,
              "seconds": time.time() - start, "status": done.returncode,
              "stderr": done.stderr.decode("utf-8", "replace")[-2000:]}
    if db and done.returncode in (0, 1) and lines:
        load = subprocess.run([dyad, "import", "--db", db, "--format", "jsonl", out],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, **env})
        if load.returncode != 0:
            result["status"] = load.returncode
            result["stderr"] = "loading: " + load.stderr.decode("utf-8", "replace")[-2000:]
        result["seconds"] = time.time() - start
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", type=int, metavar="WORKERS", help="a local cluster of WORKERS processes")
    where.add_argument("--scheduler", help="the address of a running dask-scheduler")
    ap.add_argument("--dyad", required=True, help="the dyad binary (the same path on every worker)")
    ap.add_argument("--out", required=True, help="the folder for the parts and events.jsonl")
    ap.add_argument("--partitions", type=int, default=0, help="default: 4 per worker")
    ap.add_argument("--db", help="a postgresql:// store each worker loads its part into")
    ap.add_argument("inputs", nargs="+", help="documents, or folders of them")
    a = ap.parse_args()

    files = []
    for p in a.inputs:
        if os.path.isdir(p):
            files += [os.path.join(p, f) for f in sorted(os.listdir(p))
                      if os.path.isfile(os.path.join(p, f)) and not f.endswith(".gold.tsv")]
        else:
            files.append(p)
    if not files:
        sys.exit("dyad_dask: no documents in " + " ".join(a.inputs))
    files = [os.path.abspath(f) for f in files]
    dyad = os.path.abspath(a.dyad)
    os.makedirs(a.out, exist_ok=True)
    out = os.path.abspath(a.out)

    from dask.distributed import Client, LocalCluster
    if a.local:
        cluster = LocalCluster(n_workers=a.local, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        workers = a.local
    else:
        client = Client(a.scheduler)
        workers = len(client.scheduler_info()["workers"])
    parts = partitions(files, a.partitions or 4 * max(1, workers))
    env = {"DYAD_LEXICON": os.environ.get("DYAD_LEXICON", "")}
    start = time.time()
    if a.db and not a.db.startswith(("postgresql://", "postgres://")):
        sys.exit("dyad_dask: --db takes a postgresql:// store (workers on several hosts cannot "
                 "share a SQLite file); import OUT/events.jsonl into a file instead")
    futures = [client.submit(code_part, dyad, p, os.path.join(out, "part-%04d.jsonl" % i), env,
                             a.db, pure=False) for i, p in enumerate(parts)]
    results = client.gather(futures)
    seconds = time.time() - start
    client.close()
    failed = [r for r in results if r["status"] not in (0, 1)]
    with open(os.path.join(out, "events.jsonl"), "wb") as joined:
        for r in sorted(results, key=lambda r: r["part"]):
            with open(r["part"], "rb") as f:
                joined.write(f.read())
    events = sum(r["events"] for r in results)
    mb = sum(os.path.getsize(f) for f in files) / 1e6
    print("dyad_dask: %d documents (%.1f MB) in %d partitions on %d workers: %d events in %.2f s "
          "(%.1f documents/s, %.2f MB/s)" % (len(files), mb, len(parts), workers, events, seconds,
                                            len(files) / seconds, mb / seconds))
    for r in failed:
        print("dyad_dask: %s failed (exit %d): %s" % (r["part"], r["status"], r["stderr"]),
              file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
