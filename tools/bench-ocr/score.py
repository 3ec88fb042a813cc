#!/usr/bin/env python3
"""Scores a bench-ocr run: throughput ratio, CER per kind, peak RSS."""
import argparse, glob, json, os, re, sys


def normalise(s):
    s = s.replace("\u2014", "-").replace("\u2013", "-").replace("\u2019", "'").replace("\ufb01", "fi").replace("\ufb02", "fl")
    return " ".join(s.split())


def cer(got, gold):
    a, b = normalise(got), normalise(gold)
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        ai = a[i - 1]
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai != b[j - 1]))
        prev = cur
    return prev[len(b)] / max(len(b), 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work"); ap.add_argument("--external"); ap.add_argument("--corpus", default="")
    ap.add_argument("--cli-seconds", type=float); ap.add_argument("--liasse-seconds", type=float)
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    golds = {"photo": open(os.path.join(a.external, "tesseract-test/phototest.gold.txt")).read(),
             "linn": open(os.path.join(a.external, "ocrmypdf/linn.txt")).read()}
    n = len(a.files)
    rows, totals = [], {}
    for f in a.files:
        stem = os.path.splitext(os.path.basename(f))[0]
        gt_path = os.path.splitext(f)[0] + ".gt.txt"
        gold = open(gt_path).read() if os.path.exists(gt_path) else golds.get(stem.split("-")[0])
        cli_txt = open(os.path.join(a.work, "cli", stem + ".txt")).read() if os.path.exists(os.path.join(a.work, "cli", stem + ".txt")) else ""
        pages = sorted(glob.glob(os.path.join(a.work, "liasse", stem, "page-*.json")))
        lj = [json.load(open(p)) for p in pages]
        l_txt = "\n".join(j["text"] for j in lj)
        if gold is None:
            continue
        kind = "degraded" if re.search(r"skew|turn|rot|noise|150dpi|cardinal", stem) else "clean"
        c_cli, c_l = cer(cli_txt, gold), cer(l_txt, gold)
        rows.append((stem, kind, c_cli, c_l, lj[0]["rotation_degrees"] if lj else None,
                     round(lj[0]["skew_degrees"], 2) if lj else None))
        t = totals.setdefault(kind, [0, 0.0, 0.0]); t[0] += 1; t[1] += c_cli; t[2] += c_l
    print(f"{'page':28} {'kind':9} {'CER cli':>8} {'CER liasse':>10} {'rot':>4} {'skew':>6}")
    for r in rows:
        print(f"{r[0]:28} {r[1]:9} {r[2]:8.4f} {r[3]:10.4f} {str(r[4]):>4} {str(r[5]):>6}")
    for kind, (k, c, l) in sorted(totals.items()):
        print(f"mean CER {kind:9} ({k} pages): cli {c / k:.4f}  liasse {l / k:.4f}")
    allk = sum(t[0] for t in totals.values())
    if allk:
        print(f"mean CER overall  ({allk} pages): cli {sum(t[1] for t in totals.values()) / allk:.4f}  "
              f"liasse {sum(t[2] for t in totals.values()) / allk:.4f}")
    cli_pps, l_pps = n / a.cli_seconds, n / a.liasse_seconds
    print(f"throughput: tesseract CLI x2 {cli_pps:.3f} pages/s ({a.cli_seconds:.1f} s), "
          f"liasse 2 workers {l_pps:.3f} pages/s ({a.liasse_seconds:.1f} s), ratio {l_pps / cli_pps:.3f}")
    rss = [int(open(p).read().split()[-1]) for p in glob.glob(os.path.join(a.work, "cli", "*.rss"))]
    l_rss = int(open(os.path.join(a.work, "liasse.rss")).read().split()[-1])
    print(f"peak RSS: tesseract CLI max {max(rss) / 1024:.0f} MiB per process; liasse process {l_rss / 1024:.0f} MiB "
          f"for 2 workers ({l_rss / 2048:.0f} MiB per worker)")


if __name__ == "__main__":
    main()
