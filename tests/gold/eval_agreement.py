#!/usr/bin/env python3
"""`lovelorn eval` must print the same figures as the reference scorer
shared/tools/score_gold.py. Exit 77 (skipped) when ../shared is absent."""
import json, os, re, subprocess, sys

cli, shared = sys.argv[1], sys.argv[2]
gold, ref = os.path.join(shared, "gold", "dev.jsonl"), os.path.join(shared, "tools", "score_gold.py")
if not (os.path.isfile(gold) and os.path.isfile(ref)):
    print("skipped: no shared gold/tools")
    sys.exit(77)
r = json.loads(subprocess.run([sys.executable, ref, "--gold", gold, "--cli", cli], capture_output=True, check=True).stdout.decode().splitlines()[0])
out = subprocess.run([cli, "eval", "--gold", gold], capture_output=True, check=True).stdout.decode()
ours = {}
for name, key in (("durations: span ", "dur_span"), ("durations: span + value", "dur"),
                  ("contact events: span ", "ce_span"), ("contact events: span+channel", "ce")):
    m = re.search(re.escape(name) + r".*?P ([\d.]+)\s+R ([\d.]+)\s+F1 ([\d.]+)", out)
    ours[key + "_p"], ours[key + "_r"], ours[key + "_f1"] = (float(x) for x in m.groups())
ours["rel_acc"] = float(re.search(r"relationship_length_days: accuracy\s+([\d.]+)", out).group(1))
m = re.search(r"situation: accuracy\s+([\d.]+)\s+situation: macro-F1 \(gold labels\)\s+([\d.]+)", out)
if m:
    ours["sit_acc"], ours["sit_macro_f1"] = float(m.group(1)), float(m.group(2))
bad = [(k, v, r[k]) for k, v in ours.items() if abs(v - r[k]) > 0.0015]
for k, v, w in bad:
    print("MISMATCH %s: lovelorn eval %.3f, score_gold.py %.3f" % (k, v, w))
print("compared %d figures: %s" % (len(ours), "agree" if not bad else "disagree"))
sys.exit(1 if bad else 0)
