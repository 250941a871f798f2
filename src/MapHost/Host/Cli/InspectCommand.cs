using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using NetTopologySuite.Geometries;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention inspect &lt;file&gt; [--key FIELD] [--json]</c>: format, CRS (and whether it was detected), feature
/// count, geometry types, invalid/null/empty/duplicate counts, bounding box, total area in km² and fields of a vector file.
/// </summary>
internal sealed class InspectCommand : Command<InspectCommand.Settings>
{
    /// <summary>Arguments of <c>inspect</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The vector file (Shapefile, GeoJSON, TopoJSON, GeoPackage).</summary>
        [CommandArgument(0, "<file>")]
        [Description("Vector file: .shp, .geojson/.json, .topojson or .gpkg")]
        public string File { get; set; } = string.Empty;

        /// <summary>Optional key field; enables the duplicate/missing key counts.</summary>
        [CommandOption("--key <FIELD>")]
        [Description("Key field (e.g. AGS) to count duplicate and missing keys")]
        public string? Key { get; set; }

        /// <summary>Write JSON (invariant numbers) instead of a table.</summary>
        [CommandOption("--json")]
        [Description("Write machine-readable JSON to standard output")]
        public bool Json { get; set; }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layer = VectorLayerReader.Read(settings.File);
        if (settings.Key is not null && !layer.Fields.Contains(settings.Key, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Field '{settings.Key}' is not in {settings.File}; fields are: {string.Join(", ", layer.Fields)}.");
        }

        var validation = GeometryValidator.Validate(layer, new GeometryValidationOptions { Policy = InvalidGeometryPolicy.Keep, KeyField = settings.Key });
        var types = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var extent = new Envelope();
        foreach (var feature in layer.Features)
        {
            if (feature.Geometry is { } g)
            {
                types[g.GeometryType] = types.GetValueOrDefault(g.GeometryType) + 1;
                if (!g.IsEmpty)
                {
                    extent.ExpandToInclude(g.EnvelopeInternal);
                }
            }
        }

        int? duplicateKeys = null, duplicateFeatures = null, missingKeys = null;
        if (settings.Key is not null)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            missingKeys = 0;
            foreach (var feature in layer.Features)
            {
                var key = feature.GetText(settings.Key)?.Trim();
                if (string.IsNullOrEmpty(key))
                {
                    missingKeys++;
                }
                else
                {
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            duplicateKeys = counts.Values.Count(c => c > 1);
            duplicateFeatures = counts.Values.Where(c => c > 1).Sum();
        }

        var areaLayer = GeometryArea.IsMetric(layer) ? layer : Reprojector.Reproject(layer, 25832);
        var totalArea = GeometryArea.TotalSquareKilometres(areaLayer);
        var report = new InspectReport(
            Path.GetFullPath(settings.File),
            layer.Format,
            layer.Crs,
            layer.Features.Count,
            types,
            validation.InvalidGeometries.Count,
            validation.NullCount,
            validation.EmptyCount,
            settings.Key,
            duplicateKeys,
            duplicateFeatures,
            missingKeys,
            extent,
            totalArea,
            areaLayer == layer ? null : 25832,
            layer.Fields);

        if (settings.Json)
        {
            WriteJson(report);
        }
        else
        {
            WriteTable(report);
        }

        return ExitCodes.Ok;
    }

    private sealed record InspectReport(
        string File,
        string Format,
        CrsInfo Crs,
        int FeatureCount,
        IReadOnlyDictionary<string, int> GeometryTypes,
        int Invalid,
        int Null,
        int Empty,
        string? KeyField,
        int? DuplicateKeys,
        int? DuplicateKeyFeatures,
        int? MissingKeys,
        Envelope Extent,
        double TotalAreaKm2,
        int? AreaReprojectedToEpsg,
        IReadOnlyList<string> Fields);

    private static void WriteJson(InspectReport r)
    {
        using var stream = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("file", r.File);
            w.WriteString("format", r.Format);
            w.WriteStartObject("crs");
            if (r.Crs.Epsg is { } epsg)
            {
                w.WriteNumber("epsg", epsg);
            }
            else
            {
                w.WriteNull("epsg");
            }

            w.WriteString("name", r.Crs.Name);
            w.WriteString("origin", r.Crs.Origin.ToString());
            w.WriteBoolean("detected", r.Crs.Origin == CrsOrigin.Detected);
            w.WriteString("note", r.Crs.Note);
            w.WriteEndObject();
            w.WriteNumber("featureCount", r.FeatureCount);
            w.WriteStartObject("geometryTypes");
            foreach (var (type, count) in r.GeometryTypes)
            {
                w.WriteNumber(type, count);
            }

            w.WriteEndObject();
            w.WriteNumber("invalid", r.Invalid);
            w.WriteNumber("null", r.Null);
            w.WriteNumber("empty", r.Empty);
            if (r.KeyField is not null)
            {
                w.WriteString("keyField", r.KeyField);
                w.WriteNumber("duplicateKeys", r.DuplicateKeys!.Value);
                w.WriteNumber("duplicateKeyFeatures", r.DuplicateKeyFeatures!.Value);
                w.WriteNumber("missingKeys", r.MissingKeys!.Value);
            }

            if (r.Extent.IsNull)
            {
                w.WriteNull("bbox");
            }
            else
            {
                w.WriteStartArray("bbox");
                w.WriteNumberValue(r.Extent.MinX);
                w.WriteNumberValue(r.Extent.MinY);
                w.WriteNumberValue(r.Extent.MaxX);
                w.WriteNumberValue(r.Extent.MaxY);
                w.WriteEndArray();
            }

            w.WriteNumber("totalAreaKm2", r.TotalAreaKm2);
            if (r.AreaReprojectedToEpsg is { } target)
            {
                w.WriteNumber("areaReprojectedToEpsg", target);
            }

            w.WriteStartArray("fields");
            foreach (var f in r.Fields)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    private static void WriteTable(InspectReport r)
    {
        var de = CultureInfo.GetCultureInfo("de-DE");
        var table = new Table().AddColumn("Eigenschaft").AddColumn("Wert");
        table.AddRow("Datei", Markup.Escape(r.File));
        table.AddRow("Format", Markup.Escape(r.Format));
        var crs = r.Crs.ToString() + (r.Crs.Origin == CrsOrigin.Detected ? " (erkannt, nicht deklariert)" : string.Empty);
        table.AddRow("Koordinatensystem", Markup.Escape(crs + (r.Crs.Note is null ? string.Empty : $" – {r.Crs.Note}")));
        table.AddRow("Objekte", r.FeatureCount.ToString("N0", de));
        table.AddRow("Geometrietypen", Markup.Escape(string.Join(", ", r.GeometryTypes.Select(t => $"{t.Key} {t.Value.ToString("N0", de)}"))));
        table.AddRow("Ungültig / leer / ohne Geometrie", string.Create(de, $"{r.Invalid:N0} / {r.Empty:N0} / {r.Null:N0}"));
        if (r.KeyField is not null)
        {
            table.AddRow(Markup.Escape($"Schlüssel {r.KeyField}"), string.Create(de, $"{r.DuplicateKeys:N0} mehrfach ({r.DuplicateKeyFeatures:N0} Objekte), {r.MissingKeys:N0} fehlend"));
        }

        table.AddRow("Ausdehnung", r.Extent.IsNull ? "–" : string.Create(de, $"{r.Extent.MinX:N4} … {r.Extent.MaxX:N4} × {r.Extent.MinY:N4} … {r.Extent.MaxY:N4}"));
        table.AddRow("Fläche gesamt", string.Create(de, $"{r.TotalAreaKm2:N3} km²") + (r.AreaReprojectedToEpsg is { } t ? $" (in EPSG:{t.ToString(CultureInfo.InvariantCulture)} berechnet)" : string.Empty));
        table.AddRow("Felder", Markup.Escape(string.Join(", ", r.Fields)));
        AnsiConsole.Write(table);
    }
}
