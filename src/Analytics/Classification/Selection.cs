using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// Order statistics without a full sort: the values of a few ranks (as if the values were sorted ascending), by
/// bucketing on the value range.
/// </summary>
/// <remarks>
/// Rules: (1) bucket <c>b(x) = min(B − 1, ⌊(x − min)·B/(max − min)⌋)</c> with B ≈ n/16 (at least 16, at most
/// 65,536) buckets; b is monotone in x, so the buckets partition the sorted order into consecutive runs;
/// (2) one pass counts the bucket sizes, and their prefix sums tell which bucket holds each requested rank;
/// (3) a second pass gathers the values of those buckets only, which are sorted to read the ranks off. The result
/// is exact for any data; the cost is two linear passes plus the sort of the target buckets (small unless the
/// values are concentrated in a tiny part of their range, where it degrades to a sort of that part).
/// </remarks>
internal static class Selection
{
    /// <summary>The values at the given ranks of the sorted order.</summary>
    /// <param name="values">Finite values, any order, not modified.</param>
    /// <param name="min">The smallest value.</param>
    /// <param name="max">The largest value.</param>
    /// <param name="ranks">0-based ranks, each in [0, n).</param>
    /// <returns>The order statistic for each rank, aligned with <paramref name="ranks"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] OrderStatistics(double[] values, double min, double max, int[] ranks)
    {
        var result = new double[ranks.Length];
        if (!(max > min))
        {
            Array.Fill(result, min);
            return result;
        }

        var n = values.Length;
        var buckets = Math.Clamp(n / 16, 16, 65_536);
        var scale = buckets / (max - min);
        if (!double.IsFinite(scale))
        {
            // A range too narrow (or too wide) to scale: one bucket, i.e. a plain sort.
            buckets = 1;
            scale = 0;
        }

        var last = buckets - 1;
        var start = new int[buckets + 1];
        foreach (var v in values)
        {
            start[Math.Min(last, (int)((v - min) * scale)) + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            start[b + 1] += start[b];
        }

        // The bucket of each rank (the last bucket whose start is at most the rank) and a gather array per target bucket.
        var bucketOf = new int[ranks.Length];
        var slotOf = new int[buckets];
        Array.Fill(slotOf, -1);
        var gathered = new List<double[]>();
        for (var r = 0; r < ranks.Length; r++)
        {
            int lo = 0, hi = buckets;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) >>> 1;
                if (start[mid] <= ranks[r])
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            bucketOf[r] = lo;
            if (slotOf[lo] < 0)
            {
                slotOf[lo] = gathered.Count;
                gathered.Add(new double[start[lo + 1] - start[lo]]);
            }
        }

        var fill = new int[gathered.Count];
        foreach (var v in values)
        {
            var s = slotOf[Math.Min(last, (int)((v - min) * scale))];
            if (s >= 0)
            {
                gathered[s][fill[s]++] = v;
            }
        }

        foreach (var g in gathered)
        {
            Array.Sort(g);
        }

        for (var r = 0; r < ranks.Length; r++)
        {
            var b = bucketOf[r];
            result[r] = gathered[slotOf[b]][ranks[r] - start[b]];
        }

        return result;
    }
}
