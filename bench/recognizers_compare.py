#!/usr/bin/env python3
"""Durations side by side: lovelorn vs Microsoft Recognizers-Text on the same
gold comments (../shared/gold/dev.jsonl, read at run time). Same matching as
shared/tools/score_gold.py: spans by byte overlap, values within 10% (or inside
low..high for lovelorn's ranges). Speed: comments per second of analysis,
startup excluded (lovelorn: the dev texts repeated REPEAT times through
`lovelorn score --no-model`, minus an empty run)."""
import json, os, subprocess, sys, tempfile, time

gold_path, cli, rt_dir = sys.argv[1], sys.argv[2], sys.argv[3]
REPEAT = int(os.environ.get("REPEAT", "200"))
here = os.path.dirname(os.path.abspath(__file__))
gold = [json.loads(l) for l in open(gold_path, encoding="utf-8") if l.strip()]


def spans(body, texts):
    b = body.encode("utf-8")
    used, out = set(), []
    for t in texts:
        tb, pos, found = (t or "").encode("utf-8"), 0, None
        while tb:
            i = b.find(tb, pos)
            if i < 0:
                break
            if i not in used:
                found = (i, i + len(tb)); used.add(i); break
            pos = i + 1
        out.append(found)
    return out


def close(d, g):
    return d is not None and g is not None and abs(d - g) <= 0.1 * max(g, 1e-9) + 1e-9


def score(pred):
    m = {"span": [0, 0, 0], "value": [0, 0, 0]}
    for g in gold:
        gd = g.get("durations") or []
        G = list(zip(spans(g["text"], [d["text"] for d in gd]), gd))
        P = [((p["begin"], p["end"]), p) for p in pred.get(g["id"], [])]
        for k in m:
            taken, tp = set(), 0
            for gs, gdur in G:
                for j, (ps, p) in enumerate(P):
                    if j in taken or gs is None or not (gs[0] < ps[1] and ps[0] < gs[1]):
                        continue
                    if k == "value" and gdur.get("days") is not None and not (
                            close(p.get("days"), gdur["days"]) or
                            (p.get("low") is not None and p.get("high") is not None and p["low"] <= gdur["days"] <= p["high"])):
                        continue
                    taken.add(j); tp += 1; break
            m[k][0] += tp; m[k][1] += len(P) - tp; m[k][2] += len(G) - tp
    out = {}
    for k, (tp, fp, fn) in m.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[k] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return out


with tempfile.TemporaryDirectory() as tmp:
    texts = os.path.join(tmp, "texts.jsonl")
    with open(texts, "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps({"id": g["id"], "text": g["text"], "body": g["text"]}) + "\n")
    # Recognizers-Text
    r = subprocess.run(["node", os.path.join(here, "recognizers_compare.js")], stdin=open(texts), capture_output=True,
                       env=dict(os.environ, NODE_PATH=os.path.join(rt_dir, "node_modules")), check=True)
    lines = r.stdout.decode().splitlines()
    rt = {json.loads(l)["id"]: json.loads(l)["durations"] for l in lines[:-1]}
    rt_speed = json.loads(lines[-1])["texts"] / (json.loads(lines[-1])["timing_ms"] / 1000)
    # lovelorn
    r = subprocess.run([cli, "score", "-q", "--no-model", "--input-format", "jsonl", texts], capture_output=True, check=True)
    ll = {o["id"]: o.get("durations", []) for o in map(json.loads, r.stdout.decode().splitlines())}
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "w", encoding="utf-8") as f:
        for _ in range(REPEAT):
            f.write(open(texts, encoding="utf-8").read())
    empty = os.path.join(tmp, "empty.jsonl")
    open(empty, "w").close()
    t0 = time.perf_counter(); subprocess.run([cli, "score", "-q", "--no-model", "--threads", "1", empty], capture_output=True)
    t1 = time.perf_counter(); subprocess.run([cli, "score", "-q", "--no-model", "--threads", "1", big], capture_output=True, check=True)
    t2 = time.perf_counter()
    ll_speed = len(gold) * REPEAT / max((t2 - t1) - (t1 - t0), 1e-6)

for name, pred, speed in (("lovelorn", ll, ll_speed), ("Recognizers-Text", rt, rt_speed)):
    s = score(pred)
    print("%-18s span P %.3f R %.3f F1 %.3f | span+value P %.3f R %.3f F1 %.3f | %10.0f comments/s" %
          ((name,) + s["span"] + s["value"] + (speed,)))
print("(%d gold comments from %s)" % (len(gold), gold_path))
