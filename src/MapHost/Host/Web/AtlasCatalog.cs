using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Geo.Crs;
using GeoPrevention.Rendering;
using GeoPrevention.Rendering.Atlas;

namespace GeoPrevention.MapHost.Web;

/// <summary>
/// Everything the web API shows, computed from one <see cref="AtlasData"/> — the only path to values, so every
/// number has been through suppression and the minimum-population rule. Thread-safe; layer geometry is cached.
/// </summary>
internal sealed class AtlasCatalog
{
    internal static readonly IReadOnlyDictionary<GoalStatus, (string Id, string Label, string Css, string? Color)> GoalStyles = new Dictionary<GoalStatus, (string, string, string, string?)>
    {
        [GoalStatus.OnTrack] = ("onTrack", "auf Kurs", "ok", "#1a9641"),
        [GoalStatus.AtRisk] = ("atRisk", "gefährdet", "risk", "#fdae61"),
        [GoalStatus.OffTrack] = ("offTrack", "nicht auf Kurs", "off", "#d7191c"),
        [GoalStatus.Uncertain] = ("uncertain", "unsicher", "unknown", "#bababa"),
        [GoalStatus.NotPublishable] = ("notPublishable", "nicht veröffentlichbar", "unknown", null),
    };

    private static readonly string[] LisaLabels = ["Hoch-Hoch (Hotspot)", "Niedrig-Niedrig (Coldspot)", "Hoch-Niedrig (Ausreißer)", "Niedrig-Hoch (Ausreißer)", "nicht signifikant"];

    private readonly ConcurrentDictionary<(string Layer, GeoJsonDetail Detail), (CoverageGeoJsonResult GeoJson, string ETag)> _geoJson = new();
    private readonly Dictionary<string, Dictionary<string, int>> _indexOf = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyList<GoalReport>> _goalReports;
    private readonly List<string> _chain = [];

    public AtlasCatalog(AtlasData atlas, MapHostOptions options)
    {
        Atlas = atlas;
        _goalReports = new(() => AtlasGoals.Evaluate(atlas));
        Options = options;
        for (var l = atlas.Manifest.FindLayer(atlas.FinestLayerId); l is not null && atlas.HasValues(l.Id) && !_chain.Contains(l.Id); l = l.ParentLayer is null ? null : atlas.Manifest.FindLayer(l.ParentLayer))
        {
            _chain.Add(l.Id);
        }

        foreach (var layer in atlas.Manifest.Layers)
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            var districts = atlas.GetLayer(layer.Id).Districts;
            for (var i = 0; i < districts.Count; i++)
            {
                map[districts[i].Key] = i;
            }

            _indexOf[layer.Id] = map;
        }

        Info = BuildInfo();
    }

    public AtlasData Atlas { get; }

    public MapHostOptions Options { get; }

    public AtlasInfo Info { get; }

    public AtlasManifest Manifest => Atlas.Manifest;

    /// <summary>The top of the hierarchy (e.g. the Kreis layer).</summary>
    public string TopLayerId => _chain[^1];

    public bool IsValueLayer(string layer) => _chain.Contains(layer);

    public bool HasDistrict(string layer, string key) => _indexOf.TryGetValue(layer, out var m) && m.ContainsKey(key);

    public static string MethodId(ClassificationMethod m) => char.ToLowerInvariant(m.ToString()[0]) + m.ToString()[1..];

    public (CoverageGeoJsonResult GeoJson, string ETag) GeoJson(string layer, GeoJsonDetail detail) => _geoJson.GetOrAdd((layer, detail), key =>
    {
        var result = CoverageGeoJson.Write(Atlas.GetLayer(key.Layer), CoverageGeoJson.ToleranceMetres(key.Detail));
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(result.Utf8).AsSpan(0, 16)) + "\"";
        return (result, etag);
    });

    /// <summary>The status word of a published value: ok, unreliable, suppressed, minpop, nodata.</summary>
    public static string StatusOf(DistrictValue v) => v.Value.Status switch
    {
        CellStatus.Published => v.Reliable ? "ok" : "unreliable",
        CellStatus.MinimumPopulation => "minpop",
        CellStatus.Undefined => "nodata",
        _ => "suppressed",
    };

    /// <summary>Competition ranks (1 = highest published value; ties share a rank) and the number ranked.</summary>
    public static (int?[] Ranks, int Of) Ranks(IReadOnlyList<DistrictValue> values)
    {
        var published = values.Where(v => v.Value.IsPublished).Select(v => v.Value.Value!.Value).OrderDescending().ToArray();
        var ranks = new int?[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Value.Value is { } x && values[i].Value.IsPublished)
            {
                ranks[i] = 1 + published.Count(p => p > x);
            }
        }

        return (ranks, published.Length);
    }

    public MapValues Values(string layer, string indicatorId, int year, ClassificationMethod method, int classes)
    {
        var indicator = Manifest.FindIndicator(indicatorId)!;
        var snapshot = Atlas.GetValues(layer, indicatorId, year);
        var (ranks, rankOf) = Ranks(snapshot.Values);
        ClassifiedSnapshot? classified;
        try
        {
            classified = Atlas.Classify(layer, indicatorId, year, new ClassificationOptions { Method = method, Classes = classes });
        }
        catch (ArgumentException)
        {
            // No published value in the classified years: the map shows only the special states.
            classified = null;
        }

        var values = new List<DistrictMapValue>(snapshot.Values.Count);
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            var v = snapshot.Values[i];
            int? cls = classified is not null && v.Value.IsPublished && classified.Classes[i] >= 0 ? classified.Classes[i] : null;
            values.Add(Published(v, cls, ranks[i], rankOf));
        }

        var legend = new List<LegendItem>();
        IReadOnlyList<string> colors = [];
        IReadOnlyList<double> breaks = [];
        IReadOnlyList<int> counts = [];
        string? note = null;
        if (classified is not null)
        {
            var k = classified.Classification.ClassCount;
            colors = [.. AtlasMaps.ClassPalette(Manifest, indicator, k).Colors.Select(c => c.ToHex())];
            var spec = AtlasMaps.ClassLegend(indicator, classified, classified.Counts);
            legend.AddRange(spec.Entries.Select((e, c) => new LegendItem(e.Label, colors[c], null, e.Count ?? 0)));
            breaks = classified.Classification.Breaks;
            counts = classified.Counts;
            note = classified.Pooled
                ? string.Create(CultureInfo.InvariantCulture, $"{AtlasMaps.MethodLabels[method]}, Klassen über alle Jahre {Atlas.Years[0]}–{Atlas.Years[^1]}")
                : AtlasMaps.MethodLabels[method];
        }
        else
        {
            note = "Keine veröffentlichbaren Werte.";
        }

        AddSpecialEntries(legend, values);
        var unreliable = values.Count(v => v.Status == "unreliable");
        if (unreliable > 0)
        {
            note += unreliable == 1
                ? "; 1 Wert mit eingeschränkter Aussagekraft (im Tooltip „unsicher“)"
                : string.Create(CultureInfo.GetCultureInfo("de-DE"), $"; {unreliable} Werte mit eingeschränkter Aussagekraft (im Tooltip „unsicher“)");
        }

        return new MapValues(layer, indicatorId, year, "values", breaks, counts, colors, legend, note, values, DataStatus(indicatorId, year));
    }

    /// <summary>Data date and vintages of an indicator in a year (<see cref="AtlasData.GetProvenance(string, int)"/>).</summary>
    public DataStatusInfo DataStatus(string indicatorId, int year)
    {
        var p = Atlas.GetProvenance(indicatorId, year);
        return new DataStatusInfo(p.DataDate, [.. p.Vintages.Select(v => new VintageInfo(v.Id, v.Label, v.Supplier, v.AcceptedUtc))], p.Text);
    }

    public MapValues Lisa(string layer, string indicatorId, int year)
    {
        var snapshot = Atlas.GetValues(layer, indicatorId, year);
        var lisa = Atlas.Lisa(layer, indicatorId, year);
        var (ranks, rankOf) = Ranks(snapshot.Values);
        var counts = new int[LisaLabels.Length];
        var values = new List<DistrictMapValue>(snapshot.Values.Count);
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            var v = snapshot.Values[i];
            var cls = v.Value.IsPublished ? AtlasMaps.LisaClassOf(lisa[i]) : -1;
            if (cls >= 0)
            {
                counts[cls]++;
            }

            var label = cls >= 0 ? LisaLabels[cls] : v.Value.IsPublished ? "ohne Nachbarn mit Wert (nicht berechnet)" : null;
            values.Add(Published(v, cls >= 0 ? cls : null, ranks[i], rankOf) with { Label = label });
        }

        var colors = LisaClusterStyle.Palette.Colors.Select(c => c.ToHex()).ToArray();
        var legend = LisaLabels.Select((l, c) => new LegendItem(l, colors[c], null, counts[c])).ToList();
        AddSpecialEntries(legend, values);
        return new MapValues(layer, indicatorId, year, "lisa", [], counts, colors, legend, "Lokales Moran's I (Queen-Nachbarschaft, zeilenstandardisiert), p < 0,05; Gebiete ohne veröffentlichten Wert sind ausgelassen", values, DataStatus(indicatorId, year));
    }

    public MapValues GoalMap(string layer, AtlasGoal goal, int year)
    {
        var snapshot = Atlas.GetValues(layer, goal.Indicator, year);
        // The same per-district evaluation as the report's goal maps (AtlasGoals), so web and print always agree.
        var attainment = AtlasGoals.EvaluateDistricts(Atlas, goal, layer, year);
        var (ranks, rankOf) = Ranks(snapshot.Values);
        var order = GoalStyles.Keys.ToArray();
        var counts = new int[order.Length];
        var values = new List<DistrictMapValue>(snapshot.Values.Count);
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            var v = snapshot.Values[i];
            var status = attainment[i].Status;
            counts[Array.IndexOf(order, status)]++;
            values.Add(Published(v, null, ranks[i], rankOf) with { GoalStatus = GoalStyles[status].Id, Label = GoalStyles[status].Label });
        }

        var legend = order.Select((s, c) => new LegendItem(GoalStyles[s].Label, GoalStyles[s].Color, GoalStyles[s].Color is null ? "suppressed" : null, counts[c])).ToList();
        var note = string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Ziel: {goal.Label} (Zielwert {goal.Target:0.0##} bis {goal.Deadline.ToString(CultureInfo.InvariantCulture)}); Ausgangswert je Gebiet aus {goal.BaselineYear.ToString(CultureInfo.InvariantCulture)}");
        return new MapValues(layer, goal.Indicator, year, "goals", [], counts, [.. order.Select(s => GoalStyles[s].Color ?? "#ffffff")], legend, note, values, DataStatus(goal.Indicator, year));
    }

    public DistrictProfile Profile(string layer, string key, int year)
    {
        var index = _indexOf[layer][key];
        var district = Atlas.GetLayer(layer).Districts[index];
        var parentLayer = Manifest.FindLayer(layer)!.ParentLayer;
        var parentIndex = parentLayer is not null && district.ParentKey is { } pk && IsValueLayer(parentLayer) && _indexOf[parentLayer].TryGetValue(pk, out var pi) ? pi : -1;
        var parentName = parentIndex >= 0 ? Atlas.GetLayer(parentLayer!).Districts[parentIndex].Name : null;
        var kreis = Atlas.GetLayer(TopLayerId);
        var indicators = new List<ProfileIndicator>();
        foreach (var ind in Manifest.Indicators)
        {
            var series = Atlas.Years.Select(y =>
            {
                var v = Atlas.GetValues(layer, ind.Id, y).Values[index];
                return new SeriesPoint(y, Number(v), StatusOf(v));
            }).ToList();
            var snapshot = Atlas.GetValues(layer, ind.Id, year);
            var (ranks, rankOf) = Ranks(snapshot.Values);
            var current = snapshot.Values[index];
            double? parentValue = parentIndex >= 0 ? Number(Atlas.GetValues(parentLayer!, ind.Id, year).Values[parentIndex]) : null;
            double? kreisValue = kreis.Count == 1 ? Number(Atlas.GetValues(TopLayerId, ind.Id, year).Values[0]) : null;
            indicators.Add(new ProfileIndicator(ind.Id, series, Number(current), current.Value.IsPublished ? current.CiLow : null, current.Value.IsPublished ? current.CiHigh : null, parentValue, kreisValue, ranks[index], ranks[index] is null ? null : rankOf, StatusOf(current)));
        }

        var goals = new List<ProfileGoal>();
        foreach (var goal in Manifest.Goals)
        {
            var area = new AtlasArea { Id = goal.Id, Label = goal.Label, Layer = goal.Scope.Layer, Keys = goal.Scope.Keys };
            if (!IsValueLayer(goal.Scope.Layer) || !AtlasMaps.DistrictsInArea(Atlas, layer, area).Contains(key))
            {
                continue;
            }

            var status = AtlasGoals.EvaluateDistricts(Atlas, goal, layer, year)[index].Status;
            goals.Add(new ProfileGoal(goal.Id, goal.Label, GoalStyles[status].Id, GoalStyles[status].Css, goal.Target, goal.Deadline));
        }

        return new DistrictProfile(key, district.Name, layer, Manifest.FindLayer(layer)!.Label, parentName, year, indicators, goals);
    }

    public IReadOnlyList<GoalRow> Goals(int year)
    {
        // The same evaluation as the report's council overview (AtlasGoals), so both always show the same statuses.
        var rows = new List<GoalRow>();
        foreach (var report in _goalReports.Value)
        {
            if (report.For(year) is not { } e)
            {
                continue;
            }

            var goal = report.Goal;
            rows.Add(new GoalRow(goal.Id, goal.Label, goal.Indicator, goal.Scope.Layer, string.Join(",", goal.Scope.Keys), report.ScopeLabel, year, goal.BaselineYear, report.BaselineValue, goal.Target, goal.Deadline, e.Value, e.CiLow, e.CiHigh, e.Expected, GoalStyles[e.Status].Id));
        }

        return rows;
    }

    private static double? Number(DistrictValue v) => v.Value.IsPublished ? v.Value.Value : null;

    private static DistrictMapValue Published(DistrictValue v, int? cls, int? rank, int rankOf) => v.Value.IsPublished
        ? new DistrictMapValue(v.Key, v.Name, v.Value.Value, v.CiLow, v.CiHigh, cls, StatusOf(v), rank, rankOf)
        : new DistrictMapValue(v.Key, v.Name, null, null, null, null, StatusOf(v), null, null);

    private void AddSpecialEntries(List<LegendItem> legend, List<DistrictMapValue> values)
    {
        legend.Add(new LegendItem("geheim gehalten (Datenschutz)", null, "suppressed", values.Count(v => v.Status == "suppressed")));
        legend.Add(new LegendItem(string.Create(CultureInfo.GetCultureInfo("de-DE"), $"zu wenige Einwohner (unter {Manifest.Privacy.MinPopulation:N0})"), null, "minpop", values.Count(v => v.Status == "minpop")));
        legend.Add(new LegendItem("keine Daten", null, "nodata", values.Count(v => v.Status == "nodata")));
    }

    private AtlasInfo BuildInfo()
    {
        var m = Manifest;
        var top = Atlas.GetLayer(TopLayerId);
        var areas = new List<AreaInfo>();
        foreach (var area in m.Map.Areas)
        {
            var env = AtlasMaps.AreaEnvelope(Atlas, area);
            if (env.IsNull)
            {
                continue;
            }

            var corners = new[] { (env.MinX, env.MinY), (env.MinX, env.MaxY), (env.MaxX, env.MinY), (env.MaxX, env.MaxY) }
                .Select(c => Reprojector.Transform(c.Item1, c.Item2, Atlas.GetLayer(area.Layer).Crs.Epsg ?? 25832, 4326)).ToArray();
            areas.Add(new AreaInfo(area.Id, area.Label, [Math.Round(corners.Min(c => c.X), 6), Math.Round(corners.Min(c => c.Y), 6), Math.Round(corners.Max(c => c.X), 6), Math.Round(corners.Max(c => c.Y), 6)]));
        }

        var defaultMethod = AtlasMaps.ParseMethod(m.Map.Classification);
        return new AtlasInfo(
            m.Title,
            m.Description,
            m.Demo,
            m.Attribution,
            Atlas.Years,
            [.. m.Layers.Where(l => IsValueLayer(l.Id)).Select(l => new LayerInfo(l.Id, l.Label))],
            Atlas.FinestLayerId,
            top.Count == 1 ? top.Districts[0].Name : m.FindLayer(TopLayerId)!.Label,
            [.. m.Indicators.Select(i => new IndicatorInfo(i.Id, i.Theme, i.Label, i.ShortLabel ?? i.Label, i.Unit, i.DenominatorLabel, i.Decimals, MethodIdOf(i.Polarity.ToString()), i.Description, i.Source ?? m.FindTable(i.Table)?.Source, i.DataDate ?? m.FindTable(i.Table)?.DataDate))],
            areas,
            [.. AtlasMaps.MethodLabels.Select(kv => new ClassificationInfo(MethodId(kv.Key), kv.Value))],
            MethodId(defaultMethod),
            m.Map.Classes,
            [.. m.Goals.Select(g => new GoalInfo(g.Id, g.Label, g.Indicator, g.Scope.Layer, g.Scope.Keys, g.BaselineYear, g.BaselineValue, g.Target, g.Deadline))],
            m.Map.EmphasisLayer is { } e && m.FindLayer(e) is not null ? e : null,
            Options.BackgroundUrl);

        static string MethodIdOf(string s) => char.ToLowerInvariant(s[0]) + s[1..];
    }
}
