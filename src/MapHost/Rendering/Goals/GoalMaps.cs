using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Classification;
using GeoPrevention.Analytics.Goals;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Rendering.Atlas;

namespace GeoPrevention.Rendering.Goals;

/// <summary>
/// Maps of prevention goals: distance to target, attainment status and small multiples of the goal indicator.
/// Rules shared by all three:
/// 1. values come only from <see cref="AtlasData"/> (published figures); a withheld value is hatched
///    (<see cref="FillState.Suppressed"/>), never coloured; an undefined one (denominator 0) is "keine Daten";
/// 2. the default layer is the finest layer of the atlas (the Sozialräume); the emphasis layer (youth-welfare areas)
///    is outlined, as on every atlas map;
/// 3. titles, source, data date and attribution follow <see cref="AtlasMaps"/>; demo atlases say so.
/// </summary>
public static class GoalMaps
{
    /// <summary>
    /// The status colours, colour-blind safe (Okabe–Ito): auf Kurs #009E73 (bluish green), gefährdet #F0E442 (yellow),
    /// nicht auf Kurs #D55E00 (vermilion), unsicher #56B4E9 (sky blue); class index = <see cref="StatusClass"/>.
    /// With <see cref="MapStyle.PatternRedundancy"/> the classes also differ by hatching density, so the map reads in greyscale.
    /// </summary>
    public static Palette StatusPalette { get; } = new("Zielstatus (Okabe-Ito)", [MapColor.FromHex("#009E73"), MapColor.FromHex("#F0E442"), MapColor.FromHex("#D55E00"), MapColor.FromHex("#56B4E9")]);

    /// <summary>The class index of a status on the status map (0 auf Kurs, 1 gefährdet, 2 nicht auf Kurs, 3 unsicher), or −1 for not publishable (hatched).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The class index.</returns>
    public static int StatusClass(GoalStatus status) => status switch
    {
        GoalStatus.OnTrack => 0,
        GoalStatus.AtRisk => 1,
        GoalStatus.OffTrack => 2,
        GoalStatus.Uncertain => 3,
        _ => -1,
    };

    /// <summary>
    /// Distance to target per district: value − target, classified in symmetric steps around 0 (the target) and coloured
    /// with <see cref="Palette.DivergingAround"/> (RdBu) so the target sits at the neutral centre; polarity-aware: the
    /// worse side is red (above the target for "higher is worse", below it for "higher is better").
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="goal">The goal.</param>
    /// <param name="year">The year.</param>
    /// <param name="layerId">The layer; default the finest layer.</param>
    /// <returns>The map specification.</returns>
    /// <remarks>
    /// Breaks: with m the largest |distance| of the published districts, the step s is the smallest "nice" number
    /// (1, 2, 2.5 or 5 × 10ᵏ) with 3·s ≥ m; the breaks are −3s, −2s, −s, 0, s, 2s, 3s (6 classes, right-closed). When
    /// every published district sits exactly on the target, s = 1.
    /// </remarks>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator or year.</exception>
    public static MapSpec DistanceToTarget(AtlasData atlas, AtlasGoal goal, int year, string? layerId = null)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(goal);
        var layer = layerId ?? atlas.FinestLayerId;
        var indicator = Indicator(atlas, goal);
        var districts = AtlasGoals.EvaluateDistricts(atlas, goal, layer, year);
        var max = districts.Where(d => d.DistanceToTarget is not null).Select(d => Math.Abs(d.DistanceToTarget!.Value)).DefaultIfEmpty(0).Max();
        var step = NiceStep(max / 3);
        double[] breaks = [-3 * step, -2 * step, -step, 0, step, 2 * step, 3 * step];
        var palette = Palette.DivergingAround("RdBu", breaks, 0);
        if (indicator.Polarity != AtlasPolarity.HigherIsBetter)
        {
            palette = palette.Reversed(); // RdBu is red at the low end; above the target is worse here.
        }

        var counts = new int[breaks.Length - 1];
        var features = new List<MapFeature>(districts.Count);
        var geometries = atlas.GetLayer(layer);
        for (var i = 0; i < districts.Count; i++)
        {
            var d = districts[i];
            FillState fill;
            if (d.DistanceToTarget is not { } dist)
            {
                fill = d.ValueStatus == CellStatus.Undefined ? FillState.NoData : FillState.Suppressed;
            }
            else
            {
                var cls = ClassOf(breaks, dist);
                counts[cls]++;
                fill = d.Reliable ? FillState.Class(cls) : FillState.Unreliable(cls);
            }

            features.Add(new MapFeature { Key = d.Key, Geometry = geometries.Districts[i].Geometry, Fill = fill, Label = d.Name });
        }

        var unit = UnitWord(indicator);
        var legend = LegendSpec.FromBreaks(breaks, counts, IntervalClosure.RightClosed, LegendSpec.ChooseDecimals(breaks), $"Abstand zum Zielwert {Number(goal.Target, indicator)} in {unit} (negativ = unter dem Ziel)", "Abstand zum Ziel") with
        {
            SuppressedLabel = "nicht veröffentlichbar (Datenschutz)",
        };
        return Base(atlas, goal, indicator, layer, features) with
        {
            Palette = palette,
            Legend = legend,
            Title = $"Abstand zum Ziel – {goal.Label}",
            Subtitle = $"{indicator.Label}: Wert {year.ToString(CultureInfo.InvariantCulture)} minus Zielwert {Number(goal.Target, indicator)} ({ToDeadline(goal)}); {atlas.Manifest.FindLayer(layer)!.Label}",
        };
    }

    /// <summary>
    /// Goal-attainment status per district (<see cref="AtlasGoals.EvaluateDistricts"/>): categorical legend in German
    /// ("auf Kurs", "gefährdet", "nicht auf Kurs", "unsicher"; "nicht veröffentlichbar" is the hatched entry), colours
    /// of <see cref="StatusPalette"/> plus hatching density as pattern redundancy.
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="goal">The goal.</param>
    /// <param name="year">The year.</param>
    /// <param name="layerId">The layer; default the finest layer.</param>
    /// <returns>The map specification.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator or year.</exception>
    public static MapSpec Status(AtlasData atlas, AtlasGoal goal, int year, string? layerId = null)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(goal);
        var layer = layerId ?? atlas.FinestLayerId;
        var indicator = Indicator(atlas, goal);
        var districts = AtlasGoals.EvaluateDistricts(atlas, goal, layer, year);
        var geometries = atlas.GetLayer(layer);
        var counts = new int[4];
        var features = new List<MapFeature>(districts.Count);
        for (var i = 0; i < districts.Count; i++)
        {
            var d = districts[i];
            var cls = StatusClass(d.Status);
            FillState fill;
            if (cls < 0)
            {
                fill = d.ValueStatus == CellStatus.Undefined ? FillState.NoData : FillState.Suppressed;
            }
            else
            {
                counts[cls]++;
                fill = FillState.Class(cls);
            }

            features.Add(new MapFeature { Key = d.Key, Geometry = geometries.Districts[i].Geometry, Fill = fill, Label = d.Name });
        }

        var legend = LegendSpec.Categorical(
            [.. new[] { GoalStatus.OnTrack, GoalStatus.AtRisk, GoalStatus.OffTrack, GoalStatus.Uncertain }.Select(AtlasGoals.GermanLabel)],
            counts,
            $"Zielerreichung {year.ToString(CultureInfo.InvariantCulture)}") with
        {
            SuppressedLabel = AtlasGoals.GermanLabel(GoalStatus.NotPublishable) + " (Datenschutz)",
            Unit = $"jedes Gebiet gemessen an seinem Ausgangswert {goal.BaselineYear.ToString(CultureInfo.InvariantCulture)}; Ziel {Number(goal.Target, indicator)} {ToDeadline(goal)}",
            SpecialEntries = SpecialEntries.WhenUsed,
        };
        return Base(atlas, goal, indicator, layer, features) with
        {
            Palette = StatusPalette,
            Legend = legend,
            Style = MapStyle.Default with { PatternRedundancy = true },
            Title = $"Zielerreichung – {goal.Label}",
            Subtitle = $"{indicator.Label}, {year.ToString(CultureInfo.InvariantCulture)}; linearer Pfad vom Ausgangswert {goal.BaselineYear.ToString(CultureInfo.InvariantCulture)} zum Ziel {Number(goal.Target, indicator)} ({ToDeadline(goal)}); {atlas.Manifest.FindLayer(layer)!.Label}",
        };
    }

    /// <summary>
    /// Small multiples of the goal indicator over the years, one panel per year, with classes pooled over exactly the
    /// years shown (so a colour means the same value in every panel) and one shared legend.
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="goal">The goal.</param>
    /// <param name="years">The years; default the baseline year and every later year of the data (at most the last 12).</param>
    /// <param name="layerId">The layer; default the finest layer.</param>
    /// <returns>The page specification.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No year to show.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator or year.</exception>
    public static SmallMultiplesSpec SmallMultiples(AtlasData atlas, AtlasGoal goal, IReadOnlyList<int>? years = null, string? layerId = null)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(goal);
        var layer = layerId ?? atlas.FinestLayerId;
        var indicator = Indicator(atlas, goal);
        var shown = years ?? [.. atlas.Years.Where(y => y >= goal.BaselineYear).TakeLast(12)];
        if (shown.Count == 0)
        {
            throw new ArgumentException($"No year of the data ({atlas.Years[0].ToString(CultureInfo.InvariantCulture)}–{atlas.Years[^1].ToString(CultureInfo.InvariantCulture)}) is shown for goal '{goal.Id}'.", nameof(years));
        }

        var m = atlas.Manifest;
        var snapshots = shown.Select(y => atlas.GetValues(layer, indicator.Id, y)).ToList();
        var classes = Math.Clamp(m.Map.Classes, 2, 9);
        var pooled = Classifier.ClassifyPooled([.. snapshots.Select(s => s.Values.Select(v => v.Value.Value ?? double.NaN).ToArray())], new ClassificationOptions { Method = AtlasMaps.ParseMethod(m.Map.Classification), Classes = classes });
        var k = pooled.Pooled.ClassCount;
        var palette = indicator.Polarity == AtlasPolarity.HigherIsBetter ? Palette.Sequential("YlGnBu", Math.Max(3, k)) : Palette.Sequential(m.Map.Palette, Math.Max(3, k));
        if (k < 3)
        {
            palette = new Palette(palette.Name, palette.Colors.Skip(3 - k));
        }

        var geometries = atlas.GetLayer(layer);
        var outlines = Outlines(atlas, layer);
        var panels = new List<MapSpec>(shown.Count);
        for (var p = 0; p < snapshots.Count; p++)
        {
            var values = snapshots[p].Values;
            var features = new List<MapFeature>(values.Count);
            for (var i = 0; i < values.Count; i++)
            {
                var v = values[i];
                var cls = pooled.SeriesClasses[p][i];
                var fill = !v.Value.IsPublished || cls < 0
                    ? (v.Value.Status == CellStatus.Undefined ? FillState.NoData : FillState.Suppressed)
                    : v.Reliable ? FillState.Class(cls) : FillState.Unreliable(cls);
                features.Add(new MapFeature { Key = v.Key, Geometry = geometries.Districts[i].Geometry, Fill = fill });
            }

            panels.Add(new MapSpec { Layers = [new MapLayer { Features = features }], Outlines = outlines, ShowLabels = false, Title = shown[p].ToString(CultureInfo.InvariantCulture) });
        }

        var unitLine = string.Join(" ", new[] { indicator.Unit, indicator.DenominatorLabel }.Where(s => !string.IsNullOrEmpty(s)));
        var legend = LegendSpec.FromBreaks(
            pooled.Breaks,
            null,
            pooled.Pooled.Closure,
            indicator.Decimals,
            unitLine,
            indicator.ShortLabel ?? indicator.Label) with
        {
            ShowCounts = false,
            SpecialEntries = SpecialEntries.Always,
        };
        var table = m.FindTable(indicator.Table);
        return new SmallMultiplesSpec
        {
            Panels = panels,
            Palette = palette,
            Legend = legend,
            Title = $"{indicator.ShortLabel ?? indicator.Label} {shown[0].ToString(CultureInfo.InvariantCulture)}–{shown[^1].ToString(CultureInfo.InvariantCulture)} – {goal.Label}",
            Subtitle = $"{indicator.Label}, {unitLine}; {m.FindLayer(layer)!.Label}; {AtlasMaps.MethodLabels[AtlasMaps.ParseMethod(m.Map.Classification)]}, Klassen über die gezeigten Jahre",
            Source = (m.Demo ? "DEMO – synthetische Daten, schematische Grenzen. " : "") + (indicator.Source ?? table?.Source ?? "k. A."),
            DataDate = indicator.DataDate ?? table?.DataDate,
            Attribution = m.Attribution,
        };
    }

    internal static string Number(double value, AtlasIndicator indicator) =>
        LegendSpec.FormatNumber(value, indicator.Decimals) + (string.IsNullOrEmpty(indicator.Unit) ? "" : (indicator.Unit is "%" or "‰" ? "\u00a0" : " ") + indicator.Unit);

    internal static string UnitWord(AtlasIndicator indicator) => indicator.Unit switch
    {
        "%" => "Prozentpunkten",
        "‰" => "Promillepunkten",
        null or "" => "Einheiten des Indikators",
        var u => u,
    };

    internal static string ToDeadline(AtlasGoal goal) => "bis " + goal.Deadline.ToString(CultureInfo.InvariantCulture);

    internal static AtlasIndicator Indicator(AtlasData atlas, AtlasGoal goal) =>
        atlas.Manifest.FindIndicator(goal.Indicator) ?? throw new KeyNotFoundException($"Unknown indicator '{goal.Indicator}'.");

    internal static double NiceStep(double raw)
    {
        if (!(raw > 0) || !double.IsFinite(raw))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (f * magnitude >= raw * (1 - 1e-12))
            {
                return f * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static int ClassOf(double[] breaks, double x)
    {
        for (var i = 1; i < breaks.Length - 1; i++)
        {
            if (x <= breaks[i])
            {
                return i - 1;
            }
        }

        return breaks.Length - 2;
    }

    private static List<OutlineLayer> Outlines(AtlasData atlas, string layer)
    {
        var outlines = new List<OutlineLayer>();
        if (atlas.Manifest.Map.EmphasisLayer is { } emphasis && atlas.HasValues(emphasis) && emphasis != layer)
        {
            outlines.Add(new OutlineLayer { Geometries = [.. atlas.GetLayer(emphasis).Districts.Select(d => d.Geometry)] });
        }

        return outlines;
    }

    private static MapSpec Base(AtlasData atlas, AtlasGoal goal, AtlasIndicator indicator, string layer, List<MapFeature> features)
    {
        var m = atlas.Manifest;
        var table = m.FindTable(indicator.Table);
        var outlines = Outlines(atlas, layer);
        if (goal.Scope.Layer != layer && atlas.HasValues(goal.Scope.Layer) && goal.Scope.Layer != m.Map.EmphasisLayer)
        {
            var scopeLayer = atlas.GetLayer(goal.Scope.Layer);
            outlines.Add(new OutlineLayer { Geometries = [.. goal.Scope.Keys.Select(k => scopeLayer.Find(k)).OfType<Geo.District>().Select(d => d.Geometry)], Color = MapColor.FromHex("#000000"), WidthPt = 2.4 });
        }

        return new MapSpec
        {
            Layers = [new MapLayer { Name = m.FindLayer(layer)!.Label, Features = features }],
            Source = (m.Demo ? "DEMO – synthetische Daten, schematische Grenzen. " : "") + (indicator.Source ?? table?.Source ?? "k. A."),
            DataDate = indicator.DataDate ?? table?.DataDate,
            Attribution = m.Attribution,
            Outlines = outlines,
            ShowLabels = features.Count <= 80,
        };
    }
}
