using System.Text;
using GeoPrevention.Analytics.Indicators;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Indicators;

[TestClass]
public sealed class IndicatorTests
{
    private static readonly IndicatorDefinition Sgb2 = new()
    {
        Id = "sgb2_u15",
        Label = "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften",
        NumeratorColumn = "sgb2_children_u15",
        DenominatorColumn = "children_u15",
        Scale = 100,
        Unit = "%",
        Source = "synthetic peer data",
        MinimumDenominator = 50,
    };

    [TestMethod]
    [DataRow(12.0, 100.0, 0.069994064370194869, 0.19812099426711419)]
    [DataRow(0.0, 25.0, 0.0, 0.13319225093904843)]
    [DataRow(25.0, 25.0, 0.86680774906095159, 1.0)]
    [DataRow(3.0, 7.0, 0.1582198552514697, 0.74954163547234265)]
    public void Wilson_KnownCases_MatchR(double x, double n, double lower, double upper)
    {
        // R 4.2.2: prop.test(x, n, correct = FALSE)$conf.int
        var (lo, hi) = RateCalculator.Wilson(x, n);
        Assert.AreEqual(lower, lo, 1e-12);
        Assert.AreEqual(upper, hi, 1e-12);
    }

    [TestMethod]
    [DataRow(0.0, 0.0, 3.6888794541139354)]
    [DataRow(1.0, 0.025317807984289876, 5.5716433909388989)]
    [DataRow(5.0, 1.6234863901184207, 11.668332079322667)]
    [DataRow(20.0, 12.216519585403942, 30.888377902674595)]
    [DataRow(137.0, 115.02053443379853, 161.95640468807335)]
    public void PoissonExact_KnownCases_MatchRQchisq(double x, double lower, double upper)
    {
        // R 4.2.2: qchisq(0.025, 2x)/2 and qchisq(0.975, 2x+2)/2
        var (lo, hi) = RateCalculator.PoissonExact(x);
        Assert.AreEqual(lower, lo, Math.Max(1e-10 * lower, 1e-14));
        Assert.AreEqual(upper, hi, 1e-10 * upper);
    }

    [TestMethod]
    [DataRow(0.5, 1.0, 0.45493642311957283)]
    [DataRow(0.025, 3.0, 0.21579528262389788)]
    [DataRow(0.975, 41.0, 60.560571734843755)]
    [DataRow(0.001, 0.5, 1.3499395786230743e-12)]
    [DataRow(0.999, 300.0, 381.42524852041157)]
    public void ChiSquareQuantile_MatchesR(double p, double df, double expected)
    {
        // R 4.2.2: qchisq(p, df)
        Assert.AreEqual(expected, SpecialFunctions.ChiSquareQuantile(p, df), 1e-10 * expected);
    }

    [TestMethod]
    public void Compute_RatePerThousand_UsesGarwoodAndFlagsReliability()
    {
        var def = new IndicatorDefinition { Id = "hzE", Label = "Hilfen zur Erziehung je 1.000", NumeratorColumn = "n", DenominatorColumn = "d", Scale = 1000, Unit = "je 1.000", Kind = RateKind.Rate, MinimumDenominator = 300 };
        var e = RateCalculator.Compute(20, 4000, def);
        Assert.AreEqual(5.0, e.Value, 1e-12);
        Assert.AreEqual(12.216519585403942 / 4000 * 1000, e.Lower, 1e-9);
        Assert.AreEqual(30.888377902674595 / 4000 * 1000, e.Upper, 1e-9);
        Assert.AreEqual(Reliability.Reliable, e.Reliability); // RSE = (7.722-3.054)/(2*1.96*5) = 0.238
        Assert.AreEqual(Reliability.HighRelativeError, RateCalculator.Compute(5, 1000, def).Reliability); // RSE 0.51
        Assert.AreEqual(Reliability.SmallDenominator, RateCalculator.Compute(20, 250, def).Reliability);
        Assert.AreEqual(RateStatus.Undefined, RateCalculator.Compute(1, 0, def).Status);
        Assert.AreEqual(RateStatus.Missing, RateCalculator.Compute(double.NaN, 10, def).Status);
    }

    [TestMethod]
    public void EmpiricalBayes_SmallExamples_MatchSpdep()
    {
        // R 4.2.2, spdep 1.2.7: e <- EBest(c(1,10,30,2), c(100,120,150,80)); e$estmm; attr(e, "parameters")
        var r = EmpiricalBayes.Global([1, 10, 30, 2], [100, 120, 150, 80]);
        Assert.AreEqual(0.0053382716049382726, r.PriorVariance, 1e-15);
        Assert.AreEqual(0.09555555555555556, r.PriorMean, 1e-15);
        double[] expected = [0.022989407610827767, 0.084919836318508080, 0.188865013774104695, 0.037900406312009825];
        for (var i = 0; i < 4; i++)
        {
            Assert.AreEqual(expected[i], r.Estimates[i], 1e-14);
        }

        // EBest(c(0,2,5,1), c(10,40,50,30)): a < 0 is set to 0, every estimate equals b = 8/130.
        var z = EmpiricalBayes.Global([0, 2, 5, 1], [10, 40, 50, 30]);
        Assert.AreEqual(0, z.PriorVariance);
        Assert.IsTrue(z.Estimates.All(v => Math.Abs(v - 0.061538461538461542) < 1e-15));
        Assert.ThrowsExactly<ArgumentException>(() => EmpiricalBayes.Global([1], [0]));
    }

    [TestMethod]
    public void PeerCsv2023_RatesAndEmpiricalBayes_MatchOracles()
    {
        // Rate oracle: ../shared/bench/results/peers-2026-11-28.md (N = 1000, 2023): min 0, max 37.97468354, mean 12.55236938.
        // EB reference: R 4.2.2, spdep 1.2.7 (run here, 2026-11-28):
        //   d <- read.table("indicators_1000.csv", header=TRUE, sep=";", dec=",", colClasses=c(sr_id="character"))
        //   d <- d[d$year == 2023,]; d <- d[order(d$sr_id),]
        //   eb <- EBest(d$sgb2_children_u15, d$children_u15); attr(eb, "parameters"); mean(eb$estmm); min(..); max(..)
        //   eb$estmm[c(1, 2, 3, 500, 1000)]
        var table = TableReader.ReadCsv(TestPaths.Bench("data", "indicators_1000.csv"));
        var result = IndicatorCalculator.Compute(table, Sgb2, "sr_id", 2023);
        Assert.HasCount(1000, result.Values);
        var rates = result.Values.Select(v => v.Estimate.Value).ToArray();
        Assert.AreEqual(0, rates.Min(), 1e-8);
        Assert.AreEqual(37.97468354, rates.Max(), 1e-8);
        Assert.AreEqual(12.55236938, rates.Average(), 1e-8);
        Assert.IsTrue(result.Values.All(v => v.Estimate.Lower <= v.Estimate.Value && v.Estimate.Value <= v.Estimate.Upper));

        var sorted = result.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToArray();
        var eb = EmpiricalBayes.Global(sorted.Select(v => v.Estimate.Numerator).ToArray(), sorted.Select(v => v.Estimate.Denominator).ToArray());
        Assert.AreEqual(0.0048612981807751535, eb.PriorVariance, 1e-15);
        Assert.AreEqual(0.1283128450581362, eb.PriorMean, 1e-15);
        Assert.AreEqual(0.12600316018307353, eb.Estimates.Average(), 1e-13);
        Assert.AreEqual(0.0082922991345477787, eb.Estimates.Min(), 1e-14);
        Assert.AreEqual(0.36399784493307297, eb.Estimates.Max(), 1e-14);
        Assert.AreEqual("SR000001", sorted[0].Key);
        Assert.AreEqual(0.22111852206371965, eb.Estimates[0], 1e-14);
        Assert.AreEqual(0.049777953736489633, eb.Estimates[1], 1e-14);
        Assert.AreEqual(0.1540629327729206, eb.Estimates[2], 1e-14);
        Assert.AreEqual(0.023409340523146013, eb.Estimates[499], 1e-14);
        Assert.AreEqual(0.31966807799456665, eb.Estimates[999], 1e-14);
    }

    [TestMethod]
    public void Compute_SuppressedAndMissingCells_KeepTheirStatus()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "s.csv");
        File.WriteAllText(path, "sr_id;year;sgb2_children_u15;children_u15\nA;2023;10;100\nB;2023;<3;80\nC;2023;;90\nD;2023;5;40\n", new UTF8Encoding(false));
        var r = IndicatorCalculator.Compute(TableReader.ReadCsv(path), Sgb2, "sr_id");
        Assert.AreEqual(RateStatus.Ok, r.Values[0].Estimate.Status);
        Assert.AreEqual(10.0, r.Values[0].Estimate.Value, 1e-12);
        Assert.AreEqual(RateStatus.SuppressedAtSource, r.Values[1].Estimate.Status);
        Assert.AreEqual(RateStatus.Missing, r.Values[2].Estimate.Status);
        Assert.AreEqual(Reliability.SmallDenominator, r.Values[3].Estimate.Reliability);
        Assert.AreEqual(5, r.Values[3].Line);
    }

    [TestMethod]
    public void Change_TwoYears_InPercentagePoints()
    {
        var table = TableReader.ReadCsv(TestPaths.Bench("data", "indicators_1000.csv"));
        var y22 = IndicatorCalculator.Compute(table, Sgb2, "sr_id", 2022);
        var y23 = IndicatorCalculator.Compute(table, Sgb2, "sr_id", 2023);
        var change = IndicatorCalculator.Change(y22, y23);
        Assert.HasCount(1000, change);
        var first = change[0];
        var a = y22.Values.Single(v => v.Key == first.Key).Estimate.Value;
        var b = y23.Values.Single(v => v.Key == first.Key).Estimate.Value;
        Assert.AreEqual(b - a, first.Difference, 1e-12);
    }

    [TestMethod]
    public void Change_KeyMissingInOneYear_IsMissingNotDropped()
    {
        var d = new IndicatorDefinition { Id = "q", Label = "Q", NumeratorColumn = "n", DenominatorColumn = "d" };
        var from = new IndicatorResult(d, [new IndicatorValue("A", 2022, 2, RateCalculator.Compute(10, 100, d))]);
        var to = new IndicatorResult(d, [new IndicatorValue("A", 2023, 3, RateCalculator.Compute(15, 100, d)), new IndicatorValue("B", 2023, 4, RateCalculator.Compute(1, 10, d))]);
        var c = IndicatorCalculator.Change(from, to);
        Assert.AreEqual(5.0, c[0].Difference, 1e-12);
        Assert.IsTrue(double.IsNaN(c[1].Difference));
        Assert.AreEqual(RateStatus.Missing, c[1].FromStatus);
    }

    [TestMethod]
    public void RollUp_SumsCountsNeverAveragesRates()
    {
        // Ahlen (10/100 = 10 %) and Beckum (90/300 = 30 %): the Jugendamt value is 100/400 = 25 %, not the mean 20 %.
        var d = new IndicatorDefinition { Id = "q", Label = "Q", NumeratorColumn = "n", DenominatorColumn = "d" };
        var parent = new Dictionary<string, string> { ["SR1"] = "P", ["SR2"] = "P", ["SR3"] = "Q", ["SR4"] = "Q" };
        var r = IndicatorCalculator.RollUp(["SR1", "SR2", "SR3", "SR4", "SR9"], [10, 90, 5, double.NaN, 1], [100, 300, 50, 60, 10], parent, d);
        Assert.AreEqual(25.0, r.Parents[0].Estimate.Value, 1e-12);
        Assert.AreEqual(2, r.Parents[0].ChildCount);
        Assert.AreEqual(RateStatus.Incomplete, r.Parents[1].Estimate.Status);
        CollectionAssert.AreEqual(new[] { "SR4" }, r.Parents[1].ChildrenWithoutValue.ToArray());
        CollectionAssert.AreEqual(new[] { "SR9" }, r.ChildrenWithoutParent.ToArray());
    }
}
