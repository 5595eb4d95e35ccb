"""examples/dask_score.py on a 2-worker LocalCluster (loopback) against `lovelorn score`."""
import os
import subprocess
import sys

import pytest

from conftest import SOURCE_DIR, run_cli, write_shards

pytest.importorskip("dask")
pytest.importorskip("distributed")

EXAMPLE = os.path.join(SOURCE_DIR, "examples", "dask_score.py")


def test_two_worker_local_cluster_equals_lovelorn_score(cli, tmp_path):
    shards = write_shards(str(tmp_path / "shards"), n_shards=4, per_shard=60, broken_line_in=1, compress=(2, 3))
    out_dir = tmp_path / "scored"
    r = subprocess.run([sys.executable, EXAMPLE, str(tmp_path / "shards"), str(out_dir), "--workers", "2"],
                       capture_output=True, text=True, cwd=tmp_path, timeout=240)
    assert r.returncode == 1, r.stderr  # shard-001 has a broken line: an error record
    summary = r.stdout.strip().splitlines()[-1]
    assert summary.startswith("dask_score: 4 shards, 241 records (1 errors") and "on 2 workers" in summary, summary

    outputs = sorted(os.listdir(out_dir))
    assert outputs == [f"shard-{i:03d}.jsonl" for i in range(4)]
    distributed = "".join((out_dir / name).read_text() for name in outputs)
    expected = run_cli(cli, "score", "-q", *shards)
    assert len(distributed.splitlines()) == len(expected.splitlines()) == 241
    for got, want in zip(distributed.splitlines(), expected.splitlines()):
        assert got == want
    assert distributed == expected


def test_refuses_to_write_into_the_shard_directory(tmp_path):
    write_shards(str(tmp_path), n_shards=1, per_shard=2, compress=())
    r = subprocess.run([sys.executable, EXAMPLE, str(tmp_path), str(tmp_path)], capture_output=True, text=True)
    assert r.returncode == 2 and "must differ" in r.stderr
