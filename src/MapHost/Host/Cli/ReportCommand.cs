using System.ComponentModel;
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention report [atlas] --out DIR</c>: the complete yearly report (contents in <see cref="AtlasReport"/>),
/// written atomically. Shows a progress display when standard output is an interactive terminal, plain lines otherwise.
/// </summary>
internal sealed class ReportCommand : Command<ReportCommand.Settings>
{
    /// <summary>Settings of <c>report</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file or folder.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: GEOPREVENTION_ATLAS, then the nearest data/atlas.json")]
        public string? Atlas { get; init; }

        /// <summary>Output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Report folder (created atomically; must not exist or be empty unless --force)")]
        public string? Out { get; init; }

        /// <summary>Replace an existing folder.</summary>
        [CommandOption("--force")]
        [Description("Replace an existing, non-empty report folder")]
        public bool Force { get; init; }

        /// <summary>Data date.</summary>
        [CommandOption("--data-date <DATE>")]
        [Description("Data date (Stichtag) for the release manifest, yyyy-MM-dd; default: 31 December of the latest year")]
        public string? DataDate { get; init; }

        /// <summary>Width in pixels.</summary>
        [CommandOption("--width <PX>")]
        [Description("Map width in pixels (default 1600)")]
        public int Width { get; init; } = 1600;

        /// <summary>Height in pixels.</summary>
        [CommandOption("--height <PX>")]
        [Description("Map height in pixels (default 1200)")]
        public int Height { get; init; } = 1200;

        /// <summary>Resolution.</summary>
        [CommandOption("--dpi <DPI>")]
        [Description("Resolution in dots per inch (default 150)")]
        public double Dpi { get; init; } = 150;

        /// <summary>Parallel renderers.</summary>
        [CommandOption("--parallel <N>")]
        [Description("Maps rendered at the same time (default: 2, or 1 on a single core)")]
        public int? Parallel { get; init; }

        /// <inheritdoc/>
        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out DIR is required.");
            }

            if (DataDate is not null && !DateOnly.TryParseExact(DataDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return ValidationResult.Error($"--data-date '{DataDate}' is not a date in the form yyyy-MM-dd.");
            }

            if (Parallel is < 1 or > 64)
            {
                return ValidationResult.Error("--parallel must be between 1 and 64.");
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
        var options = new AtlasReportOptions
        {
            Page = PageSize.FromPixels(settings.Width, settings.Height, settings.Dpi),
            DataDate = settings.DataDate is null ? new DateOnly(atlas.Years[^1], 12, 31) : DateOnly.ParseExact(settings.DataDate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Parallelism = settings.Parallel ?? Math.Min(2, Environment.ProcessorCount),
            Force = settings.Force,
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        AtlasReport.Summary summary;
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            summary = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx => AtlasReport.Write(atlas, settings.Out!, options, new SpectreProgress(ctx)));
        }
        else
        {
            summary = AtlasReport.Write(atlas, settings.Out!, options, new LineProgress(Console.Out));
        }

        clock.Stop();
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"{summary.Folder}: {summary.Maps} PNG maps ({summary.Maps / Math.Max(summary.MapSeconds, 1e-9):F1} maps/s), {summary.PdfMaps} PDF maps, PDF atlas with {summary.AtlasPages} pages, {summary.Tables} tables; {clock.Elapsed.TotalSeconds:F1} s"));
        return ExitCodes.Ok;
    }

    private sealed class SpectreProgress(ProgressContext context) : AtlasReport.IProgressSink
    {
        private readonly Dictionary<AtlasReport.Step, ProgressTask> _tasks = [];
        private readonly Lock _lock = new();

        public void Start(AtlasReport.Step step)
        {
            lock (_lock)
            {
                _tasks[step] = context.AddTask(Markup.Escape(step.Name), maxValue: Math.Max(1, step.Total));
            }
        }

        public void Advance(AtlasReport.Step step)
        {
            lock (_lock)
            {
                _tasks[step].Increment(1);
            }
        }
    }

    private sealed class LineProgress(TextWriter writer) : AtlasReport.IProgressSink
    {
        private readonly Lock _lock = new();
        private int _done;

        public void Start(AtlasReport.Step step)
        {
            lock (_lock)
            {
                _done = 0;
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: {step.Total} ..."));
            }
        }

        public void Advance(AtlasReport.Step step)
        {
            lock (_lock)
            {
                // One line per tenth of a step keeps logs short but shows that work goes on.
                _done++;
                var tenth = Math.Max(1, step.Total / 10);
                if (_done % tenth == 0 || _done == step.Total)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step.Name}: {_done}/{step.Total}"));
                }
            }
        }
    }
}
