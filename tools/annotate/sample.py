#!/usr/bin/env python3
"""Draw the annotation sample for the situation model from ../shared/data.

Deterministic (fixed seed). Writes batches of records *outside* the project
(the texts stay third-party data): OUT/batch_N.jsonl and OUT/agree.jsonl, each
line {"dataset","file","record_id","field","pool","text"}. The labels the
annotators write go to models/situation/labels/ as ids + labels only.

Field syntax (what lovelorn train resolves): column names joined by '+'
(their values joined by a blank line), and for `top_comments` an index
`top_comments[i]` into the ' ||| '-separated list.

Usage: tools/annotate/sample.py --data ../shared/data --out /tmp/annot
"""
import argparse, csv, hashlib, json, os, random, re

csv.field_size_limit(1 << 30)

# (dataset, file, id column, post fields, comment fields)
CORPORA = [
    ("reddit_breakups_2020", "BreakUps.csv", "id", "title+selftext", None),
    ("reddit_breakups_2025", "reddit_breakup_dataset_cleaned.csv", "url", "title+body", "top_comments"),  # id parsed from the URL
    ("reddit_top_2013", "BreakUps.csv", "id", "title+selftext", None),
    ("reddit_top_2013", "dating.csv", "id", "title+selftext", None),
    ("reddit_top_2013", "dating_advice.csv", "id", "title+selftext", None),
    ("reddit_top_2013", "relationship_advice.csv", "id", "title+selftext", None),
    ("reddit_top_2013", "relationship_tips.csv", "id", "title+selftext", None),
    ("reddit_top_2013", "relationships.csv", "id", "title+selftext", None),
    ("relationship_advice_2019", "relationship_advice.csv", "ID", "Title+Content", None),
    ("relationship_advice_2022", "relationship_advice.csv", "id", "title+body", "body"),
    ("relationship_advice_human_vs_ai_2023", "relationship_advice.csv", "", None, "human_answer"),
    ("relationship_advice_qa_2025", "relationship_qa.jsonl", "post_id", "title+body", "top_comment"),
]

BOT = re.compile(r"welcome to /r/|i am a bot|this action was performed automatically|"
                 r"it looks like you're trying to|^\s*\[(removed|deleted)\]\s*$", re.I)

POOLS = {
    "ghosted": r"\bghost(ed|ing)?\b|left (me )?on read|stopped (texting|replying|responding|talking to me)|"
               r"disappeared|unmatched|no response|hasn'?t (texted|replied|responded)",
    "not_ready": r"not ready|too fast|\blabels?\b|situationship|commitment|take (it|things) slow|"
                 r"(doesn'?t|does not) want a relationship|keep it casual|need(s)? space",
    "controlling": r"controlling|possessive|jealous|won'?t let me|check(s|ed)? my phone|manipulat|"
                   r"\babus|gaslight|threaten|isolat",
    "ex_returned": r"my ex (texted|messaged|reached out|contacted|called|came back|wants)|"
                   r"reached out (to me )?after|out of the blue|came back into my life|ex.{0,40}\b(back|again)\b",
    "no_contact": r"no contact|\bnc\b|broke (nc|no contact)|day \d+ of",
    "cheating": r"\bcheat|affair|other woman|sleeping with|slept with|emotional affair",
    "pulling_away": r"hot and cold|distant|mixed signals|pulling away|less interested|slow fade|"
                    r"takes (hours|days) to (reply|respond|text)",
}


# Round 2: tighter pools for the labels round 1 left under 60 examples;
# records already labelled (models/situation/labels/*.csv) are excluded.
ROUND2 = {
    "ghosted": (r"\bghost(ed|ing)\b|stopped (texting|responding|replying|talking to me)|left (me )?on read|"
                r"unmatched|(hasn'?t|haven'?t) (texted|replied|responded|heard)|disappeared on me|no reply", 200),
    "ex_returned": (r"\bex\b.{0,60}\b(texted|messaged|reached out|contacted|called|came back|showed up|"
                    r"wants me back|wants to get back)", 80),
    "no_contact": (r"no contact|\bnc\b", 60),
    "not_ready": (r"not ready|situationship|\blabel|too fast|commitment issues|"
                  r"(doesn'?t|does not) want (a relationship|to commit)", 80),
    "pulling_away": (r"hot and cold|mixed signals|pulling away|\bdistant\b|slow fade|less (affectionate|interested)|"
                     r"dry text", 60),
}


def read_rows(path):
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
    else:
        with open(path, newline="", encoding="utf-8") as f:
            yield from csv.DictReader(f)


def records(data):
    for ds, fn, idc, post, comm in CORPORA:
        for row in read_rows(os.path.join(data, ds, fn)):
            rid = str(row.get(idc, "")).strip()
            if idc == "url":  # the post id, not the URL (whose slug repeats the title)
                m = re.search(r"/comments/([a-z0-9]+)", rid)
                rid = m.group(1) if m else rid
            is_comment_row = ds == "relationship_advice_2022" and row.get("title") == "Comment"
            if post and not is_comment_row:
                text = "\n\n".join(str(row.get(c) or "").strip() for c in post.split("+")).strip()
                yield ds, fn, rid, post, "post", text
            if comm == "top_comments":
                for i, c in enumerate(str(row.get(comm) or "").split(" ||| ")):
                    if c.strip():
                        yield ds, fn, rid, "top_comments[%d]" % i, "comment", c.strip()
            elif comm and (ds != "relationship_advice_2022" or is_comment_row):
                yield ds, fn, rid, comm, "comment", str(row.get(comm) or "").strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="/tmp/annot")
    ap.add_argument("--batches", type=int, default=5)
    ap.add_argument("--per-pool", type=int, default=150)
    ap.add_argument("--random-posts", type=int, default=300)
    ap.add_argument("--comments", type=int, default=300)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--round2", metavar="LABELS_DIR", help="draw the round-2 pools, excluding records labelled in LABELS_DIR")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    seen, recs = set(), []
    for ds, fn, rid, field, kind, text in records(a.data):
        if len(text) < 40 or BOT.search(text):
            continue
        h = hashlib.sha1(re.sub(r"\s+", " ", text.lower()).encode()).hexdigest()
        if h in seen:
            continue
        seen.add(h)
        recs.append({"dataset": ds, "file": fn, "record_id": rid, "field": field, "kind": kind, "text": text})
    posts = [r for r in recs if r["kind"] == "post"]
    comments = [r for r in recs if r["kind"] == "comment"]
    chosen, used = [], set()

    def take(pool, n, name):
        pool = [r for r in pool if id(r) not in used]
        rng.shuffle(pool)
        for r in pool[:n]:
            used.add(id(r))
            chosen.append(dict(r, pool=name))

    if a.round2:
        import glob
        done = set()
        for f in glob.glob(os.path.join(a.round2, "*.csv")):
            with open(f, newline="", encoding="utf-8") as fh:
                done.update((r["dataset"], r["file"], r["record_id"], r["field"]) for r in csv.DictReader(fh))
        posts = [r for r in posts if (r["dataset"], r["file"], r["record_id"], r["field"]) not in done]
        for name, (rx, n) in ROUND2.items():
            c = re.compile(rx, re.I)
            take([r for r in posts if c.search(r["text"])], n, name)
        rng.shuffle(chosen)
        path = os.path.join(a.out, "round2.jsonl")
        os.makedirs(a.out, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            for r in chosen:
                f.write(json.dumps({k: r[k] for k in ("dataset", "file", "record_id", "field", "pool", "text")}) + "\n")
        print("round 2: %d records -> %s" % (len(chosen), path))
        return
    for name, rx in POOLS.items():
        c = re.compile(rx, re.I)
        take([r for r in posts if c.search(r["text"])], a.per_pool, name)
    take(posts, a.random_posts, "random_post")
    take(comments, a.comments, "random_comment")
    rng.shuffle(chosen)
    os.makedirs(a.out, exist_ok=True)
    n = len(chosen)
    for b in range(a.batches):
        with open(os.path.join(a.out, "batch_%d.jsonl" % (b + 1)), "w", encoding="utf-8") as f:
            for r in chosen[b * n // a.batches:(b + 1) * n // a.batches]:
                f.write(json.dumps({k: r[k] for k in ("dataset", "file", "record_id", "field", "pool", "text")}) + "\n")
    agree = rng.sample(chosen, n // 10)
    with open(os.path.join(a.out, "agree.jsonl"), "w", encoding="utf-8") as f:
        for r in agree:
            f.write(json.dumps({k: r[k] for k in ("dataset", "file", "record_id", "field", "pool", "text")}) + "\n")
    print("records %d (posts %d, comments %d), chosen %d, agreement %d" % (len(recs), len(posts), len(comments), n, len(agree)))


if __name__ == "__main__":
    main()
