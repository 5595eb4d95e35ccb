#!/usr/bin/env bash
# fastText vs lovelorn on the situation labels, side by side.
#
#   bench/fasttext_compare.sh            # uses build/lovelorn, ../shared
#   LOVELORN=build-model/lovelorn SHARED=/work/shared SEED=1 bench/fasttext_compare.sh
#
# 1. `lovelorn train --dump-split DIR` trains lovelorn on the project's labels
#    and writes the identical train/test split (and the dev gold) as
#    normalized, space-separated tokens in fastText format, plus lovelorn's
#    predictions for the test split and the gold.
# 2. fastText (Debian package `fasttext`, installed if missing) is trained on
#    the same train.txt with wordNgrams 2 over a small epoch x lr grid, one
#    thread, fixed seed; the setting with the best test-split macro-F1 is kept
#    (this favours fastText: its settings are chosen on the test split).
# 3. Both are scored with the same Python scorer (macro-F1 = mean F1 over the
#    labels present in the gold or the predictions) on the test split and on
#    ../shared/gold/dev.jsonl (read at run time, never trained on), and
#    fastText's predict-prob throughput is measured on one core.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
LOVELORN=${LOVELORN:-$ROOT/build/lovelorn}
SHARED=${SHARED:-$ROOT/../shared}
SEED=${SEED:-1}
LABELS=${LABELS:-$ROOT/models/situation/labels}

if ! command -v fasttext >/dev/null 2>&1; then
  echo "installing the Debian fasttext package..." >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y fasttext >/dev/null; else sudo apt-get install -y fasttext >/dev/null; fi
fi
[ -x "$LOVELORN" ] || { echo "no lovelorn binary at $LOVELORN (set LOVELORN=...)" >&2; exit 2; }
[ -f "$SHARED/gold/dev.jsonl" ] || { echo "no $SHARED/gold/dev.jsonl (set SHARED=...)" >&2; exit 2; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "== lovelorn train (seed $SEED)"
"$LOVELORN" train --labels "$LABELS" --corpus "$SHARED/data" --seed "$SEED" \
  --gold "$SHARED/gold/dev.jsonl" --out "$TMP/lovelorn.llm" --dump-split "$TMP" -q >"$TMP/lovelorn.log"
grep -E '^(data|fit|predict throughput)' "$TMP/lovelorn.log"

cat >"$TMP/score.py" <<'EOF'
import sys
def gold_labels(path):
    return [l.split(' ', 1)[0][len('__label__'):] for l in open(path, encoding='utf-8') if l.strip()]
def pred_labels(path):
    return [l.strip().split(' ')[0].replace('__label__', '') for l in open(path, encoding='utf-8') if l.strip()]
gold, pred = gold_labels(sys.argv[1]), pred_labels(sys.argv[2])
assert len(gold) == len(pred), (len(gold), len(pred))
f1 = []
for l in sorted(set(gold) | set(pred)):
    tp = sum(g == l and p == l for g, p in zip(gold, pred))
    np_, ng = sum(p == l for p in pred), sum(g == l for g in gold)
    P = tp / np_ if np_ else 0.0
    R = tp / ng if ng else 0.0
    f1.append(2 * P * R / (P + R) if P + R else 0.0)
acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
print("%.4f %.4f" % (sum(f1) / len(f1), acc))
EOF
score() { python3 "$TMP/score.py" "$1" "$2"; }

echo "== fastText supervised (wordNgrams 2, thread 1, seed $SEED)"
best=""; best_f1=-1
for epoch in 25 50 100; do
  for lr in 0.1 0.5 1.0; do
    m="$TMP/ft_${epoch}_${lr}"
    fasttext supervised -input "$TMP/train.txt" -output "$m" -wordNgrams 2 -epoch "$epoch" -lr "$lr" \
      -thread 1 -seed "$SEED" -verbose 0 >/dev/null
    fasttext predict "$m.bin" "$TMP/test.txt" >"$m.test.pred"
    read -r f1 acc < <(score "$TMP/test.txt" "$m.test.pred")
    printf '  epoch %-3s lr %-4s test macro-F1 %s accuracy %s\n' "$epoch" "$lr" "$f1" "$acc"
    if python3 -c "import sys; sys.exit(0 if $f1 > $best_f1 else 1)"; then best="$m"; best_f1=$f1; fi
  done
done
fasttext predict "$best.bin" "$TMP/gold.txt" >"$best.gold.pred"

# Throughput: predict-prob over the test texts repeated to ~20 MB, one core,
# minus the time of the same command on one line (fastText's .bin with
# wordNgrams is ~800 MB; loading it is not prediction).
reps=$(( 20000000 / $(stat -c %s "$TMP/test.txt") + 1 ))
for _ in $(seq "$reps"); do cat "$TMP/test.txt"; done >"$TMP/big.txt"
head -n 1 "$TMP/test.txt" >"$TMP/one.txt"
bytes=$(stat -c %s "$TMP/big.txt")
timed() {
  local s e
  s=$(date +%s.%N)
  taskset -c 0 fasttext predict-prob "$best.bin" "$1" >/dev/null 2>&1 || fasttext predict-prob "$best.bin" "$1" >/dev/null
  e=$(date +%s.%N)
  python3 -c "print($e - $s)"
}
t_one=$(timed "$TMP/one.txt")
t_big=$(timed "$TMP/big.txt")
ft_mbs=$(python3 -c "print('%.2f' % ($bytes / max($t_big - $t_one, 1e-9) / 1e6))")
echo "fastText predict-prob: $bytes bytes in ${t_big}s, of which ${t_one}s is loading the model"


read -r lt_f1 lt_acc < <(score "$TMP/test.txt" "$TMP/lovelorn_test.pred")
read -r lg_f1 lg_acc < <(score "$TMP/gold.txt" "$TMP/lovelorn_gold.pred")
read -r ft_f1 ft_acc < <(score "$TMP/test.txt" "$best.test.pred")
read -r fg_f1 fg_acc < <(score "$TMP/gold.txt" "$best.gold.pred")
lt_mbs=$(sed -n 's/^predict throughput: \([0-9.]*\) MB\/s.*/\1/p' "$TMP/lovelorn.log")

echo
echo "== result (test split n=$(wc -l <"$TMP/test.txt"), dev gold n=$(wc -l <"$TMP/gold.txt"))"
printf '%-28s %14s %10s %14s %10s %12s\n' model "test macro-F1" "test acc" "gold macro-F1" "gold acc" "MB/s"
printf '%-28s %14s %10s %14s %10s %12s\n' "lovelorn (seed $SEED)" "$lt_f1" "$lt_acc" "$lg_f1" "$lg_acc" "$lt_mbs"
printf '%-28s %14s %10s %14s %10s %12s\n' "fastText $(basename "$best" | sed 's/ft_/epoch=/; s/_/ lr=/')" \
  "$ft_f1" "$ft_acc" "$fg_f1" "$fg_acc" "$ft_mbs"
echo "lovelorn MB/s: raw comment text through the full analysis (normalize, tokenize, extractors, features, model)."
echo "fastText MB/s: predict-prob on pre-tokenized text (the fastText input files), one core, model load excluded."
