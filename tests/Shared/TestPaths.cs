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

    /// <summary>
    /// Creates a fresh, empty temporary folder for one test (tests run in parallel). All folders of one test
    /// process live below one run folder that is deleted when the process exits, unless
    /// <c>GEOPREVENTION_KEEP_TEST_FILES=1</c> keeps them for inspection; run folders that an earlier, killed
    /// test process left behind are removed on first use.
    /// </summary>
    public static string NewTempDirectory()
    {
        var dir = Path.Combine(RunRoot.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static readonly Lazy<string> RunRoot = new(CreateRunRoot);

    private static string CreateRunRoot()
    {
        var parent = Path.Combine(Path.GetTempPath(), "geoprevention-tests");
        Directory.CreateDirectory(parent);
        RemoveAbandonedRuns(parent);
        var root = Path.Combine(parent, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (Environment.GetEnvironmentVariable("GEOPREVENTION_KEEP_TEST_FILES") != "1")
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        }

        return root;
    }

    // A run folder is abandoned when its process is gone and it is older than an hour (a test process of another
    // checkout may be running right now); folders of the old flat layout are removed by age alone.
    private static void RemoveAbandonedRuns(string parent)
    {
        var cutoff = DateTime.UtcNow.AddHours(-1);
        foreach (var dir in new DirectoryInfo(parent).EnumerateDirectories())
        {
            if (dir.LastWriteTimeUtc > cutoff)
            {
                continue;
            }

            var parts = dir.Name.Split('-');
            if (parts.Length == 3 && parts[0] == "run" && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var pid) && IsAlive(pid))
            {
                continue;
            }

            TryDelete(dir.FullName);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still open (e.g. on Windows) leaves the folder for the next run's sweep.
        }
        catch (UnauthorizedAccessException)
        {
        }
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
