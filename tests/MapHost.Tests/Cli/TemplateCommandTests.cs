using System.Text.Json.Nodes;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.MapHost.Cli;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.MapHost.Tests.Cli;

[TestClass]
[DoNotParallelize]
public sealed class TemplateCommandTests
{
    [TestMethod]
    public void Template_DemoAtlas_WritesWorkbookAndCsvPerSupplierAndGermanSummary()
    {
        var folder = TestPaths.NewTempDirectory();

        var (exit, stdout, stderr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--year", "2026", "--out", folder);

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        Assert.HasCount(8, Directory.GetFiles(folder));
        Assert.Contains($"Vorlagen für das Berichtsjahr 2026 in {folder}:", stdout);
        Assert.Contains("  jobcenter (Jobcenter Kreis Warendorf): jobcenter_2026.xlsx, jobcenter_2026.csv – 54 Gebiete, 1 Merkmal, Abgabe bis 30.06.2027, Vorjahr 2025 (", stdout);
        Assert.Contains("  gesundheitsamt (Gesundheitsamt Kreis Warendorf (Schuleingangsuntersuchung)): gesundheitsamt_2026.xlsx, gesundheitsamt_2026.csv – 54 Gebiete, 4 Merkmale, Abgabe bis 30.04.2027", stdout);
        var table = TableReader.ReadExcel(Path.Combine(folder, "jobcenter_2026.xlsx"), new ExcelReadOptions
        {
            SheetName = "Daten",
            Columns = new TableColumnOptions { KeyColumns = ["sozialraum"] },
        });
        Assert.AreEqual("05570004-01", table.GetText("sozialraum")[0]);
    }

    [TestMethod]
    public void Template_NoYear_AsksForTheYearAfterTheLatestInTheData()
    {
        var folder = TestPaths.NewTempDirectory();

        var (exit, _, stderr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--out", folder, "--supplier", "jugendamt");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        var next = CliRunner.DemoAtlas.Years[^1] + 1;
        CollectionAssert.AreEquivalent(new[] { $"jugendamt_{next}.xlsx", $"jugendamt_{next}.csv" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void Template_CsvOnlyForOneSupplier_WritesOneCsv()
    {
        var folder = TestPaths.NewTempDirectory();

        var (exit, stdout, stderr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--year", "2026", "--out", folder, "--supplier", "jobcenter", "--csv-only");

        Assert.AreEqual(ExitCodes.Ok, exit, stderr);
        CollectionAssert.AreEqual(new[] { "jobcenter_2026.csv" }, Directory.GetFiles(folder).Select(Path.GetFileName).ToArray());
        Assert.Contains("jobcenter_2026.csv – 54 Gebiete", stdout);
    }

    [TestMethod]
    public void Template_UnknownSupplier_ExitsTwoAndNamesTheKnownSuppliers()
    {
        var folder = TestPaths.NewTempDirectory();

        var (exit, _, stderr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--year", "2026", "--out", folder, "--supplier", "finanzamt");

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("Unknown supplier 'finanzamt'; the atlas has: einwohnermeldeaemter, jobcenter, gesundheitsamt, jugendamt.", stderr);
        Assert.IsEmpty(Directory.GetFiles(folder));
    }

    [TestMethod]
    public void Template_ExistingTemplate_ExitsFourAndKeepsItUnlessForce()
    {
        var folder = TestPaths.NewTempDirectory();
        var filled = Path.Combine(folder, "jobcenter_2026.csv");
        File.WriteAllText(filled, "ausgefüllt");

        var (exit, _, stderr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--year", "2026", "--out", folder, "--supplier", "jobcenter");

        Assert.AreEqual(ExitCodes.OutputError, exit);
        Assert.Contains(filled, stderr);
        Assert.AreEqual("ausgefüllt", File.ReadAllText(filled));
        Assert.IsFalse(File.Exists(Path.Combine(folder, "jobcenter_2026.xlsx")), "nothing is written when a file exists");

        var (forced, _, forcedErr) = CliRunner.Run("template", CliRunner.DemoAtlasPath, "--year", "2026", "--out", folder, "--supplier", "jobcenter", "--force");

        Assert.AreEqual(ExitCodes.Ok, forced, forcedErr);
        StringAssert.StartsWith(File.ReadAllText(filled), "sozialraum;name;jahr;kinder_u15_sgb2\r\n05570004-01;Ahlen Innenstadt;2026;\r\n", StringComparison.Ordinal);
    }

    [TestMethod]
    [DataRow(new[] { "--year", "2026" })]
    [DataRow(new[] { "--out", "x", "--year", "20" })]
    public void Template_BadOptions_ExitTwo(string[] options)
    {
        var (exit, _, stderr) = CliRunner.Run(["template", CliRunner.DemoAtlasPath, .. options]);

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("geoprevention:", stderr);
    }

    [TestMethod]
    public void Template_AtlasWithoutSuppliers_ExitsTwoWithHint()
    {
        var atlas = CliRunner.CopyDemoAtlas();
        var json = JsonNode.Parse(File.ReadAllText(atlas))!.AsObject();
        json.Remove("suppliers");
        json.Remove("$schema");
        File.WriteAllText(atlas, json.ToJsonString());

        var (exit, _, stderr) = CliRunner.Run("template", atlas, "--year", "2026", "--out", TestPaths.NewTempDirectory());

        Assert.AreEqual(ExitCodes.Usage, exit);
        Assert.Contains("The atlas has no suppliers", stderr);
    }
}
