#!/usr/bin/python3
"""Ratio table: GeoPrevention (tool 'cs') against the fastest peer per step and N, from the merged peers JSON of
the same run (written by ../shared/bench/run_peers.sh) plus the ckmeans timings. Prints Markdown."""
import argparse
import glob
import json
import os

STEPS = ["a_read_polygons", "a_transform", "a_area", "b_read_csv_rate", "c_join", "d_fisher", "d_quantile",
         "d_equal", "e_weights", "e_moran_test", "e_moran_mc", "f_local_moran", "g_render_png", "h_write_geojson"]


def fmt(v):
    if v is None:
        return "–"
    return "%.1f ms" % (v * 1000) if v < 1 else "%.2f s" % v


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
        gp_sum = 0.0
        peer_sums = {}
        for step in STEPS:
            g = cs["timings_s"].get(step)
            if g is None:
                continue
            gmin = g["min"]
            gp_sum += gmin
            best, bestv = None, None
            for t, r in peers.items():
                for name in (step, step + "_numpy"):
                    v = r.get("timings_s", {}).get(name)
                    if v:
                        peer_sums[t] = peer_sums.get(t, 0.0) + v["min"]
                        if bestv is None or v["min"] < bestv:
                            best, bestv = t, v["min"]
            if step == "d_fisher" and ckmin is not None and (bestv is None or ckmin < bestv):
                best, bestv = "ckmeans (js)", ckmin
            ratio = "%.2f" % (gmin / bestv) if bestv else "–"
            print("| %s | %s | %s | %s | %s |" % (step, fmt(gmin), best or "–", fmt(bestv), ratio))
        if peer_sums:
            bt = min(peer_sums, key=peer_sums.get)
            print("\nSum of steps: GeoPrevention %s; fastest peer sum %s (%s): %.1f× faster.\n"
                  % (fmt(gp_sum), fmt(peer_sums[bt]), bt, peer_sums[bt] / gp_sum if gp_sum else 0))
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
