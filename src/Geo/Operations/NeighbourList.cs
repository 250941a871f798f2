using System.Globalization;

namespace GeoPrevention.Geo.Operations;

/// <summary>The contiguity rule a <see cref="NeighbourList"/> was built with.</summary>
public enum ContiguityKind
{
    /// <summary>Neighbours share at least one boundary point (spdep <c>poly2nb(queen = TRUE)</c>).</summary>
    Queen,

    /// <summary>Neighbours share at least two boundary points, i.e. (normally) an edge (spdep <c>poly2nb(queen = FALSE)</c>).</summary>
    Rook,
}

/// <summary>
/// A symmetric neighbour list (spdep <c>nb</c>, libpysal <c>W.neighbors</c>): for each polygon the sorted,
/// 0-based indices of its neighbours, with summary diagnostics.
/// </summary>
public sealed class NeighbourList
{
    private readonly int[][] _neighbours;

    internal NeighbourList(ContiguityKind kind, int[][] neighbours, IReadOnlyList<string>? keys, IReadOnlyList<GeoDiagnostic> extraDiagnostics)
    {
        Kind = kind;
        _neighbours = neighbours;
        Keys = keys;
        var n = neighbours.Length;
        long links = 0;
        int min = n == 0 ? 0 : int.MaxValue, max = 0;
        var islands = new List<int>();
        for (var i = 0; i < n; i++)
        {
            var c = neighbours[i].Length;
            links += c;
            min = Math.Min(min, c);
            max = Math.Max(max, c);
            if (c == 0)
            {
                islands.Add(i);
            }
        }

        LinkCount = links;
        MinNeighbours = min;
        MaxNeighbours = max;
        MeanNeighbours = n == 0 ? 0 : (double)links / n;
        Islands = islands;
        ComponentOf = ComputeComponents(neighbours, out var componentCount);
        ComponentCount = componentCount;

        var diagnostics = new List<GeoDiagnostic>(extraDiagnostics);
        foreach (var i in islands)
        {
            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"{Label(i)} has no {kind} neighbours (island).", i, keys?[i]));
        }

        if (componentCount > 1)
        {
            diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, string.Create(CultureInfo.InvariantCulture, $"The {kind} neighbour graph has {componentCount} connected components (islands count as components).")));
        }

        Diagnostics = diagnostics;
    }

    /// <summary>The rule the list was built with.</summary>
    public ContiguityKind Kind { get; }

    /// <summary>The number of polygons (including those without geometry).</summary>
    public int Count => _neighbours.Length;

    /// <summary>The keys of the polygons, when given, in input order.</summary>
    public IReadOnlyList<string>? Keys { get; }

    /// <summary>The number of directed links, Σᵢ |N(i)| (spdep's "number of nonzero links"; twice the number of neighbour pairs).</summary>
    public long LinkCount { get; }

    /// <summary>The smallest number of neighbours of any polygon (0 if there is an island).</summary>
    public int MinNeighbours { get; }

    /// <summary>The largest number of neighbours of any polygon.</summary>
    public int MaxNeighbours { get; }

    /// <summary>The mean number of neighbours, <see cref="LinkCount"/> / <see cref="Count"/>.</summary>
    public double MeanNeighbours { get; }

    /// <summary>The indices of polygons without neighbours (islands; also null or empty geometries), ascending.</summary>
    public IReadOnlyList<int> Islands { get; }

    /// <summary>The number of connected components of the neighbour graph (each island is one).</summary>
    public int ComponentCount { get; }

    /// <summary>The component of each polygon, numbered 0.. in order of the first polygon of each component.</summary>
    public IReadOnlyList<int> ComponentOf { get; }

    /// <summary>Findings: islands, more than one component, polygons without geometry.</summary>
    public IReadOnlyList<GeoDiagnostic> Diagnostics { get; }

    /// <summary>The sorted neighbour indices of polygon <paramref name="index"/>.</summary>
    /// <param name="index">0-based polygon index.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0..Count-1.</exception>
    public ReadOnlySpan<int> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _neighbours.Length);
            return _neighbours[index];
        }
    }

    /// <summary>The number of neighbours of each polygon (spdep <c>card(nb)</c>).</summary>
    public int[] Cardinalities()
    {
        var result = new int[_neighbours.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = _neighbours[i].Length;
        }

        return result;
    }

    /// <summary>A copy of the neighbour indices as jagged array (one sorted array per polygon).</summary>
    public int[][] ToArrays()
    {
        var result = new int[_neighbours.Length][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (int[])_neighbours[i].Clone();
        }

        return result;
    }

    /// <summary>The neighbour keys of the polygon with a key.</summary>
    /// <param name="key">A key from <see cref="Keys"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The list was built without keys.</exception>
    /// <exception cref="KeyNotFoundException">The key is not in <see cref="Keys"/>.</exception>
    public IReadOnlyList<string> NeighbourKeys(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Keys is null)
        {
            throw new InvalidOperationException("This neighbour list was built without keys.");
        }

        for (var i = 0; i < Keys.Count; i++)
        {
            if (string.Equals(Keys[i], key, StringComparison.Ordinal))
            {
                var result = new string[_neighbours[i].Length];
                for (var k = 0; k < result.Length; k++)
                {
                    result[k] = Keys[_neighbours[i][k]];
                }

                return result;
            }
        }

        throw new KeyNotFoundException($"Key '{key}' is not in the neighbour list.");
    }

    private string Label(int i) => Keys is null ? $"Polygon {i.ToString(CultureInfo.InvariantCulture)}" : $"'{Keys[i]}'";

    private static int[] ComputeComponents(int[][] neighbours, out int count)
    {
        var n = neighbours.Length;
        var component = new int[n];
        Array.Fill(component, -1);
        var stack = new int[Math.Max(n, 1)];
        count = 0;
        for (var start = 0; start < n; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }

            var top = 0;
            stack[top++] = start;
            component[start] = count;
            while (top > 0)
            {
                var v = stack[--top];
                foreach (var w in neighbours[v])
                {
                    if (component[w] < 0)
                    {
                        component[w] = count;
                        stack[top++] = w;
                    }
                }
            }

            count++;
        }

        return component;
    }
}
