#!/usr/bin/env bash
# Side-by-side throughput in one run: the I/O floor (cat), fastText
# predict-prob (Debian `fasttext`, trained on lovelorn's training split), and
# `lovelorn score` (extraction + classification + JSON output) on 1 and 2
# threads, on the same ~SIZE_MB MB of comment text built from ../shared/data.
# Prints MB/s of comment text, comments/s, ratios, and peak RSS.
#
# Two fastText models: word bigrams (-wordNgrams 2, the architecture of the
# accuracy comparison in models/situation/MODEL_CARD.md, since lovelorn's
# model also uses word bigrams) and plain unigrams (fastText's default, less
# accurate but its fastest). The target is stated against the first; the
# ratio against the second is printed too, so nobody has to guess it.
#
#   bench/compare.sh            # 200 MB
#   SIZE_MB=2000 bench/compare.sh   # the bounded-memory check on 2 GB
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${SIZE_MB:-200}
SHARED=${SHARED:-../shared}
CLI=${CLI:-build/lovelorn}
for pkg in fasttext time; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null; }
done
[ -x "$CLI" ] || { cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build -j2 >/dev/null; }
work=${WORK:-$(mktemp -d)}
mkdir -p "$work"
echo "corpus: $SIZE_MB MB of text from $SHARED/data in $work" >&2
read -r bytes records < <(python3 bench/make_corpus.py "$SHARED/data" "$work/corpus" "$SIZE_MB")
# fastText on the same labels: lovelorn's training split in fastText format.
"$CLI" train --labels models/situation/labels --corpus "$SHARED/data" --dump-split "$work/split" -q >/dev/null
fasttext supervised -input "$work/split/train.txt" -output "$work/ft" -wordNgrams 2 -epoch 25 -lr 0.5 -verbose 0
fasttext supervised -input "$work/split/train.txt" -output "$work/ft1" -epoch 25 -lr 0.5 -verbose 0

measure() {  # name, command... -> "seconds peak_kb"
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.$name" "$@" >/dev/null 2>"$work/err.$name" || true
  cat "$work/time.$name"
}
read -r t_cat rss_cat < <(measure cat cat "$work/corpus.jsonl")
read -r t_ft rss_ft < <(measure fasttext fasttext predict-prob "$work/ft.bin" "$work/corpus.txt" 1)
read -r t_ft1 rss_ft1 < <(measure fasttext1 fasttext predict-prob "$work/ft1.bin" "$work/corpus.txt" 1)
read -r t_ft1a rss_ft1a < <(measure fasttext1all fasttext predict-prob "$work/ft1.bin" "$work/corpus.txt" -1)
read -r t_l1 rss_l1 < <(measure lovelorn1 "$CLI" score -q --threads 1 "$work/corpus.jsonl")
read -r t_l2 rss_l2 < <(measure lovelorn2 "$CLI" score -q --threads 2 "$work/corpus.jsonl")
python3 - "$bytes" "$records" "$t_cat" "$rss_cat" "$t_ft" "$rss_ft" "$t_ft1" "$rss_ft1" "$t_ft1a" "$rss_ft1a" "$t_l1" "$rss_l1" "$t_l2" "$rss_l2" <<'PY'
import sys
b, n = int(sys.argv[1]), int(sys.argv[2])
rows = [("cat (I/O floor)",) + tuple(sys.argv[3:5]), ("fasttext, word bigrams",) + tuple(sys.argv[5:7]),
        ("fasttext, unigrams",) + tuple(sys.argv[7:9]), ("fasttext, unigrams, all labels",) + tuple(sys.argv[9:11]),
        ("lovelorn score --threads 1",) + tuple(sys.argv[11:13]), ("lovelorn score --threads 2",) + tuple(sys.argv[13:15])]
print("text: %.1f MB, %d comments" % (b / 1e6, n))
print("%-31s %9s %10s %12s %10s" % ("", "seconds", "MB/s", "comments/s", "peak RSS"))
mbs = {}
for name, t, rss in rows:
    t = max(float(t), 1e-3)
    mbs[name] = b / 1e6 / t
    print("%-31s %9.2f %10.1f %12.0f %8.0f MB" % (name, t, mbs[name], n / t, int(rss) / 1024))
ft, ft1, ft1a = mbs["fasttext, word bigrams"], mbs["fasttext, unigrams"], mbs["fasttext, unigrams, all labels"]
l1, l2 = mbs["lovelorn score --threads 1"], mbs["lovelorn score --threads 2"]
print("lovelorn 1 thread / fastText (bigrams): %.2fx   (target >= 2x)" % (l1 / ft))
print("lovelorn 1 thread / fastText (unigrams): %.2fx" % (l1 / ft1))
print("lovelorn 1 thread / fastText (unigrams, all labels): %.2fx" % (l1 / ft1a))
print("lovelorn 2 threads / 1 thread: %.2fx  (target >= 1.8x)" % (l2 / l1))
PY
[ -n "${WORK:-}" ] || rm -rf "$work"
