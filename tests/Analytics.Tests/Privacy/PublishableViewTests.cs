using System.Globalization;
using GeoPrevention.Analytics.Privacy;
using static GeoPrevention.Analytics.Tests.Privacy.PrivacyFixtures;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class PublishableViewTests
{
    private const string Sgb2 = "sgb2_children_u15";
    private const string Population = "population";

    /// <summary>
    /// Gemeinde G with Sozialräume S1 (population 250, below 300), S2, S3. 2023: SGB II children 10 / 2 / 50 (S2 primary,
    /// S1 its complement as the smallest non-zero sibling); 2022: 10 / 5 / 48 (nothing confidential).
    /// </summary>
    internal static (Hierarchy Hierarchy, CountTable[] Tables) Dataset(bool twoYears = true)
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var sgb2 = new List<CountRecord>
        {
            new("S1", 2023, CountTable.DefaultCategory, 10), new("S2", 2023, CountTable.DefaultCategory, 2), new("S3", 2023, CountTable.DefaultCategory, 50),
        };
        var pop = new List<CountRecord>
        {
            new("S1", 2023, CountTable.DefaultCategory, 250), new("S2", 2023, CountTable.DefaultCategory, 800), new("S3", 2023, CountTable.DefaultCategory, 1200),
        };
        if (twoYears)
        {
            sgb2.AddRange([new("S1", 2022, CountTable.DefaultCategory, 10), new("S2", 2022, CountTable.DefaultCategory, 5), new("S3", 2022, CountTable.DefaultCategory, 48)]);
            pop.AddRange([new("S1", 2022, CountTable.DefaultCategory, 260), new("S2", 2022, CountTable.DefaultCategory, 790), new("S3", 2022, CountTable.DefaultCategory, 1190)]);
        }

        return (h, [CountTable.FromRecords(Sgb2, h, sgb2), CountTable.FromRecords(Population, h, pop)]);
    }

    private static CountCell C(string table, string key, int year = 2023) => new(table, key, year);

    [TestMethod]
    public void Count_SuppressedCells_CarryReasonButNoNumber()
    {
        var view = PublishableView.Create(Dataset().Tables);

        Assert.AreEqual(PublishedValue.Withheld(CellStatus.Primary), view.Count(C(Sgb2, "S2")));
        Assert.IsNull(view.Count(C(Sgb2, "S2")).Value);
        Assert.AreEqual(CellStatus.Secondary, view.Count(C(Sgb2, "S1")).Status);
        Assert.AreEqual(50d, view.Count(C(Sgb2, "S3")).Value);
        Assert.AreEqual(62d, view.Count(C(Sgb2, "G")).Value);
        Assert.AreEqual(5d, view.Count(C(Sgb2, "S2", 2022)).Value, "2022 has no confidential count");
    }

    [TestMethod]
    public void Rate_SuppressedCountOrSmallUnit_IsWithheld()
    {
        var view = PublishableView.Create(Dataset().Tables);

        Assert.AreEqual(CellStatus.Primary, view.Rate(C(Sgb2, "S2"), C(Population, "S2"), 100).Status);
        Assert.AreEqual(CellStatus.MinimumPopulation, view.Rate(C(Sgb2, "S1"), C(Population, "S1"), 100).Status, "S1 has 250 inhabitants");
        Assert.AreEqual(CellStatus.MinimumPopulation, view.Rate(C(Sgb2, "S1", 2022), C(Population, "S1", 2022), 100).Status, "260 in 2022, count published");
        Assert.AreEqual(50d / 1200 * 100, view.Rate(C(Sgb2, "S3"), C(Population, "S3"), 100).Value!.Value, 1e-12);
        Assert.AreEqual(62d / 2250 * 1000, view.Rate(C(Sgb2, "G"), C(Population, "G"), 1000).Value!.Value, 1e-12);

        var rates = view.Rates(Sgb2, Population, 2023, 100);
        Assert.AreEqual("G=2.7555555555555555, S1=., S2=., S3=4.166666666666666", string.Join(", ", rates.Select(p => $"{p.Key}={p.Value}")));
        Assert.IsTrue(view.Suppression.IsBelowMinimumPopulation("S1", 2023));
        Assert.IsFalse(view.Suppression.IsBelowMinimumPopulation("S2", 2023));
    }

    [TestMethod]
    public void SmoothedRate_FromSuppressedCountsOrSmallUnit_IsWithheld()
    {
        var view = PublishableView.Create(Dataset().Tables);

        Assert.AreEqual(CellStatus.Primary, view.SmoothedRate(C(Sgb2, "S2"), C(Population, "S2"), 0.31).Status);
        Assert.AreEqual(CellStatus.MinimumPopulation, view.SmoothedRate(C(Sgb2, "S1"), C(Population, "S1"), 3.9).Status);
        Assert.AreEqual(4.05, view.SmoothedRate(C(Sgb2, "S3"), C(Population, "S3"), 4.05).Value);
    }

    [TestMethod]
    public void Derived_IndexFromSuppressedCountOrSmallUnit_IsWithheld()
    {
        var view = PublishableView.Create(Dataset().Tables);

        Assert.AreEqual(CellStatus.Primary, view.Derived("S2", 2023, 0.7, [C(Sgb2, "S2"), C(Population, "S2")]).Status);
        Assert.AreEqual(CellStatus.MinimumPopulation, view.Derived("S1", 2022, 0.2, [C(Population, "S1", 2022)]).Status);
        Assert.AreEqual(1.25, view.Derived("S3", 2023, 1.25, [C(Sgb2, "S3"), C(Population, "S3")]).Value);
    }

    [TestMethod]
    public void Rate_ZeroDenominator_IsUndefined()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G")]);
        var num = Table("n", h, 2023, ("S1", 0), ("S2", 7));
        var den = Table("d", h, 2023, ("S1", 0), ("S2", 40));
        var view = PublishableView.Create([num, den], NoMinimumPopulation);

        var rate = view.Rate(new CountCell("n", "S1", 2023), new CountCell("d", "S1", 2023));

        Assert.AreEqual(CellStatus.Undefined, rate.Status);
        Assert.AreEqual("x", rate.Format("N1", CultureInfo.GetCultureInfo("de-DE")));
    }

    [TestMethod]
    public void Change_SuppressedYearOnEitherSide_IsWithheld()
    {
        var view = PublishableView.Create(Dataset().Tables);

        Assert.AreEqual(CellStatus.Primary, view.Change(C(Sgb2, "S2"), 2022).Status, "2023 is suppressed");
        Assert.AreEqual(CellStatus.Primary, view.Change(C(Sgb2, "S2", 2022), 2023).Status, "backwards from the suppressed year");
        Assert.AreEqual(CellStatus.Secondary, view.Change(C(Sgb2, "S1"), 2022).Status);
        Assert.AreEqual(2d, view.Change(C(Sgb2, "S3"), 2022).Value);
        Assert.AreEqual(-1d, view.Change(C(Sgb2, "G"), 2022).Value, "62 - 63");
    }

    [TestMethod]
    public void Count_RoundingBase_RoundsHalvesAwayFromZero()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var table = Table("n", h, 2023, ("S1", 125), ("S2", 12), ("S3", 13));

        var ten = PublishableView.Create([table], NoMinimumPopulation.With(roundingBase: 10)).Counts("n", 2023);
        var five = PublishableView.Create([table], NoMinimumPopulation.With(roundingBase: 5)).Counts("n", 2023);

        Assert.AreEqual("G=150, S1=130, S2=10, S3=10", string.Join(", ", ten.Select(p => $"{p.Key}={p.Value}")));
        Assert.AreEqual("G=150, S1=125, S2=10, S3=15", string.Join(", ", five.Select(p => $"{p.Key}={p.Value}")));
    }

    [TestMethod]
    public void Format_GermanCulture_UsesDecimalCommaAndDotForSuppressed()
    {
        var view = PublishableView.Create(Dataset().Tables);
        var de = CultureInfo.GetCultureInfo("de-DE");

        Assert.AreEqual("4,17", view.Rate(C(Sgb2, "S3"), C(Population, "S3"), 100).Format("N2", de));
        Assert.AreEqual(".", view.Count(C(Sgb2, "S2")).Format("N0", de));
        Assert.AreEqual("2.250", view.Count(C(Population, "G")).Format("N0", de));
    }

    [TestMethod]
    public void Create_InvalidRules_Throw()
    {
        var tables = Dataset().Tables;

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PublishableView.Create(tables, new PrivacyRules { Threshold = 0 }));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PublishableView.Create(tables, new PrivacyRules { RoundingBase = 1 }));
        Assert.ThrowsExactly<KeyNotFoundException>(() => PublishableView.Create(tables).Count(C("nope", "S1")));
        Assert.ThrowsExactly<KeyNotFoundException>(() => PublishableView.Create(tables).Count(C(Sgb2, "S1", 1999)));
    }
}
