using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// Exact optimal 1-D partition (Fisher 1958 / Jenks natural breaks / optimal univariate k-means) on
/// sorted distinct values with multiplicities.
/// </summary>
/// <remarks>
/// Dynamic programme <c>D[q][i] = min_{q ≤ j ≤ i} D[q−1][j−1] + SSE(j … i)</c> over the sorted distinct values,
/// with SSE from centred weighted prefix sums in O(1). The within-class sum of squares is a Monge cost, so the
/// leftmost optimal split point is monotone in <c>i</c>; each layer is solved by divide and conquer over the
/// split points in O(m log m) (the "loglinear" method of Wang &amp; Song's Ckmeans.1d.dp, Grønlund et al. 2017),
/// and the last layer needs only one column, O(m). Ties are never split: equal values always share a class,
/// which loses no optimality (an optimal partition with split ties can be repaired without increasing the SSE).
/// </remarks>
internal static class FisherJenks
{
    /// <summary>Returns the index (into <paramref name="values"/>) of the last element of each of the <paramref name="k"/> classes.</summary>
    /// <param name="values">Sorted, strictly increasing values.</param>
    /// <param name="weights">Multiplicity of each value (positive).</param>
    /// <param name="k">Number of classes, 1 ≤ k ≤ values.Length.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] OptimalClassEnds(ReadOnlySpan<double> values, ReadOnlySpan<double> weights, int k)
    {
        var m = values.Length;
        if (k == 1)
        {
            return [m - 1];
        }

        if (k == m)
        {
            var all = new int[m];
            for (var i = 0; i < m; i++)
            {
                all[i] = i;
            }

            return all;
        }

        // Centre on the weighted mean to keep the prefix sums of squares well conditioned.
        double sw = 0, swx = 0;
        for (var i = 0; i < m; i++)
        {
            sw += weights[i];
            swx += weights[i] * values[i];
        }

        var centre = swx / sw;
        var cw = new double[m + 1];
        var cs = new double[m + 1];
        var cq = new double[m + 1];
        for (var i = 0; i < m; i++)
        {
            var d = values[i] - centre;
            cw[i + 1] = cw[i] + weights[i];
            cs[i + 1] = cs[i] + (weights[i] * d);
            cq[i + 1] = cq[i] + (weights[i] * d * d);
        }

        var solver = new Solver(cw, cs, cq, m);
        var prev = new double[m];
        for (var i = 0; i < m; i++)
        {
            prev[i] = solver.Cost(0, i);
        }

        var splits = new int[k][];
        var cur = new double[m];
        for (var q = 1; q < k - 1; q++)
        {
            var split = new int[m];
            solver.Layer(prev, cur, split, q);
            splits[q] = split;
            (prev, cur) = (cur, prev);
        }

        // Last layer: only the full range 0 … m−1 is needed.
        var last = k - 1;
        var best = double.PositiveInfinity;
        var bestJ = last;
        for (var j = last; j < m; j++)
        {
            var c = prev[j - 1] + solver.Cost(j, m - 1);
            if (c < best)
            {
                best = c;
                bestJ = j;
            }
        }

        var ends = new int[k];
        ends[k - 1] = m - 1;
        var start = bestJ;
        for (var q = k - 2; q >= 0; q--)
        {
            ends[q] = start - 1;
            if (q > 0)
            {
                start = splits[q][start - 1];
            }
        }

        return ends;
    }

    private sealed class Solver(double[] cw, double[] cs, double[] cq, int m)
    {
        private double[] _prev = [];
        private double[] _cur = [];
        private int[] _split = [];
        private int _q;

        public double Cost(int j, int i)
        {
            var w = cw[i + 1] - cw[j];
            var s = cs[i + 1] - cs[j];
            return cq[i + 1] - cq[j] - (s * s / w);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Layer(double[] prev, double[] cur, int[] split, int q)
        {
            _prev = prev;
            _cur = cur;
            _split = split;
            _q = q;
            for (var i = 0; i < q; i++)
            {
                cur[i] = double.PositiveInfinity;
            }

            Solve(q, m - 1, q, m - 1);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Solve(int lo, int hi, int optLo, int optHi)
        {
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                var jFrom = Math.Max(_q, optLo);
                var jTo = Math.Min(mid, optHi);
                var best = double.PositiveInfinity;
                var bestJ = jFrom;
                var cwEnd = cw[mid + 1];
                var csEnd = cs[mid + 1];
                var cqEnd = cq[mid + 1];
                for (var j = jFrom; j <= jTo; j++)
                {
                    var w = cwEnd - cw[j];
                    var s = csEnd - cs[j];
                    var c = _prev[j - 1] + (cqEnd - cq[j] - (s * s / w));
                    if (c < best)
                    {
                        best = c;
                        bestJ = j;
                    }
                }

                _cur[mid] = best;
                _split[mid] = bestJ;

                // Recurse into the smaller half, loop on the larger one (bounded stack depth).
                if (mid - lo < hi - mid)
                {
                    Solve(lo, mid - 1, optLo, bestJ);
                    lo = mid + 1;
                    optLo = bestJ;
                }
                else
                {
                    Solve(mid + 1, hi, bestJ, optHi);
                    hi = mid - 1;
                    optHi = bestJ;
                }
            }
        }
    }
}
