using System.Diagnostics;
using System.Text.RegularExpressions;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Rendering.Goals;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests.Goals;

[TestClass]
public sealed class GoalOverviewTests
{
    private static readonly Lazy<AtlasData> Demo = new(() => AtlasData.Load(TestPaths.Repo("data", "atlas.json")));
    private static readonly Lazy<IReadOnlyList<GoalReport>> Reports = new(() => AtlasGoals.Evaluate(Demo.Value));

    private static string[] PdfToPng(string pdf, string dir)
    {
        var prefix = Path.Combine(dir, "page");
        ProcessStartInfo psi = new("pdftoppm", ["-png", "-r", "50", pdf, prefix]) { RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail("pdftoppm (poppler-utils) is required for this test: " + ex.Message);
            throw;
        }

        using (process)
        {
            var err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, "pdftoppm failed: " + err);
        }

        return [.. Directory.GetFiles(dir, "page*.png").Order(StringComparer.Ordinal)];
    }

    private static string PdfToText(string pdf)
    {
        ProcessStartInfo psi = new("pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, "pdftotext failed: " + process.StandardError.ReadToEnd());
        return text;
    }

    private static double NonWhiteShare(RgbaImage image)
    {
        var n = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var c = image[x, y];
                if (c.R < 240 || c.G < 240 || c.B < 240)
                {
                    n++;
                }
            }
        }

        return (double)n / (image.Width * image.Height);
    }

    [TestMethod]
    public void WritePdf_DemoAtlas_OnePagePerGoalPlusOverviewAndConvertsWithPdftoppm()
    {
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "zielerreichung.pdf");

        GoalOverview.WritePdf(Demo.Value, Reports.Value, pdf, new GoalOverviewOptions { Year = 2024 });

        Assert.IsTrue(File.ReadAllBytes(pdf).AsSpan(0, 5).SequenceEqual("%PDF-"u8));
        var pages = PdfToPng(pdf, dir);
        Assert.HasCount(1 + Demo.Value.Manifest.Goals.Count, pages);
        foreach (var page in pages)
        {
            // A4 landscape at 50 dpi: 842 × 595 pt → 585 × 413 px (rounded up by poppler).
            var png = RgbaImage.Load(page);
            Assert.IsTrue(png.Width is >= 584 and <= 586 && png.Height is >= 412 and <= 414, $"{page}: {png.Width} × {png.Height}");
            Assert.IsGreaterThan(0.01, NonWhiteShare(png), $"{page} is blank");
        }

        Assert.IsEmpty(Directory.GetFiles(dir, "*.tmp"), "no temporary file is left behind");
        File.Copy(pdf, Path.Combine(Path.GetTempPath(), "gp-goals-overview.pdf"), overwrite: true); // aside: kept for review

        // The text layer (pdftotext, poppler-utils) names every goal and its German status word.
        var text = PdfToText(pdf);
        foreach (var r in Reports.Value)
        {
            Assert.Contains(r.Goal.Label, text);
            Assert.Contains(AtlasGoals.GermanLabel(r.For(2024)!.Status), text);
        }

        // Issue 11: every goal page names the data date and vintage of the year (demo: base table only).
        Assert.AreEqual(Demo.Value.Manifest.Goals.Count, Regex.Count(text, @"Datenstand +Datenstand 31\.12\.2024, Grundtabelle sozialraeume_2015_2025\.csv"), text);
    }

    [TestMethod]
    public void WriteHtml_DemoAtlas_SelfContainedWithEveryGoalAndItsGermanStatusWord()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "zielerreichung.html");

        GoalOverview.WriteHtml(Demo.Value, Reports.Value, path, new GoalOverviewOptions { Year = 2024 });

        var html = File.ReadAllText(path);
        StringAssert.StartsWith(html, "<!DOCTYPE html>", StringComparison.Ordinal);
        Assert.Contains("Zielerreichung 2024", html);
        // Issue 11: each goal section names the data date and the vintage of the year shown.
        Assert.AreEqual(Demo.Value.Manifest.Goals.Count, Regex.Count(html, "<dt>Datenstand</dt><dd>Datenstand 31\\.12\\.2024, Grundtabelle sozialraeume_2015_2025\\.csv</dd>"));
        foreach (var r in Reports.Value)
        {
            Assert.Contains(r.Goal.Label, html);
            var status = r.For(2024)!.Status;
            Assert.Contains($"data-goal=\"{r.Goal.Id}\" data-status=\"{GoalOverview.StatusCode(status)}\"", html);
        }

        foreach (var word in new[] { "auf Kurs", "gefährdet", "nicht auf Kurs", "unsicher", "nicht veröffentlichbar" })
        {
            Assert.Contains(word, html);
        }

        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("data:image/png;base64,", html);
        Assert.Contains("Ausgaben Hilfen zur Erziehung", html); // cost KPIs of the demo atlas, next to the outcomes
        Assert.Contains("je Einwohner", html);
        var kita = html[html.IndexOf("id=\"ziel-kita_u3_kreis\"", StringComparison.Ordinal)..];
        kita = kita[..kita.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.DoesNotContain("Ausgaben", kita, "HzE costs are shown only next to the goals of their related indicators");
        Assert.HasCount(1, Directory.GetFiles(dir), "only the page itself, no temporary file");
        File.Copy(path, Path.Combine(Path.GetTempPath(), "gp-goals-overview.html"), overwrite: true); // aside: kept for review
    }

    [TestMethod]
    public void WritePdf_YearNotInData_ThrowsAndWritesNothing()
    {
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "x.pdf");

        var ex = Assert.ThrowsExactly<KeyNotFoundException>(() => GoalOverview.WritePdf(Demo.Value, Reports.Value, pdf, new GoalOverviewOptions { Year = 1999 }));

        Assert.Contains("1999", ex.Message);
        Assert.IsEmpty(Directory.GetFiles(dir));
    }
}
