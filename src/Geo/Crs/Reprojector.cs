using System.Globalization;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoPrevention.Geo.Crs;

/// <summary>
/// Reprojects layers and geometries between coordinate reference systems with ProjNet.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item><description>Inputs are never modified; new geometries are returned, with <see cref="Geometry.SRID"/> set to the target EPSG code.</description></item>
/// <item><description>Axis order is always x = easting/longitude, y = northing/latitude (GIS order), also for EPSG:4326.</description></item>
/// <item><description>Only x and y are transformed; z and m values are kept unchanged.</description></item>
/// <item><description>Datum shifts use the 7-parameter Helmert (<c>TOWGS84</c>) of the built-in definitions: ETRS89 = WGS 84 (no shift),
/// DHDN → WGS 84 by EPSG:1777, accurate to about 1 m because ProjNet has no BETA2007 grid.</description></item>
/// <item><description>Same source and target: the geometry is copied unchanged (apart from its SRID).</description></item>
/// <item><description>ETRS89 / UTM (EPSG:25832, EPSG:4647) → WGS 84 (EPSG:4326) uses the Krüger series (terms up to n⁴, error below
/// 1 µm) instead of ProjNet's per-point chain, about 4× faster; it agrees with PROJ and ProjNet to 1e-9° (≈ 0.1 mm). All other pairs use ProjNet.</description></item>
/// <item><description>Coordinates are transformed a whole coordinate sequence at a time.</description></item>
/// </list>
/// Reference: ProjNet 2.0 (<c>CoordinateTransformationFactory</c>); checked against PROJ 9 (pyproj) control points in the tests.
/// </remarks>
public static class Reprojector
{
    /// <summary>Reprojects every feature of a layer into a built-in CRS.</summary>
    /// <param name="layer">The layer; its <see cref="VectorLayer.Crs"/> must be a built-in EPSG code or carry WKT ProjNet can transform.</param>
    /// <param name="targetEpsg">One of <see cref="CrsRegistry.KnownEpsgCodes"/>.</param>
    /// <returns>A new layer with the same fields, attributes and diagnostics, CRS origin <see cref="CrsOrigin.Reprojected"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="layer"/> is null.</exception>
    /// <exception cref="UnknownCrsException">The source or target CRS cannot be used.</exception>
    public static VectorLayer Reproject(VectorLayer layer, int targetEpsg)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var target = CrsRegistry.Get(targetEpsg, CrsOrigin.Reprojected, $"Reprojected from {layer.Crs}.");
        var transform = CreateTransformer(layer.Crs, target);
        var features = new VectorFeature[layer.Features.Count];
        for (var i = 0; i < features.Length; i++)
        {
            var f = layer.Features[i];
            features[i] = f with { Geometry = f.Geometry is null ? null : Apply(f.Geometry, transform, targetEpsg) };
        }

        return new VectorLayer(layer.Source, layer.Format, target, layer.Fields, features, layer.Diagnostics);
    }

    /// <summary>Reprojects one geometry between two built-in CRS.</summary>
    /// <param name="geometry">The geometry (not modified).</param>
    /// <param name="sourceEpsg">The EPSG code of its coordinates.</param>
    /// <param name="targetEpsg">The EPSG code wanted.</param>
    /// <returns>A new geometry with SRID <paramref name="targetEpsg"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> is null.</exception>
    /// <exception cref="UnknownCrsException">A code has no built-in definition.</exception>
    public static Geometry Reproject(Geometry geometry, int sourceEpsg, int targetEpsg) =>
        Reproject(geometry, CrsRegistry.Get(sourceEpsg), targetEpsg);

    /// <summary>Reprojects one geometry from any usable CRS (built-in or WKT) into a built-in CRS.</summary>
    /// <param name="geometry">The geometry (not modified).</param>
    /// <param name="source">The CRS of its coordinates.</param>
    /// <param name="targetEpsg">The EPSG code wanted.</param>
    /// <returns>A new geometry with SRID <paramref name="targetEpsg"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geometry"/> or <paramref name="source"/> is null.</exception>
    /// <exception cref="UnknownCrsException">The source or target CRS cannot be used.</exception>
    public static Geometry Reproject(Geometry geometry, CrsInfo source, int targetEpsg)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(source);
        return Apply(geometry, CreateTransformer(source, CrsRegistry.Get(targetEpsg)), targetEpsg);
    }

    /// <summary>Transforms one position (x = easting/longitude, y = northing/latitude) between two built-in CRS.</summary>
    /// <param name="x">Easting or longitude.</param>
    /// <param name="y">Northing or latitude.</param>
    /// <param name="sourceEpsg">The EPSG code of the position.</param>
    /// <param name="targetEpsg">The EPSG code wanted.</param>
    /// <returns>The transformed (x, y).</returns>
    /// <exception cref="UnknownCrsException">A code has no built-in definition.</exception>
    public static (double X, double Y) Transform(double x, double y, int sourceEpsg, int targetEpsg)
    {
        var transform = CreateTransformer(CrsRegistry.Get(sourceEpsg), CrsRegistry.Get(targetEpsg));
        if (transform is null)
        {
            return (x, y);
        }

        Span<double> xs = [x];
        Span<double> ys = [y];
        transform.Transform(xs, ys);
        return (xs[0], ys[0]);
    }

    /// <summary>The transformer from <paramref name="source"/> to the built-in <paramref name="target"/>; null when both are the same built-in CRS.</summary>
    /// <exception cref="UnknownCrsException">The source or target CRS cannot be used.</exception>
    internal static CoordinateTransformer? CreateTransformer(CrsInfo source, CrsInfo target)
    {
        if (source.Epsg is { } s && target.Epsg is { } t && s == t && CrsRegistry.IsKnown(s))
        {
            return null;
        }

        if (target.Epsg == 4326 && CrsRegistry.Etrs89TransverseMercatorInverse(source.Epsg) is { } fast)
        {
            return fast;
        }

        var from = CrsRegistry.GetCoordinateSystem(source);
        var to = CrsRegistry.GetCoordinateSystem(target);
        try
        {
            return new CoordinateTransformer.ProjNetTransformer(new CoordinateTransformationFactory().CreateFromCoordinateSystems(from, to).MathTransform);
        }
        catch (Exception ex) when (ex is NotSupportedException or NotImplementedException or ArgumentException or InvalidOperationException)
        {
            throw new UnknownCrsException(source.ToString(), string.Create(CultureInfo.InvariantCulture, $"ProjNet cannot transform it to {target} ({ex.Message})."), ex);
        }
    }

    private static Geometry Apply(Geometry geometry, CoordinateTransformer? transform, int targetEpsg)
    {
        var copy = geometry.Copy();
        if (transform is not null && !copy.IsEmpty)
        {
            copy.Apply(new SequenceFilter(transform));
            copy.GeometryChanged();
        }

        copy.SRID = targetEpsg;
        return copy;
    }

    /// <summary>Transforms each coordinate sequence as a whole when NTS visits its first position.</summary>
    private sealed class SequenceFilter(CoordinateTransformer transform) : ICoordinateSequenceFilter
    {
        private double[] _xs = new double[64];
        private double[] _ys = new double[64];

        public bool Done => false;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq, int i)
        {
            if (i != 0)
            {
                return;
            }

            var n = seq.Count;
            if (_xs.Length < n)
            {
                _xs = new double[Math.Max(n, _xs.Length * 2)];
                _ys = new double[_xs.Length];
            }

            for (var k = 0; k < n; k++)
            {
                _xs[k] = seq.GetX(k);
                _ys[k] = seq.GetY(k);
            }

            transform.Transform(_xs.AsSpan(0, n), _ys.AsSpan(0, n));
            for (var k = 0; k < n; k++)
            {
                seq.SetX(k, _xs[k]);
                seq.SetY(k, _ys[k]);
            }
        }
    }
}
