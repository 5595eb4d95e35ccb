#!/usr/bin/env python3
"""Score a directory of JSONL shards with lovelorn on a dask.distributed cluster.

    examples/dask_score.py SHARD_DIR OUT_DIR                    # a LocalCluster on this machine
    examples/dask_score.py SHARD_DIR OUT_DIR --workers 8
    examples/dask_score.py SHARD_DIR OUT_DIR --scheduler tcp://10.0.0.5:8786

Every *.jsonl, *.jsonl.gz and *.jsonl.zst file of SHARD_DIR is one task: a
worker runs `lovelorn score` on it in-process (Analyzer.score_file, the GIL
released) and writes OUT_DIR/<shard name without .jsonl[.gz|.zst]>.jsonl,
byte for byte what `lovelorn score /abs/path/SHARD` prints (records that
cannot be read name their shard by absolute path); the file appears under
its name only when complete, so --resume can skip finished shards after a
failure. Concatenating the outputs in shard-name order gives `lovelorn
score` of all shards in that order.

With --scheduler, every worker must be able to `import lovelorn` (same
Python version) and see SHARD_DIR and OUT_DIR under the same paths (a shared
filesystem). The summary line goes to stdout; exit code 1 when some records
had errors (they still have their output line, with "error" set).
"""

import argparse
import os
import sys
import time

SUFFIXES = (".jsonl", ".jsonl.gz", ".jsonl.zst")


def find_shards(shard_dir):
    """The shard files of `shard_dir`, sorted by name, as absolute paths (workers may run elsewhere)."""
    shard_dir = os.path.abspath(shard_dir)
    names = sorted(n for n in os.listdir(shard_dir) if n.endswith(SUFFIXES))
    return [os.path.join(shard_dir, n) for n in names if os.path.isfile(os.path.join(shard_dir, n))]


def output_name(shard_path):
    name = os.path.basename(shard_path)
    for suffix in (".jsonl.gz", ".jsonl.zst", ".jsonl"):
        if name.endswith(suffix):
            return name[: -len(suffix)] + ".jsonl"
    return name + ".jsonl"


def score_shard(analyzer, shard_path, out_path, threads, options):
    """Runs on a worker: one shard in, one output file out; returns the totals."""
    stats = analyzer.score_file(shard_path, out_path, threads=threads, **options)
    stats["shard"] = shard_path
    return stats


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("shard_dir", help="directory of *.jsonl / *.jsonl.gz / *.jsonl.zst shards")
    p.add_argument("out_dir", help="directory for the scored shards (created; must differ from shard_dir)")
    p.add_argument("--scheduler", metavar="ADDRESS", help="a running dask scheduler (default: start a LocalCluster)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--threads", type=int, default=1,
                   help="lovelorn threads per task; LocalCluster workers get as many dask threads (default 1)")
    p.add_argument("--model", default="", help="situation model file (default: the bundled model)")
    p.add_argument("--input-format", default="auto", choices=["auto", "jsonl"])
    p.add_argument("--text-field", default="", help="e.g. title+selftext")
    p.add_argument("--id-field", default="")
    p.add_argument("--time-field", default="")
    p.add_argument("--fields", default="", help="only these output fields, e.g. id,situation")
    p.add_argument("--with-text", action="store_true", help="add each comment's text to the output")
    p.add_argument("--resume", action="store_true",
                   help="skip shards whose output file exists (outputs only appear when complete)")
    p.add_argument("-q", "--quiet", action="store_true", help="no per-shard lines on stderr")
    args = p.parse_args(argv)
    if args.workers < 1 or args.threads < 1:
        p.error("--workers and --threads must be at least 1")
    if os.path.realpath(args.shard_dir) == os.path.realpath(args.out_dir):
        p.error("out_dir must differ from shard_dir")
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from dask.distributed import Client, LocalCluster, as_completed
    import lovelorn

    shards = find_shards(args.shard_dir)
    if not shards:
        print(f"dask_score: no *.jsonl[.gz|.zst] shards in {args.shard_dir}", file=sys.stderr)
        return 2
    os.makedirs(args.out_dir, exist_ok=True)
    out_dir = os.path.abspath(args.out_dir)
    if args.resume:
        done = [s for s in shards if os.path.exists(os.path.join(out_dir, output_name(s)))]
        if done and not args.quiet:
            print(f"dask_score: {len(done)} shard(s) already scored, skipped", file=sys.stderr)
        shards = [s for s in shards if s not in done]
    options = {
        "input_format": args.input_format, "text_field": args.text_field, "id_field": args.id_field,
        "time_field": args.time_field, "with_text": args.with_text,
        "fields": [f for f in args.fields.split(",") if f],
    }

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # Loopback only; one process per worker so analyses run truly in parallel.
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    try:
        start = time.perf_counter()
        # An Analyzer pickles as its options: each worker loads the model once
        # and its tasks share that copy.
        analyzer = client.scatter(lovelorn.Analyzer(args.model) if args.model else lovelorn.Analyzer(),
                                  broadcast=True)
        futures = [
            client.submit(score_shard, analyzer, shard, os.path.join(out_dir, output_name(shard)), args.threads,
                          options, key=f"lovelorn-score-{os.path.basename(shard)}", pure=False)
            for shard in shards
        ]
        totals = {"records": 0, "errors": 0, "skipped": 0, "text_bytes": 0, "input_bytes": 0}
        labels = {}
        for future in as_completed(futures):
            stats = future.result()  # re-raises a worker's lovelorn.Error here
            for k in totals:
                totals[k] += stats[k]
            for label, n in stats["labels"].items():
                labels[label] = labels.get(label, 0) + n
            if not args.quiet:
                print(f"dask_score: {stats['shard']}: {stats['records']} records, {stats['errors']} errors, "
                      f"{stats['seconds']:.2f} s", file=sys.stderr)
        seconds = time.perf_counter() - start
        workers = len(client.scheduler_info()["workers"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    mb = totals["text_bytes"] / 1e6
    label_text = " ".join(f"{k}={labels[k]}" for k in sorted(labels))
    print(f"dask_score: {len(shards)} shards, {totals['records']} records ({totals['errors']} errors, "
          f"{totals['skipped']} skipped), {mb:.2f} MB of text ({totals['input_bytes'] / 1e6:.2f} MB read) "
          f"in {seconds:.2f} s on {workers} workers: {mb / seconds if seconds > 0 else 0.0:.2f} MB/s, "
          f"{totals['records'] / seconds if seconds > 0 else 0.0:.0f} records/s; labels: {label_text}")
    return 1 if totals["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
