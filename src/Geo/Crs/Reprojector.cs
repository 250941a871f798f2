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
        var transform = CreateTransform(layer.Crs, target);
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
        return Apply(geometry, CreateTransform(source, CrsRegistry.Get(targetEpsg)), targetEpsg);
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
        var transform = CreateTransform(CrsRegistry.Get(sourceEpsg), CrsRegistry.Get(targetEpsg));
        return transform is null ? (x, y) : transform.Transform(x, y);
    }

    private static MathTransform? CreateTransform(CrsInfo source, CrsInfo target)
    {
        if (source.Epsg is { } s && target.Epsg is { } t && s == t && CrsRegistry.IsKnown(s))
        {
            return null;
        }

        var from = CrsRegistry.GetCoordinateSystem(source);
        var to = CrsRegistry.GetCoordinateSystem(target);
        try
        {
            return new CoordinateTransformationFactory().CreateFromCoordinateSystems(from, to).MathTransform;
        }
        catch (Exception ex) when (ex is NotSupportedException or NotImplementedException or ArgumentException or InvalidOperationException)
        {
            throw new UnknownCrsException(source.ToString(), string.Create(CultureInfo.InvariantCulture, $"ProjNet cannot transform it to {target} ({ex.Message})."), ex);
        }
    }

    private static Geometry Apply(Geometry geometry, MathTransform? transform, int targetEpsg)
    {
        var copy = geometry.Copy();
        if (transform is not null && !copy.IsEmpty)
        {
            copy.Apply(new TransformFilter(transform));
        }

        copy.SRID = targetEpsg;
        return copy;
    }

    private sealed class TransformFilter(MathTransform transform) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            var y = seq.GetY(i);
            if (double.IsNaN(x) || double.IsNaN(y))
            {
                return;
            }

            transform.Transform(ref x, ref y);
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
