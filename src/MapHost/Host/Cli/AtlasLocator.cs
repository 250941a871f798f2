
namespace GeoPrevention.MapHost.Cli;

/// <summary>
/// Finds the atlas a verb works on. Rules, in order (documented in docs/cli.md):
/// 1. the <c>atlas</c> argument, when given: a file, or a folder that contains <c>atlas.json</c>;
/// 2. the environment variable <c>GEOPREVENTION_ATLAS</c>, when set (file or folder, as in rule 1);
/// 3. <c>data/atlas.json</c> in the current folder or the nearest parent folder that has one (so the bundled demo
///    atlas is found from anywhere inside a clone of the repository).
/// Nothing found is a usage error that lists what was tried.
/// </summary>
internal static class AtlasLocator
{
    /// <summary>The environment variable naming the default atlas.</summary>
    public const string EnvironmentVariable = "GEOPREVENTION_ATLAS";

    /// <summary>Resolves the atlas path by the rules above.</summary>
    /// <param name="argument">The command-line argument, or null.</param>
    /// <returns>The full path of the atlas file (which may not exist when named explicitly; the loader says so).</returns>
    /// <exception cref="ArgumentException">No atlas was named and none was found.</exception>
    public static string Resolve(string? argument)
    {
        if (!string.IsNullOrWhiteSpace(argument))
        {
            return FileOrFolder(argument);
        }

        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
        {
            return FileOrFolder(env);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "atlas.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new ArgumentException($"No atlas given, {EnvironmentVariable} is not set, and no data/atlas.json was found in '{Directory.GetCurrentDirectory()}' or its parent folders. Name the atlas: geoprevention <verb> path/to/atlas.json");
    }

    private static string FileOrFolder(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? Path.Combine(full, "atlas.json") : full;
    }
}
