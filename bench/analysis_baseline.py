#!/usr/bin/python3
"""The scikit-learn baseline for the analysis: whole-document TF-IDF + cosine, zero-shot.

One "document" per candidate (the five Sociare profiles and BK-0338-3), made of all its
statements as `vakkaart export ... --format json` gives them. A text is vectorised with the
same TfidfVectorizer (fitted on those six documents) and ranked by cosine to each candidate.
It is "none" when the best cosine is below a threshold; that threshold (and the one for
clusters) is chosen to maximise the baseline's OWN score on the labelled set, which favours
the baseline (it is tuned on the test set; vakkaart's defaults were too, so this is fair).

Usage:
  analysis_baseline.py --quality SET_DIR [--vakkaart BIN]        # JSON like analysis_quality_bench --json
  analysis_baseline.py --speed JSONL [--limit N] [--vakkaart BIN]  # {"texts","seconds","texts_per_s","peak_rss_mb"}

The vakkaart binary (default $VAKKAART or build/vakkaart) is only used to import the bundled
sources into a temporary database and export the structure.
"""
import argparse
import html
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP_KEYS = {"kind", "id", "code", "version", "current", "layer", "framework", "level",
             "recognition", "year", "certificates", "raw_sections", "date"}


def strings(obj, out):
    """Every statement text in an exported JSON object."""
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, list):
        for v in obj:
            strings(v, out)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            if k not in SKIP_KEYS:
                strings(v, out)
    return out


def load_structure(vakkaart):
    """(candidate ids, candidate documents, cluster ids, cluster documents)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "baseline.db")
        sources = os.path.join(REPO, "data", "sources")
        files = sorted(os.path.join(sources, f) for f in os.listdir(sources) if f.endswith(".txt"))
        subprocess.run([vakkaart, "--db", db, "import", *files], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

        def export(what):
            out = subprocess.run([vakkaart, "--db", db, "export", what, "--format", "json"],
                                 check=True, capture_output=True, text=True).stdout
            return json.loads(out)

        framework = export("sociare-2016")
        bk = export("BK-0338-3")
    ids, docs = [], []
    cluster_texts = {}
    for p in framework["profiles"]:
        ids.append(p["id"])
        docs.append("\n".join(strings(p, [])))
        for c in p.get("clusters", []):
            cluster_texts.setdefault(c["id"], []).extend(strings(c, []))
    ids.append(bk["id"])
    docs.append("\n".join(strings(bk, [])))
    cluster_ids = sorted(cluster_texts)
    cluster_docs = ["\n".join(cluster_texts[c]) for c in cluster_ids]
    return ids, docs, cluster_ids, cluster_docs


TAG = re.compile(r"<[^>]+>")
SCRIPT = re.compile(r"<(script|style)[^>]*>.*?</\1>", re.S | re.I)
MD = re.compile(r"[#*_`>|\[\]()]+")


def extract(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    if path.endswith((".html", ".htm")):
        raw = html.unescape(TAG.sub(" ", SCRIPT.sub(" ", raw)))
    elif path.endswith(".md"):
        raw = MD.sub(" ", raw)
    return raw


def read_set(set_dir):
    out = []
    with open(os.path.join(set_dir, "labels.jsonl"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            j = json.loads(line)
            j["text"] = extract(os.path.join(set_dir, j["file"]))
            out.append(j)
    return out


def vectorizer(docs):
    v = TfidfVectorizer(sublinear_tf=True, strip_accents="unicode", lowercase=True)
    m = v.fit_transform(docs)
    return v, m


def cosines(v, m, texts):
    # TfidfVectorizer rows are L2-normalised: the dot product is the cosine.
    return (v.transform(texts) @ m.T).toarray()


def score(labels, ids, sims, threshold, csims, cluster_ids, cthreshold):
    texts = len(labels)
    top1 = top2 = none_texts = none_rec = false_none = 0
    labelled = found = found_labelled = 0
    misses = []
    for j, row, crow in zip(labels, sims, csims):
        order = np.argsort(-row)
        ranked = [ids[i] for i in order]
        is_none = bool(row[order[0]] < threshold)
        if is_none:
            ranked = ["none"] + ranked
        label = j["profile"]
        first = ranked[0] == label
        second = first or ranked[1] == label
        top1 += first
        top2 += second
        if label == "none":
            none_texts += 1
            none_rec += is_none
        elif is_none:
            false_none += 1
        if not first:
            misses.append(f"{j['file']}: {label} → {ranked[0]} (then {ranked[1]})")
        if label != "none":
            got = [cluster_ids[i] for i, s in enumerate(crow) if s >= cthreshold]
            labelled += len(j.get("clusters") or [])
            found += len(got)
            found_labelled += sum(1 for c in got if c in (j.get("clusters") or []))
    return {
        "system": "sklearn-tfidf",
        "texts": texts,
        "top1": top1 / texts if texts else 0,
        "top2": top2 / texts if texts else 0,
        "none_texts": none_texts,
        "none_recognised": none_rec,
        "false_none": false_none,
        "cluster_recall": found_labelled / labelled if labelled else 0,
        "cluster_precision": found_labelled / found if found else 0,
        "misses": misses,
    }


def quality(args):
    ids, docs, cluster_ids, cluster_docs = load_structure(args.vakkaart)
    v, m = vectorizer(docs)
    labels = read_set(args.quality)
    texts = [j["text"] for j in labels]
    sims = cosines(v, m, texts)
    cv, cm = vectorizer(cluster_docs)
    csims = cosines(cv, cm, texts)
    if args.thresholds:
        # Thresholds chosen on another set (the tuning part): applied as they are.
        threshold, cthreshold = (float(x) for x in args.thresholds.split(","))
        result = score(labels, ids, sims, threshold, csims, cluster_ids, cthreshold)
        result["none_threshold"], result["cluster_threshold"] = threshold, cthreshold
        print(json.dumps(result, ensure_ascii=False))
        return
    # The none threshold that maximises the baseline's own top-1 (ties: the lower one).
    best = None
    for t in sorted({0.0, *np.round(sims.max(axis=1), 6), 1.01}):
        s = score(labels, ids, sims, t, csims, cluster_ids, 2.0)
        if best is None or s["top1"] > best[1]:
            best = (t, s["top1"])
    threshold = best[0]
    # The cluster threshold that maximises the baseline's own cluster F1.
    cbest = (2.0, -1.0)
    for ct in np.linspace(0.0, 0.5, 101):
        s = score(labels, ids, sims, threshold, csims, cluster_ids, ct)
        r, p = s["cluster_recall"], s["cluster_precision"]
        f1 = 2 * r * p / (r + p) if r + p else 0
        if f1 > cbest[1]:
            cbest = (ct, f1)
    result = score(labels, ids, sims, threshold, csims, cluster_ids, cbest[0])
    result["none_threshold"] = float(threshold)
    result["cluster_threshold"] = float(cbest[0])
    print(json.dumps(result, ensure_ascii=False))


def speed(args):
    ids, docs, _, _ = load_structure(args.vakkaart)
    v, m = vectorizer(docs)
    texts = []
    with open(args.speed, encoding="utf-8") as f:
        for line in f:
            if len(texts) >= args.limit:
                break
            texts.append(json.loads(line)["text"])
    mt = m.T.tocsr()
    start = time.perf_counter()
    best = []
    batch = 1000  # vectorise in batches, as a real bulk job would
    for i in range(0, len(texts), batch):
        sims = (v.transform(texts[i:i + batch]) @ mt).toarray()
        best.extend(sims.argmax(axis=1).tolist())
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"system": "sklearn-tfidf", "texts": len(texts), "seconds": seconds,
                      "texts_per_s": len(texts) / seconds if seconds > 0 else 0,
                      "peak_rss_mb": peak}))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--quality", metavar="SET_DIR")
    g.add_argument("--speed", metavar="JSONL")
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--thresholds", metavar="NONE,CLUSTER",
                    help="use these thresholds instead of choosing them on the set itself")
    ap.add_argument("--vakkaart", default=os.environ.get("VAKKAART",
                                                         os.path.join(REPO, "build", "vakkaart")))
    args = ap.parse_args()
    if args.quality:
        quality(args)
    else:
        speed(args)


if __name__ == "__main__":
    main()
