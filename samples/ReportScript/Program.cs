// A yearly reporting script: load an atlas, check it, and render one map per area of the latest year.
// Usage: dotnet run -- [path/to/atlas.json] [output folder] [indicator]
using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;

var atlasPath = args.Length > 0 ? args[0] : Path.Combine("..", "..", "data", "atlas.json");
var outputFolder = args.Length > 1 ? args[1] : "karten";
Directory.CreateDirectory(outputFolder);

var atlas = AtlasData.Load(atlasPath);
foreach (var finding in atlas.Findings)
{
    Console.Error.WriteLine($"Hinweis: {finding}");
}

var indicator = args.Length > 2 ? args[2] : atlas.Manifest.Indicators[0].Id;
var year = atlas.Years[^1];
var areas = atlas.Manifest.Map.Areas.Select(a => (string?)a.Id).DefaultIfEmpty(null);
foreach (var area in areas)
{
    var spec = AtlasMaps.Build(atlas, new AtlasMapRequest
    {
        Indicator = indicator,
        Year = year,
        Area = area,
        Page = PageSize.FromPixels(800, 600, 96),
    });
    var file = Path.Combine(outputFolder, string.Create(CultureInfo.InvariantCulture, $"{indicator}_{area ?? "gesamt"}_{year}.png"));
    var result = MapRenderer.RenderToFile(spec, file);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {result.FeaturesDrawn} Gebiete"));
}
