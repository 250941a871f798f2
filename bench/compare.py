#!/usr/bin/python3
"""Ratio table: GeoPrevention (tool 'cs') against the fastest peer per step and N, from the merged peers JSON of
the same run (written by ../shared/bench/run_peers.sh) plus the ckmeans timings. Prints Markdown."""
import argparse
import glob
import json
import os

STEPS = ["a_read_polygons", "a_transform", "a_area", "b_read_csv_rate", "c_join", "d_fisher", "d_jenks", "d_quantile",
         "d_equal", "e_weights", "e_moran_test", "e_moran_mc", "f_local_moran", "g_render_png", "h_write_geojson"]


def fmt(v):
    if v is None:
        return "–"
    return "%.1f ms" % (v * 1000) if v < 1 else "%.2f s" % v


def peer_steps(run):
    """A peer's step minima under our step names: the numpy variants count as the step, and mapshaper's render (SVG, then
    rsvg-convert to PNG) is the sum of its two parts."""
    out = {}
    for name, v in run.get("timings_s", {}).items():
        out[name[:-len("_numpy")] if name.endswith("_numpy") else name] = v["min"]
    if "g_render_svg" in out and "g_svg_to_png" in out:
        out["g_render_png"] = out.pop("g_render_svg") + out.pop("g_svg_to_png")
    return out


def sums(cs, peers):
    """Sum of steps, like for like: for each peer the steps it ran (start-up included, as in the shared summariser's
    "sum of steps"), against our time for the same steps. A peer that skips the costly steps (mapshaper has no weights,
    Moran or Fisher-Jenks) is compared on what it does; steps we do not run (mapshaper's d_nice) are left out and named."""
    ours = {k: v["min"] for k, v in cs["timings_s"].items()}
    rows = []
    for t, r in sorted(peers.items()):
        p = peer_steps(r)
        common = [k for k in p if k in ours and (k in STEPS or k == "load_libs")]
        if not common:
            continue
        ps, gs = sum(p[k] for k in common), sum(ours[k] for k in common)
        left = sorted(k for k in p if k not in common)
        rows.append((ps / gs if gs else 0, t, ps, gs, len(common), left))
    if not rows:
        return
    print("\n| peer | its sum of steps | GeoPrevention, same steps | steps | faster by | peer steps left out |")
    print("|---|---|---|---|---|---|")
    for ratio, t, ps, gs, k, left in sorted(rows):
        print("| %s | %s | %s | %d | %.1f× | %s |" % (t, fmt(ps), fmt(gs), k, ratio, ", ".join(left) or "–"))
    ratio, t, _, _, _, _ = min(rows)
    print("\nFastest peer on its own steps: %s; GeoPrevention is %.1f× faster on the same steps.\n" % (t, ratio))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--sizes", nargs="+", type=int, required=True)
    a = ap.parse_args()
    merged = sorted(glob.glob(os.path.join(a.results, "peers-*.json")))[-1]
    d = json.load(open(merged))
    runs = d["runs"]
    print("Merged peers file: %s (generated %s)\n" % (os.path.basename(merged), d.get("generated_utc")))
    for n in a.sizes:
        cs = runs.get("cs_%d" % n)
        if not cs:
            print("N=%d: no C# run\n" % n)
            continue
        peers = {k.rsplit("_", 1)[0]: v for k, v in runs.items() if k.endswith("_%d" % n) and not k.startswith("cs_")}
        ck = os.path.join(a.results, "ckmeans_%d.json" % n)
        ckmin = None
        if os.path.exists(ck):
            try:
                cj = json.load(open(ck))
                ckmin = cj["ms"]["min"] / 1000
            except (ValueError, KeyError):
                ckmin = None
        print("### N = %d\n" % n)
        print("| step | GeoPrevention | fastest peer | peer time | ratio GP/peer |")
        print("|---|---|---|---|---|")
        for step in STEPS:
            g = cs["timings_s"].get(step)
            if g is None:
                continue
            gmin = g["min"]
            best, bestv = None, None
            for t, r in peers.items():
                v = peer_steps(r).get(step)
                if v is not None and (bestv is None or v < bestv):
                    best, bestv = t, v
            if step == "d_fisher" and ckmin is not None and (bestv is None or ckmin < bestv):
                best, bestv = "ckmeans (js)", ckmin
            ratio = "%.2f" % (gmin / bestv) if bestv else "–"
            print("| %s | %s | %s | %s | %s |" % (step, fmt(gmin), best or "–", fmt(bestv), ratio))
        sums(cs, peers)
    hf = d.get("hyperfine_end_to_end_s") or {}
    if hf:
        print("### Whole process (hyperfine, mean of 3 runs)\n")
        print("| tool | N | mean |")
        print("|---|---|---|")
        for k, v in sorted(hf.items(), key=lambda kv: (int(kv[0].rsplit("_", 1)[1]), kv[0])):
            tool, n = k.rsplit("_", 1)
            print("| %s | %s | %s |" % (tool, n, fmt(v.get("mean")) if isinstance(v, dict) else v))


if __name__ == "__main__":
    main()
