using System.Text.Json;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

/// <summary>
/// <c>geoprevention analyze</c> run as a child process (<c>dotnet geoprevention.dll</c>) on the N = 1000 peer data,
/// year 2023, rate = sgb2_children_u15 / children_u15 × 100. Known answers: R 4.2 classInt 0.4.9 / spdep 1.2-7,
/// <c>../shared/bench/results/peers-2026-11-28.json</c> <c>runs.r_1000.results</c>; tolerances of
/// <c>../shared/bench/README.md</c> (breaks abs 1e-9, Moran rel 1e-9, counts exact).
/// </summary>
[TestClass]
public sealed class AnalyzeCommandTests
{
    private static string[] Arguments(params string[] extra) =>
    [
        "analyze",
        "--polygons", TestPaths.Bench("data", "districts_1000.gpkg"),
        "--csv", TestPaths.Bench("data", "indicators_1000.csv"),
        "--key", "sr_id",
        "--year", "2023",
        "--numerator", "sgb2_children_u15",
        "--denominator", "children_u15",
        .. extra,
    ];

    private static JsonElement RunJson(params string[] extra)
    {
        var run = DotnetProcess.Run("geoprevention.dll", Arguments([.. extra, "--json"]), TimeSpan.FromSeconds(60));
        Assert.AreEqual(0, run.ExitCode, run.StdErr);
        using var doc = JsonDocument.Parse(run.StdOut);
        return doc.RootElement.Clone();
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    private static int[] Integers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static void AssertBreaks(JsonElement expected, JsonElement actual, string what)
    {
        var e = Numbers(expected);
        var a = Numbers(actual);
        Assert.HasCount(e.Length, a, what);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.AreEqual(e[i], a[i], 1e-9, $"{what} break {i}");
        }
    }

    private static void AssertRel(double expected, double actual, string what) => Assert.AreEqual(expected, actual, Math.Abs(expected) * 1e-9, what);

    [TestMethod]
    public void Analyze_ClassIntConvention_MatchesR()
    {
        var json = RunJson("--classint");
        var r = PeerResults.R(1000);
        var classes = json.GetProperty("classifications");

        Assert.AreEqual(1000, json.GetProperty("rate").GetProperty("n").GetInt32());
        Assert.AreEqual("classInt", json.GetProperty("input").GetProperty("convention").GetString());
        // classInt fisher (midpoint breaks, left-closed counts): issue 4 figures and the oracle file.
        double[] issue4 = [0, 7.581252138, 13.03153153, 19.20494754, 26.97149871, 37.97468354];
        var fisher = Numbers(classes.GetProperty("fisherJenks").GetProperty("breaks"));
        Assert.HasCount(issue4.Length, fisher);
        for (var i = 0; i < issue4.Length; i++)
        {
            Assert.AreEqual(issue4[i], fisher[i], 1e-8, "issue 4 figure (10 significant digits)");
        }

        CollectionAssert.AreEqual(new[] { 251, 354, 243, 105, 47 }, Integers(classes.GetProperty("fisherJenks").GetProperty("counts")));
        foreach (var (ours, theirs) in new[] { ("fisherJenks", "fisher"), ("quantile", "quantile"), ("equalInterval", "equal") })
        {
            AssertBreaks(r.GetProperty("breaks").GetProperty(theirs), classes.GetProperty(ours).GetProperty("breaks"), ours);
            CollectionAssert.AreEqual(Integers(r.GetProperty("class_counts").GetProperty(theirs)), Integers(classes.GetProperty(ours).GetProperty("counts")), ours);
        }

        var rate = r.GetProperty("rate");
        foreach (var name in new[] { "min", "max", "mean", "median", "sd" })
        {
            AssertRel(rate.GetProperty(name).GetDouble(), json.GetProperty("rate").GetProperty(name).GetDouble(), name);
        }

        var weights = json.GetProperty("weights");
        Assert.AreEqual(5776, weights.GetProperty("links").GetInt32());
        Assert.AreEqual(r.GetProperty("weights").GetProperty("n_links").GetInt32(), weights.GetProperty("links").GetInt32());
        Assert.AreEqual(r.GetProperty("weights").GetProperty("min_neighbours").GetInt32(), weights.GetProperty("minNeighbours").GetInt32());
        Assert.AreEqual(r.GetProperty("weights").GetProperty("max_neighbours").GetInt32(), weights.GetProperty("maxNeighbours").GetInt32());
        Assert.AreEqual(0, weights.GetProperty("islands").GetInt32());
        Assert.AreEqual(1, weights.GetProperty("components").GetInt32());

        var moran = json.GetProperty("moran");
        AssertRel(0.736054925002, moran.GetProperty("I").GetDouble(), "I");
        AssertRel(r.GetProperty("moran").GetProperty("expectation").GetDouble(), moran.GetProperty("expectation").GetDouble(), "E[I]");
        AssertRel(r.GetProperty("moran").GetProperty("variance_randomisation").GetDouble(), moran.GetProperty("variance").GetDouble(), "Var[I]");
        Assert.AreEqual(39.09400126, moran.GetProperty("z").GetDouble(), 1e-8);
        AssertRel(r.GetProperty("moran").GetProperty("z_randomisation").GetDouble(), moran.GetProperty("z").GetDouble(), "z");
        // I = 0.736 is far beyond every permutation, so the pseudo p-value is the minimum 1/(999 + 1), as in R.
        Assert.AreEqual(0.001, moran.GetProperty("pseudoP").GetDouble(), 1e-12);

        var lisa = json.GetProperty("lisa");
        foreach (var (ours, theirs) in new[] { ("all", "quadrant_counts_all"), ("p05", "quadrant_counts_p05") })
        {
            var expected = r.GetProperty("local_moran").GetProperty(theirs);
            Assert.AreEqual(expected.GetProperty("High-High").GetInt32(), lisa.GetProperty(ours).GetProperty("highHigh").GetInt32(), ours);
            Assert.AreEqual(expected.GetProperty("Low-Low").GetInt32(), lisa.GetProperty(ours).GetProperty("lowLow").GetInt32(), ours);
            Assert.AreEqual(expected.GetProperty("High-Low").GetInt32(), lisa.GetProperty(ours).GetProperty("highLow").GetInt32(), ours);
            Assert.AreEqual(expected.GetProperty("Low-High").GetInt32(), lisa.GetProperty(ours).GetProperty("lowHigh").GetInt32(), ours);
        }

        Assert.AreEqual(325, lisa.GetProperty("all").GetProperty("highHigh").GetInt32());
        Assert.AreEqual(145, lisa.GetProperty("p05").GetProperty("highHigh").GetInt32());
    }

    [TestMethod]
    public void Analyze_DefaultConvention_FisherBreaksAreClassMaxima()
    {
        var json = RunJson();
        var r = PeerResults.R(1000);
        var classes = json.GetProperty("classifications");

        Assert.AreEqual("classMaxima", json.GetProperty("input").GetProperty("convention").GetString());
        // Class-maxima breaks with right-closed classes are classInt's style = "jenks" (same optimal partition as fisher).
        var fisher = classes.GetProperty("fisherJenks");
        Assert.AreEqual("right", fisher.GetProperty("closure").GetString());
        AssertBreaks(r.GetProperty("breaks").GetProperty("jenks"), fisher.GetProperty("breaks"), "jenks");
        CollectionAssert.AreEqual(new[] { 251, 354, 243, 105, 47 }, Integers(fisher.GetProperty("counts")));
        foreach (var method in new[] { "equalInterval", "quantile", "fisherJenks", "standardDeviation", "boxMap", "headTailBreaks", "pretty" })
        {
            var c = classes.GetProperty(method);
            var breaks = Numbers(c.GetProperty("breaks"));
            Assert.AreEqual(1000, Integers(c.GetProperty("counts")).Sum(), method);
            Assert.HasCount(breaks.Length - 1, Integers(c.GetProperty("counts")), method);
        }

        // The minimum rate is 0, so max/min is infinite and written as null; the other measures are finite and ordered.
        var inequality = json.GetProperty("inequality");
        Assert.AreEqual(JsonValueKind.Null, inequality.GetProperty("maxMinRatio").ValueKind);
        var gini = inequality.GetProperty("gini").GetDouble();
        Assert.IsTrue(gini is > 0 and < 1, $"Gini {gini}");
        Assert.IsTrue(inequality.GetProperty("p80P20Ratio").GetDouble() > 1);
        AssertRel(r.GetProperty("rate").GetProperty("sd").GetDouble() / r.GetProperty("rate").GetProperty("mean").GetDouble(), inequality.GetProperty("coefficientOfVariation").GetDouble(), "CV = sd / mean");
    }

    [TestMethod]
    public void Analyze_HumanOutput_GermanNumbers()
    {
        var run = DotnetProcess.Run("geoprevention.dll", Arguments("--permutations", "99"), TimeSpan.FromSeconds(60));

        Assert.AreEqual(0, run.ExitCode, run.StdErr);
        StringAssert.Contains(run.StdOut, "0,736055", StringComparison.Ordinal);
        StringAssert.Contains(run.StdOut, "5.776", StringComparison.Ordinal);
        StringAssert.Contains(run.StdOut, "Fisher-Jenks", StringComparison.Ordinal);
        StringAssert.Contains(run.StdOut, "Hoch-Hoch", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Analyze_UnknownNumeratorColumn_UsageErrorNamingTheColumn()
    {
        var args = Arguments("--json");
        args[Array.IndexOf(args, "sgb2_children_u15")] = "kinder_sgb2";

        var run = DotnetProcess.Run("geoprevention.dll", args, TimeSpan.FromSeconds(60));

        Assert.AreEqual(2, run.ExitCode);
        StringAssert.Contains(run.StdErr, "'kinder_sgb2'", StringComparison.Ordinal);
        StringAssert.Contains(run.StdErr, "indicators_1000.csv", StringComparison.Ordinal);
        Assert.AreEqual(string.Empty, run.StdOut);
    }

    [TestMethod]
    public void Analyze_MissingPolygonFile_InputErrorNamingTheFile()
    {
        var missing = Path.Combine(TestPaths.NewTempDirectory(), "bezirke.gpkg");
        var args = Arguments();
        args[Array.IndexOf(args, "--polygons") + 1] = missing;

        var run = DotnetProcess.Run("geoprevention.dll", args, TimeSpan.FromSeconds(60));

        Assert.AreEqual(3, run.ExitCode);
        StringAssert.Contains(run.StdErr, "bezirke.gpkg", StringComparison.Ordinal);
        Assert.AreEqual(string.Empty, run.StdOut);
    }
}
