using System.Diagnostics;

namespace GeoPrevention.MapHost.Tests;

/// <summary>Runs a .NET assembly from the test output folder as a child process (<c>dotnet &lt;dll&gt; args…</c>).</summary>
internal static class DotnetProcess
{
    /// <summary>The exit code and the complete standard output and error of a finished run.</summary>
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    /// <summary>Runs <paramref name="assemblyFile"/> (a file name next to the test assembly) and waits for it to exit.</summary>
    /// <param name="assemblyFile">E.g. <c>geoprevention.dll</c>.</param>
    /// <param name="arguments">The arguments, passed one by one (no shell quoting).</param>
    /// <param name="timeout">How long the run may take before it is killed and the test fails.</param>
    public static Result Run(string assemblyFile, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, assemblyFile);
        Assert.IsTrue(File.Exists(dll), $"{dll} is missing; it should be copied next to the test assembly by the project reference.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        // Same culture for every run, whatever the machine's locale: the tool itself must choose de-DE or invariant.
        start.Environment["LANG"] = "C.UTF-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{assemblyFile} did not finish within {timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
