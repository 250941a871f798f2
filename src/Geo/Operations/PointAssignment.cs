using System.Globalization;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoPrevention.Geo.Operations;

/// <summary>The outcome of <see cref="PointAssignment.Assign(IReadOnlyList{Geometry}, IReadOnlyList{string}, IReadOnlyList{Coordinate})"/>.</summary>
public sealed class PointAssignmentResult
{
    internal PointAssignmentResult(int[] districtIndex, string?[] keys, IReadOnlyList<int> unassigned, IReadOnlyList<GeoDiagnostic> diagnostics)
    {
        DistrictIndex = districtIndex;
        Keys = keys;
        Unassigned = unassigned;
        Diagnostics = diagnostics;
    }

    /// <summary>For each point, the index of its district, or -1 when it lies in none.</summary>
    public IReadOnlyList<int> DistrictIndex { get; }

    /// <summary>For each point, the key of its district, or <see langword="null"/> when it lies in none.</summary>
    public IReadOnlyList<string?> Keys { get; }

    /// <summary>The indices of the points that lie in no district, ascending.</summary>
    public IReadOnlyList<int> Unassigned { get; }

    /// <summary>One finding per unassigned point (index and coordinates).</summary>
    public IReadOnlyList<GeoDiagnostic> Diagnostics { get; }
}

/// <summary>
/// Assigns points (addresses, facilities, cases) to the district polygon that contains them, using an STR-tree
/// of district envelopes and NTS <c>IndexedPointInAreaLocator</c> per district.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>A point strictly inside a district is assigned to it.</item>
/// <item>A point on a boundary (on a shared edge or vertex) is assigned to the district with the lowest index among
/// those whose boundary it lies on, so each point gets exactly one district and the result is deterministic.</item>
/// <item>A point inside no district (outside the area, in a gap, or a NaN coordinate) is unassigned: index -1, key
/// null, and one diagnostic naming the point index and coordinates.</item>
/// <item>Points and districts must be in the same CRS; this is not checked.</item>
/// </list>
/// Cost: O(n log n) to build the tree; per point, an envelope query plus an O(log v) locate per candidate.
/// The per-district locators are built lazily, on first use.
/// </remarks>
public static class PointAssignment
{
    /// <summary>Assigns points to the districts of a layer.</summary>
    /// <param name="layer">The districts.</param>
    /// <param name="points">The points, in the layer CRS.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static PointAssignmentResult Assign(DistrictLayer layer, IReadOnlyList<Coordinate> points)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return Assign(layer.Geometries, layer.Keys, points);
    }

    /// <summary>Assigns points to polygons with keys (see the rules in the type remarks).</summary>
    /// <param name="polygons">The district polygons (empty ones never receive points).</param>
    /// <param name="keys">The key of each polygon.</param>
    /// <param name="points">The points, in the polygons' CRS.</param>
    /// <exception cref="ArgumentNullException">An argument, a polygon or a point is null.</exception>
    /// <exception cref="ArgumentException">The polygon and key lists differ in length.</exception>
    public static PointAssignmentResult Assign(IReadOnlyList<Geometry> polygons, IReadOnlyList<string> keys, IReadOnlyList<Coordinate> points)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(points);
        if (polygons.Count != keys.Count)
        {
            throw new ArgumentException($"Expected one key per polygon, but got {polygons.Count.ToString(CultureInfo.InvariantCulture)} polygons and {keys.Count.ToString(CultureInfo.InvariantCulture)} keys.", nameof(keys));
        }

        var tree = new STRtree<int>();
        for (var i = 0; i < polygons.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(polygons[i], nameof(polygons));
            if (!polygons[i].IsEmpty)
            {
                tree.Insert(polygons[i].EnvelopeInternal, i);
            }
        }

        tree.Build();
        var locators = new IndexedPointInAreaLocator?[polygons.Count];
        var index = new int[points.Count];
        var assignedKeys = new string?[points.Count];
        var unassigned = new List<int>();
        var diagnostics = new List<GeoDiagnostic>();
        var candidates = new List<int>();
        for (var p = 0; p < points.Count; p++)
        {
            var c = points[p];
            ArgumentNullException.ThrowIfNull(c, nameof(points));
            var found = -1;
            if (double.IsFinite(c.X) && double.IsFinite(c.Y))
            {
                candidates.Clear();
                candidates.AddRange(tree.Query(new Envelope(c)));
                candidates.Sort();
                var boundary = -1;
                foreach (var i in candidates)
                {
                    var locator = locators[i] ??= new IndexedPointInAreaLocator(polygons[i]);
                    var location = locator.Locate(c);
                    if (location == Location.Interior)
                    {
                        found = i;
                        break;
                    }

                    if (location == Location.Boundary && boundary < 0)
                    {
                        boundary = i;
                    }
                }

                if (found < 0)
                {
                    found = boundary;
                }
            }

            index[p] = found;
            if (found >= 0)
            {
                assignedKeys[p] = keys[found];
            }
            else
            {
                unassigned.Add(p);
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, string.Create(CultureInfo.InvariantCulture, $"Point {p} at ({c.X:R}, {c.Y:R}) lies in no district."), p, Location: c.Copy()));
            }
        }

        return new PointAssignmentResult(index, assignedKeys, unassigned, diagnostics);
    }
}
