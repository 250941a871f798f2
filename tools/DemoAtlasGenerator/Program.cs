using System.Text;
using GeoPrevention.DemoAtlasGenerator;
using GeoPrevention.Geo;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Geo.IO;
using NetTopologySuite.Geometries;

// Regenerates the schematic demo atlas: data/shapes/*.gpkg, data/indicators/*.csv and the "suppliers" block of data/atlas.json.
// Usage: dotnet run --project tools/DemoAtlasGenerator -- [output folder, default: data]
// The output is deterministic (fixed seed, 1 mm coordinates); see docs/demo-atlas.md.
var outDir = Path.GetFullPath(args.Length > 0 ? args[0] : "data");
Directory.CreateDirectory(Path.Combine(outDir, "shapes"));
Directory.CreateDirectory(Path.Combine(outDir, "indicators"));

var sozialraeume = DemoGeometry.BuildSozialraeume(KreisWarendorf.Localities, (lon, lat) => Reprojector.Transform(lon, lat, 4326, 25832));
var crs = CrsRegistry.Get(25832);
const string Note = "Schematische Demo-Geometrie, keine amtlichen Grenzen";

VectorLayer Layer(string name, IEnumerable<(Geometry Geometry, Dictionary<string, object?> Attributes)> rows)
{
    var features = rows.Select((r, i) => new VectorFeature(i, r.Geometry, r.Attributes)).ToList();
    return new VectorLayer(name, "GeoPackage", crs, [.. features[0].Attributes.Keys], features);
}

var srLayer = Layer("sozialraeume", sozialraeume.Select(d => ((Geometry)d.Geometry, new Dictionary<string, object?>
{
    ["key"] = d.Key,
    ["name"] = d.Name,
    ["gemeinde"] = d.ParentKey,
    ["hinweis"] = Note,
})));

var gemeinden = sozialraeume.GroupBy(d => d.ParentKey).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
var gemLayer = Layer("gemeinden", gemeinden.Select(g => (DemoGeometry.Union(g.Select(d => (Geometry)d.Geometry)), new Dictionary<string, object?>
{
    ["ags"] = g.Key,
    ["name"] = KreisWarendorf.Municipalities[g.Key],
    ["jugendamt"] = KreisWarendorf.YouthWelfareArea(g.Key),
    ["hinweis"] = Note,
})));

var jaLayer = Layer("jugendamtsbezirke", sozialraeume.GroupBy(d => KreisWarendorf.YouthWelfareArea(d.ParentKey)).OrderBy(g => g.Key, StringComparer.Ordinal)
    .Select(g => (DemoGeometry.Union(g.Select(d => (Geometry)d.Geometry)), new Dictionary<string, object?>
    {
        ["key"] = g.Key,
        ["name"] = KreisWarendorf.YouthWelfareAreaNames[g.Key],
        ["kreis"] = KreisWarendorf.KreisKey,
        ["hinweis"] = Note,
    })));

var kreisLayer = Layer("kreis", [(DemoGeometry.Union(sozialraeume.Select(d => (Geometry)d.Geometry)), new Dictionary<string, object?>
{
    ["key"] = KreisWarendorf.KreisKey,
    ["name"] = "Kreis Warendorf",
    ["hinweis"] = Note,
})]);

foreach (var layer in new[] { srLayer, gemLayer, jaLayer, kreisLayer })
{
    var path = Path.Combine(outDir, "shapes", layer.Source + ".gpkg");
    // A fixed gpkg_contents.last_change (the end of the data period) so that a regeneration gives identical bytes.
    VectorLayerWriter.WriteGeoPackage(layer, path, new VectorWriteOptions
    {
        LayerName = layer.Source,
        LastChange = new DateTimeOffset(DemoTables.LastYear, 12, 31, 0, 0, 0, TimeSpan.Zero),
    });
    Console.WriteLine($"{path}: {layer.Features.Count} features");
}

var csvPath = Path.Combine(outDir, "indicators", $"sozialraeume_{DemoTables.FirstYear}_{DemoTables.LastYear}.csv");
File.WriteAllText(csvPath, DemoTables.BuildCsv(sozialraeume), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
Console.WriteLine($"{csvPath}: {sozialraeume.Count * (DemoTables.LastYear - DemoTables.FirstYear + 1)} rows");

// Youth-welfare spending per Gemeinde and year (synthetic, no randomness): the HzE cases of the Gemeinde times a cost
// per case of 42,000 € in 2015, rising 3.5 % a year, with a fixed ±8 % step per Gemeinde (index in AGS order).
var csvText = DemoTables.BuildCsv(sozialraeume);
var lines = csvText.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
var header = lines[0].Split(';');
int Col(string name) => Array.IndexOf(header, name);
var gemeindeOf = sozialraeume.ToDictionary(d => d.Key, d => d.ParentKey, StringComparer.Ordinal);
var gemeindeIndex = gemeinden.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
var cases = lines.Skip(1).Select(l => l.Split(';'))
    .GroupBy(f => (Gemeinde: gemeindeOf[f[Col("sozialraum")]], Year: int.Parse(f[Col("jahr")], System.Globalization.CultureInfo.InvariantCulture)))
    .OrderBy(g => g.Key.Gemeinde, StringComparer.Ordinal).ThenBy(g => g.Key.Year);
var costs = new StringBuilder("gemeinde;jahr;ausgaben_hze_euro\n");
foreach (var g in cases)
{
    var n = g.Sum(f => int.Parse(f[Col("hze_faelle")], System.Globalization.CultureInfo.InvariantCulture));
    var perCase = 42000 * Math.Pow(1.035, g.Key.Year - DemoTables.FirstYear) * (0.92 + (0.04 * (gemeindeIndex[g.Key.Gemeinde] % 5)));
    costs.Append(System.Globalization.CultureInfo.InvariantCulture, $"{g.Key.Gemeinde};{g.Key.Year};{Math.Round(n * perCase, 2).ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("de-DE"))}\n");
}

var costsPath = Path.Combine(outDir, "indicators", $"ausgaben_hze_gemeinden_{DemoTables.FirstYear}_{DemoTables.LastYear}.csv");
File.WriteAllText(costsPath, costs.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
Console.WriteLine($"{costsPath}: {gemeinden.Count * (DemoTables.LastYear - DemoTables.FirstYear + 1)} rows");

// Suppliers (who delivers which column every year): written into an existing atlas.json, the rest of it untouched.
DemoSuppliers.CheckCoverage();
var atlasPath = Path.Combine(outDir, "atlas.json");
if (File.Exists(atlasPath))
{
    var atlasText = File.ReadAllText(atlasPath, Encoding.UTF8);
    var updated = DemoSuppliers.Apply(atlasText);
    if (!string.Equals(updated, atlasText, StringComparison.Ordinal))
    {
        var tmp = atlasPath + ".tmp";
        File.WriteAllText(tmp, updated, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(tmp, atlasPath, overwrite: true);
    }

    Console.WriteLine($"{atlasPath}: {DemoSuppliers.All.Count} suppliers");
}
