#!/usr/bin/python3
"""Splits `liasse synth` envelopes into one PNG per page for bench-ocr.

For every envelope with a truth file (corrupt ones are skipped), each page is
written losslessly as PNG at the resolution the truth states, with
NAME.gt.txt (the text printed) and NAME.truth.json (rotation clockwise, skew
positive counter-clockwise, degradations, profile) beside it. PDF pages are
taken with pdfimages at native resolution, TIFF pages with Pillow.

    synth_pages.py SYNTH_DIR OUT_DIR [--max-pages N]
"""
import argparse, glob, json, os, subprocess, sys, tempfile

from PIL import Image


def envelope_images(path, tmp):
    """Yields one PIL image per page of the envelope, in page order."""
    ext = os.path.splitext(path)[1].lower()
    if ext == ".pdf":
        prefix = os.path.join(tmp, "p")
        subprocess.run(["pdfimages", "-all", path, prefix], check=True)
        for f in sorted(glob.glob(prefix + "-*")):
            yield Image.open(f)
    else:
        img = Image.open(path)
        for i in range(getattr(img, "n_frames", 1)):
            img.seek(i)
            yield img.copy()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("synth_dir"); ap.add_argument("out_dir")
    ap.add_argument("--max-pages", type=int, default=0)
    a = ap.parse_args()
    os.makedirs(a.out_dir, exist_ok=True)
    written = 0
    for truth_path in sorted(glob.glob(os.path.join(a.synth_dir, "*.truth.json"))):
        truth = json.load(open(truth_path))
        if truth.get("error") or not truth.get("pages"):
            continue
        source = os.path.join(a.synth_dir, truth["source"])
        stem = os.path.splitext(truth["source"])[0]
        with tempfile.TemporaryDirectory() as tmp:
            images = list(envelope_images(source, tmp))
            if len(images) != len(truth["pages"]):
                print(f"{source}: {len(images)} images for {len(truth['pages'])} truth pages, skipped", file=sys.stderr)
                continue
            for page, img in zip(truth["pages"], images):
                if a.max_pages and written >= a.max_pages:
                    break
                name = f"{stem}-p{page['index']}"
                if img.mode not in ("1", "L", "RGB"):
                    img = img.convert("L")
                dpi = page.get("dpi", 300)
                img.save(os.path.join(a.out_dir, name + ".png"), dpi=(dpi, dpi))
                with open(os.path.join(a.out_dir, name + ".gt.txt"), "w") as f:
                    f.write(page.get("text", ""))
                meta = {k: page.get(k) for k in ("rotation", "skew_deg", "dpi", "bilevel", "degradations")}
                meta["profile"] = truth.get("synth", {}).get("profile")
                with open(os.path.join(a.out_dir, name + ".truth.json"), "w") as f:
                    json.dump(meta, f)
                written += 1
    print(f"{written} synthetic pages in {a.out_dir}")


if __name__ == "__main__":
    main()
