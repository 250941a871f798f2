using System.ComponentModel;
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Geo.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention export [atlas] --out FILE [--layer L] [--year Y]</c>: the districts of a layer with their publishable
/// values (one column per indicator, withheld → null) as GeoJSON (RFC 7946, WGS 84) or GeoPackage (EPSG:25832),
/// written atomically by <see cref="VectorLayerWriter"/>.
/// </summary>
internal sealed class ExportCommand : Command<ExportCommand.Settings>
{
    /// <summary>Settings of <c>export</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: GEOPREVENTION_ATLAS, then the nearest data/atlas.json")]
        public string? Atlas { get; init; }

        /// <summary>Output file.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Output file: .geojson (WGS 84) or .gpkg (EPSG:25832)")]
        public string? Out { get; init; }

        /// <summary>Layer id.</summary>
        [CommandOption("--layer <ID>")]
        [Description("Layer id; default: the finest layer")]
        public string? Layer { get; init; }

        /// <summary>Year.</summary>
        [CommandOption("-y|--year <YEAR>")]
        [Description("Year; default: the latest year in the data")]
        public int? Year { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out FILE is required.");
            }

            var ext = Path.GetExtension(Out).ToUpperInvariant();
            return ext is ".GEOJSON" or ".JSON" or ".GPKG"
                ? ValidationResult.Success()
                : ValidationResult.Error($"Cannot export to '{Out}'; use a .geojson or .gpkg file.");
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var atlas = AtlasData.Load(AtlasLocator.Resolve(settings.Atlas));
        var layerId = settings.Layer ?? atlas.FinestLayerId;
        var year = settings.Year ?? atlas.Years[^1];
        var layer = PublishedLayer.Build(atlas, layerId, year);
        var output = Path.GetFullPath(settings.Out!);
        VectorLayerWriter.Write(layer, output, new VectorWriteOptions { LayerName = layerId });
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: {layer.Features.Count} districts of '{layerId}', {year}, {atlas.Manifest.Indicators.Count} indicators"));
        return ExitCodes.Ok;
    }
}
