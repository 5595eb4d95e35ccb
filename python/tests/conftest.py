"""Shared fixtures: the CLI binary, comment texts written for these tests, shard files.

CTest sets LOVELORN_CLI (the CLI of the same build) and PYTHONPATH (the module);
run by hand with e.g.
    LOVELORN_CLI=build/lovelorn PYTHONPATH=build/python/site-packages /usr/bin/python3 -m pytest python/tests
"""
import json
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.environ.get("LOVELORN_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))

# Written for these tests: durations, contact events, questions, non-ASCII
# characters before spans (so byte and str offsets differ), quotes and emoji.
TEXTS = [
    "we dated for 2 years and he ghosted me",
    "My boyfriend of eight months hasn't texted me since Sunday. Should I call him?",
    "She broke up with me three weeks ago and now she keeps liking my photos 🙃",
    "No contact for 45 days so far. It's hard but I'm not going to message him.",
    "We were together for about a year and a half, he called me twice last week – then nothing.",
    "Honestly? Block him. You deserve someone who answers your texts every day.",
    "My ex came back after 6 months saying he misses me, café dates and all. Do I believe him?",
    "He checks my phone every night and gets angry when I see my friends.",
    "Married 11 years, I found messages to another woman on his laptop.",
    "He said he isn't ready for a relationship after his divorce a few months ago.",
    "Ça fait deux semaines… he only answers my messages with one word now.",
    "I texted her “happy birthday” 3 days ago and she never replied.",
    "",
    "Just a short note with no relationship content at all.",
    "We met on an app in 2019, moved in together last spring and broke up in June.",
    "He FaceTimes me once a week but won't meet in person. Is he pulling away?",
]


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("LOVELORN_CLI") or os.path.join(SOURCE_DIR, "build", "lovelorn")
    if not os.access(path, os.X_OK):
        pytest.skip(f"the lovelorn CLI was not found at {path} (set LOVELORN_CLI)")
    return path


def run_cli(cli, *args, stdin=None):
    """Runs the CLI, returns its stdout as text; exit codes 0 and 1 (record errors) are fine."""
    r = subprocess.run([cli, *args], input=stdin, capture_output=True)
    assert r.returncode in (0, 1), r.stderr.decode(errors="replace")
    return r.stdout.decode()


def jsonl_record(i, text, shard=0):
    return {"id": f"t{shard}_{i}", "author": f"user{i % 5}", "created_utc": 1680000000 + 3600 * i + 86400 * shard,
            "parent_id": f"t3_post{shard}", "body": text}


def write_shards(directory, n_shards=4, per_shard=24, broken_line_in=1, compress=(3,)):
    """Writes shard files of JSONL comments built from TEXTS; returns their paths in name order.

    One shard gets a line of broken JSON (an error record); the shards listed
    in `compress` are .jsonl.zst when the zstd tool is available."""
    os.makedirs(directory, exist_ok=True)
    paths = []
    for s in range(n_shards):
        lines = []
        for i in range(per_shard):
            text = TEXTS[(i + 5 * s) % len(TEXTS)]
            if text and i % 3 == 0:
                text = f"{text} (update {s}.{i}: still waiting)"
            lines.append(json.dumps(jsonl_record(i, text, s), ensure_ascii=(i % 2 == 0)))
        if s == broken_line_in:
            lines.insert(3, '{"id": "broken", "body": "this line is not finished')
        path = os.path.join(directory, f"shard-{s:03d}.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        if s in compress and shutil.which("zstd"):
            subprocess.run(["zstd", "-q", "--rm", path], check=True)
            path += ".zst"
        paths.append(path)
    return sorted(paths)
