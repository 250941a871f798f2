using System.Globalization;
using System.Text.RegularExpressions;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Collection;
using GeoPrevention.MapHost.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace GeoPrevention.MapHost.Tests.Web;

/// <summary>
/// The page in Debian's chromium (headless, driven by Microsoft.Playwright), against the real Kestrel host on
/// 127.0.0.1 with a free port — the same app <c>geoprevention serve</c> runs. One browser for the class; one
/// page per test. Screenshots go to <c>TestResults/screenshots/</c> beside the test binaries.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed partial class BrowserTests
{
    private static WebApplication? _app;
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static string _base = "";

    public TestContext TestContext { get; set; } = null!;

    private static string ScreenshotDirectory => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        _app = MapHostApp.Create(MapHostApplication.Demo, new MapHostOptions { Urls = "http://127.0.0.1:0" });
        await _app.StartAsync();
        _base = _app.Urls.Single().TrimEnd('/') + "/";
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--no-first-run", "--disable-extensions"],
        });
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    [TestMethod]
    public async Task Page_Load_ShowsTheKreisAndMakesNoRequestOutsideLocalhost()
    {
        var (page, requests, errors) = await OpenAsync();

        Assert.StartsWith("http://127.0.0.1:", _base, StringComparison.Ordinal);
        foreach (var url in requests)
        {
            Assert.IsTrue(url.StartsWith(_base, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), "request left the host: " + url);
        }

        Assert.IsTrue(requests.Any(u => u.Contains("/api/values?", StringComparison.Ordinal)));
        Assert.AreEqual(54, await page.Locator("path.leaflet-interactive").CountAsync(), "54 Sozialräume");
        Assert.AreEqual("Sozialraummonitoring Kreis Warendorf (Demo)", await page.TextContentAsync("#atlas-title"));
        Assert.AreEqual(8, await page.Locator("#legend li").CountAsync(), "5 classes + geheim, zu wenige Einwohner, keine Daten");
        var suppressed = MapHostApplication.Demo.GetValues("sozialraeume", "sgb2_u15", 2025).Values.Count(v => v.Value.Status is Analytics.Privacy.CellStatus.Primary or Analytics.Privacy.CellStatus.Secondary or Analytics.Privacy.CellStatus.SuppressedAtSource);
        Assert.IsGreaterThan(0, suppressed);
        Assert.AreEqual(suppressed, await page.Locator("path.leaflet-interactive[data-status='suppressed']").CountAsync(), "suppressed districts are marked");
        Assert.AreEqual("url(#gp-hatch)", await page.Locator("path.leaflet-interactive[data-status='suppressed']").First.GetAttributeAsync("fill"));
        await ScreenshotAsync(page, "01_start.png");
        CollectionAssert.AreEqual(Array.Empty<string>(), errors, "no console error (e.g. a CSP violation)");
    }

    [TestMethod]
    public async Task Controls_IndicatorAndYear_RecolourTheMap()
    {
        var (page, _, errors) = await OpenAsync();
        var before = await FillsAsync(page);

        await page.SelectOptionAsync("#indicator", "kita_u3");
        await page.WaitForSelectorAsync("#map[data-indicator='kita_u3']");
        var afterIndicator = await FillsAsync(page);
        await page.FocusAsync("#year");
        await page.Keyboard.PressAsync("Home");
        await page.WaitForSelectorAsync("#map[data-year='2015']");
        var afterYear = await FillsAsync(page);

        CollectionAssert.AreNotEqual(before, afterIndicator, "another indicator, other colours");
        CollectionAssert.AreNotEqual(afterIndicator, afterYear, "another year, other colours");
        Assert.IsTrue(afterIndicator.Contains("#253494") || afterIndicator.Contains("#2c7fb8"), "higher-is-better indicators use YlGnBu");
        Assert.AreEqual("2015", await page.TextContentAsync("#year-label"));
        await ScreenshotAsync(page, "02_kita_u3_2015.png");
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);
    }

    [TestMethod]
    public async Task District_HoverAndClick_ShowGermanTooltipAndProfile()
    {
        var (page, _, errors) = await OpenAsync();
        const string key = "05570004-01"; // Ahlen Innenstadt, published in 2025
        var point = await InsidePointAsync(page, key);

        await page.Mouse.MoveAsync(point.X, point.Y);
        var tooltip = page.Locator(".leaflet-tooltip.gp-tip");
        await tooltip.WaitForAsync();
        var text = await tooltip.InnerTextAsync();
        await ScreenshotAsync(page, "03_tooltip.png");
        // The map may refit while the legend settles; take the point again right before clicking.
        point = await InsidePointAsync(page, key);
        await page.Mouse.ClickAsync(point.X, point.Y);
        await page.WaitForSelectorAsync($"#profile[data-key='{key}']:not([hidden])");
        var profile = await page.InnerTextAsync("#profile");
        await ScreenshotAsync(page, "04_profile.png");

        StringAssert.StartsWith(text, "Ahlen Innenstadt", StringComparison.Ordinal);
        Assert.MatchesRegex(GermanPercent(), text, "value with a decimal comma and unit: " + text);
        Assert.MatchesRegex(GermanInterval(), text, "confidence interval in de-DE: " + text);
        Assert.IsTrue(text.Contains("Rang ", StringComparison.Ordinal), text);
        Assert.IsTrue(profile.Contains("Ahlen Innenstadt", StringComparison.Ordinal) && profile.Contains("in Ahlen", StringComparison.Ordinal), profile);
        Assert.IsTrue(profile.Contains("Kreis Warendorf", StringComparison.Ordinal), "comparison with the Kreis");
        Assert.AreEqual(7, await page.Locator("#profile svg.chart, #profile p.hint:has-text('Keine Zeitreihe')").CountAsync(), "one trend per indicator");
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);
    }

    [TestMethod]
    public async Task Views_LisaAndGoals_RecolourWithTheirLegends()
    {
        var (page, _, errors) = await OpenAsync();

        await page.SelectOptionAsync("#view", "lisa");
        await page.WaitForSelectorAsync("#map[data-view='lisa']");
        var lisaFills = (await FillsAsync(page)).Distinct().ToArray();
        var lisaLegend = await page.InnerTextAsync("#legend");
        await page.SelectOptionAsync("#view", "goals");
        await page.WaitForSelectorAsync("#map[data-view='goals']");
        var goalFills = (await FillsAsync(page)).Distinct().ToArray();
        var goalLegend = await page.InnerTextAsync("#legend");
        await ScreenshotAsync(page, "07_goals.png");

        string[] lisaColours = ["#ff0000", "#0000ff", "#f4ada8", "#a7adf9", "#eeeeee", "url(#gp-hatch)", "url(#gp-minpop)", "#fff"];
        string[] goalColours = ["#1a9641", "#fdae61", "#d7191c", "#bababa", "url(#gp-hatch)"];
        Assert.IsTrue(lisaFills.All(lisaColours.Contains), string.Join(" ", lisaFills));
        Assert.IsTrue(goalFills.All(goalColours.Contains), string.Join(" ", goalFills));
        Assert.IsTrue(lisaLegend.Contains("Hoch-Hoch (Hotspot)", StringComparison.Ordinal), lisaLegend);
        Assert.IsTrue(goalLegend.Contains("auf Kurs", StringComparison.Ordinal) && goalLegend.Contains("Ziele 2025", StringComparison.Ordinal), goalLegend);
        Assert.AreEqual(4, await page.Locator(".leaflet-overlay-pane path:not(.leaflet-interactive)").CountAsync(), "the four Jugendamtsbezirke are outlined");

        // Issue 10: the goal view shows the same statuses as the report's council overview (AtlasGoals, latest year).
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var li in await page.Locator("#legend li[data-goal]").AllAsync())
        {
            shown[(await li.GetAttributeAsync("data-goal"))!] = (await li.GetAttributeAsync("data-status"))!.ToLowerInvariant();
        }

        var demo = MapHostApplication.Demo;
        var expected = GeoPrevention.Analytics.Goals.AtlasGoals.Evaluate(demo)
            .ToDictionary(r => r.Goal.Id, r => GeoPrevention.Rendering.Goals.GoalOverview.StatusCode(r.For(demo.Years[^1])!.Status).Replace("_", "", StringComparison.Ordinal));
        CollectionAssert.AreEquivalent(expected.ToList(), shown.ToList());
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);
    }

    [TestMethod]
    public async Task AhlenPreset_Click_ZoomsToAhlen()
    {
        var (page, _, errors) = await OpenAsync();
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        var before = await BoxAsync(page, "05570004");

        await page.ClickAsync("#areas button[data-area='ahlen']");
        await page.WaitForSelectorAsync("#map[data-area='ahlen']");
        await page.WaitForFunctionAsync("() => !document.querySelector('#map .leaflet-zoom-anim')");
        await page.WaitForTimeoutAsync(600);
        var after = await BoxAsync(page, "05570004");
        await ScreenshotAsync(page, "05_ahlen.png");

        Assert.IsGreaterThan(2 * before.Width, after.Width, "zoomed in");
        Assert.IsGreaterThanOrEqualTo(map.X - 2, after.X, "Ahlen lies inside the map");
        Assert.IsLessThanOrEqualTo(map.X + map.Width + 2, after.X + after.Width);
        Assert.IsGreaterThanOrEqualTo(map.Y - 2, after.Y);
        Assert.IsLessThanOrEqualTo(map.Y + map.Height + 2, after.Y + after.Height);
        Assert.IsTrue(after.Width > 0.5 * map.Width || after.Height > 0.7 * map.Height, "Ahlen fills the map");
        Assert.AreEqual("true", await page.GetAttributeAsync("#areas button[data-area='ahlen']", "aria-pressed"));
        StringAssert.Contains(await page.GetAttributeAsync("#export-png", "href"), "area=ahlen", StringComparison.Ordinal);
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);
    }

    [TestMethod]
    public async Task Export_Png_DownloadsThePrintMap()
    {
        var (page, _, errors) = await OpenAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-png"));
        var target = Path.Combine(ScreenshotDirectory, "06_export.png");
        await download.SaveAsAsync(target);
        var bytes = await File.ReadAllBytesAsync(target);

        Assert.AreEqual("karte_sgb2_u15_2025_kreis.png", download.SuggestedFilename);
        CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes.Take(8).ToArray());
        Assert.IsGreaterThan(20_000, bytes.Length);
        TestContext.AddResultFile(target);
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);
    }

    [TestMethod]
    public async Task Legend_DataStatus_NamesBaseTableAndThenTheDeliveryOfTheYear()
    {
        // Demo atlas: every year comes from the base table; the line follows the year slider.
        var (page, _, errors) = await OpenAsync();
        await page.SelectOptionAsync("#indicator", "hze");
        await page.WaitForSelectorAsync("#map[data-indicator='hze'][data-year='2025']");
        Assert.AreEqual("Datenstand 31.12.2025, Grundtabelle sozialraeume_2015_2025.csv", await page.InnerTextAsync("#legend #datastatus"));
        await page.FocusAsync("#year");
        await page.Keyboard.PressAsync("Home");
        await page.WaitForSelectorAsync("#map[data-year='2015']");
        Assert.AreEqual("Datenstand 31.12.2015, Grundtabelle sozialraeume_2015_2025.csv", await page.InnerTextAsync("#legend #datastatus"));
        CollectionAssert.AreEqual(Array.Empty<string>(), errors);

        // A copy with an accepted Jugendamt delivery for 2026: the legend of 2026 names the delivery and its date.
        var atlasPath = Cli.CliRunner.CopyDemoAtlas();
        var result = IntakeCheck.Check(AtlasData.Load(atlasPath), Cli.IntakeCommandTests.JugendamtCsv(atlasPath));
        DeliveryStore.Accept(result, new DeliveryAcceptOptions { AcceptedAt = new DateTimeOffset(2027, 3, 2, 9, 0, 0, TimeSpan.Zero) });
        await using var app = MapHostApp.Create(AtlasData.Load(atlasPath), new MapHostOptions { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var (delivered, _, deliveredErrors) = await OpenAsync(app.Urls.Single().TrimEnd('/') + "/");
        await delivered.SelectOptionAsync("#indicator", "hze");
        await delivered.FocusAsync("#year");
        await delivered.Keyboard.PressAsync("End");
        await delivered.WaitForSelectorAsync("#map[data-indicator='hze'][data-year='2026']");
        var legend = delivered.Locator("#legend");
        Assert.AreEqual("Datenstand 31.12.2026, Lieferung jugendamt 2027-03-02", await legend.Locator("#datastatus").InnerTextAsync());
        StringAssert.StartsWith(await legend.Locator("h2").InnerTextAsync(), "HzE-Quote 2026", StringComparison.Ordinal);
        await ScreenshotAsync(delivered, "09_datenstand_lieferung.png");
        CollectionAssert.AreEqual(Array.Empty<string>(), deliveredErrors);
        await delivered.Context.CloseAsync();
        await app.StopAsync();
    }

    private static Task<(IPage Page, List<string> Requests, List<string> Errors)> OpenAsync() => OpenAsync(_base);

    private static async Task<(IPage Page, List<string> Requests, List<string> Errors)> OpenAsync(string url)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "de-DE", AcceptDownloads = true });
        // Generous: CI machines have 2 cores shared with the other test assemblies.
        context.SetDefaultTimeout(90_000);
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var errors = new List<string>();
        page.Request += (_, r) => { lock (requests) { requests.Add(r.Url); } };
        page.Console += (_, m) => { if (m.Type == "error") { lock (errors) { errors.Add(m.Text); } } };
        page.PageError += (_, e) => { lock (errors) { errors.Add(e); } };
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#map[data-ready='true']");
        return (page, requests, errors);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotDirectory, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        TestContext.AddResultFile(path);
    }

    private static async Task<string[]> FillsAsync(IPage page) =>
        await page.EvalOnSelectorAllAsync<string[]>("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))");

    /// <summary>A viewport point inside the district's polygon where the polygon is the topmost element.</summary>
    private static async Task<(float X, float Y)> InsidePointAsync(IPage page, string key)
    {
        var p = await page.EvaluateAsync<float[]>(
            @"key => {
                const el = document.querySelector(`path[data-key='${key}']`);
                const box = el.getBBox();
                const m = el.getScreenCTM();
                for (let fy = 0.5; fy < 1; fy += 0.05) for (const s of [1, -1]) for (let fx = 0.1; fx < 1; fx += 0.05) {
                  const y = box.y + box.height * (s > 0 ? fy : 1 - fy);
                  const x = box.x + box.width * fx;
                  const pt = new DOMPoint(x, y);
                  if (!el.isPointInFill(pt)) continue;
                  const c = pt.matrixTransform(m);
                  if (document.elementFromPoint(c.x, c.y) === el) return [c.x, c.y];
                }
                return null;
              }",
            key);
        Assert.IsNotNull(p, "no visible point inside " + key);
        return (p[0], p[1]);
    }

    private static async Task<(float X, float Y, float Width, float Height)> BoxAsync(IPage page, string keyPrefix)
    {
        var b = await page.EvaluateAsync<float[]>(
            @"prefix => {
                const rects = [...document.querySelectorAll('path.leaflet-interactive')].filter(e => (e.dataset.key || '').startsWith(prefix)).map(e => e.getBoundingClientRect());
                const x0 = Math.min(...rects.map(r => r.left)), y0 = Math.min(...rects.map(r => r.top));
                const x1 = Math.max(...rects.map(r => r.right)), y1 = Math.max(...rects.map(r => r.bottom));
                return [x0, y0, x1 - x0, y1 - y0];
              }",
            keyPrefix);
        return (b[0], b[1], b[2], b[3]);
    }

    [GeneratedRegex(@"\d+,\d %", RegexOptions.CultureInvariant)]
    private static partial Regex GermanPercent();

    [GeneratedRegex(@"Konfidenzintervall: \d+,\d – \d+,\d", RegexOptions.CultureInvariant)]
    private static partial Regex GermanInterval();
}
