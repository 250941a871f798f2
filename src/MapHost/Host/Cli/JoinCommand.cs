using System.ComponentModel;
using GeoPrevention.Analytics.Joins;
using GeoPrevention.Geo;
using GeoPrevention.Geo.IO;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention join &lt;layer&gt; &lt;table&gt; --layer-key F --table-key C [--year Y] [--strict] [--json]</c>:
/// joins a table to a district layer and prints the join diagnostics (matched, unmatched on both sides,
/// duplicates, near-matches, coverage). Exit code 1 (<see cref="ExitCodes.Findings"/>) when <c>--strict</c> and
/// anything did not match cleanly.
/// </summary>
internal sealed class JoinCommand : Command<JoinCommand.Settings>
{
    /// <summary>Command-line settings of the <c>join</c> verb.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<layer>")]
        [Description("District layer: GeoPackage, Shapefile, GeoJSON or TopoJSON.")]
        public string Layer { get; init; } = string.Empty;

        [CommandArgument(1, "<table>")]
        [Description("Indicator table: CSV or .xlsx.")]
        public string Table { get; init; } = string.Empty;

        [CommandOption("--layer-key <FIELD>")]
        [Description("Key field of the layer.")]
        public string LayerKey { get; init; } = string.Empty;

        [CommandOption("--table-key <COLUMN>")]
        [Description("Key column of the table (read as text).")]
        public string TableKey { get; init; } = string.Empty;

        [CommandOption("--year <YEAR>")]
        [Description("Join only the rows of this year.")]
        public int? Year { get; init; }

        [CommandOption("--ags")]
        [Description("Normalise keys as AGS (pad lost leading zeros, 12-digit ARS -> 8-digit AGS).")]
        public bool Ags { get; init; }

        [CommandOption("--strict")]
        [Description("Fail (exit code 1) on any unmatched, missing or duplicate key.")]
        public bool Strict { get; init; }

        [CommandOption("--json")]
        [Description("Print the diagnostics as JSON.")]
        public bool Json { get; init; }

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate()
            => string.IsNullOrWhiteSpace(LayerKey) || string.IsNullOrWhiteSpace(TableKey)
                ? Spectre.Console.ValidationResult.Error("--layer-key and --table-key are required.")
                : Spectre.Console.ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var (text, clean) = Run(settings);
            Console.Out.Write(text);
            return settings.Strict && !clean ? ExitCodes.Findings : ExitCodes.Ok;
        }
        catch (Exception ex) when (ex is GeoDataFormatException or UnknownCrsException or IOException or ArgumentException)
        {
            return ExitCodes.Report(ex);
        }
    }

    /// <summary>Reads both inputs, joins and renders the diagnostics; returns the text and whether the join was clean.</summary>
    internal static (string Text, bool Clean) Run(Settings settings)
    {
        var layer = VectorLayerReader.Read(settings.Layer);
        var table = TableCommand.Read(new TableCommand.Settings { File = settings.Table, Keys = [settings.TableKey] });
        var options = new JoinOptions
        {
            TableKeyColumn = settings.TableKey,
            Year = settings.Year,
            KeyNormalization = settings.Ags ? KeyNormalizationOptions.Ags : KeyNormalizationOptions.TrimOnly,
        };

        // The strict decision is made here (exit code), so the full diagnostics are always printed.
        var result = TableJoin.Join(layer, settings.LayerKey, table, options);
        var text = settings.Json ? result.ToJson() + "\n" : result.ToText();
        return (text, result.IsClean);
    }
}
