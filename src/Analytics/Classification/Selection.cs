using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// Multi-rank selection (introselect): reorders values so that each requested rank r holds the r-th smallest
/// value, as a full ascending sort would, in expected O(n log k) instead of O(n log n).
/// </summary>
/// <remarks>
/// Rules: (1) the range is split by a three-way partition around the median of three (so runs of equal values,
/// common in rates, cost nothing); (2) only sub-ranges that contain a requested rank are processed further;
/// (3) ranges of at most 24 values are insertion-sorted; (4) if the recursion gets deeper than 2·log₂ n the range
/// is sorted with <see cref="Array.Sort{T}(T[], int, int)"/> (worst case O(n log n)).
/// </remarks>
internal static class Selection
{
    private const int SmallRange = 24;

    /// <summary>Places the order statistic of every rank in <paramref name="ranks"/> at that index.</summary>
    /// <param name="values">Finite values; reordered in place.</param>
    /// <param name="ranks">0-based ranks, any order, duplicates allowed.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Select(double[] values, IReadOnlyList<int> ranks)
    {
        var sorted = ranks.Distinct().Order().ToArray();
        var depth = 2 * (int)Math.Ceiling(Math.Log2(Math.Max(2, values.Length)));
        Select(values, 0, values.Length - 1, sorted, 0, sorted.Length, depth);
    }

    private static void Select(double[] a, int lo, int hi, int[] ranks, int rFrom, int rTo, int depth)
    {
        while (rFrom < rTo && lo < hi)
        {
            if (hi - lo < SmallRange)
            {
                InsertionSort(a, lo, hi);
                return;
            }

            if (depth-- == 0)
            {
                Array.Sort(a, lo, hi - lo + 1);
                return;
            }

            var pivot = MedianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);

            // Three-way partition (Dijkstra): a[lo..lt-1] < pivot, a[lt..gt] == pivot, a[gt+1..hi] > pivot.
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                var v = a[i];
                if (v < pivot)
                {
                    (a[lt], a[i]) = (a[i], a[lt]);
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    (a[gt], a[i]) = (a[i], a[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            // Ranks below lt go left, ranks above gt go right; ranks in [lt, gt] are done.
            var leftEnd = rFrom;
            while (leftEnd < rTo && ranks[leftEnd] < lt)
            {
                leftEnd++;
            }

            var rightStart = leftEnd;
            while (rightStart < rTo && ranks[rightStart] <= gt)
            {
                rightStart++;
            }

            // Recurse into the side with fewer values, loop on the other.
            if (lt - lo < hi - gt)
            {
                Select(a, lo, lt - 1, ranks, rFrom, leftEnd, depth);
                lo = gt + 1;
                rFrom = rightStart;
            }
            else
            {
                Select(a, gt + 1, hi, ranks, rightStart, rTo, depth);
                hi = lt - 1;
                rTo = leftEnd;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c)
        => a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));

    private static void InsertionSort(double[] a, int lo, int hi)
    {
        for (var i = lo + 1; i <= hi; i++)
        {
            var v = a[i];
            var j = i - 1;
            while (j >= lo && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }

            a[j + 1] = v;
        }
    }
}
