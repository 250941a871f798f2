using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Operations;

/// <summary>Options for <see cref="Contiguity"/>.</summary>
public sealed class ContiguityOptions
{
    /// <summary>
    /// Two boundary vertices of different polygons count as the same point when they are at most this far apart
    /// (CRS units; metres in EPSG:25832). Default 0: only bit-identical vertices match (exact hashing, the fast
    /// path), which is right for coverages whose neighbours share vertices (TopoJSON decodes, GPKG/SHP written
    /// from a topology, the peer benchmark data). spdep's default snap is √(machine ε) ≈ 1.5e-8, which equals
    /// exact matching for coordinates stored to 1 mm.
    /// </summary>
    public double SnapDistance { get; init; }

    /// <summary>The keys of the polygons (same length and order), carried into the result for lookups and messages.</summary>
    public IReadOnlyList<string>? Keys { get; init; }
}

/// <summary>
/// Queen and rook contiguity of polygons, with the semantics of R spdep's <c>poly2nb</c>: neighbours are found from
/// shared boundary <em>vertices</em>.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>The boundary points of a polygon are the vertices of all rings (shells and holes) of all its parts; the
/// closing vertex of a ring is not counted twice, and a vertex repeated within one polygon counts once.</item>
/// <item>Queen: i and j (i ≠ j) are neighbours when they share at least one boundary point. Rook: when they share
/// at least two distinct boundary points — normally an edge. (As in spdep, two polygons touching at two separate
/// single points are rook neighbours too; a vertex of one polygon lying on the middle of an edge of the other,
/// without a vertex there, is not a shared point.)</item>
/// <item>Points are shared when bit-identical (<see cref="ContiguityOptions.SnapDistance"/> = 0) or within the snap
/// distance (Euclidean, ≤).</item>
/// <item>The relation is symmetric; neighbour lists are sorted ascending. Null or empty geometries have no
/// neighbours and are reported.</item>
/// </list>
/// Algorithm (exact mode): every ring vertex is hashed from the bit patterns of x and y; the (hash, polygon) entries
/// are sorted, runs of equal coordinates emit polygon pairs, and the sorted pairs are counted — O(V log V) in the
/// number of vertices V, with no geometry predicates. With a snap distance, vertices are bucketed into a grid of
/// cell size = snap distance and compared with the 3×3 neighbouring cells.
/// Reference: spdep <c>poly2nb</c> (Bivand); libpysal <c>Queen.from_dataframe</c> gives the same lists on coverages.
/// </remarks>
public static class Contiguity
{
    /// <summary>Queen contiguity (≥ 1 shared boundary point) with exact vertex matching.</summary>
    /// <param name="geometries">Polygons or multi-polygons (null or empty entries allowed: they become islands).</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometries"/> is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal.</exception>
    public static NeighbourList Queen(IReadOnlyList<Geometry?> geometries) => Compute(geometries, ContiguityKind.Queen, new ContiguityOptions());

    /// <summary>Queen contiguity (≥ 1 shared boundary point).</summary>
    /// <param name="geometries">Polygons or multi-polygons (null or empty entries allowed: they become islands).</param>
    /// <param name="options">Snap distance and keys.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, the keys do not match, or the snap distance is negative or not finite.</exception>
    public static NeighbourList Queen(IReadOnlyList<Geometry?> geometries, ContiguityOptions options) => Compute(geometries, ContiguityKind.Queen, options);

    /// <summary>Rook contiguity (≥ 2 shared boundary points) with exact vertex matching.</summary>
    /// <param name="geometries">Polygons or multi-polygons (null or empty entries allowed: they become islands).</param>
    /// <exception cref="ArgumentNullException"><paramref name="geometries"/> is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal.</exception>
    public static NeighbourList Rook(IReadOnlyList<Geometry?> geometries) => Compute(geometries, ContiguityKind.Rook, new ContiguityOptions());

    /// <summary>Rook contiguity (≥ 2 shared boundary points).</summary>
    /// <param name="geometries">Polygons or multi-polygons (null or empty entries allowed: they become islands).</param>
    /// <param name="options">Snap distance and keys.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, the keys do not match, or the snap distance is negative or not finite.</exception>
    public static NeighbourList Rook(IReadOnlyList<Geometry?> geometries, ContiguityOptions options) => Compute(geometries, ContiguityKind.Rook, options);

    /// <summary>Contiguity of the districts of a layer, keyed by district key.</summary>
    /// <param name="layer">The district layer.</param>
    /// <param name="kind">Queen or rook.</param>
    /// <param name="snapDistance">Snap distance in CRS units (0 = exact).</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, or the snap distance is negative or not finite.</exception>
    public static NeighbourList Compute(DistrictLayer layer, ContiguityKind kind, double snapDistance = 0)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Compute(layer.Geometries, kind, new ContiguityOptions { Keys = layer.Keys, SnapDistance = snapDistance });
    }

    /// <summary>Queen or rook contiguity (see the rules in the type remarks).</summary>
    /// <param name="geometries">Polygons or multi-polygons (null or empty entries allowed: they become islands).</param>
    /// <param name="kind">Queen or rook.</param>
    /// <param name="options">Snap distance and keys.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A geometry is not polygonal, the keys do not match, or the snap distance is negative or not finite.</exception>
    public static NeighbourList Compute(IReadOnlyList<Geometry?> geometries, ContiguityKind kind, ContiguityOptions options)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Keys is not null && options.Keys.Count != geometries.Count)
        {
            throw new ArgumentException($"Expected one key per geometry, but got {geometries.Count.ToString(CultureInfo.InvariantCulture)} geometries and {options.Keys.Count.ToString(CultureInfo.InvariantCulture)} keys.", nameof(options));
        }

        if (!double.IsFinite(options.SnapDistance) || options.SnapDistance < 0)
        {
            throw new ArgumentException($"SnapDistance must be a finite number ≥ 0, but was {options.SnapDistance.ToString(CultureInfo.InvariantCulture)}.", nameof(options));
        }

        var diagnostics = new List<GeoDiagnostic>();
        var vertices = CollectVertices(geometries, options.Keys, diagnostics);
        var pairs = options.SnapDistance > 0 ? SnappedPairs(vertices, options.SnapDistance) : ExactPairs(vertices);
        var neighbours = BuildLists(geometries.Count, pairs, kind == ContiguityKind.Queen ? 1 : 2);
        return new NeighbourList(kind, neighbours, options.Keys, diagnostics);
    }

    /// <summary>Flat vertex arrays: coordinates and owning polygon, one entry per distinct ring vertex.</summary>
    private sealed class Vertices(int capacity)
    {
        public double[] X = new double[capacity];
        public double[] Y = new double[capacity];
        public int[] Polygon = new int[capacity];
        public int Count;

        public void Add(double x, double y, int polygon)
        {
            if (Count == X.Length)
            {
                var size = Math.Max(16, X.Length * 2);
                Array.Resize(ref X, size);
                Array.Resize(ref Y, size);
                Array.Resize(ref Polygon, size);
            }

            X[Count] = x;
            Y[Count] = y;
            Polygon[Count] = polygon;
            Count++;
        }
    }

    private static Vertices CollectVertices(IReadOnlyList<Geometry?> geometries, IReadOnlyList<string>? keys, List<GeoDiagnostic> diagnostics)
    {
        var total = 0;
        for (var i = 0; i < geometries.Count; i++)
        {
            var g = geometries[i];
            if (g is null || g.IsEmpty)
            {
                var key = keys?[i];
                var who = key is null ? $"Polygon {i.ToString(CultureInfo.InvariantCulture)}" : $"'{key}'";
                diagnostics.Add(new GeoDiagnostic(g is null ? GeoDiagnosticKind.NullGeometry : GeoDiagnosticKind.EmptyGeometry, $"{who} has no geometry, so it has no neighbours.", i, key));
                continue;
            }

            if (g is not (Polygon or MultiPolygon or GeometryCollection))
            {
                throw new ArgumentException($"Contiguity needs polygons, but geometry {i.ToString(CultureInfo.InvariantCulture)}{(keys is null ? string.Empty : $" ('{keys[i]}')")} is a {g.GeometryType}.", nameof(geometries));
            }

            total += g.NumPoints;
        }

        var v = new Vertices(total);
        for (var i = 0; i < geometries.Count; i++)
        {
            var g = geometries[i];
            if (g is not null && !g.IsEmpty)
            {
                AddGeometry(v, g, i, keys);
            }
        }

        return v;
    }

    private static void AddGeometry(Vertices v, Geometry g, int polygon, IReadOnlyList<string>? keys)
    {
        switch (g)
        {
            case Polygon p:
                AddRing(v, p.ExteriorRing.CoordinateSequence, polygon);
                for (var h = 0; h < p.NumInteriorRings; h++)
                {
                    AddRing(v, p.GetInteriorRingN(h).CoordinateSequence, polygon);
                }

                break;
            case GeometryCollection c:
                for (var k = 0; k < c.NumGeometries; k++)
                {
                    var part = c.GetGeometryN(k);
                    if (part.IsEmpty)
                    {
                        continue;
                    }

                    if (part is not (Polygon or GeometryCollection))
                    {
                        throw new ArgumentException($"Contiguity needs polygons, but geometry {polygon.ToString(CultureInfo.InvariantCulture)}{(keys is null ? string.Empty : $" ('{keys[polygon]}')")} contains a {part.GeometryType}.", nameof(g));
                    }

                    AddGeometry(v, part, polygon, keys);
                }

                break;
        }
    }

    private static void AddRing(Vertices v, CoordinateSequence seq, int polygon)
    {
        // A closed ring repeats its first vertex at the end; count it once.
        var n = seq.Count;
        if (n > 1 && seq.GetX(0).Equals(seq.GetX(n - 1)) && seq.GetY(0).Equals(seq.GetY(n - 1)))
        {
            n--;
        }

        for (var k = 0; k < n; k++)
        {
            v.Add(seq.GetX(k), seq.GetY(k), polygon);
        }
    }

    /// <summary>Bits of a double with -0.0 folded onto +0.0, so equal values hash equally.</summary>
    private static long Bits(double d) => d == 0d ? 0L : BitConverter.DoubleToInt64Bits(d);

    private static long Hash(long a, long b)
    {
        unchecked
        {
            var h = (ulong)a * 0x9E3779B97F4A7C15UL;
            h ^= (ulong)b + 0x632BE59BD9B4E019UL + (h << 6) + (h >> 2);
            h *= 0xBF58476D1CE4E5B9UL;
            h ^= h >> 31;
            return (long)h;
        }
    }

    /// <summary>Pair keys (i &lt;&lt; 32 | j, i &lt; j), one per distinct shared point, unsorted.</summary>
    private static List<long> ExactPairs(Vertices v)
    {
        var n = v.Count;
        var hashes = new long[n];
        var order = new int[n];
        for (var k = 0; k < n; k++)
        {
            hashes[k] = Hash(Bits(v.X[k]), Bits(v.Y[k]));
            order[k] = k;
        }

        Array.Sort(hashes, order);
        var pairs = new List<long>(n);
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && hashes[end] == hashes[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                EmitGroup(v, order, start, end, pairs);
            }

            start = end;
        }

        return pairs;
    }

    /// <summary>
    /// Emits one pair per distinct coordinate shared by two different polygons within one hash run
    /// (runs are tiny: usually 2–4 entries; a hash collision is resolved by comparing the coordinates).
    /// </summary>
    private static void EmitGroup(Vertices v, int[] order, int start, int end, List<long> pairs)
    {
        for (var a = start; a < end; a++)
        {
            var ea = order[a];
            if (IsRepeat(v, order, start, a))
            {
                continue;
            }

            for (var b = a + 1; b < end; b++)
            {
                var eb = order[b];
                if (v.Polygon[ea] == v.Polygon[eb] || !v.X[ea].Equals(v.X[eb]) || !v.Y[ea].Equals(v.Y[eb]) || IsRepeat(v, order, start, b))
                {
                    continue;
                }

                pairs.Add(PairKey(v.Polygon[ea], v.Polygon[eb]));
            }
        }
    }

    /// <summary>Whether the entry at position <paramref name="at"/> repeats an earlier entry of the same polygon at the same point.</summary>
    private static bool IsRepeat(Vertices v, int[] order, int start, int at)
    {
        var e = order[at];
        for (var k = start; k < at; k++)
        {
            var o = order[k];
            if (v.Polygon[o] == v.Polygon[e] && v.X[o].Equals(v.X[e]) && v.Y[o].Equals(v.Y[e]))
            {
                return true;
            }
        }

        return false;
    }

    private static long PairKey(int i, int j) => i < j ? ((long)i << 32) | (uint)j : ((long)j << 32) | (uint)i;

    private static List<long> SnappedPairs(Vertices v, double snap)
    {
        var n = v.Count;
        var cells = new Dictionary<(long, long), int>(n);
        var next = new int[n];
        var cx = new long[n];
        var cy = new long[n];
        for (var k = 0; k < n; k++)
        {
            cx[k] = (long)Math.Floor(v.X[k] / snap);
            cy[k] = (long)Math.Floor(v.Y[k] / snap);
            next[k] = cells.TryGetValue((cx[k], cy[k]), out var head) ? head : -1;
            cells[(cx[k], cy[k])] = k;
        }

        // A polygon's vertex may match several vertices of the other polygon; count each vertex of the lower-index
        // polygon once per partner polygon, so "shared points" are counted like distinct points in exact mode.
        var pairs = new List<long>(n);
        var seen = new HashSet<long>();
        var snap2 = snap * snap;
        for (var a = 0; a < n; a++)
        {
            seen.Clear();
            var pa = v.Polygon[a];
            for (var dx = -1L; dx <= 1; dx++)
            {
                for (var dy = -1L; dy <= 1; dy++)
                {
                    if (!cells.TryGetValue((cx[a] + dx, cy[a] + dy), out var b))
                    {
                        continue;
                    }

                    for (; b >= 0; b = next[b])
                    {
                        var pb = v.Polygon[b];
                        if (pb <= pa)
                        {
                            continue;
                        }

                        var ddx = v.X[a] - v.X[b];
                        var ddy = v.Y[a] - v.Y[b];
                        if (ddx * ddx + ddy * ddy <= snap2 && seen.Add(pb))
                        {
                            if (!IsEarlierSameVertex(v, a))
                            {
                                pairs.Add(PairKey(pa, pb));
                            }
                        }
                    }
                }
            }
        }

        return pairs;

        bool IsEarlierSameVertex(Vertices vs, int a)
        {
            // A vertex repeated within one polygon (self-touching ring, touching parts) counts once.
            if (!cells.TryGetValue((cx[a], cy[a]), out var o))
            {
                return false;
            }

            for (; o >= 0; o = next[o])
            {
                if (o < a && vs.Polygon[o] == vs.Polygon[a] && vs.X[o].Equals(vs.X[a]) && vs.Y[o].Equals(vs.Y[a]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static int[][] BuildLists(int count, List<long> pairList, int minShared)
    {
        var pairs = pairList.ToArray();
        Array.Sort(pairs);
        var degree = new int[count];
        var kept = 0;
        var k = 0;
        while (k < pairs.Length)
        {
            var end = k + 1;
            while (end < pairs.Length && pairs[end] == pairs[k])
            {
                end++;
            }

            if (end - k >= minShared)
            {
                pairs[kept++] = pairs[k];
                degree[(int)(pairs[k] >> 32)]++;
                degree[(int)(pairs[k] & 0xFFFFFFFF)]++;
            }

            k = end;
        }

        var lists = new int[count][];
        for (var i = 0; i < count; i++)
        {
            lists[i] = degree[i] == 0 ? [] : new int[degree[i]];
        }

        // Pairs are sorted by (i, j) with i < j, so each list receives its lower neighbours (as j) in increasing i,
        // then its higher neighbours (as i) in increasing j: the lists come out sorted.
        var fill = new int[count];
        for (var p = 0; p < kept; p++)
        {
            var i = (int)(pairs[p] >> 32);
            var j = (int)(pairs[p] & 0xFFFFFFFF);
            lists[i][fill[i]++] = j;
            lists[j][fill[j]++] = i;
        }

        return lists;
    }
}
