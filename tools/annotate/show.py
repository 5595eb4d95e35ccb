#!/usr/bin/env python3
"""Print records START..END (0-based, END exclusive) of a sample batch for an annotator.

Long texts are cut to their first 2,000 and last 500 characters.
Usage: tools/annotate/show.py /tmp/annot/batch_1.jsonl 0 20
"""
import json, sys

path, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, encoding="utf-8") as f:
    rows = [json.loads(l) for l in f if l.strip()]
for i, r in enumerate(rows[start:end], start):
    t = r["text"]
    if len(t) > 2600:
        t = t[:2000] + "\n[... cut ...]\n" + t[-500:]
    kind = "COMMENT/REPLY" if r["field"] in ("top_comment", "human_answer") or r["field"].startswith("top_comments") or \
        (r["dataset"] == "relationship_advice_2022" and r["field"] == "body") else "POST"
    print("=== #%d  %s | %s | %s | %s  [%s]" % (i, r["dataset"], r["file"], r["record_id"], r["field"], kind))
    print(t)
    print()
