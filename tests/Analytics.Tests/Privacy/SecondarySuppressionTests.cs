using GeoPrevention.Analytics.Privacy;
using static GeoPrevention.Analytics.Tests.Privacy.PrivacyFixtures;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class SecondarySuppressionTests
{
    private const int Year = 2023;

    [TestMethod]
    public void Protect_GemeindeTwoPlus118_SuppressesThe118AndKeepsTheTotal()
    {
        // Gemeinde 120 = Sozialraum 2 + Sozialraum 118: publishing 120 and 118 gives 2 by subtraction.
        var h = Hierarchy.Create([Kreis("K"), Gem("G", "K"), Sr("S1", "G"), Sr("S2", "G")]);
        var table = Table("n", h, Year, ("S1", 2), ("S2", 118));

        var naive = StatisticalDisclosureControl.PrimaryOnly([table], NoMinimumPopulation);
        var naiveReport = DisclosureAuditor.Audit(naive);
        Assert.AreEqual("S1", naiveReport.Exact.Single().Key, "primary suppression alone leaks S1");

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);
        Assert.AreEqual(CellStatus.Primary, result.Status("n", "S1", Year));
        Assert.AreEqual(CellStatus.Secondary, result.Status("n", "S2", Year));
        Assert.AreEqual(CellStatus.Published, result.Status("n", "G", Year), "two unknown children protect each other; the total stays");
        Assert.AreEqual(CellStatus.Published, result.Status("n", "K", Year));
        AssertNoDisclosure(result);
        Assert.AreEqual(new TableSuppressionStatistics("n", 1, 1, 0, 1, 0, 0), result.Statistics.Single());
    }

    [TestMethod]
    public void Protect_KreisTotalRevealsLastSuppressedGemeinde_SuppressesSmallestOtherGemeindeAndCascades()
    {
        // K = G1 + G2 + G3 = 2 + 50 + 40. G1 (a single Sozialraum of 2) is primary at both levels; the Kreis equation
        // then has one unknown, so the smallest other Gemeinde (G3 = 40, a child before the parent) goes, and G3's own
        // equation G3 = S3a + S3b = 15 + 25 then has one unknown, so S3a (15, the smaller) goes too.
        var h = Hierarchy.Create([
            Kreis("K"), Gem("G1", "K"), Gem("G2", "K"), Gem("G3", "K"),
            Sr("S1", "G1"), Sr("S2a", "G2"), Sr("S2b", "G2"), Sr("S3a", "G3"), Sr("S3b", "G3"),
        ]);
        var table = Table("n", h, Year, ("S1", 2), ("S2a", 20), ("S2b", 30), ("S3a", 15), ("S3b", 25));

        Assert.IsTrue(DisclosureAuditor.Audit(StatisticalDisclosureControl.PrimaryOnly([table], NoMinimumPopulation)).Exact.Any());
        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual(
            "K=Published, G1=Primary, G2=Published, G3=Secondary, S1=Primary, S2a=Published, S2b=Published, S3a=Secondary, S3b=Published",
            Describe(result, "n", Year));
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_FemalePlusMaleEqualsTotal_SuppressesAClosedRectangle()
    {
        // Two Sozialräume in one Gemeinde, categories total = female + male.
        // S1: 10 = 2 + 8, S2: 20 = 9 + 11, G: 30 = 11 + 19. S1/female = 2 is primary.
        // Step 3 by hand: S1's category equation → S1/male (member before total); G/female = S1/f + S2/f → S2/female
        // (member); G/male = S1/m + S2/m → S2/male (member, and it also completes S2's category equation). The four
        // cells form a rectangle: every line has two unknowns and no combination isolates one.
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G")]);
        var records = new List<CountRecord>();
        foreach (var (key, t, f, m) in new[] { ("S1", 10L, 2L, 8L), ("S2", 20L, 9L, 11L) })
        {
            records.Add(new CountRecord(key, Year, "total", t));
            records.Add(new CountRecord(key, Year, "female", f));
            records.Add(new CountRecord(key, Year, "male", m));
        }

        var table = CountTable.FromRecords("n", h, records, new CountTableOptions { Categories = ["total", "female", "male"], TotalCategory = "total" });
        var naive = DisclosureAuditor.Audit(StatisticalDisclosureControl.PrimaryOnly([table], NoMinimumPopulation));
        Assert.AreEqual("S1/female", string.Join(",", naive.Exact.Select(d => d.Key + "/" + d.Category)));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);
        Assert.AreEqual("G=Published, S1=Published, S2=Published", Describe(result, "n", Year, "total"));
        Assert.AreEqual("G=Published, S1=Primary, S2=Secondary", Describe(result, "n", Year, "female"));
        Assert.AreEqual("G=Published, S1=Secondary, S2=Secondary", Describe(result, "n", Year, "male"));
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_MultiLevelCascade_PropagatesUpAndDownAcrossFourLevels()
    {
        // K = JA1 + JA2; JA1 = G1 (one Gemeinde, like Ahlen); G1 = S1 + S2 = 2 + 30.
        // JA2 = G2 + G3; G2 = S3 + S4 = 1 + 1 (so G2 = 2 is primary too); G3 = S5 + S6 = 20 + 30.
        // JA2's equation has one unknown (G2) → G3 (member) is suppressed; G3's equation then has one unknown → S5 (20).
        var h = Hierarchy.Create([
            Kreis("K"), Jab("JA1", "K"), Jab("JA2", "K"), Gem("G1", "JA1"), Gem("G2", "JA2"), Gem("G3", "JA2"),
            Sr("S1", "G1"), Sr("S2", "G1"), Sr("S3", "G2"), Sr("S4", "G2"), Sr("S5", "G3"), Sr("S6", "G3"),
        ]);
        var table = Table("n", h, Year, ("S1", 2), ("S2", 30), ("S3", 1), ("S4", 1), ("S5", 20), ("S6", 30));

        var naive = DisclosureAuditor.Audit(StatisticalDisclosureControl.PrimaryOnly([table], NoMinimumPopulation));
        CollectionAssert.AreEquivalent(new[] { "S1", "G2" }, naive.Exact.Select(d => d.Key).ToArray());

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);
        Assert.AreEqual(
            "K=Published, JA1=Published, JA2=Published, G1=Published, G2=Primary, G3=Secondary, "
            + "S1=Primary, S2=Secondary, S3=Primary, S4=Primary, S5=Secondary, S6=Published",
            Describe(result, "n", Year));
        AssertNoDisclosure(result);
        var levels = result.Summaries.ToDictionary(s => s.Level);
        Assert.AreEqual((3, 2), (levels[HierarchyLevel.Sozialraum].Primary, levels[HierarchyLevel.Sozialraum].Secondary));
        Assert.AreEqual((1, 1), (levels[HierarchyLevel.Gemeinde].Primary, levels[HierarchyLevel.Gemeinde].Secondary));
        Assert.AreEqual((0, 0), (levels[HierarchyLevel.Jugendamtsbezirk].Primary, levels[HierarchyLevel.Jugendamtsbezirk].Secondary));
    }

    [TestMethod]
    public void Protect_ZeroComplementAvailable_PrefersNonZeroCell()
    {
        // G = 2 + 0 + 40: suppressing the 0 next to the 2 would leave 2 + 0 = 2 known (the 2 pinned below the threshold).
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var table = Table("n", h, Year, ("S1", 2), ("S2", 0), ("S3", 40));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual("G=Published, S1=Primary, S2=Published, S3=Secondary", Describe(result, "n", Year));
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_ConsecutiveYears_PrefersComplementSuppressedTheYearBefore()
    {
        // 2022: G = 2 + 30 + 20 → S3 (20, smallest) is the complement. 2023: G = 2 + 18 + 25 → S2 would be smallest,
        // but S3 was suppressed in 2022 (rule 3c), so the map of both years hides the same two Sozialräume.
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var records = new[]
        {
            new CountRecord("S1", 2022, "total", 2), new CountRecord("S2", 2022, "total", 30), new CountRecord("S3", 2022, "total", 20),
            new CountRecord("S1", 2023, "total", 2), new CountRecord("S2", 2023, "total", 18), new CountRecord("S3", 2023, "total", 25),
        };
        var table = CountTable.FromRecords("n", h, records);

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual("G=Published, S1=Primary, S2=Published, S3=Secondary", Describe(result, "n", 2022));
        Assert.AreEqual("G=Published, S1=Primary, S2=Published, S3=Secondary", Describe(result, "n", 2023));
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_TwoSmallSiblingsBelowThreshold_RepairsIntervalDisclosure()
    {
        // G = 50 = 1 + 1 + 48: no single unknown, but S1 + S2 = 2 tells both lie in [0, 2] (below the threshold 3).
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var table = Table("n", h, Year, ("S1", 1), ("S2", 1), ("S3", 48));

        var unprotected = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation.With(intervalProtection: false));
        var report = DisclosureAuditor.Audit(unprotected);
        Assert.IsEmpty(report.Exact.ToList());
        Assert.AreEqual(
            "S1 [0, 2]; S2 [0, 2]",
            string.Join("; ", report.Disclosures.Select(d => $"{d.Key} [{d.Lower}, {d.Upper}]")));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);
        Assert.AreEqual(CellStatus.Secondary, result.Status("n", "S3", Year));
        Assert.AreEqual(1, result.Statistics.Single().IntervalRepairs);
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_ZeroConfidential_SuppressesZeros()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var table = Table("n", h, Year, ("S1", 0), ("S2", 7), ("S3", 40));

        var published = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);
        var secret = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation.With(zeroIsConfidential: true));

        Assert.AreEqual("G=Published, S1=Published, S2=Published, S3=Published", Describe(published, "n", Year));
        Assert.AreEqual("G=Published, S1=Primary, S2=Secondary, S3=Published", Describe(secret, "n", Year));
        AssertNoDisclosure(secret);
    }

    [TestMethod]
    public void Protect_UnknownCellFromSource_IsProtectedLikeASuppression()
    {
        // The source did not publish S1 ("*" in a BA table): 100 = ? + 60 + 40 would give it away.
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G"), Sr("S3", "G")]);
        var table = Table("n", h, Year, ("G", 100), ("S1", null), ("S2", 60), ("S3", 40));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual("G=Published, S1=SuppressedAtSource, S2=Published, S3=Secondary", Describe(result, "n", Year));
        AssertNoDisclosure(result);
    }

    [TestMethod]
    public void Protect_PartsDoNotAddUp_ReportsIssue()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G"), Sr("S2", "G")]);
        var table = Table("n", h, Year, ("G", 100), ("S1", 30), ("S2", 60));

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        var issue = result.Issues.Single();
        Assert.AreEqual(("n", "G", Year), (issue.Table, issue.Key, issue.Year));
        Assert.Contains("= 100 but its parts add up to 90", issue.Message);
    }

    [TestMethod]
    public void Protect_MissingPopulationTable_ThrowsNamingTheTable()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G")]);
        var table = Table("n", h, Year, ("S1", 5));

        var ex = Assert.ThrowsExactly<ArgumentException>(() => StatisticalDisclosureControl.Protect([table]));
        Assert.Contains("no table is named 'population'", ex.Message);
    }
}

/// <summary>Copies of rules with one setting changed.</summary>
internal static class PrivacyRulesTestExtensions
{
    public static PrivacyRules With(this PrivacyRules r, bool? intervalProtection = null, bool? zeroIsConfidential = null, int? roundingBase = null)
        => new()
        {
            Threshold = r.Threshold,
            MinimumPopulation = r.MinimumPopulation,
            PopulationTable = r.PopulationTable,
            ZeroIsConfidential = zeroIsConfidential ?? r.ZeroIsConfidential,
            IntervalProtection = intervalProtection ?? r.IntervalProtection,
            RoundingBase = roundingBase ?? r.RoundingBase,
        };
}
