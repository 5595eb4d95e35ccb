#!/usr/bin/env python3
"""Build a benchmark corpus from ../shared/data at run time (the texts are
third-party and never stored in the project): every post and comment text,
repeated in a fixed order until the corpus reaches SIZE_MB of comment text.

Writes OUT.jsonl ({"id","body"}) and OUT.txt (the same texts, one per line,
newlines replaced by spaces: fastText's input). Prints the text bytes."""
import csv, json, os, sys

csv.field_size_limit(1 << 30)
data, out, size_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
texts = []
for root, _, files in sorted(os.walk(data)):
    for f in sorted(files):
        p = os.path.join(root, f)
        if f.endswith(".csv"):
            for row in csv.DictReader(open(p, newline="", encoding="utf-8")):
                for k in ("selftext", "body", "Content", "human_answer", "top_comments"):
                    v = (row.get(k) or "").strip()
                    if len(v) > 40:
                        texts.extend(x.strip() for x in v.split(" ||| ") if len(x.strip()) > 40)
        elif f.endswith(".jsonl"):
            for line in open(p, encoding="utf-8"):
                o = json.loads(line)
                for k in ("body", "top_comment"):
                    v = (o.get(k) or "").strip()
                    if len(v) > 40:
                        texts.append(v)
target = int(size_mb * 1e6)
total = n = 0
with open(out + ".jsonl", "w", encoding="utf-8") as j, open(out + ".txt", "w", encoding="utf-8") as t:
    while total < target:
        for x in texts:
            j.write(json.dumps({"id": "r%d" % n, "body": x}) + "\n")
            t.write(" ".join(x.split()) + "\n")
            total += len(x.encode("utf-8"))
            n += 1
            if total >= target:
                break
print(total, n)
