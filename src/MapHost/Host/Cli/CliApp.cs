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
            // PropagateExceptions makes Spectre rethrow instead of printing a stack trace; every error ends here:
            // one line on stderr and the documented exit code.
            return ExitCodes.Report(ex);
        }
    }

    private static void Configure(IConfigurator config)
    {
        config.SetApplicationName("geoprevention");
        config.PropagateExceptions();
        config.SetExceptionHandler((ex, _) => ExitCodes.Report(ex));
        // One line per verb; each verb lives in its own file in this folder.
        config.AddCommand<ValidateCommand>("validate").WithDescription("Check an atlas: manifest, files, CRS, geometry, joins, privacy");
        config.AddCommand<RenderCommand>("render").WithDescription("Render one map of an atlas as PNG, SVG or PDF");
        config.AddCommand<ReportCommand>("report").WithDescription("Write the yearly report: all maps, tables (CSV, xlsx), GeoJSON, release manifest, index.html, PDF atlas");
        config.AddCommand<ExportCommand>("export").WithDescription("Export publishable values with geometry as GeoJSON or GeoPackage");
    }
}
