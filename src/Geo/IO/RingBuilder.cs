using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// Builds polygon rings as found in files. Simplified boundaries (VG250 TopoJSON) contain rings that collapsed to
/// 3 positions (a, b, a); NetTopologySuite cannot represent a ring with fewer than 4 positions, so such a closed ring is padded
/// by repeating its last position. The geometry stays invalid (zero area), so validation reports it, and a diagnostic says so.
/// </summary>
internal static class RingBuilder
{
    public static LinearRing Create(GeometryFactory factory, CoordinateSequence seq, int featureIndex, Action<GeoDiagnostic>? report, string path)
    {
        var n = seq.Count;
        if (n == 0 || n >= 4)
        {
            if (n > 0 && !Closed(seq, n))
            {
                throw new GeoDataFormatException(path, string.Create(CultureInfo.InvariantCulture, $"Feature {featureIndex}: a polygon ring is not closed (first and last position differ)."));
            }

            return factory.CreateLinearRing(seq);
        }

        if (!Closed(seq, n))
        {
            throw new GeoDataFormatException(path, string.Create(CultureInfo.InvariantCulture, $"Feature {featureIndex}: a polygon ring has only {n} positions and is not closed."));
        }

        var padded = factory.CoordinateSequenceFactory.Create(4, 2, 0);
        for (var i = 0; i < 4; i++)
        {
            var k = Math.Min(i, n - 1);
            padded.SetX(i, seq.GetX(k));
            padded.SetY(i, seq.GetY(k));
        }

        report?.Invoke(new GeoDiagnostic(
            GeoDiagnosticKind.Other,
            string.Create(CultureInfo.InvariantCulture, $"Feature {featureIndex}: a ring has only {n} positions (collapsed, zero area); it was padded to 4 by repeating its last position and stays invalid."),
            featureIndex,
            Location: new Coordinate(seq.GetX(0), seq.GetY(0))));
        return factory.CreateLinearRing(padded);
    }

    private static bool Closed(CoordinateSequence seq, int n) => seq.GetX(0) == seq.GetX(n - 1) && seq.GetY(0) == seq.GetY(n - 1);
}
