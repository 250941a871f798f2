namespace GeoPrevention.Analytics.Goals;

/// <summary>Status of a prevention goal in one year for one scope.</summary>
public enum GoalStatus
{
    /// <summary>The value is at or better than the linear path from baseline to target (or the target is reached).</summary>
    OnTrack,

    /// <summary>There is progress from the baseline, but less than the linear path expects by now.</summary>
    AtRisk,

    /// <summary>No progress from the baseline (or a worsening), or the deadline has passed without reaching the target.</summary>
    OffTrack,

    /// <summary>The confidence interval of the value spans both the path and the baseline: the data cannot tell.</summary>
    Uncertain,

    /// <summary>The value is suppressed for confidentiality; no number is published.</summary>
    NotPublishable,
}

/// <summary>One yearly observation of a goal indicator for a scope: the value and its 95 % confidence interval.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The value (same scale as the goal's target), or <see langword="null"/> when not publishable.</param>
/// <param name="CiLow">Lower 95 % bound, or <see langword="null"/> when unknown.</param>
/// <param name="CiHigh">Upper 95 % bound, or <see langword="null"/> when unknown.</param>
public readonly record struct GoalObservation(int Year, double? Value, double? CiLow = null, double? CiHigh = null);

/// <summary>A goal: from a baseline value in a baseline year to a target value by a deadline year.</summary>
/// <param name="BaselineYear">The baseline year.</param>
/// <param name="BaselineValue">The value in the baseline year.</param>
/// <param name="Target">The target value.</param>
/// <param name="Deadline">The year by which the target is to be reached.</param>
public sealed record GoalDefinition(int BaselineYear, double BaselineValue, double Target, int Deadline)
{
    /// <summary>True when the goal asks for a decrease (target below baseline).</summary>
    public bool Decreasing => Target < BaselineValue;

    /// <summary>The value the linear path from baseline to target expects in <paramref name="year"/> (clamped to the deadline).</summary>
    /// <param name="year">The year.</param>
    public double ExpectedValue(int year)
    {
        var share = Math.Clamp((double)(year - BaselineYear) / (Deadline - BaselineYear), 0, 1);
        return BaselineValue + (share * (Target - BaselineValue));
    }
}

/// <summary>The attainment of a goal in one year.</summary>
/// <param name="Year">The evaluated year.</param>
/// <param name="Status">The status by the rules of <see cref="GoalAttainment.Evaluate(GoalDefinition, GoalObservation)"/>.</param>
/// <param name="Value">The observed value, or <see langword="null"/> when not publishable.</param>
/// <param name="Expected">The value the linear path expects in that year.</param>
/// <param name="Progress">Share of the way from baseline to target that has been covered (1 = target reached; negative = worse than baseline); <see langword="null"/> when not publishable.</param>
/// <param name="ExpectedProgress">Share of the way the linear path expects by that year (0..1).</param>
/// <param name="TargetReached">True when the value is at or better than the target.</param>
public sealed record GoalResult(int Year, GoalStatus Status, double? Value, double Expected, double? Progress, double ExpectedProgress, bool TargetReached);

/// <summary>A linear trend over the last years: slope per year with its standard error.</summary>
/// <param name="FromYear">First year used.</param>
/// <param name="ToYear">Last year used.</param>
/// <param name="Points">Number of years with a publishable value.</param>
/// <param name="Slope">Ordinary least-squares slope (indicator units per year, e.g. percentage points per year).</param>
/// <param name="StandardError">Standard error of the slope (<see cref="double.NaN"/> with fewer than 3 points).</param>
/// <param name="Change">Change between the first and last publishable value (e.g. percentage points).</param>
public sealed record GoalTrend(int FromYear, int ToYear, int Points, double Slope, double StandardError, double Change)
{
    /// <summary>
    /// True when the slope differs from zero by more than 1.96 standard errors (a two-sided 5 % test, normal
    /// approximation): only then is a trend reported as a trend and not as noise.
    /// </summary>
    public bool IsSignificant => Points >= 3 && !double.IsNaN(StandardError) && Math.Abs(Slope) > 1.96 * StandardError;
}

/// <summary>
/// Goal attainment per scope and year. For a goal that asks for a decrease (target T below baseline B;
/// an increase is mirrored), with the observed value V, its 95 % interval [L, U] and the linear-path value
/// E = B + s·(T − B), s = (year − baseline year) / (deadline − baseline year) clamped to [0, 1], the status is
/// decided by these rules, in order:
/// 1. V not publishable → <see cref="GoalStatus.NotPublishable"/> (no number is returned);
/// 2. V at or better than T → <see cref="GoalStatus.OnTrack"/> with <see cref="GoalResult.TargetReached"/>;
/// 3. the year is after the deadline → <see cref="GoalStatus.OffTrack"/>;
/// 4. the interval reaches both the path (L ≤ E) and the baseline (U ≥ B), and E differs from B →
///    <see cref="GoalStatus.Uncertain"/>: small-area noise is not called a trend;
/// 5. V at or better than E → <see cref="GoalStatus.OnTrack"/>;
/// 6. V at or worse than B → <see cref="GoalStatus.OffTrack"/>;
/// 7. otherwise (progress, but behind the path) → <see cref="GoalStatus.AtRisk"/>.
/// Progress = (B − V) / (B − T): 0 at the baseline, 1 at the target. "At or better" allows a floating-point slack of
/// 10⁻⁹·|B − T|.
/// </summary>
public static class GoalAttainment
{
    /// <summary>Evaluates one year (rules in the class summary).</summary>
    /// <param name="goal">The goal.</param>
    /// <param name="observation">The observation for the year.</param>
    /// <returns>The attainment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    /// <exception cref="ArgumentException">The deadline is not after the baseline year, or the target equals the baseline.</exception>
    public static GoalResult Evaluate(GoalDefinition goal, GoalObservation observation)
    {
        ArgumentNullException.ThrowIfNull(goal);
        if (goal.Deadline <= goal.BaselineYear)
        {
            throw new ArgumentException($"The deadline {goal.Deadline} must be after the baseline year {goal.BaselineYear}.", nameof(goal));
        }

        if (goal.Target.Equals(goal.BaselineValue))
        {
            throw new ArgumentException($"The target {goal.Target} equals the baseline value; a goal needs a direction.", nameof(goal));
        }

        var year = observation.Year;
        var expected = goal.ExpectedValue(year);
        var expectedProgress = Math.Clamp((double)(year - goal.BaselineYear) / (goal.Deadline - goal.BaselineYear), 0, 1);
        if (observation.Value is not { } v || double.IsNaN(v))
        {
            return new GoalResult(year, GoalStatus.NotPublishable, null, expected, null, expectedProgress, false);
        }

        // Mirror increasing goals so that "lower is better" holds below.
        var sign = goal.Decreasing ? 1.0 : -1.0;
        var b = sign * goal.BaselineValue;
        var t = sign * goal.Target;
        var e = sign * expected;
        var x = sign * v;
        var lo = observation.CiLow is { } l1 && observation.CiHigh is { } h1 ? Math.Min(sign * l1, sign * h1) : x;
        var hi = observation.CiLow is { } l2 && observation.CiHigh is { } h2 ? Math.Max(sign * l2, sign * h2) : x;
        var progress = (b - x) / (b - t);

        // Comparisons allow a rounding slack of 1e-9 of the baseline–target distance, so a rate that equals the path or
        // the target up to floating-point error (0.14 · 100 = 14.000000000000002) is not called worse.
        var eps = 1e-9 * Math.Abs(b - t);
        GoalStatus status;
        var reached = x <= t + eps;
        if (reached)
        {
            status = GoalStatus.OnTrack;
        }
        else if (year > goal.Deadline)
        {
            status = GoalStatus.OffTrack;
        }
        else if (lo <= e && hi >= b && e < b)
        {
            status = GoalStatus.Uncertain;
        }
        else if (x <= e + eps)
        {
            status = GoalStatus.OnTrack;
        }
        else if (x >= b - eps)
        {
            status = GoalStatus.OffTrack;
        }
        else
        {
            status = GoalStatus.AtRisk;
        }

        return new GoalResult(year, status, v, expected, progress, expectedProgress, reached);
    }

    /// <summary>
    /// The OLS trend over the last <paramref name="years"/> years up to <paramref name="toYear"/>, using only
    /// publishable values. Slope b = Σ(tᵢ − t̄)(yᵢ − ȳ) / Σ(tᵢ − t̄)²; SE = √(Σ residual² / (n − 2) / Σ(tᵢ − t̄)²).
    /// </summary>
    /// <param name="series">Observations (any order).</param>
    /// <param name="toYear">The last year of the window.</param>
    /// <param name="years">Window length in years (default 5).</param>
    /// <returns>The trend, or <see langword="null"/> with fewer than two publishable values in the window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is below 2.</exception>
    public static GoalTrend? Trend(IEnumerable<GoalObservation> series, int toYear, int years = 5)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 2);
        var from = toYear - years + 1;
        var pts = series.Where(o => o.Year >= from && o.Year <= toYear && o.Value is { } v && !double.IsNaN(v))
            .OrderBy(o => o.Year).Select(o => (X: (double)o.Year, Y: o.Value!.Value)).ToList();
        if (pts.Count < 2)
        {
            return null;
        }

        var mx = pts.Average(p => p.X);
        var my = pts.Average(p => p.Y);
        var sxx = pts.Sum(p => (p.X - mx) * (p.X - mx));
        var sxy = pts.Sum(p => (p.X - mx) * (p.Y - my));
        var slope = sxy / sxx;
        var se = double.NaN;
        if (pts.Count >= 3)
        {
            var intercept = my - (slope * mx);
            var rss = pts.Sum(p => Math.Pow(p.Y - (intercept + (slope * p.X)), 2));
            se = Math.Sqrt(rss / (pts.Count - 2) / sxx);
        }

        return new GoalTrend(from, toYear, pts.Count, slope, se, pts[^1].Y - pts[0].Y);
    }
}
