"""The Python module against the CLI of the same build: same records, same numbers."""
import concurrent.futures
import json
import os
import pickle
import threading
import time

import pytest

import lovelorn
from conftest import TEXTS, run_cli, write_shards

META = ("id", "author", "parent", "parent_inferred")


def strip(record, keys=META):
    """The record without metadata keys and without the str indices of its spans."""
    out = {k: v for k, v in record.items() if k not in keys}
    for key in ("durations", "time_anchors", "contact_events"):
        if key in out:
            out[key] = [{k: v for k, v in s.items() if k not in ("begin_char", "end_char")} for s in out[key]]
    return out


@pytest.fixture(scope="module")
def analyzer():
    return lovelorn.Analyzer()


@pytest.fixture(scope="module")
def shard(tmp_path_factory):
    return write_shards(str(tmp_path_factory.mktemp("dump")), n_shards=2, per_shard=40, broken_line_in=0,
                        compress=())[0]


def test_analyze_equals_cli_score_record_for_record(cli, analyzer, shard):
    cli_records = [json.loads(line) for line in run_cli(cli, "score", "-q", "--threads", "2", shard).splitlines()]
    dump = list(lovelorn.read_dump(shard))
    assert len(cli_records) == len(dump) == 41
    compared = 0
    for rec, expected in zip(dump, cli_records):
        assert rec["id"] == expected["id"]
        if rec["error"] is not None:
            assert rec["error"] == expected["error"]
            continue
        got = analyzer.analyze(rec["text"], rec["timestamp"])
        assert got["timestamp"] == expected["timestamp"]
        assert strip(got) == strip(expected), rec["text"]
        compared += 1
    assert compared >= 35


def test_analyze_equals_cli_analyze_json(cli, analyzer):
    text = "We dated for about two months. He hasn't texted me in 2 weeks."
    expected = json.loads(run_cli(cli, "analyze", "--json", "--timestamp", "2024-02-03T10:00:00", text))
    got = analyzer.analyze(text, timestamp="2024-02-03T10:00:00")
    assert strip(got) == strip(expected)
    assert got["id"] is None and expected["id"] == "argv"


def test_timestamp_types(analyzer):
    import datetime
    text = "He texted me two days ago."
    iso = analyzer.analyze(text, "2024-02-03T10:00:00")
    assert analyzer.analyze(text, datetime.datetime(2024, 2, 3, 10, 0, 0)) == iso
    anchors = iso["time_anchors"]
    assert anchors and anchors[0]["resolved"] == "2024-02-01"
    assert analyzer.analyze(text, 1706954400)["time_anchors"] == anchors  # 2024-02-03T10:00:00Z
    with pytest.raises(TypeError):
        analyzer.analyze(text, timestamp=[2024])


def test_the_readme_one_liner(analyzer):
    r = analyzer.analyze("we dated for 2 years and he ghosted me")
    assert r["relationship_length_days"] == 730.5
    assert [d["text"] for d in r["durations"]] == ["2 years"]
    assert r["error"] is None
    assert r["situation"]["label"] in analyzer.labels
    assert abs(sum(r["situation"]["scores"].values()) - 1.0) < 1e-3


@pytest.mark.parametrize("text", [t for t in TEXTS if t])
def test_spans_as_bytes_and_as_str_indices(analyzer, text):
    r = analyzer.analyze(text)
    raw = text.encode("utf-8")
    for key in ("durations", "time_anchors", "contact_events"):
        for span in r[key]:
            assert raw[span["begin"]:span["end"]].decode("utf-8") == span["text"]
            assert text[span["begin_char"]:span["end_char"]] == span["text"]


def test_str_indices_differ_from_bytes_after_non_ascii(analyzer):
    text = "Ça fait – 💔 – we dated for 3 years"
    d = analyzer.analyze(text)["durations"][0]
    assert d["text"] == "3 years"
    assert text[d["begin_char"]:d["end_char"]] == "3 years"
    assert d["begin"] - d["begin_char"] == len(text[:d["begin_char"]].encode()) - d["begin_char"] > 0


def test_bytes_input_gives_the_same_record_without_str_indices(analyzer):
    text = "Ça fait deux semaines… he only answers my messages with one word now."
    from_str, from_bytes = analyzer.analyze(text), analyzer.analyze(text.encode())
    assert strip(from_str) == strip(from_bytes)
    assert all("begin_char" not in s for s in from_bytes["contact_events"])


def test_invalid_utf8_is_repaired_not_raised(analyzer, cli, tmp_path):
    raw = b"we dated for 2 years \xff\xfe and he ghosted me"
    r = analyzer.analyze(raw)
    assert r["invalid_utf8"] >= 1 and r["durations"][0]["text"] == "2 years"
    # A str from read_dump carries the bad bytes as surrogate escapes: the same analysis.
    assert strip(analyzer.analyze(raw.decode("utf-8", "surrogateescape"))) == strip(r)


def test_analyze_many_equals_analyze_for_any_thread_count(analyzer):
    texts = [t for t in TEXTS] * 5
    stamps = [f"2024-01-{1 + i % 28:02d}T12:00:00" for i in range(len(texts))]
    one_by_one = [analyzer.analyze(t, s) for t, s in zip(texts, stamps)]
    assert analyzer.analyze_many(texts, stamps, threads=1) == one_by_one
    assert analyzer.analyze_many(texts, stamps, threads=4) == one_by_one
    assert analyzer.analyze_many(iter(texts)) == [analyzer.analyze(t) for t in texts]
    assert analyzer.analyze_many([]) == []
    with pytest.raises(lovelorn.InvalidArgumentError):
        analyzer.analyze_many(texts, stamps[:3])


def test_analyze_many_releases_the_gil(analyzer):
    texts = [t for t in TEXTS if t] * 300
    ticks = 0
    stop = threading.Event()

    def tick():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.001)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.01)
    before = ticks
    start = time.perf_counter()
    analyzer.analyze_many(texts, threads=1)
    elapsed = time.perf_counter() - start
    during = ticks - before
    stop.set()
    t.join()
    if elapsed < 0.1:
        pytest.skip(f"analyze_many took only {elapsed:.3f} s")
    assert during > 3, f"{during} ticks in {elapsed:.2f} s"


def test_one_analyzer_shared_by_python_threads(analyzer):
    texts = [t for t in TEXTS if t]
    expected = [analyzer.analyze(t) for t in texts]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: [analyzer.analyze(t) for t in texts], range(8)))
    assert all(r == expected for r in results)


def test_score_file_is_byte_identical_to_the_cli(cli, analyzer, tmp_path):
    paths = write_shards(str(tmp_path / "in"), n_shards=2, per_shard=20, broken_line_in=1, compress=(1,))
    out = tmp_path / "out.jsonl"
    stats = analyzer.score_file(paths, out, threads=2)
    assert out.read_text() == run_cli(cli, "score", "-q", *paths)
    assert stats["records"] == 41 and stats["errors"] == 1
    assert sum(stats["labels"].values()) == stats["records"] - stats["errors"] - stats["skipped"]
    csv_out = tmp_path / "out.csv"
    analyzer.score_file(paths[0], str(csv_out), format="csv", fields=["id", "situation"], threads=1)
    assert csv_out.read_text() == run_cli(cli, "score", paths[0], "-q", "--format", "csv", "--fields", "id,situation")


def test_score_file_publishes_nothing_when_an_input_is_missing(analyzer, tmp_path):
    out = tmp_path / "out.jsonl"
    good = write_shards(str(tmp_path / "in"), n_shards=1, per_shard=5, broken_line_in=-1, compress=())[0]
    with pytest.raises(lovelorn.IoError):
        analyzer.score_file([good, str(tmp_path / "missing.jsonl")], out)
    assert os.listdir(tmp_path) == ["in"]


def test_read_dump_records(shard):
    with lovelorn.read_dump(shard, format="jsonl", extra_fields=["author"]) as records:
        recs = list(records)
    assert len(recs) == 41
    broken = [r for r in recs if r["error"] and r["error"]["code"] == "parse_error"]
    assert len(broken) == 1
    assert all(r["error"]["code"] == "skipped_record" for r in recs if r["error"] and r is not broken[0])
    assert broken[0]["source"].endswith(":4") and broken[0]["error"]["message"].startswith(shard)
    first = recs[0]
    assert set(first) == {"id", "author", "timestamp", "parent", "parent_inferred", "text", "extra", "source", "error"}
    assert first["id"] == "t0_0" and first["author"] == "user0" and first["parent"] == "t3_post0"
    assert first["timestamp"].startswith("2023-03-28T")
    assert first["extra"] == {"author": "user0"}
    assert any("–" in r["text"] or "…" in r["text"] for r in recs)  # non-ASCII text decoded


def test_errors_are_lovelorn_exceptions(tmp_path):
    with pytest.raises(lovelorn.IoError) as e:
        lovelorn.Analyzer(str(tmp_path / "no-such-model.llm"))
    assert isinstance(e.value, lovelorn.Error) and isinstance(e.value, OSError)
    assert e.value.code == "io_error" and e.value.where.endswith("no-such-model.llm")
    junk = tmp_path / "junk.llm"
    junk.write_bytes(b"this is not a lovelorn model file at all" * 4)
    with pytest.raises(lovelorn.BadMagicError) as e:
        lovelorn.Analyzer(junk)
    assert e.value.code == "bad_magic" and isinstance(e.value, ValueError)
    with pytest.raises(lovelorn.IoError):
        lovelorn.read_dump(tmp_path / "missing.jsonl")
    with pytest.raises(lovelorn.InvalidArgumentError):
        lovelorn.read_dump(junk, format="xml")
    with pytest.raises(TypeError):
        lovelorn.read_dump(junk, fromat="jsonl")
    with pytest.raises(TypeError):
        lovelorn.Analyzer(load_model=False).analyze(42)
    for name in ("ParseError", "ChecksumMismatchError", "UnsupportedVersionError", "UnsupportedFormatError"):
        assert issubclass(getattr(lovelorn, name), lovelorn.Error)


def test_analyzer_without_model_and_pickling(analyzer):
    bare = lovelorn.Analyzer(load_model=False)
    assert not bare.has_model and bare.labels == [] and "situation" not in bare.analyze("hello there")
    again = pickle.loads(pickle.dumps(analyzer))
    assert again.labels == analyzer.labels and again.model_path == analyzer.model_path
    assert again.analyze(TEXTS[1]) == analyzer.analyze(TEXTS[1])
    assert not pickle.loads(pickle.dumps(bare)).has_model
