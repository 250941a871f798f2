using GeoPrevention.Analytics.Privacy;

namespace GeoPrevention.Analytics.Tests.Privacy;

/// <summary>Small builders for hand-made hierarchies and tables.</summary>
internal static class PrivacyFixtures
{
    /// <summary>Rules without the minimum-population rule (tables without a population table).</summary>
    public static readonly PrivacyRules NoMinimumPopulation = new() { MinimumPopulation = 0 };

    public static HierarchyUnit Sr(string key, string parent) => new(key, parent, HierarchyLevel.Sozialraum);

    public static HierarchyUnit Gem(string key, string parent) => new(key, parent, HierarchyLevel.Gemeinde);

    public static HierarchyUnit GemRoot(string key) => new(key, null, HierarchyLevel.Gemeinde);

    public static HierarchyUnit Jab(string key, string parent) => new(key, parent, HierarchyLevel.Jugendamtsbezirk);

    public static HierarchyUnit Kreis(string key) => new(key, null, HierarchyLevel.Kreis);

    /// <summary>A one-year, one-category table from (key, value) pairs; parents without a value are filled from children.</summary>
    public static CountTable Table(string name, Hierarchy h, int year, params (string Key, long? Value)[] values)
        => CountTable.FromRecords(name, h, values.Select(v => new CountRecord(v.Key, year, CountTable.DefaultCategory, v.Value)));

    /// <summary>Statuses of all units of a single-category table in one year, as "key=Status" lines for readable failures.</summary>
    public static string Describe(SuppressionResult r, string table, int year, string category = CountTable.DefaultCategory)
        => string.Join(", ", r.Hierarchy.Units.Select(u => $"{u.Key}={r.Status(table, u.Key, year, category)}"));

    public static void AssertNoDisclosure(SuppressionResult result)
    {
        var report = DisclosureAuditor.Audit(result);
        Assert.IsEmpty(report.Disclosures, "Disclosures: " + string.Join("; ", report.Disclosures));
    }
}
