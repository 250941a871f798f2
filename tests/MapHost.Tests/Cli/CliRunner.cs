using GeoPrevention.Analytics.Atlas;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary>
/// Runs the command line in-process with standard output and error captured. Console redirection is process-wide,
/// so every class that uses this runner is marked <c>[DoNotParallelize]</c>, and runs are serialised by a lock.
/// </summary>
internal static class CliRunner
{
    private static readonly Lock Gate = new();
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(DemoAtlasPath));

    /// <summary>The bundled demo atlas.</summary>
    public static string DemoAtlasPath => TestPaths.Repo("data", "atlas.json");

    /// <summary>The demo atlas, loaded once for comparisons.</summary>
    public static AtlasData DemoAtlas => Demo.Value;

    /// <summary>Runs <c>geoprevention</c> with the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>Exit code, standard output and standard error.</returns>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        lock (Gate)
        {
            var oldOut = Console.Out;
            var oldErr = Console.Error;
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Console.SetOut(stdout);
            Console.SetError(stderr);
            try
            {
                var exit = CliApp.Run(args);
                return (exit, stdout.ToString(), stderr.ToString());
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldErr);
            }
        }
    }

    /// <summary>Copies the demo atlas (data/) into a fresh temporary folder so a test can break it.</summary>
    /// <returns>The path of the copied atlas.json.</returns>
    public static string CopyDemoAtlas()
    {
        var dir = TestPaths.NewTempDirectory();
        var source = TestPaths.Repo("data");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return Path.Combine(dir, "atlas.json");
    }
}
