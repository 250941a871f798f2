namespace GeoPrevention.Tests.Shared;

/// <summary>
/// Locates the repository root, the read-only <c>../shared</c> folder beside it (real data and the
/// peer benchmark oracles) and per-test temporary folders.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding GeoPrevention.sln).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>
    /// The shared folder: <c>$GEOPREVENTION_SHARED</c> if set, else <c>../shared</c> beside the repository.
    /// CI always provides it; a missing folder fails the test with a clear message.
    /// </summary>
    public static string SharedRoot
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("GEOPREVENTION_SHARED");
            var path = string.IsNullOrEmpty(env) ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared")) : env;
            if (!Directory.Exists(path))
            {
                Assert.Fail($"The shared folder was not found at '{path}'. Put ../shared beside the repository or set GEOPREVENTION_SHARED.");
            }

            return path;
        }
    }

    /// <summary>A file below <c>../shared/realdata</c>.</summary>
    public static string RealData(params string[] parts) => Existing(Path.Combine([SharedRoot, "realdata", .. parts]));

    /// <summary>A file below <c>../shared/bench</c>.</summary>
    public static string Bench(params string[] parts) => Existing(Path.Combine([SharedRoot, "bench", .. parts]));

    /// <summary>A file below the repository root.</summary>
    public static string Repo(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    /// <summary>Creates a fresh, empty temporary folder for one test (tests run in parallel).</summary>
    public static string NewTempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "geoprevention-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Existing(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Fail($"Test input '{path}' does not exist.");
        }

        return path;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GeoPrevention.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GeoPrevention.sln not found above " + AppContext.BaseDirectory);
    }
}
