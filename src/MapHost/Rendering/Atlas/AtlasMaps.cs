using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Analytics.Statistics;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Rendering.Atlas;

/// <summary>
/// Turns an atlas and a request into a finished <see cref="MapSpec"/>: the one place where the CLI, the report and the
/// web host make their maps, so all of them show the same classes, legends and confidentiality markings.
/// Rules:
/// 1. values come only from <see cref="AtlasData.GetValues"/> (the publishable view): a withheld value is drawn
///    hatched ("geheim gehalten"), never in a class colour; a value with a small denominator or a large relative
///    error is drawn in its class colour with a dot pattern ("Aussagekraft eingeschränkt");
/// 2. classes are pooled over all years when the atlas says so (the legend then says "Klassen über alle Jahre");
/// 3. an area preset shows the districts inside the area (by hierarchy) and zooms to them;
/// 4. the emphasis layer (e.g. the four youth-welfare areas) is drawn as thick outlines;
/// 5. title, subtitle (definition and year), unit and denominator, source, data date and attribution are filled in;
///    demo atlases say so in the source line.
/// </summary>
public static class AtlasMaps
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The German names of the classification methods (for legends and the web UI).</summary>
    public static IReadOnlyDictionary<ClassificationMethod, string> MethodLabels { get; } = new Dictionary<ClassificationMethod, string>
    {
        [ClassificationMethod.Quantile] = "Quantile",
        [ClassificationMethod.EqualInterval] = "Gleiche Intervalle",
        [ClassificationMethod.FisherJenks] = "Natürliche Unterbrechungen (Fisher-Jenks)",
        [ClassificationMethod.StandardDeviation] = "Standardabweichung",
        [ClassificationMethod.BoxMap] = "Box-Map",
        [ClassificationMethod.HeadTailBreaks] = "Head/Tail-Breaks",
        [ClassificationMethod.Pretty] = "Runde Grenzen (pretty)",
    };

    /// <summary>Parses an atlas classification name ("quantile", "fisherJenks", ...).</summary>
    /// <param name="name">The name, case-insensitive.</param>
    /// <returns>The method.</returns>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ClassificationMethod ParseMethod(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var m in MethodLabels.Keys)
        {
            if (string.Equals(m.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return m;
            }
        }

        throw new ArgumentException($"Unknown classification '{name}'; use one of {string.Join(", ", MethodLabels.Keys.Select(k => char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..]))}.", nameof(name));
    }

    /// <summary>Builds the map (rules in the class summary).</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="request">What to show.</param>
    /// <returns>The map specification, ready for <see cref="MapRenderer"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator, year or area.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The class count is outside 2–9.</exception>
    public static MapSpec Build(AtlasData atlas, AtlasMapRequest request)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(request);
        var m = atlas.Manifest;
        var layerId = request.Layer ?? atlas.FinestLayerId;
        var indicator = m.FindIndicator(request.Indicator) ?? throw new KeyNotFoundException($"Unknown indicator '{request.Indicator}'.");
        var classes = request.Classes ?? m.Map.Classes;
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classes, 9);
        var method = request.Method ?? ParseMethod(m.Map.Classification);
        var layer = atlas.GetLayer(layerId);
        var area = request.Area is null ? null : m.Map.Areas.FirstOrDefault(a => a.Id == request.Area) ?? throw new KeyNotFoundException($"Unknown area '{request.Area}'.");
        var inArea = area is null ? null : DistrictsInArea(atlas, layerId, area);

        var classified = atlas.Classify(layerId, indicator.Id, request.Year, new ClassificationOptions { Method = method, Classes = classes });
        var values = classified.Snapshot.Values;
        IReadOnlyList<LisaValue?>? lisa = request.View == AtlasMapView.Lisa ? atlas.Lisa(layerId, indicator.Id, request.Year) : null;

        var features = new List<MapFeature>(values.Count);
        var lisaCounts = new int[5];
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (inArea is not null && !inArea.Contains(v.Key))
            {
                continue;
            }

            FillState fill;
            if (!v.Value.IsPublished)
            {
                fill = v.Value.Status == CellStatus.Undefined ? FillState.NoData : FillState.Suppressed;
            }
            else if (lisa is not null)
            {
                var cls = lisa[i] is null ? LisaClusterStyle.NotSignificant : LisaClassOf(lisa[i]);
                lisaCounts[cls]++;
                fill = FillState.Class(cls);
            }
            else
            {
                fill = v.Reliable ? FillState.Class(classified.Classes[i]) : FillState.Unreliable(classified.Classes[i]);
            }

            var district = layer.Districts[i];
            features.Add(new MapFeature { Key = v.Key, Geometry = district.Geometry, Fill = fill, Label = v.Name });
        }

        if (features.Count == 0)
        {
            throw new KeyNotFoundException($"The area '{request.Area}' contains no district of layer '{layerId}'.");
        }

        Palette palette;
        LegendSpec legend;
        var unitLine = UnitLine(indicator);
        if (lisa is not null)
        {
            palette = LisaClusterStyle.Palette;
            legend = LisaClusterStyle.Legend(lisaCounts);
        }
        else
        {
            var k = classified.Classification.ClassCount;
            palette = ClassPalette(m, indicator, k);
            var counts = area is null ? classified.Counts : Enumerable.Range(0, k).Select(c => features.Count(f => f.Fill.HasClassColor && f.Fill.ClassIndex == c)).ToArray();
            legend = ClassLegend(indicator, classified, counts);
        }

        var layerLabel = m.FindLayer(layerId)!.Label;
        var areaLabel = area?.Label ?? m.Title;
        var table = m.FindTable(indicator.Table);
        var subtitle = lisa is not null
            ? $"{indicator.ShortLabel ?? indicator.Label}, {request.Year.ToString(CultureInfo.InvariantCulture)}: lokale Moran-Cluster ({layerLabel})"
            : $"{indicator.Label}, {unitLine}; {layerLabel}, {request.Year.ToString(CultureInfo.InvariantCulture)}; {MethodLabels[method]}{(classified.Pooled ? $", Klassen über alle Jahre {atlas.Years[0].ToString(CultureInfo.InvariantCulture)}–{atlas.Years[^1].ToString(CultureInfo.InvariantCulture)}" : "")}";
        var outlines = new List<OutlineLayer>();
        if (m.Map.EmphasisLayer is { } emphasis && atlas.HasValues(emphasis) && emphasis != layerId)
        {
            outlines.Add(new OutlineLayer { Geometries = [.. atlas.GetLayer(emphasis).Districts.Select(d => d.Geometry)] });
        }

        return new MapSpec
        {
            Layers = [new MapLayer { Name = layerLabel, Features = features }],
            Palette = palette,
            Legend = legend,
            Title = $"{indicator.ShortLabel ?? indicator.Label} – {areaLabel}",
            Subtitle = subtitle,
            Source = (m.Demo ? "DEMO – synthetische Daten, schematische Grenzen. " : "") + (indicator.Source ?? table?.Source ?? "k. A."),
            DataDate = DataDateLine(atlas, indicator, table, request.Year),
            Attribution = m.Attribution,
            Outlines = outlines,
            Extent = inArea is null ? MapExtent.All() : MapExtent.OfKeys(inArea),
            Page = request.Page ?? PageSize.FromPixels(1600, 1200, 150),
            ShowLabels = features.Count <= 80,
        };
    }

    /// <summary>
    /// The "Stand" line of a map: the manifest's data date when every value of the year comes from the base table;
    /// otherwise the data date of the year and the vintages used (e.g. <c>31.12.2026 (Lieferung jugendamt 2027-03-02)</c>).
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="indicator">The indicator.</param>
    /// <param name="table">Its table.</param>
    /// <param name="year">The year.</param>
    /// <returns>The text, or null when nothing is known.</returns>
    internal static string? DataDateLine(AtlasData atlas, AtlasIndicator indicator, AtlasTable? table, int year)
    {
        var p = atlas.GetProvenance(indicator.Id, year);
        if (p.Vintages.All(v => v.IsBase))
        {
            return indicator.DataDate ?? table?.DataDate;
        }

        var vintages = string.Join(" und ", p.Vintages.Select(v => v.Label));
        return p.DataDate is null ? vintages : $"{p.DataDate} ({vintages})";
    }

    /// <summary>
    /// The class colours of an indicator map, shared by the printed maps and the web host: the atlas palette
    /// (<see cref="AtlasMapDefaults.Palette"/>, default YlOrRd) for "higher is worse" and neutral indicators,
    /// YlGnBu for "higher is better"; 3–9 classes take the ColorBrewer scheme of that size, 1–2 classes the darkest
    /// colours of the 3-class scheme.
    /// </summary>
    /// <param name="manifest">The atlas manifest.</param>
    /// <param name="indicator">The indicator.</param>
    /// <param name="classCount">The number of classes actually formed (1–9).</param>
    /// <returns>The palette, class 0 first.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is outside 1–9.</exception>
    public static Palette ClassPalette(AtlasManifest manifest, AtlasIndicator indicator, int classCount)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, 9);
        var scheme = indicator.Polarity == AtlasPolarity.HigherIsBetter ? "YlGnBu" : manifest.Map.Palette;
        var palette = Palette.Sequential(scheme, Math.Max(3, classCount));
        return classCount < 3 ? new Palette(palette.Name, palette.Colors.Skip(3 - classCount)) : palette;
    }

    /// <summary>
    /// The class legend of an indicator map (de-DE bounds with the indicator's decimals, counts per class, the unit
    /// and denominator line, and always the special entries), shared by the printed maps and the web host.
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <param name="classified">The classified snapshot (breaks and closure).</param>
    /// <param name="counts">Districts per class as shown (e.g. only those of an area preset).</param>
    /// <returns>The legend.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> does not have one entry per class.</exception>
    public static LegendSpec ClassLegend(AtlasIndicator indicator, ClassifiedSnapshot classified, IReadOnlyList<int> counts)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(classified);
        ArgumentNullException.ThrowIfNull(counts);
        return LegendSpec.FromBreaks(
            classified.Classification.Breaks,
            counts,
            classified.Classification.Closure,
            indicator.Decimals,
            UnitLine(indicator),
            indicator.ShortLabel ?? indicator.Label) with
        {
            SpecialEntries = SpecialEntries.Always,
        };
    }

    /// <summary>The unit and denominator line of an indicator, e.g. "% je 100 Kinder unter 15 Jahren".</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The line (empty when the atlas names neither).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is null.</exception>
    public static string UnitLine(AtlasIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return string.Join(" ", new[] { indicator.Unit, indicator.DenominatorLabel }.Where(s => !string.IsNullOrEmpty(s)));
    }

    /// <summary>
    /// The LISA cluster class (<see cref="LisaClusterStyle"/> index) of a district: its quadrant when significant,
    /// else <see cref="LisaClusterStyle.NotSignificant"/>; −1 when it has no LISA result (value withheld, no neighbour).
    /// </summary>
    /// <param name="value">The district's LISA result.</param>
    /// <returns>The class index, or −1.</returns>
    public static int LisaClassOf(LisaValue? value) => value is null ? -1 : value.Significant ? LisaClass(value.Quadrant) : LisaClusterStyle.NotSignificant;

    /// <summary>The keys of the districts of <paramref name="layerId"/> that lie inside an area preset (by hierarchy).</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="layerId">The layer shown.</param>
    /// <param name="area">The area preset.</param>
    /// <returns>The keys.</returns>
    public static HashSet<string> DistrictsInArea(AtlasData atlas, string layerId, AtlasArea area)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(area);
        var hierarchy = atlas.View.Suppression.Hierarchy;
        var targets = area.Keys.Select(k => AtlasData.UnitKey(area.Layer, k)).ToHashSet(StringComparer.Ordinal);
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in atlas.GetLayer(layerId).Districts)
        {
            for (var unit = AtlasData.UnitKey(layerId, d.Key); unit is not null; unit = hierarchy.Units[hierarchy.IndexOf(unit)].ParentKey)
            {
                if (targets.Contains(unit))
                {
                    result.Add(d.Key);
                    break;
                }
            }
        }

        return result;
    }

    /// <summary>The envelope (EPSG:25832) of an area preset.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="area">The area.</param>
    /// <returns>The envelope.</returns>
    public static Envelope AreaEnvelope(AtlasData atlas, AtlasArea area)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(area);
        var env = new Envelope();
        var layer = atlas.GetLayer(area.Layer);
        foreach (var key in area.Keys)
        {
            if (layer.Find(key) is { } d)
            {
                env.ExpandToInclude(d.Geometry.EnvelopeInternal);
            }
        }

        return env;
    }

    private static int LisaClass(LisaQuadrant q) => q switch
    {
        LisaQuadrant.HighHigh => LisaClusterStyle.HighHigh,
        LisaQuadrant.LowLow => LisaClusterStyle.LowLow,
        LisaQuadrant.HighLow => LisaClusterStyle.HighLow,
        LisaQuadrant.LowHigh => LisaClusterStyle.LowHigh,
        _ => LisaClusterStyle.NotSignificant,
    };
}
