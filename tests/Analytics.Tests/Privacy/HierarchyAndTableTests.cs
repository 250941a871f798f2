using GeoPrevention.Analytics.Privacy;
using static GeoPrevention.Analytics.Tests.Privacy.PrivacyFixtures;

namespace GeoPrevention.Analytics.Tests.Privacy;

[TestClass]
public sealed class HierarchyAndTableTests
{
    [TestMethod]
    public void Create_InvalidUnits_ThrowNamingTheKey()
    {
        var dup = Assert.ThrowsExactly<ArgumentException>(() => Hierarchy.Create([Kreis("K"), Gem("G", "K"), Gem("G", "K")]));
        Assert.Contains("Duplicate unit key 'G'", dup.Message);
        var parent = Assert.ThrowsExactly<ArgumentException>(() => Hierarchy.Create([Kreis("K"), Gem("G", "X")]));
        Assert.Contains("Unit 'G' names parent 'X'", parent.Message);
        var level = Assert.ThrowsExactly<ArgumentException>(() => Hierarchy.Create([Kreis("K"), Gem("G", "K"), Gem("H", "G")]));
        Assert.Contains("Unit 'H' (Gemeinde) has parent 'G' (Gemeinde)", level.Message);
    }

    [TestMethod]
    public void ChildrenOf_SkippedLevel_ListsChildrenInInputOrder()
    {
        var h = Hierarchy.Create([Kreis("K"), Sr("S9", "K"), Gem("G", "K"), Sr("S1", "G")]);

        CollectionAssert.AreEqual(new[] { "S9", "G" }, h.ChildrenOf("K").ToArray());
        Assert.AreEqual(-1, h.IndexOf("nope"));
    }

    [TestMethod]
    public void FromRecords_MissingParents_AreFilledFromChildrenOrLeftUnknown()
    {
        var h = Hierarchy.Create([Kreis("K"), Gem("G", "K"), Gem("H", "K"), Sr("S1", "G"), Sr("S2", "G"), Sr("T1", "H")]);
        var table = Table("n", h, 2023, ("S1", 4), ("S2", 6), ("T1", null));
        var noFill = CountTable.FromRecords("n", h, [new CountRecord("S1", 2023, "total", 4)], new CountTableOptions { FillMissingFromParts = false });

        var result = StatisticalDisclosureControl.Protect([table], NoMinimumPopulation);

        Assert.AreEqual(10L, table.Values[h.IndexOf("G")]);
        Assert.IsNull(table.Values[h.IndexOf("H")], "T1 is unknown, so H is too");
        Assert.IsNull(table.Values[h.IndexOf("K")]);
        Assert.AreEqual(CellStatus.SuppressedAtSource, result.Status("n", "H", 2023));
        Assert.IsNull(noFill.Values[h.IndexOf("G")]);
    }

    [TestMethod]
    public void FromRecords_BadRecords_ThrowNamingTheCell()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G")]);

        var negative = Assert.ThrowsExactly<ArgumentException>(() => Table("n", h, 2023, ("S1", -1)));
        Assert.Contains("n['S1', 2023, total] is negative", negative.Message);
        var unknown = Assert.ThrowsExactly<ArgumentException>(() => Table("n", h, 2023, ("S7", 1)));
        Assert.Contains("unknown unit 'S7'", unknown.Message);
        var twice = Assert.ThrowsExactly<ArgumentException>(() => Table("n", h, 2023, ("S1", 1), ("S1", 2)));
        Assert.Contains("cell 'S1' (2023, total) is given twice", twice.Message);
        var total = Assert.ThrowsExactly<ArgumentException>(() => CountTable.FromRecords("n", h, [new CountRecord("S1", 2023, "a", 1)], new CountTableOptions { Categories = ["a", "b"], TotalCategory = "t" }));
        Assert.Contains("total category 't' is not one of the categories", total.Message);
    }

    [TestMethod]
    public void FromArray_WrongLength_Throws()
    {
        var h = Hierarchy.Create([GemRoot("G"), Sr("S1", "G")]);

        var ex = Assert.ThrowsExactly<ArgumentException>(() => CountTable.FromArray("n", h, [2022, 2023], new long?[3]));

        Assert.Contains("needs 4 values", ex.Message);
    }
}
