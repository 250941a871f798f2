using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>Builds and runs the <c>geoprevention</c> command line.</summary>
public static class CliApp
{
    /// <summary>Runs the command line and returns the process exit code (see docs/cli.md).</summary>
    /// <param name="args">The command-line arguments.</param>
    public static int Run(string[] args)
    {
        var app = new CommandApp();
        app.Configure(Configure);
        try
        {
            return app.Run(args);
        }
        catch (Exception ex)
        {
            // Errors outside command execution (e.g. while composing the app) end here too:
            // one line on stderr and the documented exit code.
            return ExitCodes.Report(ex);
        }
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("geoprevention");
        // Every error reaches ExitCodes.Report: one line on stderr and a documented exit code, never a stack trace.
        config.SetExceptionHandler((ex, _) => ExitCodes.Report(ex));
        // One line per verb; each verb lives in its own file in this folder.
        config.AddCommand<TableCommand>("table").WithDescription("Read a CSV or xlsx table and print its import report.");
        config.AddCommand<InspectCommand>("inspect").WithDescription("Format, CRS, feature count, geometry types, invalid/null/empty/duplicate counts, bbox, area and fields of a vector file.");
        config.AddCommand<NeighborsCommand>("neighbors").WithDescription("Queen or rook contiguity of the districts of a polygon file: links, min/mean/max neighbours, islands, components.");
        config.AddCommand<JoinCommand>("join").WithDescription("Join a table to a district layer and print the join diagnostics.");
        config.AddCommand<AnalyzeCommand>("analyze").WithDescription("Rate summary, breaks of every classification method, queen weights, Moran's I, LISA quadrants and inequality of one indicator and year.");
        config.AddCommand<ServeCommand>("serve").WithDescription("Start the web map host on an atlas (default: the demo atlas) at http://127.0.0.1:5080/.");
        config.AddCommand<ValidateCommand>("validate").WithDescription("Check an atlas: manifest, files, CRS, geometry, joins, privacy");
        config.AddCommand<RenderCommand>("render").WithDescription("Render one map of an atlas as PNG, SVG or PDF");
        config.AddCommand<ReportCommand>("report").WithDescription("Write the yearly report: all maps, tables (CSV, xlsx), GeoJSON, release manifest, index.html, PDF atlas");
        config.AddCommand<ExportCommand>("export").WithDescription("Export publishable values with geometry as GeoJSON or GeoPackage");
        config.AddCommand<TemplateCommand>("template").WithDescription("Write the yearly data-collection templates (xlsx and CSV) for the atlas's suppliers");
        config.AddCommand<IntakeCommand>("intake").WithDescription("Check a supplier's delivery against the atlas (German report, exit code 5 when blocked); --accept adds it as a new vintage");
    }
}
