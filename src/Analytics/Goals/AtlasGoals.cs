using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Indicators;
using GeoPrevention.Analytics.Privacy;

namespace GeoPrevention.Analytics.Goals;

/// <summary>Options for <see cref="AtlasGoals.Evaluate(AtlasData, AtlasGoalOptions)"/>.</summary>
public sealed class AtlasGoalOptions
{
    /// <summary>Length of the trend window in years (default 5, at least 2).</summary>
    public int TrendYears { get; init; } = 5;

    /// <summary>Only these goal ids (default: every goal of the atlas).</summary>
    public IReadOnlyList<string>? GoalIds { get; init; }
}

/// <summary>The value of a goal's scope in one year, taken from published figures only.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The rate (indicator scale), or <see langword="null"/> when not publishable.</param>
/// <param name="CiLow">Lower 95 % bound, or <see langword="null"/>.</param>
/// <param name="CiHigh">Upper 95 % bound, or <see langword="null"/>.</param>
/// <param name="Reliable">False for a small denominator or a large relative error.</param>
/// <param name="Status">Published, or why the value is withheld.</param>
public sealed record ScopeValue(int Year, double? Value, double? CiLow, double? CiHigh, bool Reliable, CellStatus Status)
{
    /// <summary>The value as an observation for <see cref="GoalAttainment"/>.</summary>
    public GoalObservation ToObservation() => new(Year, Value, CiLow, CiHigh);
}

/// <summary>An interim milestone checked against the published value of its year.</summary>
/// <param name="Year">Milestone year.</param>
/// <param name="Target">Value to reach by then.</param>
/// <param name="Observed">Published scope value in that year, or <see langword="null"/> (future year or withheld).</param>
/// <param name="Met">True/false once the year has a published value; <see langword="null"/> otherwise.</param>
public sealed record MilestoneCheck(int Year, double Target, double? Observed, bool? Met);

/// <summary>The attainment of one goal for its scope in one year.</summary>
/// <param name="Goal">The goal from the manifest.</param>
/// <param name="ScopeLabel">German label of the scope (district names joined with ", ").</param>
/// <param name="Year">The evaluated year.</param>
/// <param name="Value">The published scope value, or <see langword="null"/> when not publishable.</param>
/// <param name="CiLow">Lower 95 % bound, or <see langword="null"/>.</param>
/// <param name="CiHigh">Upper 95 % bound, or <see langword="null"/>.</param>
/// <param name="Expected">The linear target path's value in that year (<see langword="null"/> without a baseline).</param>
/// <param name="Progress">Share of the way from baseline to target (1 = reached), or <see langword="null"/>.</param>
/// <param name="ExpectedProgress">Share of the way the path expects by now (0..1), or <see langword="null"/>.</param>
/// <param name="Status">The status (rules of <see cref="GoalAttainment"/>).</param>
/// <param name="TargetReached">True when the value is at or better than the target.</param>
/// <param name="Trend">OLS trend over the trend window ending in <paramref name="Year"/>, or <see langword="null"/> with fewer than two published values.</param>
/// <param name="ChangeSinceBaseline">Value − baseline (percentage points for % indicators), or <see langword="null"/>.</param>
public sealed record GoalEvaluation(
    AtlasGoal Goal,
    string ScopeLabel,
    int Year,
    double? Value,
    double? CiLow,
    double? CiHigh,
    double? Expected,
    double? Progress,
    double? ExpectedProgress,
    GoalStatus Status,
    bool TargetReached,
    GoalTrend? Trend,
    double? ChangeSinceBaseline);

/// <summary>Everything known about one goal: definition, scope series and the evaluation of every year since the baseline.</summary>
/// <param name="Goal">The goal from the manifest.</param>
/// <param name="Indicator">Its indicator.</param>
/// <param name="ScopeLabel">German label of the scope.</param>
/// <param name="BaselineValue">The baseline (from the manifest, else the published scope value of the baseline year), or <see langword="null"/> when neither exists.</param>
/// <param name="BaselineFromData">True when the baseline was taken from the data.</param>
/// <param name="Series">The scope value in every year of the atlas.</param>
/// <param name="Evaluations">One evaluation per atlas year from the baseline year on, ascending.</param>
/// <param name="Milestones">The milestones, checked against the latest data.</param>
/// <param name="Notes">German notes on the data (e.g. "Ausgangswert nicht veröffentlichbar").</param>
public sealed record GoalReport(
    AtlasGoal Goal,
    AtlasIndicator Indicator,
    string ScopeLabel,
    double? BaselineValue,
    bool BaselineFromData,
    IReadOnlyList<ScopeValue> Series,
    IReadOnlyList<GoalEvaluation> Evaluations,
    IReadOnlyList<MilestoneCheck> Milestones,
    IReadOnlyList<string> Notes)
{
    /// <summary>The evaluation of the latest year, or <see langword="null"/> when the data ends before the baseline year.</summary>
    public GoalEvaluation? Latest => Evaluations.Count == 0 ? null : Evaluations[^1];

    /// <summary>True when the goal asks for a decrease (target below baseline; without a baseline, by the indicator's polarity).</summary>
    public bool Decreasing => BaselineValue is { } b ? Goal.Target < b : Indicator.Polarity != AtlasPolarity.HigherIsBetter;

    /// <summary>The evaluation of <paramref name="year"/>, or <see langword="null"/>.</summary>
    /// <param name="year">The year.</param>
    public GoalEvaluation? For(int year) => Evaluations.FirstOrDefault(e => e.Year == year);
}

/// <summary>The attainment of one district of a layer against a goal's target, with the district's own baseline.</summary>
/// <param name="Key">District key.</param>
/// <param name="Name">District name.</param>
/// <param name="Value">Published value in the year, or <see langword="null"/>.</param>
/// <param name="CiLow">Lower 95 % bound, or <see langword="null"/>.</param>
/// <param name="CiHigh">Upper 95 % bound, or <see langword="null"/>.</param>
/// <param name="Baseline">Published value of the district in the goal's baseline year, or <see langword="null"/>.</param>
/// <param name="DistanceToTarget">Value − target in the indicator's unit (sign: positive = above the target), or <see langword="null"/>.</param>
/// <param name="Status">The status (rules in <see cref="AtlasGoals.EvaluateDistricts"/>).</param>
/// <param name="Reliable">False for a small denominator or a large relative error.</param>
/// <param name="ValueStatus">Published, or why the value is withheld (maps hatch withheld districts).</param>
public sealed record DistrictAttainment(string Key, string Name, double? Value, double? CiLow, double? CiHigh, double? Baseline, double? DistanceToTarget, GoalStatus Status, bool Reliable, CellStatus ValueStatus);

/// <summary>
/// Evaluates the prevention goals of an atlas from published figures only (<see cref="AtlasData.View"/>).
/// </summary>
/// <remarks>
/// Scope value (numbered rules):
/// 1. one key → the published rate of that district from <see cref="AtlasData.GetValues"/>, with its 95 % interval;
/// 2. several keys → the roll-up Σ numerators / Σ denominators × scale, where every count is the published count of
///    the unit (<see cref="PublishableView.Count"/>); if any count of any unit is withheld, the scope value is not
///    publishable (a partial sum would mislead and could disclose the withheld part by subtraction); the interval is
///    computed from the summed published counts with <see cref="RateCalculator"/> (Wilson for shares, exact Poisson
///    for rates);
/// 3. the baseline is the manifest's <c>baselineValue</c>, else the scope value of the baseline year; without either,
///    every year's status is <see cref="GoalStatus.NotPublishable"/> and a note says why;
/// 4. the status of each year follows <see cref="GoalAttainment.Evaluate"/> (with the interval, so small-area noise is
///    "uncertain", not a trend); the trend is <see cref="GoalAttainment.Trend"/> over the last
///    <see cref="AtlasGoalOptions.TrendYears"/> years ending in the evaluated year;
/// 5. a milestone is met when the published value of its year is at or better than its value (in the goal's
///    direction); unknown while the year has no published value.
/// </remarks>
public static class AtlasGoals
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Evaluates every goal of the atlas with default options.</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <returns>One report per goal, in manifest order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlas"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">A goal names a scope key that is not in its layer, or a layer outside the hierarchy.</exception>
    public static IReadOnlyList<GoalReport> Evaluate(AtlasData atlas) => Evaluate(atlas, new AtlasGoalOptions());

    /// <summary>Evaluates the goals of the atlas (rules in the class remarks).</summary>
    /// <param name="atlas">The loaded atlas.</param>
    /// <param name="options">Trend window and goal selection.</param>
    /// <returns>One report per goal, in manifest order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="AtlasGoalOptions.TrendYears"/> is below 2.</exception>
    /// <exception cref="KeyNotFoundException">An unknown goal id was asked for, or a goal names a scope key that is not in its layer, or a layer outside the hierarchy.</exception>
    public static IReadOnlyList<GoalReport> Evaluate(AtlasData atlas, AtlasGoalOptions options)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TrendYears, 2, nameof(options));
        var goals = atlas.Manifest.Goals;
        if (options.GoalIds is { } ids)
        {
            goals = [.. ids.Select(id => atlas.Manifest.Goals.FirstOrDefault(g => g.Id == id) ?? throw new KeyNotFoundException($"Unknown goal '{id}'."))];
        }

        return [.. goals.Select(g => EvaluateGoal(atlas, g, options.TrendYears))];
    }

    /// <summary>
    /// The published value of a goal scope (one district, or the roll-up of several districts of one layer) in one year
    /// (rules 1–2 of the class remarks).
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="indicatorId">Indicator id.</param>
    /// <param name="scope">The scope.</param>
    /// <param name="year">The year.</param>
    /// <returns>The value, or the reason it is withheld.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown indicator, layer, key or year.</exception>
    public static ScopeValue ScopeValueOf(AtlasData atlas, string indicatorId, AtlasScope scope, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(indicatorId);
        ArgumentNullException.ThrowIfNull(scope);
        var layer = atlas.GetLayer(scope.Layer);
        foreach (var key in scope.Keys)
        {
            if (layer.Find(key) is null)
            {
                throw new KeyNotFoundException($"Goal scope key '{key}' is not in layer '{scope.Layer}'.");
            }
        }

        if (scope.Keys.Count == 1)
        {
            var v = atlas.GetValues(scope.Layer, indicatorId, year).Values.First(x => x.Key == scope.Keys[0]);
            return new ScopeValue(year, v.Value.Value, v.CiLow, v.CiHigh, v.Reliable, v.Value.Status);
        }

        var def = atlas.GetDefinition(indicatorId);
        var ind = atlas.Manifest.FindIndicator(indicatorId)!;
        var numTable = AtlasData.CountTableName(ind.Table, def.NumeratorColumn);
        var denTable = AtlasData.CountTableName(ind.Table, def.DenominatorColumn);
        double num = 0, den = 0;
        foreach (var key in scope.Keys.Distinct(StringComparer.Ordinal))
        {
            var unit = AtlasData.UnitKey(scope.Layer, key);
            var n = atlas.View.Count(new CountCell(numTable, unit, year));
            var d = atlas.View.Count(new CountCell(denTable, unit, year));
            if (!n.IsPublished)
            {
                return new ScopeValue(year, null, null, null, false, n.Status);
            }

            if (!d.IsPublished)
            {
                return new ScopeValue(year, null, null, null, false, d.Status);
            }

            num += n.Value!.Value;
            den += d.Value!.Value;
        }

        if (ind.Denominator is null)
        {
            return new ScopeValue(year, num, null, null, true, CellStatus.Published);
        }

        var est = RateCalculator.Compute(num, den, def);
        return est.Status != RateStatus.Ok
            ? new ScopeValue(year, null, null, null, false, CellStatus.Undefined)
            : new ScopeValue(year, est.Value, est.Lower, est.Upper, est.IsReliable, CellStatus.Published);
    }

    /// <summary>
    /// The attainment of every district of a layer against a goal's target in one year, each with its own baseline
    /// (its published value in the goal's baseline year). Rules: (1) a withheld value → <see cref="GoalStatus.NotPublishable"/>
    /// and no number; (2) distance to target = value − target; (3) a district whose own baseline is withheld is judged
    /// against the target only: at or better → on track, the interval reaching the target → uncertain, else off track;
    /// (4) so is a district whose baseline already met the target (it cannot fall behind a path that does not move);
    /// (5) otherwise <see cref="GoalAttainment.Evaluate"/> with the district baseline, the goal's target and deadline.
    /// </summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="goal">The goal.</param>
    /// <param name="layerId">The layer (e.g. the Sozialräume).</param>
    /// <param name="year">The year.</param>
    /// <returns>One entry per district, in layer order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer, indicator or year.</exception>
    public static IReadOnlyList<DistrictAttainment> EvaluateDistricts(AtlasData atlas, AtlasGoal goal, string layerId, int year)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(layerId);
        var indicator = atlas.Manifest.FindIndicator(goal.Indicator) ?? throw new KeyNotFoundException($"Unknown indicator '{goal.Indicator}'.");
        var decreasing = GoalDirectionDecreasing(atlas, goal, indicator);
        var values = atlas.GetValues(layerId, goal.Indicator, year).Values;
        var baselines = atlas.Years.Contains(goal.BaselineYear) ? atlas.GetValues(layerId, goal.Indicator, goal.BaselineYear).Values : null;
        var result = new List<DistrictAttainment>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            var baseline = baselines?[i].Value.Value;
            if (v.Value.Value is not { } x)
            {
                result.Add(new DistrictAttainment(v.Key, v.Name, null, null, null, baseline, null, GoalStatus.NotPublishable, false, v.Value.Status));
                continue;
            }

            var status = DistrictStatus(goal, decreasing, baseline, x, v.CiLow, v.CiHigh, year);
            result.Add(new DistrictAttainment(v.Key, v.Name, x, v.CiLow, v.CiHigh, baseline, x - goal.Target, status, v.Reliable, v.Value.Status));
        }

        return result;
    }

    /// <summary>
    /// The status of one district against a goal, with the district's own baseline — rules (3) to (5) of
    /// <see cref="EvaluateDistricts"/>: without a baseline, or with a baseline that already met the target (or a deadline
    /// not after the baseline year), the value is judged against the target alone (at or better → on track, the 95 %
    /// interval reaching the target → uncertain, else off track); otherwise <see cref="GoalAttainment.Evaluate"/> decides
    /// on the linear path from the baseline to the target.
    /// </summary>
    /// <param name="goal">The goal (target, baseline year, deadline).</param>
    /// <param name="decreasing">Whether the goal asks for a decrease.</param>
    /// <param name="baseline">The district's published value in the goal's baseline year, or null when withheld or missing.</param>
    /// <param name="value">The district's published value in <paramref name="year"/>.</param>
    /// <param name="ciLow">Lower 95 % bound of the value, or null.</param>
    /// <param name="ciHigh">Upper 95 % bound of the value, or null.</param>
    /// <param name="year">The evaluated year.</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    public static GoalStatus DistrictStatus(AtlasGoal goal, bool decreasing, double? baseline, double value, double? ciLow, double? ciHigh, int year)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (double.IsNaN(value))
        {
            return GoalStatus.NotPublishable;
        }

        var t = goal.Target;
        bool Better(double a, double b) => decreasing ? a <= b : a >= b;
        if (baseline is not { } b0 || Better(b0, t) || goal.Deadline <= goal.BaselineYear)
        {
            var ciReachesTarget = ciLow is { } lo && ciHigh is { } hi && lo <= t && t <= hi;
            return Better(value, t) ? GoalStatus.OnTrack : ciReachesTarget ? GoalStatus.Uncertain : GoalStatus.OffTrack;
        }

        return GoalAttainment.Evaluate(new GoalDefinition(goal.BaselineYear, b0, t, goal.Deadline), new GoalObservation(year, value, ciLow, ciHigh)).Status;
    }

    /// <summary>The German word for a status, as used on maps and in the council overview.</summary>
    /// <param name="status">The status.</param>
    /// <returns>"auf Kurs", "gefährdet", "nicht auf Kurs", "unsicher" or "nicht veröffentlichbar".</returns>
    public static string GermanLabel(GoalStatus status) => status switch
    {
        GoalStatus.OnTrack => "auf Kurs",
        GoalStatus.AtRisk => "gefährdet",
        GoalStatus.OffTrack => "nicht auf Kurs",
        GoalStatus.Uncertain => "unsicher",
        _ => "nicht veröffentlichbar",
    };

    /// <summary>The German label of a goal's scope: the district names joined with ", ".</summary>
    /// <param name="atlas">The atlas.</param>
    /// <param name="scope">The scope.</param>
    /// <returns>The label, e.g. "Ahlen" or "Ahlen-Nord, Ahlen-Süd".</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">Unknown layer.</exception>
    public static string ScopeLabel(AtlasData atlas, AtlasScope scope)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        ArgumentNullException.ThrowIfNull(scope);
        var layer = atlas.GetLayer(scope.Layer);
        return string.Join(", ", scope.Keys.Select(k => layer.Find(k)?.Name ?? k));
    }

    private static bool GoalDirectionDecreasing(AtlasData atlas, AtlasGoal goal, AtlasIndicator indicator)
    {
        var baseline = goal.BaselineValue ?? (atlas.Years.Contains(goal.BaselineYear) ? ScopeValueOf(atlas, goal.Indicator, goal.Scope, goal.BaselineYear).Value : null);
        return baseline is { } b && b != goal.Target ? goal.Target < b : indicator.Polarity != AtlasPolarity.HigherIsBetter;
    }

    private static GoalReport EvaluateGoal(AtlasData atlas, AtlasGoal goal, int trendYears)
    {
        var indicator = atlas.Manifest.FindIndicator(goal.Indicator) ?? throw new KeyNotFoundException($"Unknown indicator '{goal.Indicator}'.");
        var label = ScopeLabel(atlas, goal.Scope);
        var series = atlas.Years.Select(y => ScopeValueOf(atlas, goal.Indicator, goal.Scope, y)).ToList();
        var notes = new List<string>();
        var baseline = goal.BaselineValue;
        var fromData = false;
        if (baseline is null)
        {
            var b = series.FirstOrDefault(s => s.Year == goal.BaselineYear);
            if (b is null)
            {
                notes.Add($"Das Basisjahr {goal.BaselineYear.ToString(CultureInfo.InvariantCulture)} ist nicht in den Daten; ohne Ausgangswert ist keine Bewertung möglich.");
            }
            else if (b.Value is null)
            {
                notes.Add($"Der Ausgangswert {goal.BaselineYear.ToString(CultureInfo.InvariantCulture)} ist nicht veröffentlichbar (Datenschutz); ohne Ausgangswert ist keine Bewertung möglich.");
            }
            else
            {
                baseline = b.Value;
                fromData = true;
            }
        }

        if (baseline is { } bv && bv.Equals(goal.Target))
        {
            notes.Add("Der Zielwert entspricht dem Ausgangswert; das Ziel hat keine Richtung und wird nicht bewertet.");
            baseline = null;
        }

        var observations = series.Select(s => s.ToObservation()).ToList();
        var evaluations = new List<GoalEvaluation>();
        foreach (var s in series.Where(s => s.Year >= goal.BaselineYear))
        {
            var trend = GoalAttainment.Trend(observations, s.Year, trendYears);
            if (baseline is not { } b)
            {
                evaluations.Add(new GoalEvaluation(goal, label, s.Year, s.Value, s.CiLow, s.CiHigh, null, null, null, GoalStatus.NotPublishable, false, trend, null));
                continue;
            }

            var r = GoalAttainment.Evaluate(new GoalDefinition(goal.BaselineYear, b, goal.Target, goal.Deadline), s.ToObservation());
            evaluations.Add(new GoalEvaluation(goal, label, s.Year, r.Value, s.CiLow, s.CiHigh, r.Expected, r.Progress, r.ExpectedProgress, r.Status, r.TargetReached, trend, r.Value - b));
        }

        var decreasing = baseline is { } bb ? goal.Target < bb : indicator.Polarity != AtlasPolarity.HigherIsBetter;
        var milestones = goal.Milestones.OrderBy(m => m.Year).Select(m =>
        {
            var observed = series.FirstOrDefault(s => s.Year == m.Year)?.Value;
            bool? met = observed is { } o ? (decreasing ? o <= m.Value : o >= m.Value) : null;
            return new MilestoneCheck(m.Year, m.Value, observed, met);
        }).ToList();

        if (series.Any(s => s.Year >= goal.BaselineYear && s.Value is null))
        {
            var years = series.Where(s => s.Year >= goal.BaselineYear && s.Value is null).Select(s => s.Year.ToString(CultureInfo.InvariantCulture));
            notes.Add($"Nicht veröffentlichbar (Datenschutz oder zu kleine Bevölkerung) in: {string.Join(", ", years)}.");
        }

        if (series.Any(s => s.Value is not null && !s.Reliable))
        {
            notes.Add(string.Format(German, "Aussagekraft eingeschränkt (kleiner Nenner oder großer Zufallsfehler) in: {0}.", string.Join(", ", series.Where(s => s.Value is not null && !s.Reliable).Select(s => s.Year.ToString(CultureInfo.InvariantCulture)))));
        }

        return new GoalReport(goal, indicator, label, baseline, fromData, series, evaluations, milestones, notes);
    }
}
