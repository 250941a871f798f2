using System.Diagnostics;
using System.Xml.Linq;
using GeoPrevention.Tests.Shared;

namespace GeoPrevention.Rendering.Tests;

[TestClass]
public sealed class OutputFormatTests
{
    [TestMethod]
    public void RenderSvg_Warendorf_IsXmlWithTextAsPaths()
    {
        var spec = TestMaps.WarendorfSpec();
        using var ms = new MemoryStream();

        MapRenderer.RenderSvg(spec, ms);
        File.WriteAllBytes(TestMaps.GeneratedPath("warendorf_gemeinden.svg"), ms.ToArray());
        ms.Position = 0;
        var doc = XDocument.Load(ms);

        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.AreEqual(svg + "svg", doc.Root!.Name);
        Assert.IsEmpty(doc.Descendants(svg + "text").ToList(), "text must be converted to paths");
        // Text paths are filled with the text colour #1a1a1a; the legend alone has title, unit, 4 + 2 labels and 6 counts.
        var textPaths = doc.Descendants(svg + "path").Count(p => string.Equals((string?)p.Attribute("fill"), "#1a1a1a", StringComparison.OrdinalIgnoreCase));
        Assert.IsGreaterThanOrEqualTo(14, textPaths, $"only {textPaths} text-coloured paths");
    }

    [TestMethod]
    public void RenderSvg_LegendLabel_ContainsItsGlyphOutline()
    {
        // The SVG path data for the legend entry "über 14,0 bis 22,5" equals the font outline at the legend position.
        var spec = TestMaps.WarendorfSpec();
        using var ms = new MemoryStream();

        MapRenderer.RenderSvg(spec, ms);
        var text = System.Text.Encoding.UTF8.GetString(ms.ToArray());

        // One path per text run; the label's path has far more commands than any polygon border stroke of equal
        // fill colour — so check it by counting distinct text-coloured paths with many curve commands (glyph outlines
        // use quadratic curves 'Q', polygons never do).
        var glyphPaths = XDocument.Parse(text).Descendants().Count(e => e.Name.LocalName == "path" && ((string?)e.Attribute("d") ?? "").Contains('Q', StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(14, glyphPaths);
    }

    [TestMethod]
    public void RenderPdf_Warendorf_ConvertsWithPdftoppmAndMatchesPng()
    {
        // arrange: at 72 dpi a page of W × H px is W × H pt, so pdftoppm -r 72 gives the same pixel size.
        var spec = TestMaps.WarendorfSpec(PageSize.FromPixels(1000, 760, 72));
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "karte.pdf");

        // act
        MapRenderer.RenderToFile(spec, pdf, MapFormat.Pdf);
        var png = TestMaps.RenderPng(spec, out _);
        RunPdftoppm(pdf, Path.Combine(dir, "page"));
        var converted = Directory.GetFiles(dir, "page*.png").Single();
        File.Copy(converted, TestMaps.GeneratedPath("warendorf_gemeinden_pdf_page.png"), true);
        File.WriteAllBytes(TestMaps.GeneratedPath("warendorf_gemeinden_72dpi.png"), png);

        // assert: poppler and Skia antialias edges and glyphs differently; fills, hatching and layout must agree.
        var report = new TolerantImageComparer(perPixelThreshold: 60, maxDifferingShare: 0.02).Compare(RgbaImage.Decode(png), RgbaImage.Load(converted));
        Assert.IsTrue(report.Passed, "PDF page differs from the PNG: " + report);
    }

    [TestMethod]
    public void RenderPdf_WarendorfPlainFills_UsesTheFillStreamAndMatchesPng()
    {
        // arrange: the Warendorf map with every municipality in a plain class colour (no hatching, no dots), so the PDF
        // fast path writes fills and white borders itself (PdfFills) and Skia draws the rest.
        var baseSpec = TestMaps.WarendorfSpec(PageSize.FromPixels(1000, 760, 72));
        var layer = baseSpec.Layers[0];
        var plain = layer.Features.Select(f => f with { Fill = FillState.Class(f.Fill.ClassIndex < 0 ? 0 : f.Fill.ClassIndex) }).ToList();
        var spec = baseSpec with { Layers = [layer with { Features = plain }] };
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "plain.pdf");

        // act
        MapRenderer.RenderToFile(spec, pdf, MapFormat.Pdf);
        var bytes = File.ReadAllBytes(pdf);
        var png = TestMaps.RenderPng(spec, out _);
        RunPdftoppm(pdf, Path.Combine(dir, "page"));
        var converted = Directory.GetFiles(dir, "page*.png").Single();
        File.Copy(converted, TestMaps.GeneratedPath("warendorf_plain_pdf_page.png"), true);

        // assert: one revision with one page whose contents are [fill stream, Skia's content]; the page looks like the PNG.
        var text = System.Text.Encoding.Latin1.GetString(bytes);
        Assert.AreEqual(1, text.Split("startxref").Length - 1, "one cross-reference section");
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Count(text, @"/Type /Page\b"), "one page object");
        StringAssert.Matches(text, new System.Text.RegularExpressions.Regex(@"/Contents \[\d+ 0 R \d+ 0 R\]"));
        var report = new TolerantImageComparer(perPixelThreshold: 60, maxDifferingShare: 0.02).Compare(RgbaImage.Decode(png), RgbaImage.Load(converted));
        Assert.IsTrue(report.Passed, "PDF page differs from the PNG: " + report);
    }

    [TestMethod]
    public void RenderPdf_SmallMultiplesPlainFills_EachPanelMatchesThePng()
    {
        // arrange: four panels (the fill stream clips each panel's fills to its own frame) with plain class fills.
        var baseSpec = TestMaps.WarendorfSpec();
        var panels = Enumerable.Range(0, 4).Select(shift => new MapSpec
        {
            Layers = [new MapLayer { Features = [.. baseSpec.Layers[0].Features.Select(f => f with { Fill = FillState.Class((Math.Max(0, f.Fill.ClassIndex) + shift) % 4), Label = null })] }],
            Title = (2020 + shift).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var spec = new SmallMultiplesSpec { Panels = panels, Palette = baseSpec.Palette, Title = "Vier Jahre", Page = PageSize.FromPixels(900, 700, 72) };
        var dir = TestPaths.NewTempDirectory();
        var pdf = Path.Combine(dir, "multiples.pdf");

        // act
        MapRenderer.RenderToFile(spec, pdf, MapFormat.Pdf);
        using var png = new MemoryStream();
        MapRenderer.Render(spec, png, MapFormat.Png);
        RunPdftoppm(pdf, Path.Combine(dir, "page"));
        var converted = Directory.GetFiles(dir, "page*.png").Single();
        File.Copy(converted, TestMaps.GeneratedPath("small_multiples_plain_pdf_page.png"), true);

        // assert
        StringAssert.Contains(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(pdf)), "/Contents [", StringComparison.Ordinal);
        var report = new TolerantImageComparer(perPixelThreshold: 60, maxDifferingShare: 0.02).Compare(RgbaImage.Decode(png.ToArray()), RgbaImage.Load(converted));
        Assert.IsTrue(report.Passed, "PDF page differs from the PNG: " + report);
    }

    [TestMethod]
    public void RenderPdf_DenseGrid_MatchesPngAndIsByteIdenticalAcrossRuns()
    {
        // 120 × 120 cells on a 480 px page at 72 dpi (≈ 3.5 px per cell): dense, no borders, fills only through the fast path.
        var factory = new NetTopologySuite.Geometries.GeometryFactory();
        var features = new List<MapFeature>();
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 120; j++)
            {
                var cell = factory.CreatePolygon([new(i, j), new(i + 1, j), new(i + 1, j + 1), new(i, j + 1), new(i, j)]);
                features.Add(new MapFeature { Key = $"{i}/{j}", Geometry = cell, Fill = (i + j) % 7 == 0 ? FillState.NoData : FillState.Class((i * 3 + j) % 5) });
            }
        }

        var spec = new MapSpec
        {
            Layers = [new MapLayer { Features = features }],
            Palette = Palette.Sequential("Blues", 5),
            ShowScaleBar = false,
            ShowNorthArrow = false,
            ShowLabels = false,
            Page = PageSize.FromPixels(480, 480, 72),
        };
        var dir = TestPaths.NewTempDirectory();
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        MapRenderer.RenderPdf(spec, first);
        MapRenderer.RenderPdf(spec, second);
        File.WriteAllBytes(Path.Combine(dir, "grid.pdf"), first.ToArray());
        _ = TestMaps.RenderPng(spec, out var result);
        RunPdftoppm(Path.Combine(dir, "grid.pdf"), Path.Combine(dir, "page"));
        var page = RgbaImage.Load(Directory.GetFiles(dir, "page*.png").Single());
        File.Copy(Directory.GetFiles(dir, "page*.png").Single(), TestMaps.GeneratedPath("dense_grid_pdf_page.png"), true);

        // assert: poppler antialiases every cell edge (the PNG of a dense map does not), so compare the cell centres: each
        // shows its class (or no-data) colour.
        CollectionAssert.AreEqual(first.ToArray(), second.ToArray(), "deterministic");
        var palette = Palette.Sequential("Blues", 5);
        for (var i = 0; i < 120; i++)
        {
            for (var j = 0; j < 120; j++)
            {
                var want = (i + j) % 7 == 0 ? new MapStyle().NoDataColor : palette[(i * 3 + j) % 5];
                var got = page.At(result.Layout.MapToPixel(i + 0.5, j + 0.5));
                Assert.IsLessThan(12.0, RgbaImage.Distance(want, got), $"cell {i}/{j}: {got} instead of {want}");
            }
        }
    }

    private static void RunPdftoppm(string pdf, string prefix)
    {
        ProcessStartInfo psi = new("pdftoppm", ["-png", "-r", "72", pdf, prefix]) { RedirectStandardError = true, UseShellExecute = false };
        Process process;
        try
        {
            process = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail("pdftoppm (poppler-utils) is required for this test: " + ex.Message);
            return;
        }

        using (process)
        {
            var err = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, "pdftoppm failed: " + err);
        }
    }
}
