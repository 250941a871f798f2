using System.Numerics;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>
/// The two attacks of <see cref="DisclosureAuditor"/> on one equation system: exact linear derivation (rational Gaussian
/// elimination per connected component of unknowns) and interval bounds by propagation with non-negativity.
/// </summary>
internal static class AuditCore
{
    /// <summary>A bound larger than any count; stands for +∞ in <see cref="Bounds"/>.</summary>
    internal const long Infinity = long.MaxValue / 4;

    /// <summary>
    /// Marks every unknown cell whose value is determined uniquely by the equations and the known cells.
    /// </summary>
    /// <remarks>
    /// An unknown x_i is determined iff the unit vector e_i lies in the row space of the coefficient matrix restricted to
    /// the unknowns (then some combination of equations isolates x_i; otherwise a null-space vector moves x_i while all
    /// equations keep holding). The matrix splits into independent blocks: unknowns are joined (union–find) when they
    /// share an equation, and each block is brought to reduced row echelon form with exact integer row operations
    /// (fraction-free, rows divided by their gcd; 64-bit with overflow checks, BigInteger on overflow). A pivot variable is
    /// determined iff its row has no entry in a free column; free variables are never determined.
    /// </remarks>
    public static bool[] DeterminedCells(EquationSystem sys, ReadOnlySpan<bool> unknown)
    {
        var n = sys.CellCount;
        var determined = new bool[n];
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        for (var e = 0; e < sys.EquationCount; e++)
        {
            var first = -1;
            for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
            {
                var cell = sys.EqCells[k];
                if (!unknown[cell])
                {
                    continue;
                }

                if (first < 0)
                {
                    first = cell;
                }
                else
                {
                    Union(parent, first, cell);
                }
            }
        }

        // Group unknowns and equations per component root.
        var columnOf = new int[n];
        var components = new Dictionary<int, (List<int> Cells, List<int> Equations)>();
        for (var i = 0; i < n; i++)
        {
            if (!unknown[i])
            {
                continue;
            }

            var root = Find(parent, i);
            if (!components.TryGetValue(root, out var comp))
            {
                comp = ([], []);
                components[root] = comp;
            }

            columnOf[i] = comp.Cells.Count;
            comp.Cells.Add(i);
        }

        for (var e = 0; e < sys.EquationCount; e++)
        {
            for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
            {
                var cell = sys.EqCells[k];
                if (unknown[cell])
                {
                    components[Find(parent, cell)].Equations.Add(e);
                    break;
                }
            }
        }

        foreach (var (cells, equations) in components.Values)
        {
            if (equations.Count == 0)
            {
                continue;
            }

            bool[] result;
            try
            {
                result = SolveComponent<long>(sys, unknown, columnOf, cells.Count, equations);
            }
            catch (OverflowException)
            {
                result = SolveComponent<BigInteger>(sys, unknown, columnOf, cells.Count, equations);
            }

            for (var c = 0; c < cells.Count; c++)
            {
                determined[cells[c]] = result[c];
            }
        }

        return determined;
    }

    /// <summary>
    /// Interval bounds of every unknown cell implied by the equations, the known cell values and non-negativity, by
    /// propagation to a fixed point (each equation Σ a_j x_j = b bounds each x_i by interval arithmetic over the others).
    /// </summary>
    /// <remarks>
    /// The bounds are valid (every solution lies inside them) but may be wider than those of linear programming, so a
    /// reported collapse is a real disclosure while the absence of one is not a proof of safety. Unbounded is
    /// <see cref="Infinity"/>. Work is capped at 64 visits per equation.
    /// </remarks>
    public static (long[] Lower, long[] Upper) Bounds(EquationSystem sys, ReadOnlySpan<bool> unknown, ReadOnlySpan<long> values)
    {
        var n = sys.CellCount;
        var lo = new long[n];
        var hi = new long[n];
        for (var i = 0; i < n; i++)
        {
            lo[i] = unknown[i] ? 0 : values[i];
            hi[i] = unknown[i] ? Infinity : values[i];
        }

        var queue = new Queue<int>();
        var inQueue = new bool[sys.EquationCount];
        for (var e = 0; e < sys.EquationCount; e++)
        {
            for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
            {
                if (unknown[sys.EqCells[k]])
                {
                    queue.Enqueue(e);
                    inQueue[e] = true;
                    break;
                }
            }
        }

        var budget = 64L * Math.Max(1, sys.EquationCount);
        while (budget-- > 0 && queue.TryDequeue(out var e))
        {
            inQueue[e] = false;
            var start = sys.EqStart[e];
            var end = sys.EqStart[e + 1];

            // Σ a_j x_j = 0 with a_head = +1, a_member = -1; sums of the minimum and maximum of each term,
            // with the number of infinite terms kept apart.
            long minSum = 0, maxSum = 0;
            int minInf = 0, maxInf = 0;
            for (var k = start; k < end; k++)
            {
                var cell = sys.EqCells[k];
                var (tMin, tMinInf, tMax, tMaxInf) = Term(k == start, lo[cell], hi[cell]);
                if (tMinInf)
                {
                    minInf++;
                }
                else
                {
                    minSum += tMin;
                }

                if (tMaxInf)
                {
                    maxInf++;
                }
                else
                {
                    maxSum += tMax;
                }
            }

            for (var k = start; k < end; k++)
            {
                var cell = sys.EqCells[k];
                if (!unknown[cell])
                {
                    continue;
                }

                var isHead = k == start;
                var (tMin, tMinInf, tMax, tMaxInf) = Term(isHead, lo[cell], hi[cell]);

                // Others' range: [othersMin, othersMax]; this term t_i = -(others) must lie in [-othersMax, -othersMin].
                var othersMinFinite = minInf - (tMinInf ? 1 : 0) == 0;
                var othersMaxFinite = maxInf - (tMaxInf ? 1 : 0) == 0;
                var othersMin = minSum - (tMinInf ? 0 : tMin);
                var othersMax = maxSum - (tMaxInf ? 0 : tMax);
                long newLo = lo[cell], newHi = hi[cell];
                if (isHead)
                {
                    // x = -(others): x ≥ -othersMax, x ≤ -othersMin.
                    if (othersMaxFinite)
                    {
                        newLo = Math.Max(newLo, -othersMax);
                    }

                    if (othersMinFinite)
                    {
                        newHi = Math.Min(newHi, -othersMin);
                    }
                }
                else
                {
                    // -x = -(others) → x = others.
                    if (othersMinFinite)
                    {
                        newLo = Math.Max(newLo, othersMin);
                    }

                    if (othersMaxFinite)
                    {
                        newHi = Math.Min(newHi, othersMax);
                    }
                }

                if (newLo > newHi)
                {
                    // Inconsistent input (the equation does not add up); keep the previous bounds.
                    continue;
                }

                if (newLo != lo[cell] || newHi != hi[cell])
                {
                    lo[cell] = newLo;
                    hi[cell] = newHi;
                    for (var q = sys.CellEqStart[cell]; q < sys.CellEqStart[cell + 1]; q++)
                    {
                        var f = sys.CellEqs[q];
                        if (!inQueue[f])
                        {
                            inQueue[f] = true;
                            queue.Enqueue(f);
                        }
                    }

                    // Refresh the sums for the remaining cells of this equation.
                    var (nMin, nMinInf, nMax, nMaxInf) = Term(isHead, newLo, newHi);
                    if (tMinInf)
                    {
                        minInf--;
                    }
                    else
                    {
                        minSum -= tMin;
                    }

                    if (tMaxInf)
                    {
                        maxInf--;
                    }
                    else
                    {
                        maxSum -= tMax;
                    }

                    if (nMinInf)
                    {
                        minInf++;
                    }
                    else
                    {
                        minSum += nMin;
                    }

                    if (nMaxInf)
                    {
                        maxInf++;
                    }
                    else
                    {
                        maxSum += nMax;
                    }
                }
            }
        }

        return (lo, hi);
    }

    private static (long Min, bool MinInf, long Max, bool MaxInf) Term(bool isHead, long lo, long hi)
    {
        var hiInf = hi >= Infinity;
        return isHead ? (lo, false, hi, hiInf) : (-hi, hiInf, -lo, false);
    }

    private static bool[] SolveComponent<T>(EquationSystem sys, ReadOnlySpan<bool> unknown, int[] columnOf, int columns, List<int> equations)
        where T : IBinaryInteger<T>
    {
        var rows = new T[equations.Count][];
        for (var r = 0; r < equations.Count; r++)
        {
            var row = new T[columns];
            var e = equations[r];
            for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
            {
                var cell = sys.EqCells[k];
                if (unknown[cell])
                {
                    row[columnOf[cell]] += k == sys.EqStart[e] ? T.One : -T.One;
                }
            }

            rows[r] = row;
        }

        var pivotColumnOfRow = new List<int>();
        var rank = 0;
        for (var col = 0; col < columns && rank < rows.Length; col++)
        {
            var p = -1;
            for (var r = rank; r < rows.Length; r++)
            {
                if (!T.IsZero(rows[r][col]))
                {
                    p = r;
                    break;
                }
            }

            if (p < 0)
            {
                continue;
            }

            (rows[rank], rows[p]) = (rows[p], rows[rank]);
            var pivotRow = rows[rank];
            var a = pivotRow[col];
            for (var r = 0; r < rows.Length; r++)
            {
                if (r == rank || T.IsZero(rows[r][col]))
                {
                    continue;
                }

                var row = rows[r];
                var b = row[col];
                var g = T.Zero;
                for (var k = 0; k < columns; k++)
                {
                    var v = checked((a * row[k]) - (b * pivotRow[k]));
                    row[k] = v;
                    g = Gcd(g, T.Abs(v));
                }

                if (g > T.One)
                {
                    for (var k = 0; k < columns; k++)
                    {
                        row[k] /= g;
                    }
                }
            }

            pivotColumnOfRow.Add(col);
            rank++;
        }

        var determined = new bool[columns];
        for (var r = 0; r < rank; r++)
        {
            var col = pivotColumnOfRow[r];
            var alone = true;
            for (var k = 0; k < columns && alone; k++)
            {
                alone = k == col || T.IsZero(rows[r][k]);
            }

            determined[col] = alone;
        }

        return determined;
    }

    private static T Gcd<T>(T a, T b)
        where T : IBinaryInteger<T>
    {
        while (!T.IsZero(b))
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var ra = Find(parent, a);
        var rb = Find(parent, b);
        if (ra != rb)
        {
            parent[rb] = ra;
        }
    }
}
