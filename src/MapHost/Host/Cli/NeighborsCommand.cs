using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using GeoPrevention.Geo;
using GeoPrevention.Geo.IO;
using GeoPrevention.Geo.Operations;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention neighbors &lt;file&gt; --key FIELD [--rook] [--snap D] [--json]</c>: queen (or rook) contiguity of
/// the districts of a file — link count, min/mean/max neighbours, islands and connected components.
/// </summary>
internal sealed class NeighborsCommand : Command<NeighborsCommand.Settings>
{
    /// <summary>Arguments of <c>neighbors</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The polygon file.</summary>
        [CommandArgument(0, "<file>")]
        [Description("Polygon file: .shp, .geojson/.json, .topojson or .gpkg")]
        public string File { get; set; } = string.Empty;

        /// <summary>The key field (required).</summary>
        [CommandOption("--key <FIELD>")]
        [Description("Key field (e.g. AGS); repeated keys are dissolved into one district")]
        public string? Key { get; set; }

        /// <summary>Rook instead of queen contiguity.</summary>
        [CommandOption("--rook")]
        [Description("Rook contiguity (shared edge) instead of queen (shared point)")]
        public bool Rook { get; set; }

        /// <summary>Snap distance in CRS units (0 = exact vertex match).</summary>
        [CommandOption("--snap <DISTANCE>")]
        [Description("Vertices closer than this (CRS units) count as shared; default 0 (exact)")]
        public double Snap { get; set; }

        /// <summary>Write JSON instead of a table.</summary>
        [CommandOption("--json")]
        [Description("Write machine-readable JSON to standard output")]
        public bool Json { get; set; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Key))
            {
                return ValidationResult.Error("--key <FIELD> is required.");
            }

            return Snap < 0 || !double.IsFinite(Snap) ? ValidationResult.Error("--snap must be a number ≥ 0.") : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layer = VectorLayerReader.Read(settings.File);
        var districts = DistrictLayer.FromLayer(layer, settings.Key!);
        var kind = settings.Rook ? ContiguityKind.Rook : ContiguityKind.Queen;
        var nb = Contiguity.Compute(districts, kind, settings.Snap);
        var islandKeys = nb.Islands.Select(i => districts.Keys[i]).ToArray();

        if (settings.Json)
        {
            using var stream = Console.OpenStandardOutput();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("file", Path.GetFullPath(settings.File));
                w.WriteString("keyField", settings.Key);
                w.WriteString("contiguity", kind == ContiguityKind.Queen ? "queen" : "rook");
                w.WriteNumber("snapDistance", settings.Snap);
                w.WriteNumber("districts", nb.Count);
                w.WriteNumber("links", nb.LinkCount);
                w.WriteNumber("minNeighbours", nb.MinNeighbours);
                w.WriteNumber("meanNeighbours", nb.MeanNeighbours);
                w.WriteNumber("maxNeighbours", nb.MaxNeighbours);
                w.WriteNumber("islandCount", islandKeys.Length);
                w.WriteStartArray("islands");
                foreach (var k in islandKeys)
                {
                    w.WriteStringValue(k);
                }

                w.WriteEndArray();
                w.WriteNumber("components", nb.ComponentCount);
                w.WriteNumber("duplicateKeysDissolved", districts.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.DuplicateKey));
                w.WriteNumber("repairedGeometries", districts.Diagnostics.Count(d => d.Kind == GeoDiagnosticKind.RepairedGeometry));
                w.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
            return ExitCodes.Ok;
        }

        var de = CultureInfo.GetCultureInfo("de-DE");
        var table = new Table().AddColumn("Kennzahl").AddColumn(new TableColumn("Wert").RightAligned());
        table.AddRow("Nachbarschaft", kind == ContiguityKind.Queen ? "Queen (gemeinsamer Punkt)" : "Rook (gemeinsame Kante)");
        table.AddRow("Gebiete", nb.Count.ToString("N0", de));
        table.AddRow("Verknüpfungen", nb.LinkCount.ToString("N0", de));
        table.AddRow("Nachbarn min / Mittel / max", string.Create(de, $"{nb.MinNeighbours:N0} / {nb.MeanNeighbours:N2} / {nb.MaxNeighbours:N0}"));
        table.AddRow("Inseln (ohne Nachbarn)", islandKeys.Length.ToString("N0", de));
        table.AddRow("Zusammenhangskomponenten", nb.ComponentCount.ToString("N0", de));
        AnsiConsole.Write(table);
        if (islandKeys.Length > 0)
        {
            AnsiConsole.MarkupLine("Inseln: " + Markup.Escape(string.Join(", ", islandKeys.Take(20)) + (islandKeys.Length > 20 ? ", …" : string.Empty)));
        }

        return ExitCodes.Ok;
    }
}
