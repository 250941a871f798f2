using GeoPrevention.Analytics.Privacy;
using static GeoPrevention.Analytics.Tests.Privacy.PrivacyFixtures;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class DisclosureAuditorTests
{
    private const int Seed = 20231129;

    [TestMethod]
    public void DeterminedCells_RandomPatterns_AgreesWithRankCriterion()
    {
        // Independent oracle: x_i is determined iff rank([A_U; e_i]) == rank(A_U) (e_i in the row space), computed here
        // with floating-point elimination on small matrices of 0/±1 entries, against the auditor's exact RREF per component.
        var rng = new Random(Seed);
        var determinedSeen = 0;
        var undeterminedSeen = 0;
        for (var run = 0; run < 150; run++)
        {
            var (h, categories, total) = RandomShape(rng);
            var sys = EquationSystem.Build(h, categories, total);
            var unknown = new bool[sys.CellCount];
            for (var i = 0; i < unknown.Length; i++)
            {
                unknown[i] = rng.NextDouble() < 0.45;
            }

            var determined = AuditCore.DeterminedCells(sys, unknown);
            var columns = Enumerable.Range(0, sys.CellCount).Where(i => unknown[i]).ToArray();
            var matrix = new List<double[]>();
            for (var e = 0; e < sys.EquationCount; e++)
            {
                var row = new double[columns.Length];
                for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
                {
                    var col = Array.IndexOf(columns, sys.EqCells[k]);
                    if (col >= 0)
                    {
                        row[col] += k == sys.EqStart[e] ? 1 : -1;
                    }
                }

                matrix.Add(row);
            }

            var rank = Rank(matrix, columns.Length);
            for (var c = 0; c < columns.Length; c++)
            {
                var unit = new double[columns.Length];
                unit[c] = 1;
                var expected = Rank([.. matrix, unit], columns.Length) == rank;
                Assert.AreEqual(expected, determined[columns[c]], $"run {run}, cell {columns[c]}");
                _ = expected ? determinedSeen++ : undeterminedSeen++;
            }
        }

        Assert.IsGreaterThan(50, determinedSeen, "the random patterns must exercise both outcomes");
        Assert.IsGreaterThan(50, undeterminedSeen);
    }

    [TestMethod]
    public void Bounds_KnownSystem_GivesHandComputedIntervals()
    {
        // G = 50 (known) = S1 + S2 + S3 with S3 = 48 known: S1 + S2 = 2 → both in [0, 2].
        // K = G + H (K, H unknown, G known = 50): K ≥ 50, H unbounded above.
        var h = Hierarchy.Create([Kreis("K"), Gem("G", "K"), Gem("H", "K"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G"), Sr("T", "H")]);
        var sys = EquationSystem.Build(h, 1, -1);
        var unknown = new[] { true, false, true, true, true, false, true };
        var values = new long[] { 0, 50, 0, 0, 0, 48, 0 };

        var (lo, hi) = AuditCore.Bounds(sys, unknown, values);

        Assert.AreEqual((0L, 2L), (lo[3], hi[3]));
        Assert.AreEqual((0L, 2L), (lo[4], hi[4]));
        Assert.AreEqual((50L, AuditCore.Infinity), (lo[0], hi[0]));
        Assert.AreEqual((0L, AuditCore.Infinity), (lo[2], hi[2]));
    }

    [TestMethod]
    public void DeterminedCells_DumbbellPattern_FindsBridgeCellThatSingleUnknownRuleMisses()
    {
        // Units G (parent), A, B, C; categories t = f + m + d. Cells: unit * 4 + category (G=0, A=1, B=2, C=3; t=0 … d=3).
        // Unknown: rectangle A/f, A/m, B/f, B/m; rectangle C/t, C/d, G/t, G/d; and the bridge B/t between them.
        // Every equation has 0 or ≥ 2 unknowns, yet by hand
        //   row A + row B − column f − column m
        //   = (−A/f − A/m) + (B/t − B/f − B/m) − (−A/f − B/f) − (−A/m − B/m) = B/t,
        // so B/t is determined; every other unknown lies on a rectangle (a null-space direction) and is free.
        var h = Hierarchy.Create([GemRoot("G"), Sr("A", "G"), Sr("B", "G"), Sr("C", "G")]);
        var sys = EquationSystem.Build(h, 4, 0);
        var unknown = new bool[sys.CellCount];
        foreach (var c in DumbbellCells)
        {
            unknown[c] = true;
        }

        for (var e = 0; e < sys.EquationCount; e++)
        {
            var count = Enumerable.Range(sys.EqStart[e], sys.EqStart[e + 1] - sys.EqStart[e]).Count(k => unknown[sys.EqCells[k]]);
            Assert.AreNotEqual(1, count, $"equation {e} has a single unknown");
        }

        var determined = AuditCore.DeterminedCells(sys, unknown);

        CollectionAssert.AreEqual(new[] { (2 * 4) + 0 }, Enumerable.Range(0, sys.CellCount).Where(i => determined[i]).ToArray());
    }

    [TestMethod]
    public void Protect_DumbbellOfSourceSuppressions_ExactAuditRepairsTheBridge()
    {
        // The same pattern as cells the source did not publish; the single-unknown rule finds nothing to do, the exact
        // audit (step 4) finds B/t and suppresses one more cell.
        var h = Hierarchy.Create([GemRoot("G"), Sr("A", "G"), Sr("B", "G"), Sr("C", "G")]);
        string[] cats = ["t", "f", "m", "d"];
        var values = new Dictionary<string, long[]>
        {
            ["A"] = [27, 10, 12, 5],
            ["B"] = [23, 8, 9, 6],
            ["C"] = [31, 7, 11, 13],
            ["G"] = [81, 25, 32, 24],
        };
        var records = new List<CountRecord>();
        foreach (var unit in h.Units)
        {
            var u = h.IndexOf(unit.Key);
            for (var c = 0; c < 4; c++)
            {
                var hidden = DumbbellCells.Contains((u * 4) + c);
                records.Add(new CountRecord(unit.Key, 2023, cats[c], hidden ? null : values[unit.Key][c]));
            }
        }

        var table = CountTable.FromRecords("n", h, records, new CountTableOptions { Categories = cats, TotalCategory = "t" });
        var naive = DisclosureAuditor.Audit(StatisticalDisclosureControl.PrimaryOnly([table], NoMinimumPopulation));
        Assert.AreEqual("B/t", string.Join(",", naive.Exact.Select(d => d.Key + "/" + d.Category)));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual(1, result.Statistics.Single().ExactRepairs);
        Assert.AreEqual(9, result.Statistics.Single().SuppressedAtSource);
        AssertNoDisclosure(result);
    }

    private static readonly int[] DumbbellCells =
    [
        (1 * 4) + 1, (1 * 4) + 2, (2 * 4) + 1, (2 * 4) + 2, // A/f, A/m, B/f, B/m
        (3 * 4) + 0, (3 * 4) + 3, (0 * 4) + 0, (0 * 4) + 3, // C/t, C/d, G/t, G/d
        (2 * 4) + 0,                                        // B/t, the bridge
    ];

    internal static (Hierarchy Hierarchy, int Categories, int TotalIndex) RandomShape(Random rng)
    {
        var units = new List<HierarchyUnit> { Kreis("K") };
        var gemeinden = rng.Next(1, 4);
        for (var g = 0; g < gemeinden; g++)
        {
            var gk = "G" + g;
            units.Add(Gem(gk, "K"));
            var srs = rng.Next(1, 4);
            for (var s = 0; s < srs; s++)
            {
                units.Add(Sr(gk + "S" + s, gk));
            }
        }

        var withCategories = rng.Next(2) == 0;
        return (Hierarchy.Create(units), withCategories ? 3 : 1, withCategories ? 0 : -1);
    }

    private static int Rank(List<double[]> rows, int columns)
    {
        var m = rows.Select(r => (double[])r.Clone()).ToList();
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Count; c++)
        {
            var p = -1;
            var best = 1e-9;
            for (var r = rank; r < m.Count; r++)
            {
                if (Math.Abs(m[r][c]) > best)
                {
                    best = Math.Abs(m[r][c]);
                    p = r;
                }
            }

            if (p < 0)
            {
                continue;
            }

            (m[rank], m[p]) = (m[p], m[rank]);
            for (var r = rank + 1; r < m.Count; r++)
            {
                var f = m[r][c] / m[rank][c];
                for (var k = c; k < columns; k++)
                {
                    m[r][k] -= f * m[rank][k];
                }
            }

            rank++;
        }

        return rank;
    }
}
