using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.Crs;

/// <summary>
/// Infers the CRS of data that declare none (GeoJSON without <c>crs</c> member holding projected metres, a shapefile
/// without <c>.prj</c>) from the range of its coordinates. Made for German district data.
/// </summary>
/// <remarks>
/// Rules, applied to the bounding box (x = easting or longitude, y = northing or latitude) in this order:
/// <list type="number">
/// <item><description>An empty box or non-finite coordinates fit nothing: <see cref="UnknownCrsException"/>.</description></item>
/// <item><description>−180 ≤ x ≤ 180 and −90 ≤ y ≤ 90: longitude/latitude, EPSG:4326.</description></item>
/// <item><description>Otherwise the northing must lie in 5 000 000 ≤ y ≤ 6 400 000 m (Germany spans about 5 230 000 to 6 110 000
/// in both UTM and Gauß-Krüger); else <see cref="UnknownCrsException"/>.</description></item>
/// <item><description>0 &lt; x &lt; 1 000 000: UTM zone 32N without zone prefix, EPSG:25832 (Germany spans about 280 000 to 920 000).</description></item>
/// <item><description>2 000 000 &lt; x &lt; 3 000 000: Gauß-Krüger zone 2, EPSG:31466; 3 000 000 &lt; x &lt; 4 000 000: zone 3, EPSG:31467
/// (the leading digit of a Gauß-Krüger easting is its zone).</description></item>
/// <item><description>32 000 000 &lt; x &lt; 33 000 000: UTM zone 32N with zone prefix, EPSG:4647.</description></item>
/// <item><description>Anything else (for example Gauß-Krüger zone 4/5 or UTM zone 33 with prefix) is not built in: <see cref="UnknownCrsException"/>.</description></item>
/// </list>
/// The result has <see cref="CrsOrigin.Detected"/> and a <see cref="CrsInfo.Note"/> quoting the ranges seen and the rule applied.
/// </remarks>
public static class CrsDetector
{
    /// <summary>Detects the CRS of a set of geometries from their common bounding box.</summary>
    /// <param name="geometries">The geometries (null entries are ignored).</param>
    /// <param name="source">What the data came from (file name), used in messages.</param>
    /// <returns>The detected CRS with <see cref="CrsOrigin.Detected"/> and a note.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="geometries"/> is null.</exception>
    /// <exception cref="UnknownCrsException">The coordinates fit none of the rules.</exception>
    public static CrsInfo Detect(IEnumerable<Geometry?> geometries, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        var box = new Envelope();
        foreach (var g in geometries)
        {
            if (g is { IsEmpty: false })
            {
                box.ExpandToInclude(g.EnvelopeInternal);
            }
        }

        return Detect(box, source);
    }

    /// <summary>Detects the CRS from a bounding box (see the rules in the class remarks).</summary>
    /// <param name="box">The bounding box of all coordinates.</param>
    /// <param name="source">What the data came from (file name), used in messages.</param>
    /// <returns>The detected CRS with <see cref="CrsOrigin.Detected"/> and a note.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="box"/> is null.</exception>
    /// <exception cref="UnknownCrsException">The coordinates fit none of the rules.</exception>
    public static CrsInfo Detect(Envelope box, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(box);
        var what = source ?? "coordinates";
        if (box.IsNull || !double.IsFinite(box.MinX) || !double.IsFinite(box.MaxX) || !double.IsFinite(box.MinY) || !double.IsFinite(box.MaxY))
        {
            throw new UnknownCrsException(what, "no CRS is declared and there are no finite coordinates to detect one from.");
        }

        var seen = string.Create(CultureInfo.InvariantCulture, $"x {box.MinX:0.######} … {box.MaxX:0.######}, y {box.MinY:0.######} … {box.MaxY:0.######}");
        if (box.MinX >= -180 && box.MaxX <= 180 && box.MinY >= -90 && box.MaxY <= 90)
        {
            return Result(4326, $"No CRS declared; coordinates {seen} lie within ±180/±90, so they were taken as longitude/latitude (EPSG:4326).");
        }

        if (box.MinY < 5_000_000 || box.MaxY > 6_400_000)
        {
            throw new UnknownCrsException(what, $"no CRS is declared and the coordinates ({seen}) are neither longitude/latitude nor metric northings of Germany (5 000 000 … 6 400 000); give the CRS explicitly.");
        }

        int? epsg = box switch
        {
            _ when box.MinX > 0 && box.MaxX < 1_000_000 => 25832,
            _ when box.MinX > 2_000_000 && box.MaxX < 3_000_000 => 31466,
            _ when box.MinX > 3_000_000 && box.MaxX < 4_000_000 => 31467,
            _ when box.MinX > 32_000_000 && box.MaxX < 33_000_000 => 4647,
            _ => null,
        };

        var rule = epsg switch
        {
            25832 => "eastings below 1 000 000 m and German northings fit ETRS89 / UTM zone 32N (EPSG:25832)",
            31466 => "eastings starting with 2 (2 000 000 … 3 000 000) and German northings fit DHDN / Gauß-Krüger zone 2 (EPSG:31466)",
            31467 => "eastings starting with 3 (3 000 000 … 4 000 000) and German northings fit DHDN / Gauß-Krüger zone 3 (EPSG:31467)",
            4647 => "eastings with zone prefix 32 (32 000 000 … 33 000 000) fit ETRS89 / UTM zone 32N (zE-N) (EPSG:4647)",
            _ => null,
        };

        return epsg is { } code
            ? Result(code, $"No CRS declared; coordinates {seen}: {rule}.")
            : throw new UnknownCrsException(what, $"no CRS is declared and the coordinates ({seen}) fit none of the built-in systems (UTM 32N with or without zone prefix, Gauß-Krüger zones 2/3, lon/lat); give the CRS explicitly.");
    }

    private static CrsInfo Result(int epsg, string note) => CrsRegistry.Get(epsg, CrsOrigin.Detected, note);
}
