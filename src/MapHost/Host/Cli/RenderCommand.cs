using System.ComponentModel;
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention render [atlas] --indicator I --year Y --out FILE</c>: one map of an atlas, built by
/// <see cref="AtlasMaps.Build"/> (publishable values only) and written atomically by
/// <see cref="MapRenderer.RenderToFile(MapSpec, string, MapFormat)"/>. The format is <c>--format</c> or, when omitted,
/// the extension of <c>--out</c>.
/// </summary>
internal sealed class RenderCommand : Command<RenderCommand.Settings>
{
    /// <summary>Settings of <c>render</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: GEOPREVENTION_ATLAS, then the nearest data/atlas.json")]
        public string? Atlas { get; init; }

        /// <summary>Indicator id.</summary>
        [CommandOption("-i|--indicator <ID>")]
        [Description("Indicator id (see `validate` or atlas.json); default: the first indicator")]
        public string? Indicator { get; init; }

        /// <summary>Year.</summary>
        [CommandOption("-y|--year <YEAR>")]
        [Description("Year; default: the latest year in the data")]
        public int? Year { get; init; }

        /// <summary>Layer id.</summary>
        [CommandOption("--layer <ID>")]
        [Description("Layer id; default: the finest layer")]
        public string? Layer { get; init; }

        /// <summary>Area preset.</summary>
        [CommandOption("--area <ID>")]
        [Description("Area preset of the atlas (demo: kreis, ahlen, beckum, oelde); default: the whole atlas")]
        public string? Area { get; init; }

        /// <summary>Classification method.</summary>
        [CommandOption("--method <METHOD>")]
        [Description("quantile, equalInterval, fisherJenks, standardDeviation, boxMap, headTailBreaks, pretty; default from the atlas")]
        public string? Method { get; init; }

        /// <summary>Number of classes.</summary>
        [CommandOption("--classes <K>")]
        [Description("Number of classes (2-9); default from the atlas")]
        public int? Classes { get; init; }

        /// <summary>What to show.</summary>
        [CommandOption("--view <VIEW>")]
        [Description("values (choropleth, default) or lisa (local Moran clusters)")]
        public string View { get; init; } = "values";

        /// <summary>Output format.</summary>
        [CommandOption("-f|--format <FORMAT>")]
        [Description("png, svg or pdf; default: from the extension of --out")]
        public string? Format { get; init; }

        /// <summary>Output file.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("Output file (written atomically)")]
        public string? Out { get; init; }

        /// <summary>Width in pixels.</summary>
        [CommandOption("--width <PX>")]
        [Description("Width in pixels (default 1600)")]
        public int Width { get; init; } = 1600;

        /// <summary>Height in pixels.</summary>
        [CommandOption("--height <PX>")]
        [Description("Height in pixels (default 1200)")]
        public int Height { get; init; } = 1200;

        /// <summary>Resolution.</summary>
        [CommandOption("--dpi <DPI>")]
        [Description("Resolution in dots per inch (default 150); PDF page size = pixels / dpi")]
        public double Dpi { get; init; } = 150;

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out FILE is required.");
            }

            if (Format is not null && CliFormats.Parse(Format) is null)
            {
                return ValidationResult.Error($"Unknown --format '{Format}'; use png, svg or pdf.");
            }

            if (Format is null && CliFormats.FromPath(Out) is null)
            {
                return ValidationResult.Error($"Cannot tell the format from '{Out}'; use --format png|svg|pdf or a .png/.svg/.pdf file.");
            }

            if (View is not ("values" or "lisa"))
            {
                return ValidationResult.Error($"Unknown --view '{View}'; use values or lisa.");
            }

            if (Classes is < 2 or > 9)
            {
                return ValidationResult.Error("--classes must be between 2 and 9.");
            }

            return Width is < 16 or > PageSize.MaxSidePx || Height is < 16 or > PageSize.MaxSidePx || Dpi is < 36 or > 1200
                ? ValidationResult.Error("--width/--height must be 16-20000 pixels and --dpi 36-1200.")
                : ValidationResult.Success();
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var atlas = AtlasData.Load(AtlasLocator.Resolve(settings.Atlas));
        var format = settings.Format is null ? CliFormats.FromPath(settings.Out!)!.Value : CliFormats.Parse(settings.Format)!.Value;
        var request = new AtlasMapRequest
        {
            Indicator = settings.Indicator ?? atlas.Manifest.Indicators[0].Id,
            Year = settings.Year ?? atlas.Years[^1],
            Layer = settings.Layer,
            Area = settings.Area,
            Method = settings.Method is null ? null : AtlasMaps.ParseMethod(settings.Method),
            Classes = settings.Classes,
            View = settings.View == "lisa" ? AtlasMapView.Lisa : AtlasMapView.Values,
            Page = PageSize.FromPixels(settings.Width, settings.Height, settings.Dpi),
        };
        var spec = AtlasMaps.Build(atlas, request);
        var output = Path.GetFullPath(settings.Out!);
        var result = MapRenderer.RenderToFile(spec, output, format);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: {request.Indicator} {request.Year}, {result.FeaturesDrawn} districts, {format.ToString().ToUpperInvariant()}"));
        return ExitCodes.Ok;
    }
}

/// <summary>Map format names on the command line.</summary>
internal static class CliFormats
{
    /// <summary>Parses png, svg or pdf (case-insensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The format, or null.</returns>
    public static MapFormat? Parse(string name) => name.ToUpperInvariant() switch
    {
        "PNG" => MapFormat.Png,
        "SVG" => MapFormat.Svg,
        "PDF" => MapFormat.Pdf,
        _ => null,
    };

    /// <summary>The format of a file name's extension.</summary>
    /// <param name="path">The file name.</param>
    /// <returns>The format, or null.</returns>
    public static MapFormat? FromPath(string path) => Parse(Path.GetExtension(path).TrimStart('.'));
}
