using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoPrevention.Geo.Operations;

/// <summary>Options for <see cref="Dissolve"/>.</summary>
public sealed class DissolveOptions
{
    /// <summary>
    /// Holes in a dissolved polygon whose area (in CRS units², m² in EPSG:25832) is at most this value are
    /// filled. Use it for input that is not an exact coverage (tiny gaps between neighbours digitised
    /// separately). Default 0: no hole is filled, so real enclaves stay holes.
    /// </summary>
    public double MaximumSliverArea { get; init; }
}

/// <summary>One output polygon of a dissolve.</summary>
/// <param name="Key">The group key (e.g. the parent key).</param>
/// <param name="Geometry">The union of the members (Polygon or MultiPolygon).</param>
/// <param name="MemberKeys">The keys (or, for <see cref="Dissolve.ByKey"/>, the indices as text) of the members, in input order.</param>
public sealed record DissolvedGroup(string Key, Geometry Geometry, IReadOnlyList<string> MemberKeys);

/// <summary>The outcome of a dissolve: one group per distinct key, in first-occurrence order, and the findings.</summary>
/// <param name="Groups">The dissolved groups.</param>
/// <param name="Diagnostics">Members without a group key, unions that needed the fallback, filled slivers.</param>
public sealed record DissolveResult(IReadOnlyList<DissolvedGroup> Groups, IReadOnlyList<GeoDiagnostic> Diagnostics);

/// <summary>
/// Unions polygons by a group key (children into parents: Sozialraum → Gemeinde → Kreis) without slivers.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item>Members without a group key are left out and reported as <see cref="GeoDiagnosticKind.MissingKey"/>; empty geometries are ignored.</item>
/// <item>The members of a group are first unioned with NTS <c>CoverageUnion</c>, which joins polygons that share
/// edges exactly (a polygonal coverage, as districts of one layer are) by dropping the shared edges: no overlay
/// noding, so no slivers from floating-point noise and it is fast.</item>
/// <item>If the members are not a clean coverage (the coverage union is invalid, or its area differs from the sum
/// of the member areas by more than 1e-9 relative — overlaps), the group is unioned again with NTS
/// <c>UnaryUnionOp</c> (OverlayNG, snapping-robust) and a diagnostic says so.</item>
/// <item>Holes up to <see cref="DissolveOptions.MaximumSliverArea"/> are filled (reported).</item>
/// </list>
/// </remarks>
public static class Dissolve
{
    /// <summary>Dissolves the districts of a layer into their parents (by <see cref="District.ParentKey"/>).</summary>
    /// <param name="layer">The child layer.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    public static DissolveResult ByParent(DistrictLayer layer, DissolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var geometries = new Geometry[layer.Count];
        var groupKeys = new string?[layer.Count];
        var memberKeys = new string[layer.Count];
        for (var i = 0; i < layer.Count; i++)
        {
            var d = layer.Districts[i];
            geometries[i] = d.Geometry;
            groupKeys[i] = d.ParentKey;
            memberKeys[i] = d.Key;
        }

        return Run(geometries, groupKeys, memberKeys, options ?? new DissolveOptions());
    }

    /// <summary>Dissolves geometries by a parallel list of group keys.</summary>
    /// <param name="geometries">The polygons.</param>
    /// <param name="groupKeys">The group key of each polygon (null or blank: left out and reported).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException">An argument or a geometry is null.</exception>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static DissolveResult ByKey(IReadOnlyList<Geometry> geometries, IReadOnlyList<string?> groupKeys, DissolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        ArgumentNullException.ThrowIfNull(groupKeys);
        if (geometries.Count != groupKeys.Count)
        {
            throw new ArgumentException($"Expected one group key per geometry, but got {geometries.Count.ToString(CultureInfo.InvariantCulture)} geometries and {groupKeys.Count.ToString(CultureInfo.InvariantCulture)} keys.", nameof(groupKeys));
        }

        var memberKeys = new string[geometries.Count];
        for (var i = 0; i < memberKeys.Length; i++)
        {
            memberKeys[i] = i.ToString(CultureInfo.InvariantCulture);
        }

        return Run(geometries, groupKeys, memberKeys, options ?? new DissolveOptions());
    }

    /// <summary>Unions polygons into one polygonal geometry (coverage union, with overlay fallback; see the type remarks).</summary>
    /// <param name="geometries">The polygons (empty ones are ignored).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <returns>A Polygon or MultiPolygon; an empty Polygon when there is nothing to union.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geometries"/> or a geometry is null.</exception>
    public static Geometry Union(IReadOnlyList<Geometry> geometries, DissolveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        return UnionCore(geometries, options ?? new DissolveOptions(), out _, out _);
    }

    private static DissolveResult Run(IReadOnlyList<Geometry> geometries, IReadOnlyList<string?> groupKeys, string[] memberKeys, DissolveOptions options)
    {
        var groups = new Dictionary<string, (List<Geometry> Parts, List<string> Members)>(StringComparer.Ordinal);
        var order = new List<string>();
        var diagnostics = new List<GeoDiagnostic>();
        for (var i = 0; i < geometries.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(geometries[i], nameof(geometries));
            var key = groupKeys[i]?.Trim();
            if (string.IsNullOrEmpty(key))
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.MissingKey, $"'{memberKeys[i]}' has no group key and was left out of the dissolve.", i, memberKeys[i]));
                continue;
            }

            if (!groups.TryGetValue(key, out var g))
            {
                g = ([], []);
                groups.Add(key, g);
                order.Add(key);
            }

            g.Parts.Add(geometries[i]);
            g.Members.Add(memberKeys[i]);
        }

        var result = new List<DissolvedGroup>(order.Count);
        foreach (var key in order)
        {
            var (parts, members) = groups[key];
            var union = UnionCore(parts, options, out var usedFallback, out var filled);
            if (usedFallback)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"The members of '{key}' are not an exact coverage (overlaps or unmatched edges); they were unioned by overlay instead.", Key: key));
            }

            if (filled > 0)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, $"{filled.ToString(CultureInfo.InvariantCulture)} sliver hole(s) up to {options.MaximumSliverArea.ToString(CultureInfo.InvariantCulture)} units² were filled in '{key}'.", Key: key));
            }

            result.Add(new DissolvedGroup(key, union, members));
        }

        return new DissolveResult(result, diagnostics);
    }

    private static Geometry UnionCore(IReadOnlyList<Geometry> geometries, DissolveOptions options, out bool usedFallback, out int filled)
    {
        usedFallback = false;
        filled = 0;
        var parts = new List<Geometry>(geometries.Count);
        var areaSum = 0d;
        GeometryFactory? factory = null;
        foreach (var g in geometries)
        {
            ArgumentNullException.ThrowIfNull(g, nameof(geometries));
            factory ??= g.Factory;
            if (!g.IsEmpty)
            {
                parts.Add(g);
                areaSum += g.Area;
            }
        }

        factory ??= NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
        if (parts.Count == 0)
        {
            return factory.CreatePolygon();
        }

        Geometry union;
        if (parts.Count == 1)
        {
            union = parts[0].Copy();
        }
        else
        {
            var coverageUnion = TryCoverageUnion(parts);
            if (coverageUnion is null || !coverageUnion.IsValid || Math.Abs(coverageUnion.Area - areaSum) > 1e-9 * Math.Max(areaSum, 1d))
            {
                usedFallback = true;
                union = UnaryUnionOp.Union(parts);
            }
            else
            {
                union = coverageUnion;
            }
        }

        if (options.MaximumSliverArea > 0)
        {
            union = FillSlivers(union, options.MaximumSliverArea, out filled);
        }

        return union;
    }

    private static Geometry? TryCoverageUnion(List<Geometry> parts)
    {
        try
        {
            return NetTopologySuite.Coverage.CoverageUnion.Union(parts.ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        catch (TopologyException)
        {
            return null;
        }
    }

    private static Geometry FillSlivers(Geometry geometry, double maximumArea, out int filled)
    {
        filled = 0;
        var factory = geometry.Factory;
        var polygons = new List<Polygon>();
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon p)
            {
                continue;
            }

            var holes = new List<LinearRing>();
            foreach (var hole in p.Holes)
            {
                if (Math.Abs(NetTopologySuite.Algorithm.Area.OfRing(hole.CoordinateSequence)) <= maximumArea)
                {
                    filled++;
                }
                else
                {
                    holes.Add(hole);
                }
            }

            polygons.Add(factory.CreatePolygon(p.Shell, [.. holes]));
        }

        if (filled == 0)
        {
            return geometry;
        }

        return polygons.Count == 1 ? polygons[0] : factory.CreateMultiPolygon([.. polygons]);
    }
}
