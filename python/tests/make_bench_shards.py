#!/usr/bin/env python3
"""Writes synthetic JSONL shards for measuring throughput (not a test).

    python/tests/make_bench_shards.py OUT_DIR [--shards 4] [--records 40000] [--zst]

Each comment joins 1-5 sentences drawn (seeded) from the test texts in
conftest.py, so the numbers are reproducible; no real comments are used.
"""
import argparse
import json
import os
import random
import subprocess

from conftest import TEXTS, jsonl_record


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir")
    p.add_argument("--shards", type=int, default=4)
    p.add_argument("--records", type=int, default=40000, help="records per shard")
    p.add_argument("--zst", action="store_true", help="compress the shards with zstd")
    args = p.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    sentences = [t for t in TEXTS if t]
    rng = random.Random(8)
    for s in range(args.shards):
        path = os.path.join(args.out_dir, f"shard-{s:03d}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i in range(args.records):
                text = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 5)))
                f.write(json.dumps(jsonl_record(i, text, s), ensure_ascii=False) + "\n")
        if args.zst:
            subprocess.run(["zstd", "-q", "--rm", "-f", path], check=True)


if __name__ == "__main__":
    main()
