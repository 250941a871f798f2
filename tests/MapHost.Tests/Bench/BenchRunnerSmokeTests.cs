using System.Reflection;
using System.Text.Json;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Bench;

/// <summary>
/// Keeps the side-by-side runner <c>bench/GeoPrevention.Bench</c> (issue 9) from rotting: one pass at N = 100 as a child
/// process, checked against the peers' JSON contract (../shared/bench/README.md) and against R's results for the same
/// inputs (<c>../shared/bench/results/peers-2026-11-28.json</c> <c>runs.r_100.results</c>; R 4.2.2, sf 1.0.9,
/// classInt 0.4.9, spdep 1.2.7). Tolerances as in the README: breaks abs 1e-9, counts exact, Moran's I rel 1e-9,
/// area abs 1e-9.
/// </summary>
[TestClass]
public sealed class BenchRunnerSmokeTests
{
    private static readonly string[] ContractSteps =
    [
        "load_libs", "a_read_polygons", "a_area", "b_read_csv_rate", "c_join", "d_fisher", "d_quantile", "d_equal",
        "e_weights", "e_moran_test", "e_moran_mc", "f_local_moran", "g_render_png", "h_write_geojson",
    ];

    private static string RunnerDll => typeof(BenchRunnerSmokeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BenchRunner").Value!;

    private static int[] Integers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    [TestMethod]
    public void Run_N100_WritesContractJsonWithRsResults()
    {
        var dir = TestPaths.NewTempDirectory();
        var outJson = Path.Combine(dir, "cs_100.json");
        var png = Path.Combine(dir, "map.png");
        var geojson = Path.Combine(dir, "out.geojson");

        var run = DotnetProcess.Run(RunnerDll,
        [
            "--polygons", TestPaths.Bench("data", "districts_100.gpkg"),
            "--csv", TestPaths.Bench("data", "indicators_100.csv"),
            "--year", "2023", "--out", outJson, "--png", png, "--geojson-out", geojson,
            "--repeat", "1", "--nsim", "999", "--seed", "42",
        ], TimeSpan.FromSeconds(60));

        Assert.AreEqual(0, run.ExitCode, run.StdErr);
        using var doc = JsonDocument.Parse(File.ReadAllText(outJson));
        var root = doc.RootElement;
        var timings = root.GetProperty("timings_s");
        foreach (var step in ContractSteps)
        {
            Assert.IsTrue(timings.TryGetProperty(step, out var t), $"step {step} missing from timings_s");
            Assert.IsGreaterThanOrEqualTo(0.0, t.GetProperty("min").GetDouble(), step);
        }

        Assert.AreEqual(1, root.GetProperty("repeats").GetInt32());
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png)[..4]);
        using (var written = JsonDocument.Parse(File.ReadAllText(geojson)))
        {
            Assert.AreEqual(100, written.RootElement.GetProperty("features").GetArrayLength());
        }

        var ours = root.GetProperty("results");
        var r = PeerResults.R(100);
        Assert.AreEqual(r.GetProperty("n_polygons").GetInt32(), ours.GetProperty("n_polygons").GetInt32());
        Assert.AreEqual(r.GetProperty("join").GetProperty("matched").GetInt32(), ours.GetProperty("join").GetProperty("matched").GetInt32());
        foreach (var method in new[] { "fisher", "quantile", "equal" })
        {
            var expected = r.GetProperty("breaks").GetProperty(method).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            var actual = ours.GetProperty("breaks").GetProperty(method).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.HasCount(expected.Length, actual, method);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], 1e-9, $"{method} break {i}");
            }

            CollectionAssert.AreEqual(Integers(r.GetProperty("class_counts").GetProperty(method)), Integers(ours.GetProperty("class_counts").GetProperty(method)), method);
        }

        Assert.AreEqual(534, ours.GetProperty("weights").GetProperty("n_links").GetInt32());
        Assert.AreEqual(r.GetProperty("weights").GetProperty("n_links").GetInt32(), ours.GetProperty("weights").GetProperty("n_links").GetInt32());
        var expectedI = r.GetProperty("moran").GetProperty("I").GetDouble();
        Assert.AreEqual(expectedI, ours.GetProperty("moran").GetProperty("I").GetDouble(), Math.Abs(expectedI) * 1e-9, "Moran's I");
        foreach (var counts in new[] { "quadrant_counts_all", "quadrant_counts_p05" })
        {
            var expected = r.GetProperty("local_moran").GetProperty(counts);
            var actual = ours.GetProperty("local_moran").GetProperty(counts);
            foreach (var quadrant in new[] { "Low-Low", "High-Low", "Low-High", "High-High" })
            {
                Assert.AreEqual(expected.GetProperty(quadrant).GetInt32(), actual.GetProperty(quadrant).GetInt32(), $"{counts} {quadrant}");
            }
        }

        Assert.AreEqual(r.GetProperty("area_km2").GetProperty("total").GetDouble(), ours.GetProperty("area_km2").GetProperty("total").GetDouble(), 1e-9, "area total");
        Directory.Delete(dir, recursive: true);
    }
}
