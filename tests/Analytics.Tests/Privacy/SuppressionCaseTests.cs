using System.Text.Json;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Privacy;

/// <summary>
/// Conformance cases from <c>SuppressionCases.json</c> (beside this file), worked out by hand, so that planners' edge
/// cases can be added without code: description, rules, units [key, parent, level], leaf or known values (null =
/// not published by the source; missing parents are filled from their children) and the expected status per unit.
/// </summary>
[TestClass]
public sealed class SuppressionCaseTests
{
    public static IEnumerable<object[]> Cases()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Repo("tests", "Analytics.Tests", "Privacy", "SuppressionCases.json")));
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            yield return [c.GetProperty("description").GetString()!, c.GetRawText()];
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Protect_ConformanceCase_GivesHandWorkedStatuses(string description, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var c = doc.RootElement;
        var units = c.GetProperty("units").EnumerateArray()
            .Select(u => new HierarchyUnit(u[0].GetString()!, u[1].GetString(), Enum.Parse<HierarchyLevel>(u[2].GetString()!)))
            .ToList();
        var h = Hierarchy.Create(units);
        var records = c.GetProperty("values").EnumerateObject()
            .Select(p => new CountRecord(p.Name, 2023, CountTable.DefaultCategory, p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetInt64()))
            .ToList();
        var rules = new PrivacyRules
        {
            Threshold = c.GetProperty("threshold").GetInt32(),
            ZeroIsConfidential = c.GetProperty("zeroIsConfidential").GetBoolean(),
            MinimumPopulation = 0,
        };

        var result = StatisticalDisclosureControl.Protect([CountTable.FromRecords("n", h, records)], rules);

        var expected = string.Join(", ", c.GetProperty("expected").EnumerateObject().Select(p => $"{p.Name}={p.Value.GetString()}"));
        var actual = string.Join(", ", c.GetProperty("expected").EnumerateObject().Select(p => $"{p.Name}={result.Status("n", p.Name, 2023)}"));
        Assert.AreEqual(expected, actual, description);
        PrivacyFixtures.AssertNoDisclosure(result);
    }
}
