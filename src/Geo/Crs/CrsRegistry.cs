using System.Globalization;
using ProjNet.CoordinateSystems;

namespace GeoPrevention.Geo.Crs;

/// <summary>
/// The coordinate reference systems GeoPrevention knows by EPSG code, with their WKT definitions, and the
/// recognition of WKT (<c>.prj</c> files, GeoPackage <c>gpkg_spatial_ref_sys</c>) and CRS names
/// (GeoJSON <c>crs</c> member) as one of them.
/// </summary>
/// <remarks>
/// <para>Built-in systems (WKT 1 as written by GDAL, datum shifts as <c>TOWGS84</c> Helmert parameters):</para>
/// <list type="bullet">
/// <item><description>EPSG:4326 WGS 84 (longitude/latitude in degrees; x = longitude, y = latitude).</description></item>
/// <item><description>EPSG:25832 ETRS89 / UTM zone 32N (the working CRS; ETRS89 is taken equal to WGS 84, shift 0).</description></item>
/// <item><description>EPSG:4647 ETRS89 / UTM zone 32N (zE-N): as 25832 but the easting carries the zone prefix 32 (false easting 32 500 000).</description></item>
/// <item><description>EPSG:31466 and EPSG:31467 DHDN / 3-degree Gauß-Krüger zones 2 and 3 (Bessel 1841; central meridians 6° and 9°,
/// false eastings 2 500 000 and 3 500 000, scale 1) with the 7-parameter shift EPSG:1777
/// (598.1, 73.7, 418.2 m; 0.202, 0.045, −2.455″; 6.7 ppm). Without the BETA2007 grid, which ProjNet cannot apply,
/// positions are accurate to about 1 m (see docs/geo.md).</description></item>
/// <item><description>EPSG:3857 WGS 84 / Pseudo-Mercator (web maps; spherical Mercator on the WGS 84 semi-major axis).</description></item>
/// </list>
/// <para>WKT recognition rules (<see cref="FromWkt"/>), applied in order:</para>
/// <list type="number">
/// <item><description>The WKT must parse with ProjNet; otherwise <see cref="UnknownCrsException"/>.</description></item>
/// <item><description>A geographic CRS on the WGS 84 ellipsoid (a = 6 378 137, 1/f = 298.257223563) in degrees is EPSG:4326.</description></item>
/// <item><description>A projected CRS whose projection is Transverse Mercator (also spelled "Gauss_Kruger", "Gauss-Krueger") is matched by
/// its parameters (central meridian, scale factor, false easting, false northing, latitude of origin), its ellipsoid
/// (semi-major axis and inverse flattening: GRS 1980 or WGS 84 for ETRS89, Bessel 1841 for DHDN) and a metre unit;
/// names and <c>AUTHORITY</c> codes are not trusted.</description></item>
/// <item><description>A Mercator CRS with central meridian 0, no false origin and a spherical or "auxiliary sphere"/"pseudo" Mercator on
/// a = 6 378 137 is EPSG:3857.</description></item>
/// <item><description>Anything else is returned without an EPSG code, keeping the WKT; reprojection then uses ProjNet on that WKT
/// and fails with <see cref="UnknownCrsException"/> if ProjNet cannot transform it.</description></item>
/// </list>
/// </remarks>
public static class CrsRegistry
{
    private const double Deg = 0.0174532925199433;

    private const string Wgs84Geogcs =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],"
        + "PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    private const string Etrs89Geogcs =
        "GEOGCS[\"ETRS89\",DATUM[\"European_Terrestrial_Reference_System_1989\",SPHEROID[\"GRS 1980\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"7019\"]],"
        + "TOWGS84[0,0,0,0,0,0,0],AUTHORITY[\"EPSG\",\"6258\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4258\"]]";

    private const string DhdnGeogcs =
        "GEOGCS[\"DHDN\",DATUM[\"Deutsches_Hauptdreiecksnetz\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128,AUTHORITY[\"EPSG\",\"7004\"]],"
        + "TOWGS84[598.1,73.7,418.2,0.202,0.045,-2.455,6.7],AUTHORITY[\"EPSG\",\"6314\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
        + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4314\"]]";

    private static readonly Definition[] Definitions =
    [
        new(4326, "WGS 84", Wgs84Geogcs, Kind.Geographic, 6378137, 298.257223563, 0, 0, 0, 0),
        new(25832, "ETRS89 / UTM zone 32N", Utm("ETRS89 / UTM zone 32N", 500000, 25832), Kind.TransverseMercator, 6378137, 298.257222101, 9, 0.9996, 500000, 0),
        new(4647, "ETRS89 / UTM zone 32N (zE-N)", Utm("ETRS89 / UTM zone 32N (zE-N)", 32500000, 4647), Kind.TransverseMercator, 6378137, 298.257222101, 9, 0.9996, 32500000, 0),
        new(31466, "DHDN / 3-degree Gauss-Kruger zone 2", GaussKruger("DHDN / 3-degree Gauss-Kruger zone 2", 6, 2500000, 31466), Kind.TransverseMercator, 6377397.155, 299.1528128, 6, 1, 2500000, 0),
        new(31467, "DHDN / 3-degree Gauss-Kruger zone 3", GaussKruger("DHDN / 3-degree Gauss-Kruger zone 3", 9, 3500000, 31467), Kind.TransverseMercator, 6377397.155, 299.1528128, 9, 1, 3500000, 0),
        new(3857, "WGS 84 / Pseudo-Mercator", "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + Wgs84Geogcs + ",PROJECTION[\"Mercator_1SP\"],PARAMETER[\"central_meridian\",0],"
            + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
            + "AXIS[\"X\",EAST],AXIS[\"Y\",NORTH],EXTENSION[\"PROJ4\",\"+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs\"],"
            + "AUTHORITY[\"EPSG\",\"3857\"]]", Kind.PseudoMercator, 6378137, 0, 0, 1, 0, 0),
    ];

    private enum Kind
    {
        Geographic,
        TransverseMercator,
        PseudoMercator,
    }

    /// <summary>The EPSG codes with a built-in definition: 4326, 25832, 4647, 31466, 31467, 3857.</summary>
    public static IReadOnlyList<int> KnownEpsgCodes { get; } = Array.AsReadOnly(Definitions.Select(d => d.Epsg).ToArray());

    /// <summary>Whether <paramref name="epsg"/> has a built-in definition.</summary>
    /// <param name="epsg">The EPSG code.</param>
    public static bool IsKnown(int epsg) => Find(epsg) is not null;

    /// <summary>Returns the built-in CRS for an EPSG code.</summary>
    /// <param name="epsg">One of <see cref="KnownEpsgCodes"/>.</param>
    /// <param name="origin">How the CRS became known (stored in the result).</param>
    /// <param name="note">An optional explanation stored in the result.</param>
    /// <returns>The CRS with its EPSG code, name and WKT.</returns>
    /// <exception cref="UnknownCrsException">The code has no built-in definition.</exception>
    public static CrsInfo Get(int epsg, CrsOrigin origin = CrsOrigin.Declared, string? note = null)
    {
        var d = Find(epsg) ?? throw new UnknownCrsException($"EPSG:{epsg.ToString(CultureInfo.InvariantCulture)}", $"not a built-in CRS; known are {string.Join(", ", KnownEpsgCodes.Select(c => "EPSG:" + c.ToString(CultureInfo.InvariantCulture)))}.");
        return new CrsInfo(d.Epsg, d.Name, origin, d.Wkt, note);
    }

    /// <summary>Returns the built-in WKT 1 definition of an EPSG code.</summary>
    /// <param name="epsg">One of <see cref="KnownEpsgCodes"/>.</param>
    /// <returns>The WKT text.</returns>
    /// <exception cref="UnknownCrsException">The code has no built-in definition.</exception>
    public static string GetWkt(int epsg) => Get(epsg).Wkt!;

    /// <summary>
    /// Parses WKT (OGC or ESRI flavour, e.g. a <c>.prj</c> file) and recognises it as a built-in EPSG system by its
    /// parameters (see the rules in the class remarks).
    /// </summary>
    /// <param name="wkt">The WKT text.</param>
    /// <param name="origin">How the CRS became known (stored in the result).</param>
    /// <param name="source">What the WKT came from (file name), used in messages.</param>
    /// <returns>
    /// The built-in CRS (with the original WKT kept in <see cref="CrsInfo.Wkt"/>) when recognised, else a CRS without EPSG
    /// code carrying the WKT name and a note.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="wkt"/> is null.</exception>
    /// <exception cref="UnknownCrsException">The text is not parseable WKT.</exception>
    public static CrsInfo FromWkt(string wkt, CrsOrigin origin = CrsOrigin.Declared, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        var cs = ParseWkt(wkt, source);
        if (Match(cs) is { } d)
        {
            var note = string.Equals(cs.Name, d.Name, StringComparison.Ordinal)
                ? null
                : $"WKT \"{cs.Name}\" recognised as EPSG:{d.Epsg.ToString(CultureInfo.InvariantCulture)} by its parameters.";
            return new CrsInfo(d.Epsg, d.Name, origin, wkt.Trim(), note);
        }

        return new CrsInfo(null, cs.Name, origin, wkt.Trim(), "Not one of the built-in systems; reprojection will use ProjNet directly on this WKT.");
    }

    /// <summary>
    /// Recognises a CRS name as used in the legacy GeoJSON <c>crs</c> member or in options: <c>EPSG:25832</c>,
    /// <c>urn:ogc:def:crs:EPSG::25832</c>, <c>urn:ogc:def:crs:EPSG:9.8:25832</c>, <c>http://www.opengis.net/def/crs/EPSG/0/25832</c>,
    /// and <c>urn:ogc:def:crs:OGC:1.3:CRS84</c> / <c>CRS84</c> (= EPSG:4326 in lon/lat order).
    /// </summary>
    /// <param name="name">The CRS name.</param>
    /// <returns>The EPSG code, or <see langword="null"/> when the name has none of these forms.</returns>
    public static int? ParseEpsgName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim();
        if (n.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase))
        {
            return 4326;
        }

        var upper = n.ToUpperInvariant();
        var at = upper.LastIndexOf("EPSG", StringComparison.Ordinal);
        if (at < 0)
        {
            return int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var bare) ? bare : null;
        }

        // The code is the last run of digits after "EPSG" (skipping a version such as 9.8 or 0).
        var tail = n[(at + 4)..];
        var parts = tail.Split([':', '/'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 && int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    /// <summary>
    /// Returns a ProjNet coordinate system for a CRS: the built-in definition when it has a known EPSG code, else the parsed WKT.
    /// </summary>
    /// <exception cref="UnknownCrsException">The CRS has neither a known EPSG code nor parseable WKT.</exception>
    internal static CoordinateSystem GetCoordinateSystem(CrsInfo crs)
    {
        if (crs.Epsg is { } epsg && Find(epsg) is { } d)
        {
            // ProjNet's Mercator_1SP is ellipsoidal; its own WebMercator object implements the spherical pseudo-Mercator.
            return d.Kind == Kind.PseudoMercator ? ProjectedCoordinateSystem.WebMercator : ParseWkt(d.Wkt, $"EPSG:{epsg.ToString(CultureInfo.InvariantCulture)}");
        }

        if (crs.Wkt is { } wkt)
        {
            return ParseWkt(wkt, crs.Name);
        }

        throw new UnknownCrsException(crs.ToString(), "no built-in definition and no WKT to transform with.");
    }

    /// <summary>
    /// The fast inverse for a built-in ETRS89 Transverse Mercator system (GRS 1980, zero datum shift to WGS 84:
    /// EPSG:25832, EPSG:4647) to EPSG:4326; null for every other system (DHDN needs a Helmert shift, WKT-only systems ProjNet).
    /// </summary>
    internal static TransverseMercatorInverse? Etrs89TransverseMercatorInverse(int? epsg)
    {
        if (epsg is not { } code || Find(code) is not { } d || d.Kind != Kind.TransverseMercator || d.InverseFlattening != 298.257222101)
        {
            return null;
        }

        return new TransverseMercatorInverse(d.SemiMajor, d.InverseFlattening, d.CentralMeridian, d.Scale, d.FalseEasting, d.FalseNorthing);
    }

    private static CoordinateSystem ParseWkt(string wkt, string? source)
    {
        var description = source ?? Excerpt(wkt);
        if (string.IsNullOrWhiteSpace(wkt))
        {
            throw new UnknownCrsException(description, "the WKT is empty.");
        }

        try
        {
            return new CoordinateSystemFactory().CreateFromWkt(wkt.Trim()) as CoordinateSystem
                ?? throw new UnknownCrsException(description, "the WKT does not describe a coordinate system.");
        }
        catch (UnknownCrsException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or NotSupportedException or NotImplementedException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException)
        {
            throw new UnknownCrsException(description, $"not readable as WKT ({ex.Message}): \"{Excerpt(wkt)}\"", ex);
        }
    }

    private static string Excerpt(string wkt)
    {
        var t = wkt.Trim().ReplaceLineEndings(" ");
        return t.Length <= 60 ? t : t[..60] + "…";
    }

    private static Definition? Find(int epsg) => Array.Find(Definitions, d => d.Epsg == epsg);

    private static Definition? Match(CoordinateSystem cs)
    {
        switch (cs)
        {
            case GeographicCoordinateSystem g:
                var e = g.HorizontalDatum.Ellipsoid;
                return Near(e.SemiMajorAxis * e.AxisUnit.MetersPerUnit, 6378137, 1e-3) && Near(e.InverseFlattening, 298.257223563, 1e-6)
                    && Near(g.AngularUnit.RadiansPerUnit, Deg, 1e-12) && Near(g.PrimeMeridian.Longitude, 0, 1e-12)
                    ? Find(4326)
                    : null;
            case ProjectedCoordinateSystem p:
                return MatchProjected(p);
            default:
                return null;
        }
    }

    private static Definition? MatchProjected(ProjectedCoordinateSystem p)
    {
        var ellipsoid = p.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid;
        var a = ellipsoid.SemiMajorAxis * ellipsoid.AxisUnit.MetersPerUnit;
        var invF = ellipsoid.InverseFlattening;
        if (!Near(p.LinearUnit.MetersPerUnit, 1, 1e-12) || !Near(p.GeographicCoordinateSystem.PrimeMeridian.Longitude, 0, 1e-12))
        {
            return null;
        }

        var projection = Normalize(p.Projection.ClassName);
        var cm = Parameter(p, "centralmeridian", "longitudeofcenter", "longitudeoforigin") ?? 0;
        var k = Parameter(p, "scalefactor", "scalefactoratnaturalorigin") ?? 1;
        var fe = Parameter(p, "falseeasting") ?? 0;
        var fn = Parameter(p, "falsenorthing") ?? 0;
        var lat0 = Parameter(p, "latitudeoforigin", "latitudeofcenter", "standardparallel1") ?? 0;

        if (projection is "transversemercator" or "gausskruger" or "gausskrueger")
        {
            foreach (var d in Definitions)
            {
                if (d.Kind == Kind.TransverseMercator && Near(a, d.SemiMajor, 1e-3) && InverseFlatteningMatches(d, invF)
                    && Near(cm, d.CentralMeridian, 1e-9) && Near(k, d.Scale, 1e-9) && Near(fe, d.FalseEasting, 1e-3) && Near(fn, d.FalseNorthing, 1e-3) && Near(lat0, 0, 1e-9))
                {
                    return d;
                }
            }

            return null;
        }

        var pseudo = projection.Contains("pseudo", StringComparison.Ordinal) || projection.Contains("auxiliarysphere", StringComparison.Ordinal)
            || projection.Contains("popularvisualisation", StringComparison.Ordinal) || projection == "googlemercator"
            || (projection is "mercator1sp" or "mercator" && Normalize(p.Name).Contains("pseudomercator", StringComparison.Ordinal));
        return pseudo && Near(a, 6378137, 1e-3) && Near(cm, 0, 1e-9) && Near(fe, 0, 1e-3) && Near(fn, 0, 1e-3) && Near(k, 1, 1e-9) ? Find(3857) : null;
    }

    // ETRS89 systems are written with GRS 1980 (1/f 298.257222101); some files use the WGS 84 ellipsoid instead (sub-millimetre difference).
    private static bool InverseFlatteningMatches(Definition d, double invF) =>
        Near(invF, d.InverseFlattening, 1e-6) || (d.InverseFlattening == 298.257222101 && Near(invF, 298.257223563, 1e-6));

    private static double? Parameter(ProjectedCoordinateSystem p, params string[] names)
    {
        for (var i = 0; i < p.Projection.NumParameters; i++)
        {
            var parameter = p.Projection.GetParameter(i);
            if (Array.IndexOf(names, Normalize(parameter.Name)) >= 0)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    private static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[name.Length];
        var n = 0;
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = c == 'ü' || c == 'Ü' ? 'u' : char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }

    private static bool Near(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance;

    private static string Utm(string name, int falseEasting, int epsg) =>
        $"PROJCS[\"{name}\",{Etrs89Geogcs},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",9],"
        + $"PARAMETER[\"scale_factor\",0.9996],PARAMETER[\"false_easting\",{falseEasting.ToString(CultureInfo.InvariantCulture)}],PARAMETER[\"false_northing\",0],"
        + $"UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg.ToString(CultureInfo.InvariantCulture)}\"]]";

    private static string GaussKruger(string name, int centralMeridian, int falseEasting, int epsg) =>
        $"PROJCS[\"{name}\",{DhdnGeogcs},PROJECTION[\"Transverse_Mercator\"],PARAMETER[\"latitude_of_origin\",0],"
        + $"PARAMETER[\"central_meridian\",{centralMeridian.ToString(CultureInfo.InvariantCulture)}],PARAMETER[\"scale_factor\",1],"
        + $"PARAMETER[\"false_easting\",{falseEasting.ToString(CultureInfo.InvariantCulture)}],PARAMETER[\"false_northing\",0],"
        + $"UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AUTHORITY[\"EPSG\",\"{epsg.ToString(CultureInfo.InvariantCulture)}\"]]";

    private sealed record Definition(int Epsg, string Name, string Wkt, Kind Kind, double SemiMajor, double InverseFlattening, double CentralMeridian, double Scale, double FalseEasting, double FalseNorthing);
}
