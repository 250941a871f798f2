using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Analytics.Tests.Atlas;

/// <summary>The <c>suppliers</c> block of the atlas manifest: its validation rules and the demo atlas's suppliers.</summary>
[TestClass]
public sealed class AtlasSupplierTests
{
    private const string Atlas = """
        {
          "title": "Test",
          "layers": [ { "id": "sr", "label": "Sozialräume", "file": "sr.gpkg", "key": "key", "name": "name" } ],
          "tables": [ { "id": "t", "file": "t.csv", "layer": "sr", "key": "sozialraum", "year": "jahr" } ],
          "indicators": [ { "id": "q", "label": "Quote", "table": "t", "numerator": "a", "denominator": "b", "polarity": "higherIsWorse" } ],
          "suppliers": [
            { "id": "jobcenter", "label": "Jobcenter", "table": "t", "due": "06-30",
              "columns": [ { "column": "a", "label": "A", "unit": "Kinder", "definition": "Kinder A" } ] },
            { "id": "meldeamt", "label": "Meldeamt", "contact": "x@example.invalid", "table": "t", "due": "03-31", "previousYear": true,
              "columns": [ { "column": "b", "label": "B", "definition": "Kinder B", "type": "count" },
                           { "column": "c", "label": "C", "definition": "Euro C", "type": "amount" } ] }
          ]
        }
        """;

    private static string Write(string json)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, "sr.gpkg"), "");
        File.WriteAllText(Path.Combine(dir, "t.csv"), "");
        var path = Path.Combine(dir, "atlas.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static AtlasValidationException LoadInvalid(string json)
        => Assert.ThrowsExactly<AtlasValidationException>(() => AtlasLoader.Load(Write(json)));

    [TestMethod]
    public void Load_Suppliers_ReadsFieldsAndDefaults()
    {
        var atlas = AtlasLoader.Load(Write(Atlas));

        Assert.HasCount(2, atlas.Suppliers);
        var jobcenter = atlas.FindSupplier("jobcenter")!;
        Assert.IsFalse(jobcenter.PreviousYear);
        Assert.IsNull(jobcenter.Contact);
        Assert.AreEqual(AtlasValueType.Count, jobcenter.Columns[0].Type);
        var meldeamt = atlas.FindSupplier("meldeamt")!;
        Assert.IsTrue(meldeamt.PreviousYear);
        Assert.AreEqual("x@example.invalid", meldeamt.Contact);
        Assert.AreEqual(AtlasValueType.Amount, meldeamt.Columns[1].Type);
        Assert.IsNull(atlas.FindSupplier("nope"));
    }

    [TestMethod]
    public void DueDate_IsInTheYearAfterTheReportingYear()
    {
        var atlas = AtlasLoader.Load(Write(Atlas));

        Assert.AreEqual(new DateOnly(2027, 6, 30), atlas.FindSupplier("jobcenter")!.DueDate(2026));
        Assert.AreEqual(new DateOnly(2026, 3, 31), atlas.FindSupplier("meldeamt")!.DueDate(2025));
    }

    /// <summary>Rule 6 of <see cref="AtlasLoader"/>: each violation is one issue with its JSON path and a clear message.</summary>
    [TestMethod]
    [DataRow("\"table\": \"t\", \"due\": \"06-30\"", "\"table\": \"nope\", \"due\": \"06-30\"", "$.suppliers[0].table", "Supplier 'jobcenter' names unknown table 'nope'.")]
    [DataRow("{ \"column\": \"b\",", "{ \"column\": \"a\",", "$.suppliers[1].columns[0].column", "Column 'a' of table 't' is already delivered by supplier 'jobcenter' ($.suppliers[0].columns[0].column)")]
    [DataRow("{ \"column\": \"c\",", "{ \"column\": \"b\",", "$.suppliers[1].columns[1].column", "already delivered by supplier 'meldeamt' ($.suppliers[1].columns[0].column)")]
    [DataRow("{ \"column\": \"c\",", "{ \"column\": \"sozialraum\",", "$.suppliers[1].columns[1].column", "Column 'sozialraum' is the key column of table 't'")]
    [DataRow("{ \"column\": \"c\",", "{ \"column\": \"jahr\",", "$.suppliers[1].columns[1].column", "Column 'jahr' is the year column of table 't'")]
    [DataRow("\"due\": \"06-30\"", "\"due\": \"02-30\"", "$.suppliers[0].due", "due date '02-30' is not a day of every year")]
    [DataRow("\"due\": \"06-30\"", "\"due\": \"02-29\"", "$.suppliers[0].due", "due date '02-29' is not a day of every year")]
    [DataRow("\"due\": \"06-30\"", "\"due\": \"04-31\"", "$.suppliers[0].due", "due date '04-31' is not a day of every year")]
    [DataRow("\"id\": \"meldeamt\"", "\"id\": \"jobcenter\"", "$.suppliers[1].id", "Duplicate id 'jobcenter'.")]
    public void Load_RuleViolation_IsOneIssueWithPathAndMessage(string original, string replacement, string expectedPath, string expectedMessagePart)
    {
        var ex = LoadInvalid(Atlas.Replace(original, replacement, StringComparison.Ordinal));

        var issue = ex.Issues.Single();
        Assert.AreEqual(expectedPath, issue.JsonPath);
        StringAssert.Contains(issue.Message, expectedMessagePart, StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow("\"due\": \"06-30\"", "\"due\": \"6-30\"", "$.suppliers[0].due")]
    [DataRow("\"due\": \"06-30\"", "\"due\": \"2027-06-30\"", "$.suppliers[0].due")]
    [DataRow("\"id\": \"jobcenter\"", "\"id\": \"Jobcenter\"", "$.suppliers[0].id")]
    [DataRow(", \"definition\": \"Kinder A\"", "", "$.suppliers[0].columns[0]")]
    [DataRow("\"type\": \"amount\"", "\"type\": \"euro\"", "$.suppliers[1].columns[1].type")]
    public void Load_SchemaViolation_NamesSupplierPath(string original, string replacement, string expectedPath)
    {
        var ex = LoadInvalid(Atlas.Replace(original, replacement, StringComparison.Ordinal));

        Assert.IsTrue(ex.Issues.Any(i => i.JsonPath == expectedPath), string.Join("\n", ex.Issues));
    }

    [TestMethod]
    public void Load_DemoAtlas_EveryValueColumnHasExactlyOneSupplier()
    {
        var atlas = AtlasLoader.Load(TestPaths.Repo("data", "atlas.json"));
        var header = File.ReadLines(TestPaths.Repo("data", "indicators", "sozialraeume_2015_2025.csv")).First().TrimStart('\uFEFF').Split(';');

        CollectionAssert.AreEquivalent(new[] { "einwohnermeldeaemter", "jobcenter", "gesundheitsamt", "jugendamt" }, atlas.Suppliers.Select(s => s.Id).ToArray());
        var claimed = atlas.Suppliers.SelectMany(s => s.Columns.Select(c => c.Column)).ToList();
        CollectionAssert.AreEquivalent(header.Except(["sozialraum", "jahr"]).ToArray(), claimed.ToArray());
        Assert.IsTrue(atlas.Suppliers.SelectMany(s => s.Columns).All(c => c.Definition.Length > 20 && c.Unit is not null), "every demo column has a unit and a definition");
    }

    [TestMethod]
    public void AtlasDataLoad_SupplierColumnNotInTable_NamesSupplierPath()
    {
        var dir = CopyDemoAtlas();
        var path = Path.Combine(dir, "atlas.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{ \"column\": \"kinder_u6\",", "{ \"column\": \"kinder_u7\",", StringComparison.Ordinal));

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => AtlasData.Load(path));

        var issue = ex.Issues.Single();
        Assert.AreEqual("$.suppliers[0].columns[3].column", issue.JsonPath);
        StringAssert.Contains(issue.Message, "'kinder_u7' is not in table 'sozialraumdaten'", StringComparison.Ordinal);
    }

    [TestMethod]
    public void AtlasDataLoad_SupplierColumnWithText_NamesSupplierPath()
    {
        var dir = CopyDemoAtlas();
        var csv = Path.Combine(dir, "indicators", "sozialraeume_2015_2025.csv");
        var lines = File.ReadAllLines(csv);
        File.WriteAllLines(csv, lines.Select((l, i) => l + (i == 0 ? ";bemerkung" : ";siehe Anlage")), new System.Text.UTF8Encoding(true));
        var path = Path.Combine(dir, "atlas.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{ \"column\": \"kita_u3\",", "{ \"column\": \"bemerkung\", \"label\": \"Bemerkung\", \"definition\": \"Freitext\" }, { \"column\": \"kita_u3\",", StringComparison.Ordinal));

        var ex = Assert.ThrowsExactly<AtlasValidationException>(() => AtlasData.Load(path));

        var issue = ex.Issues.Single();
        Assert.AreEqual("$.suppliers[3].columns[1].column", issue.JsonPath);
        StringAssert.Contains(issue.Message, "'bemerkung' of table 'sozialraumdaten' (indicators/sozialraeume_2015_2025.csv) does not hold numbers", StringComparison.Ordinal);
    }

    [TestMethod]
    public void AtlasDataLoad_SupplierCountColumnWithoutIndicator_IsProtectedInTheView()
    {
        // kinder_u6 feeds no indicator; as a supplier count column it is published through the view like the others.
        // 05570004-01 had 566 children under 6 in 2015 (data/indicators/sozialraeume_2015_2025.csv, line 2).
        var atlas = AtlasData.Load(TestPaths.Repo("data", "atlas.json"));

        var value = atlas.View.Count(new CountCell("sozialraumdaten.kinder_u6", AtlasData.UnitKey("sozialraeume", "05570004-01"), 2015));

        Assert.AreEqual(566.0, value.Value);
    }

    private static string CopyDemoAtlas()
    {
        var dir = TestPaths.NewTempDirectory();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Repo("data"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(TestPaths.Repo("data"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var atlas = Path.Combine(dir, "atlas.json");
        File.WriteAllText(atlas, File.ReadAllText(atlas).Replace("\"$schema\": \"../docs/atlas.schema.json\",", "", StringComparison.Ordinal));
        return dir;
    }
}
