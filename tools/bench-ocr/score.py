#!/usr/bin/python3
"""Scores a bench-ocr run: throughput ratios, CER per kind of page,
orientation and residual skew against the synthetic truth, peak RSS."""
import argparse, glob, json, os, re


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


def read_time(path):
    """wall, user, sys seconds and peak RSS (KiB) written by /usr/bin/time -f '%e %U %S %M'."""
    wall, user, sys_, rss = open(path).read().split()[-4:]
    return float(wall), float(user) + float(sys_), int(rss)


def kinds_of(stem, truth):
    """The kinds a page belongs to: clean, or any of rotated, skewed, noisy."""
    if truth is None:  # external corpus: from the file name
        return ["degraded"] if re.search(r"skew|turn|rot|noise|150dpi|cardinal", stem) else ["clean"]
    kinds = []
    if truth.get("rotation"):
        kinds.append("rotated")
    if abs(truth.get("skew_deg") or 0) >= 1.0:
        kinds.append("skewed")
    noisy = truth.get("profile") in ("poor", "fax") or any(
        d.get("kind") in ("salt_and_pepper", "fax_bilevel", "bleed_through") or
        (d.get("kind") == "noise" and d.get("sigma", 0) >= 8) for d in truth.get("degradations") or [])
    if noisy:
        kinds.append("noisy")
    return kinds or ["clean"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work"); ap.add_argument("--external")
    ap.add_argument("--ocrmypdf-time"); ap.add_argument("--liasse-pdf-time")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    golds = {}
    for key, rel in (("photo", "tesseract-test/phototest.gold.txt"), ("linn", "ocrmypdf/linn.txt")):
        p = os.path.join(a.external or "", rel)
        if os.path.exists(p):
            golds[key] = open(p).read()
    n = len(a.files)
    rows, totals, steps = [], {}, {"orient": 0.0, "deskew": 0.0, "clean": 0.0, "recognise": 0.0}
    orient, skews = [0, 0], []
    for f in a.files:
        stem = os.path.splitext(os.path.basename(f))[0]
        base = os.path.splitext(f)[0]
        gold = open(base + ".gt.txt").read() if os.path.exists(base + ".gt.txt") else golds.get(stem.split("-")[0])
        truth = json.load(open(base + ".truth.json")) if os.path.exists(base + ".truth.json") else None
        cli_path = os.path.join(a.work, "cli", stem + ".txt")
        cli_txt = open(cli_path).read() if os.path.exists(cli_path) else ""
        lj = [json.load(open(p)) for p in sorted(glob.glob(os.path.join(a.work, "liasse", stem, "page-*.json")))]
        for j in lj:
            for k in steps:
                steps[k] += j["timings_ms"][k]
        rot = lj[0]["rotation_degrees"] if lj else None
        skew = lj[0]["skew_degrees"] if lj else None
        if truth is not None and lj:
            # Truth: the page was turned `rotation` degrees clockwise; Liasse
            # reports the clockwise turn it applied to make it upright.
            if truth["rotation"]:
                orient[1] += 1
                orient[0] += (rot + truth["rotation"]) % 360 == 0
            # Both measure skew positive counter-clockwise; what remains after
            # the correction is their difference.
            skews.append((stem, abs(skew - truth["skew_deg"]), truth["skew_deg"], skew))
        if gold is None:
            continue
        c_cli, c_l = cer(cli_txt, gold), cer("\n".join(j["text"] for j in lj), gold)
        kinds = kinds_of(stem, truth)
        rows.append((stem, "+".join(kinds), c_cli, c_l, rot, None if skew is None else round(skew, 2),
                     None if truth is None else truth["rotation"], None if truth is None else truth["skew_deg"]))
        for kind in kinds + (["degraded"] if truth is not None and kinds != ["clean"] else []) + ["overall"]:
            t = totals.setdefault(kind, [0, 0.0, 0.0]); t[0] += 1; t[1] += c_cli; t[2] += c_l
    print(f"{'page':34} {'kind':20} {'CER cli':>8} {'CER liasse':>10} {'rot':>4} {'skew':>6} {'t.rot':>5} {'t.skew':>6}")
    for r in rows:
        print(f"{r[0]:34} {r[1]:20} {r[2]:8.4f} {r[3]:10.4f} {str(r[4]):>4} {str(r[5]):>6} {str(r[6]):>5} {str(r[7]):>6}")
    for kind, (k, c, l) in sorted(totals.items()):
        print(f"mean CER {kind:9} ({k:2} pages): cli {c / k:.4f}  liasse {l / k:.4f}")
    if skews:
        res = sorted(s[1] for s in skews)
        within02 = sum(r <= 0.2 for r in res)
        print(f"orientation right on {orient[0]}/{orient[1]} rotated pages")
        print(f"residual skew <= 0.2 deg on {within02}/{len(res)} pages ({100 * within02 / len(res):.1f} %), "
              f"<= 0.5 deg on {sum(r <= 0.5 for r in res)}/{len(res)}; max {res[-1]:.3f} deg, "
              f"median {res[len(res) // 2]:.3f} deg")
        for s in sorted(skews, key=lambda s: -s[1])[:3]:
            print(f"  worst: {s[0]} truth {s[2]} measured {s[3]:.3f} residual {s[1]:.3f}")
    total_ms = sum(steps.values())
    if total_ms:
        print("liasse time per step (sum over pages, ms): " +
              ", ".join(f"{k} {v:.0f} ({100 * v / total_ms:.1f} %)" for k, v in steps.items()))
    cli_wall, cli_cpu, _ = read_time(os.path.join(a.work, "cli.time"))
    l_wall, l_cpu, l_rss = read_time(os.path.join(a.work, "liasse.time"))
    print(f"throughput (wall): tesseract CLI x2 {n / cli_wall:.3f} pages/s ({cli_wall:.1f} s), "
          f"liasse 2 workers {n / l_wall:.3f} pages/s ({l_wall:.1f} s), ratio {cli_wall / l_wall:.3f}")
    print(f"CPU seconds: tesseract CLI {cli_cpu:.1f} s, liasse {l_cpu:.1f} s, "
          f"ratio (pages per CPU second) {cli_cpu / l_cpu:.3f}")
    if a.ocrmypdf_time and os.path.exists(a.ocrmypdf_time):
        o_wall, o_cpu, o_rss = read_time(a.ocrmypdf_time)
        p_wall, p_cpu, _ = read_time(a.liasse_pdf_time)
        print(f"one PDF of the {n} pages: ocrmypdf --jobs 2 {n / o_wall:.3f} pages/s ({o_wall:.1f} s, CPU {o_cpu:.1f} s)")
        done = len(glob.glob(os.path.join(a.work, "liasse-pdf", "*", "page-*.json")))
        if done == n:
            print(f"  liasse on that PDF {n / p_wall:.3f} pages/s ({p_wall:.1f} s, CPU {p_cpu:.1f} s): "
                  f"liasse / ocrmypdf {o_wall / p_wall:.2f} (CPU {o_cpu / p_cpu:.2f})")
        else:
            print(f"  liasse on that PDF FAILED ({done}/{n} pages): see liasse-pdf.err")
        print(f"  liasse on the page files (run 2) / ocrmypdf: {o_wall / l_wall:.2f} wall, {o_cpu / l_cpu:.2f} CPU")
    rss = [int(open(p).read().split()[-1]) for p in glob.glob(os.path.join(a.work, "cli", "*.rss"))]
    print(f"peak RSS: tesseract CLI max {max(rss) / 1024:.0f} MiB per process; liasse process {l_rss / 1024:.0f} MiB "
          f"for 2 workers ({l_rss / 2048:.0f} MiB per worker)")


if __name__ == "__main__":
    main()
