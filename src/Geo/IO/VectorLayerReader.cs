using System.Globalization;
using System.Text;
using GeoPrevention.Geo.Crs;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// Reads a vector layer (district boundaries) from Shapefile, GeoJSON, TopoJSON or GeoPackage into a <see cref="VectorLayer"/>.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item><description>The format is chosen by extension (<c>.shp</c>, <c>.geojson</c>/<c>.json</c>, <c>.topojson</c>, <c>.gpkg</c>);
/// a <c>.json</c> file whose <c>type</c> is <c>Topology</c> is read as TopoJSON; an unknown extension is sniffed by content
/// (SQLite header → GeoPackage, <c>{</c> → GeoJSON/TopoJSON).</description></item>
/// <item><description>CRS: an override in the options wins (<see cref="CrsOrigin.Overridden"/>); else the declared CRS (<c>.prj</c>,
/// GeoJSON <c>crs</c> member, GeoPackage <c>srs_id</c>) recognised by <see cref="CrsRegistry"/>; else the format default
/// (GeoJSON/TopoJSON: WGS 84 lon/lat) if the coordinates fit it; else <see cref="CrsDetector"/> (<see cref="CrsOrigin.Detected"/>,
/// with a <see cref="GeoDiagnosticKind.CrsDetected"/> diagnostic).</description></item>
/// <item><description>Every feature is kept in source order. A feature without geometry gets a <see cref="GeoDiagnosticKind.NullGeometry"/>
/// diagnostic, an empty geometry an <see cref="GeoDiagnosticKind.EmptyGeometry"/> diagnostic. Validity is not checked here.</description></item>
/// <item><description>Attribute values are <see cref="string"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTime"/> or null. Text is never turned into numbers (AGS keys keep their leading zeros).</description></item>
/// <item><description>Geometries carry the EPSG code as <see cref="Geometry.SRID"/> (0 when the CRS has no EPSG code).</description></item>
/// </list>
/// </remarks>
public static class VectorLayerReader
{
    static VectorLayerReader()
    {
        // Windows-1252 and the DOS code pages of DBF language drivers live in the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Reads the layer at <paramref name="path"/>.</summary>
    /// <param name="path">A <c>.shp</c>, <c>.geojson</c>/<c>.json</c>, <c>.topojson</c> or <c>.gpkg</c> file.</param>
    /// <param name="options">Overrides (CRS, encoding, layer name, required geometry); null for defaults.</param>
    /// <returns>The layer with its CRS and reading diagnostics.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="GeoDataFormatException">The file is missing, empty, truncated, syntactically broken, of an unknown format,
    /// or holds other geometries than <see cref="VectorReadOptions.RequiredGeometry"/> allows. The message names the file and,
    /// for JSON syntax errors, the 1-based line and column (column in bytes).</exception>
    /// <exception cref="UnknownCrsException">No CRS is declared and none can be detected, a GeoJSON <c>crs</c> member names no EPSG code,
    /// or the override is not a built-in EPSG code.</exception>
    public static VectorLayer Read(string path, VectorReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new VectorReadOptions();
        if (options.CrsEpsg is { } overrideEpsg && !CrsRegistry.IsKnown(overrideEpsg))
        {
            throw new UnknownCrsException($"EPSG:{overrideEpsg.ToString(CultureInfo.InvariantCulture)}", "the CRS override is not a built-in CRS.");
        }

        if (!File.Exists(path))
        {
            throw new GeoDataFormatException(path, Directory.Exists(path) ? "This is a folder, not a file." : "The file does not exist.");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var raw = extension switch
        {
            ".shp" => ShapefileLayerReader.Read(path, options),
            ".gpkg" => GeoPackageLayerReader.Read(path, options),
            ".topojson" => JsonLayerReader.Read(path, options),
            ".geojson" or ".json" => JsonLayerReader.Read(path, options),
            _ => Sniff(path, options),
        };
        return Finish(path, raw, options);
    }

    private static RawLayer Sniff(string path, VectorReadOptions options)
    {
        Span<byte> head = stackalloc byte[16];
        int n;
        using (var stream = File.OpenRead(path))
        {
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (n == 0)
        {
            throw new GeoDataFormatException(path, "The file is empty.");
        }

        if (n == 16 && head.SequenceEqual("SQLite format 3\0"u8))
        {
            return GeoPackageLayerReader.Read(path, options);
        }

        var text = head[..n];
        if (text.StartsWith(JsonLayerReader.Utf8Bom))
        {
            text = text[3..];
        }

        var trimmed = text.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed[0] == (byte)'{')
        {
            return JsonLayerReader.Read(path, options);
        }

        throw new GeoDataFormatException(path, "Unknown format: expected a .shp, .geojson, .json, .topojson or .gpkg file.");
    }

    /// <summary>Applies the CRS rules, the geometry requirement and the null/empty diagnostics common to all formats.</summary>
    private static VectorLayer Finish(string path, RawLayer raw, VectorReadOptions options)
    {
        var diagnostics = new List<GeoDiagnostic>(raw.Diagnostics);
        CrsInfo crs;
        if (options.CrsEpsg is { } forced)
        {
            crs = CrsRegistry.Get(forced, CrsOrigin.Overridden, raw.Crs is null ? "Set by the caller." : $"Set by the caller; the file declared {raw.Crs}.");
        }
        else if (raw.Crs is { } declared)
        {
            crs = declared;
        }
        else
        {
            var box = new Envelope();
            foreach (var f in raw.Features)
            {
                if (f.Geometry is { IsEmpty: false } g)
                {
                    box.ExpandToInclude(g.EnvelopeInternal);
                }
            }

            if (raw.FormatDefaultsToWgs84 && (box.IsNull || (box.MinX >= -180 && box.MaxX <= 180 && box.MinY >= -90 && box.MaxY <= 90)))
            {
                crs = CrsRegistry.Get(4326, CrsOrigin.FormatDefault, $"{raw.Format} without a crs member is WGS 84 longitude/latitude (RFC 7946).");
            }
            else
            {
                crs = CrsDetector.Detect(box, path);
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.CrsDetected, crs.Note!));
            }
        }

        var srid = crs.Epsg ?? 0;
        Dictionary<string, int>? typeCounts = null;
        string? firstOffender = null;
        for (var i = 0; i < raw.Features.Count; i++)
        {
            var g = raw.Features[i].Geometry;
            if (g is null)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.NullGeometry, $"Feature {i.ToString(CultureInfo.InvariantCulture)} has no geometry.", i));
                continue;
            }

            if (g.SRID != srid)
            {
                g.SRID = srid;
            }
            if (g.IsEmpty)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.EmptyGeometry, $"Feature {i.ToString(CultureInfo.InvariantCulture)} has an empty {g.GeometryType}.", i));
            }

            if (options.RequiredGeometry == RequiredGeometry.Polygonal)
            {
                typeCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
                typeCounts[g.GeometryType] = typeCounts.GetValueOrDefault(g.GeometryType) + 1;
                if (firstOffender is null && g is not (Polygon or MultiPolygon))
                {
                    firstOffender = $"feature {i.ToString(CultureInfo.InvariantCulture)} is a {g.GeometryType}";
                }
            }
        }

        if (firstOffender is not null)
        {
            var found = string.Join(", ", typeCounts!.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Value.ToString(CultureInfo.InvariantCulture)} {kv.Key}"));
            throw new GeoDataFormatException(path, $"A polygon layer is required, but {firstOffender} (geometry types found: {found}).");
        }

        return new VectorLayer(path, raw.Format, crs, raw.Fields, raw.Features, diagnostics);
    }
}

/// <summary>What a format reader returns before the common rules are applied.</summary>
/// <param name="Format">Format name.</param>
/// <param name="Crs">The declared CRS, or null when the file declares none.</param>
/// <param name="FormatDefaultsToWgs84">Whether a missing CRS means WGS 84 (GeoJSON, TopoJSON).</param>
/// <param name="Fields">Field names in source order.</param>
/// <param name="Features">Features in source order.</param>
/// <param name="Diagnostics">Format-specific findings (encoding, ...).</param>
internal sealed record RawLayer(string Format, CrsInfo? Crs, bool FormatDefaultsToWgs84, IReadOnlyList<string> Fields, IReadOnlyList<VectorFeature> Features, IReadOnlyList<GeoDiagnostic> Diagnostics);
