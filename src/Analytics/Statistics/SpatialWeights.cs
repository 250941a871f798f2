using System.Globalization;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>How spatial weights are scaled.</summary>
public enum WeightsStyle
{
    /// <summary>Binary: <c>wᵢⱼ = 1</c> for each neighbour (spdep style "B").</summary>
    Binary,

    /// <summary>Row-standardised: <c>wᵢⱼ = 1/|N(i)|</c>, rows sum to 1 (spdep style "W"); islands keep an empty row.</summary>
    RowStandardised,
}

/// <summary>
/// A sparse spatial weights matrix in compressed-row form (neighbour lists with weights), with the constants
/// S0, S1, S2 and island and connected-component diagnostics.
/// </summary>
/// <remarks>
/// Constants (Cliff &amp; Ord 1981; spdep <c>spweights.constants</c>): <c>S0 = Σᵢ Σⱼ wᵢⱼ</c>,
/// <c>S1 = ½ Σᵢ Σⱼ (wᵢⱼ + wⱼᵢ)²</c>, <c>S2 = Σᵢ (wᵢ. + w.ᵢ)²</c>. An island is a unit without neighbours;
/// components are the connected components of the undirected neighbour graph (an island is its own component).
/// Neighbour lists are stored sorted by index.
/// </remarks>
public sealed class SpatialWeights
{
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;
    private readonly int[] _componentOf;
    private readonly int[] _islands;

    private SpatialWeights(int[] rowStart, int[] columns, double[] values, WeightsStyle style, bool symmetric)
    {
        _rowStart = rowStart;
        _columns = columns;
        _values = values;
        Style = style;
        IsSymmetric = symmetric;
        var n = rowStart.Length - 1;
        var islands = new List<int>();
        var minNb = int.MaxValue;
        var maxNb = 0;
        for (var i = 0; i < n; i++)
        {
            var c = rowStart[i + 1] - rowStart[i];
            if (c == 0)
            {
                islands.Add(i);
            }

            minNb = Math.Min(minNb, c);
            maxNb = Math.Max(maxNb, c);
        }

        _islands = [.. islands];
        MinNeighbours = n == 0 ? 0 : minNb;
        MaxNeighbours = maxNb;
        (_componentOf, ComponentCount) = Components(rowStart, columns, n);
        (S0, S1, S2) = Constants();
    }

    /// <summary>Number of units (rows).</summary>
    public int Count => _rowStart.Length - 1;

    /// <summary>The scaling of the weights.</summary>
    public WeightsStyle Style { get; }

    /// <summary>Number of non-zero weights (directed links; for symmetric contiguity twice the number of shared borders).</summary>
    public int LinkCount => _columns.Length;

    /// <summary>Mean number of neighbours per unit.</summary>
    public double MeanNeighbours => Count == 0 ? 0 : (double)LinkCount / Count;

    /// <summary>Smallest number of neighbours of a unit.</summary>
    public int MinNeighbours { get; }

    /// <summary>Largest number of neighbours of a unit.</summary>
    public int MaxNeighbours { get; }

    /// <summary>Whether the neighbour relation is symmetric (j ∈ N(i) ⇔ i ∈ N(j)); k-nearest neighbours usually are not.</summary>
    public bool IsSymmetric { get; }

    /// <summary>Units without neighbours (islands), ascending.</summary>
    public IReadOnlyList<int> Islands => _islands;

    /// <summary>Number of connected components of the undirected neighbour graph (islands count as components).</summary>
    public int ComponentCount { get; }

    /// <summary>The component (0-based, numbered in order of first unit) of each unit.</summary>
    public IReadOnlyList<int> ComponentOf => _componentOf;

    /// <summary><c>S0 = Σᵢ Σⱼ wᵢⱼ</c>.</summary>
    public double S0 { get; }

    /// <summary><c>S1 = ½ Σᵢ Σⱼ (wᵢⱼ + wⱼᵢ)²</c>.</summary>
    public double S1 { get; }

    /// <summary><c>S2 = Σᵢ (wᵢ. + w.ᵢ)²</c> (row sum plus column sum, squared).</summary>
    public double S2 { get; }

    internal int[] RowStart => _rowStart;

    internal int[] Columns => _columns;

    internal double[] Values => _values;

    /// <summary>The neighbours of unit <paramref name="i"/>, ascending.</summary>
    /// <param name="i">0-based unit.</param>
    /// <returns>Neighbour indices.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is not a unit.</exception>
    public ReadOnlySpan<int> Neighbours(int i)
    {
        CheckUnit(i);
        return _columns.AsSpan(_rowStart[i], _rowStart[i + 1] - _rowStart[i]);
    }

    /// <summary>The weights of unit <paramref name="i"/>, aligned with <see cref="Neighbours"/>.</summary>
    /// <param name="i">0-based unit.</param>
    /// <returns>Weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is not a unit.</exception>
    public ReadOnlySpan<double> Weights(int i)
    {
        CheckUnit(i);
        return _values.AsSpan(_rowStart[i], _rowStart[i + 1] - _rowStart[i]);
    }

    /// <summary>Number of neighbours of unit <paramref name="i"/>.</summary>
    /// <param name="i">0-based unit.</param>
    /// <returns>|N(i)|.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is not a unit.</exception>
    public int NeighbourCount(int i)
    {
        CheckUnit(i);
        return _rowStart[i + 1] - _rowStart[i];
    }

    /// <summary>The spatial lag <c>(Wx)ᵢ = Σⱼ wᵢⱼ xⱼ</c> (0 for islands).</summary>
    /// <param name="values">One value per unit.</param>
    /// <returns>The lag per unit.</returns>
    /// <exception cref="ArgumentException">The length differs from <see cref="Count"/>.</exception>
    public double[] Lag(ReadOnlySpan<double> values)
    {
        CheckLength(values.Length, nameof(values));
        var lag = new double[Count];
        for (var i = 0; i < lag.Length; i++)
        {
            double s = 0;
            for (var p = _rowStart[i]; p < _rowStart[i + 1]; p++)
            {
                s += _values[p] * values[_columns[p]];
            }

            lag[i] = s;
        }

        return lag;
    }

    /// <summary>The same neighbour structure with another style.</summary>
    /// <param name="style">The new style.</param>
    /// <returns>New weights (or this instance if the style is unchanged).</returns>
    public SpatialWeights WithStyle(WeightsStyle style)
        => style == Style ? this : new SpatialWeights(_rowStart, _columns, Scale(_rowStart, style), style, IsSymmetric);

    /// <summary>
    /// Builds weights from neighbour lists, e.g. queen or rook contiguity from the Geo contiguity helper
    /// (<c>neighbours[i]</c> lists the 0-based neighbours of unit i; order and duplicates within a list do not matter).
    /// </summary>
    /// <param name="neighbours">One list per unit.</param>
    /// <param name="style">Binary or row-standardised (default, as spdep <c>nb2listw(style = "W")</c>).</param>
    /// <returns>The weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="neighbours"/> or one of its lists is null.</exception>
    /// <exception cref="ArgumentException">An index is out of range or a unit lists itself (the message names the unit).</exception>
    public static SpatialWeights FromNeighbours(IReadOnlyList<int[]> neighbours, WeightsStyle style = WeightsStyle.RowStandardised)
    {
        ArgumentNullException.ThrowIfNull(neighbours);
        var n = neighbours.Count;
        var rowStart = new int[n + 1];
        var lists = new int[n][];
        for (var i = 0; i < n; i++)
        {
            var nb = neighbours[i] ?? throw new ArgumentNullException(nameof(neighbours), string.Create(CultureInfo.InvariantCulture, $"The neighbour list of unit {i} is null."));
            var copy = (int[])nb.Clone();
            Array.Sort(copy);
            var m = 0;
            for (var p = 0; p < copy.Length; p++)
            {
                var j = copy[p];
                if ((uint)j >= (uint)n)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unit {i} lists neighbour {j}, outside 0..{n - 1}."), nameof(neighbours));
                }

                if (j == i)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unit {i} lists itself as a neighbour."), nameof(neighbours));
                }

                if (m == 0 || copy[m - 1] != j)
                {
                    copy[m++] = j;
                }
            }

            lists[i] = m == copy.Length ? copy : copy[..m];
            rowStart[i + 1] = rowStart[i] + m;
        }

        var columns = new int[rowStart[n]];
        for (var i = 0; i < n; i++)
        {
            lists[i].CopyTo(columns, rowStart[i]);
        }

        return new SpatialWeights(rowStart, columns, Scale(rowStart, style), style, CheckSymmetric(rowStart, columns));
    }

    /// <summary>
    /// k-nearest-neighbour weights from point coordinates (e.g. district centroids in a metric CRS), found with a
    /// k-d tree in O(n log n). Ties in distance are broken by the lower index. The relation is usually asymmetric.
    /// </summary>
    /// <param name="x">Easting per unit.</param>
    /// <param name="y">Northing per unit.</param>
    /// <param name="k">Neighbours per unit, 1 ≤ k &lt; n.</param>
    /// <param name="style">Binary or row-standardised (default).</param>
    /// <returns>The weights.</returns>
    /// <exception cref="ArgumentException">Lengths differ, or a coordinate is not finite (the message names the unit).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not in 1 … n−1.</exception>
    public static SpatialWeights KNearest(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int k, WeightsStyle style = WeightsStyle.RowStandardised)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"x has {x.Length} values but y has {y.Length}."), nameof(y));
        }

        var n = x.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, Math.Max(n, 1));
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The coordinates of unit {i} are not finite ({x[i]}, {y[i]})."), nameof(x));
            }
        }

        var tree = new KdTree(x.ToArray(), y.ToArray());
        var rowStart = new int[n + 1];
        var columns = new int[n * k];
        var buffer = new int[k];
        for (var i = 0; i < n; i++)
        {
            tree.Nearest(i, k, buffer);
            Array.Sort(buffer);
            buffer.CopyTo(columns, i * k);
            rowStart[i + 1] = (i + 1) * k;
        }

        return new SpatialWeights(rowStart, columns, Scale(rowStart, style), style, CheckSymmetric(rowStart, columns));
    }

    private static double[] Scale(int[] rowStart, WeightsStyle style)
    {
        var n = rowStart.Length - 1;
        var values = new double[rowStart[n]];
        for (var i = 0; i < n; i++)
        {
            var c = rowStart[i + 1] - rowStart[i];
            var w = style == WeightsStyle.Binary ? 1.0 : 1.0 / c;
            values.AsSpan(rowStart[i], c).Fill(w);
        }

        return values;
    }

    private static bool CheckSymmetric(int[] rowStart, int[] columns)
    {
        var n = rowStart.Length - 1;
        for (var i = 0; i < n; i++)
        {
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                var j = columns[p];
                if (Array.BinarySearch(columns, rowStart[j], rowStart[j + 1] - rowStart[j], i) < 0)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (int[] ComponentOf, int Count) Components(int[] rowStart, int[] columns, int n)
    {
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        int Find(int a)
        {
            while (parent[a] != a)
            {
                parent[a] = parent[parent[a]];
                a = parent[a];
            }

            return a;
        }

        for (var i = 0; i < n; i++)
        {
            for (var p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                var a = Find(i);
                var b = Find(columns[p]);
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        var label = new int[n];
        Array.Fill(label, -1);
        var componentOf = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var r = Find(i);
            if (label[r] < 0)
            {
                label[r] = count++;
            }

            componentOf[i] = label[r];
        }

        return (componentOf, count);
    }

    private (double S0, double S1, double S2) Constants()
    {
        var n = Count;
        var colSum = new double[n];
        double s0 = 0, s1 = 0;
        for (var i = 0; i < n; i++)
        {
            for (var p = _rowStart[i]; p < _rowStart[i + 1]; p++)
            {
                var j = _columns[p];
                var w = _values[p];
                s0 += w;
                colSum[j] += w;
                var q = Array.BinarySearch(_columns, _rowStart[j], _rowStart[j + 1] - _rowStart[j], i);
                var wji = q >= 0 ? _values[q] : 0.0;
                var t = (w + wji) * (w + wji);

                // The pair (j, i) contributes the same term; if j does not list i it is counted here too.
                s1 += q >= 0 ? t : 2 * t;
            }
        }

        double s2 = 0;
        for (var i = 0; i < n; i++)
        {
            double rowSum = 0;
            for (var p = _rowStart[i]; p < _rowStart[i + 1]; p++)
            {
                rowSum += _values[p];
            }

            var t = rowSum + colSum[i];
            s2 += t * t;
        }

        return (s0, s1 / 2, s2);
    }

    private void CheckUnit(int i)
    {
        if ((uint)i >= (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(i), i, string.Create(CultureInfo.InvariantCulture, $"Unit index must lie in 0..{Count - 1}."));
        }
    }

    internal void CheckLength(int length, string name)
    {
        if (length != Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{length} values given for {Count} spatial units."), name);
        }
    }
}
