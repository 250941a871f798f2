using System.ComponentModel;
using System.Globalization;
using GeoPrevention.MapHost.Web;
using Spectre.Console.Cli;

namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// <c>geoprevention serve [atlas] [--port 5080] [--urls URLS] [--background-url TEMPLATE]</c>: starts the web map host
/// on an atlas (default: the demo atlas <c>data/atlas.json</c>) and prints its URL. Binds to 127.0.0.1 only unless
/// <c>--urls</c> says otherwise. Stops on Ctrl+C.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    /// <summary>Options of <c>serve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The atlas file (or a folder holding <c>atlas.json</c>); default: <c>data/atlas.json</c> found from the current folder or the program's folder upwards.</summary>
        [CommandArgument(0, "[atlas]")]
        [Description("atlas.json (or its folder); default: data/atlas.json, searched upwards from the current folder, then from the program's folder")]
        public string? Atlas { get; init; }

        /// <summary>Port on 127.0.0.1 (default 5080; 0 picks a free port).</summary>
        [CommandOption("--port <PORT>")]
        [Description("port on 127.0.0.1 (default 5080; 0 = any free port)")]
        [DefaultValue(MapHostOptions.DefaultPort)]
        public int Port { get; init; } = MapHostOptions.DefaultPort;

        /// <summary>Explicit listen URLs (semicolon-separated); overrides <see cref="Port"/>.</summary>
        [CommandOption("--urls <URLS>")]
        [Description("listen URLs, e.g. http://0.0.0.0:8080 to serve the network (default http://127.0.0.1:PORT)")]
        public string? Urls { get; init; }

        /// <summary>Optional background tile URL template.</summary>
        [CommandOption("--background-url <TEMPLATE>")]
        [Description("optional background tiles, e.g. https://tiles.intranet/{z}/{x}/{y}.png (default: none)")]
        public string? BackgroundUrl { get; init; }

        /// <inheritdoc/>
        public override Spectre.Console.ValidationResult Validate() =>
            Port is < 0 or > 65535 ? Spectre.Console.ValidationResult.Error("--port must be 0–65535.") : Spectre.Console.ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var atlasPath = ResolveAtlas(settings.Atlas, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
        var options = new MapHostOptions
        {
            Urls = settings.Urls ?? string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{settings.Port}"),
            BackgroundUrl = settings.BackgroundUrl,
        };
        await using var app = MapHostApp.Create(atlasPath, options);
        await app.StartAsync(cancellationToken);
        Console.Out.WriteLine($"GeoPrevention map host: {string.Join(" ", app.Urls.Select(u => u.TrimEnd('/') + "/"))}");
        Console.Out.WriteLine($"Atlas: {atlasPath}. Stop with Ctrl+C.");
        await app.WaitForShutdownAsync(cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// Finds the atlas: an explicit file (or folder with <c>atlas.json</c>); otherwise <c>data/atlas.json</c> in the
    /// current folder or one of its parents, then in the program's folder or one of its parents (so
    /// <c>dotnet run --project src/MapHost/Host -- serve</c> finds the repository's demo atlas).
    /// </summary>
    /// <param name="given">The path given on the command line, or null.</param>
    /// <param name="currentDirectory">The current folder.</param>
    /// <param name="programDirectory">The program's folder.</param>
    /// <returns>The full path of the atlas file.</returns>
    /// <exception cref="FileNotFoundException">No atlas was found.</exception>
    public static string ResolveAtlas(string? given, string currentDirectory, string programDirectory)
    {
        if (given is not null)
        {
            var full = Path.GetFullPath(given, currentDirectory);
            if (Directory.Exists(full))
            {
                full = Path.Combine(full, "atlas.json");
            }

            return File.Exists(full) ? full : throw new FileNotFoundException($"Atlas file not found: {full}", full);
        }

        foreach (var start in new[] { currentDirectory, programDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", "atlas.json");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("No atlas given and no data/atlas.json found above the current folder or the program's folder; pass the path of an atlas.json.");
    }
}
