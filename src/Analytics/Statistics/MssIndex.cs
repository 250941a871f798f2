using System.Globalization;
using GeoPrevention.Analytics.Indicators;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>Options for <see cref="MssIndex.Compute"/>.</summary>
public sealed class MssOptions
{
    /// <summary>Units with fewer inhabitants get no index (default 300, as in the Berlin MSS and DESIGN §4).</summary>
    public double MinimumPopulation { get; init; } = 300;

    /// <summary>Polarity of each status indicator (default: all <see cref="Polarity.HigherIsWorse"/>).</summary>
    public IReadOnlyList<Polarity>? Polarities { get; init; }

    /// <summary>Status bands in SD units of the standardised status index: high status below −<c>1</c> (default 1.0).</summary>
    public double StatusBand { get; init; } = 1.0;

    /// <summary>Very low status above this many SD (default 1.5).</summary>
    public double VeryLowStatusBand { get; init; } = 1.5;

    /// <summary>Dynamic bands: positive below −<c>x</c>, negative above +<c>x</c> SD (default 1.0).</summary>
    public double DynamicBand { get; init; } = 1.0;
}

/// <summary>Status class of the Berlin MSS (1 = high … 4 = very low; 0 = excluded).</summary>
public enum MssStatus
{
    /// <summary>Excluded (missing values or population below the minimum).</summary>
    Excluded = 0,

    /// <summary>Hoher Status: standardised status index &lt; −1.</summary>
    High = 1,

    /// <summary>Mittlerer Status: −1 ≤ index ≤ +1.</summary>
    Medium = 2,

    /// <summary>Niedriger Status: +1 &lt; index ≤ +1.5.</summary>
    Low = 3,

    /// <summary>Sehr niedriger Status: index &gt; +1.5.</summary>
    VeryLow = 4,
}

/// <summary>Dynamic class of the Berlin MSS (0 = excluded).</summary>
public enum MssDynamic
{
    /// <summary>Excluded.</summary>
    Excluded = 0,

    /// <summary>Positive Dynamik (improving): standardised dynamic index &lt; −1.</summary>
    Positive = 1,

    /// <summary>Stabile Dynamik: −1 ≤ index ≤ +1.</summary>
    Stable = 2,

    /// <summary>Negative Dynamik (worsening): index &gt; +1.</summary>
    Negative = 3,
}

/// <summary>Result of the Berlin MSS method.</summary>
public sealed class MssResult
{
    internal MssResult() { }

    /// <summary>Standardised status index (mean 0, SD 1 over included units; higher = lower status); NaN if excluded.</summary>
    public IReadOnlyList<double> StatusIndex { get; internal init; } = [];

    /// <summary>Standardised dynamic index (higher = worsening); NaN if excluded.</summary>
    public IReadOnlyList<double> DynamicIndex { get; internal init; } = [];

    /// <summary>Status class per unit.</summary>
    public IReadOnlyList<MssStatus> Status { get; internal init; } = [];

    /// <summary>Dynamic class per unit.</summary>
    public IReadOnlyList<MssDynamic> Dynamic { get; internal init; } = [];

    /// <summary>Combined class 1 … 12 = (status − 1)·3 + dynamic (1 = high/positive … 12 = very low/negative); 0 if excluded.</summary>
    public IReadOnlyList<int> Combined { get; internal init; } = [];

    /// <summary>Findings (exclusions) with their numbers.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>German label of a combined class, e.g. <c>"3−"</c> (status 3, negative dynamic): status digit plus +, ± or −; "." if excluded.</summary>
    /// <param name="combined">0 … 12.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Not in 0 … 12.</exception>
    public static string Label(int combined)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(combined);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(combined, 12);
        if (combined == 0)
        {
            return ".";
        }

        var status = ((combined - 1) / 3) + 1;
        var dyn = ((combined - 1) % 3) + 1;
        return status.ToString(CultureInfo.InvariantCulture) + (dyn == 1 ? "+" : dyn == 2 ? "±" : "−");
    }
}

/// <summary>
/// The Berlin "Monitoring Soziale Stadtentwicklung" (MSS) method as a reusable function: status index, dynamic
/// index and the combined 12-class index.
/// </summary>
/// <remarks>
/// Source: Senatsverwaltung für Stadtentwicklung und Wohnen Berlin, <i>Monitoring Soziale Stadtentwicklung</i>
/// (reports 2013–2023, chapter "Methodik"): index indicators are z-standardised over the Planungsräume with at
/// least 300 inhabitants, summed to a status index and a dynamic index (change of the same indicators over two
/// years), each classed by standard-deviation bands; the two are combined to 4 × 3 = 12 groups. Exact rule
/// implemented here (boundary handling at exactly ±1 SD is our choice, documented in docs/statistics.md):
/// <list type="number">
/// <item>Included: all current and previous values finite and population ≥ <see cref="MssOptions.MinimumPopulation"/>.</item>
/// <item>Status: each indicator z-standardised over included units (sample SD), oriented by polarity, averaged
/// (equal weights), and the average z-standardised again → S.
/// Class 1 (hoch) S &lt; −1; 2 (mittel) −1 ≤ S ≤ 1; 3 (niedrig) 1 &lt; S ≤ 1.5; 4 (sehr niedrig) S &gt; 1.5.</item>
/// <item>Dynamic: per indicator the change <c>current − previous</c> (the caller chooses the previous year, t − n),
/// z-standardised, oriented, averaged and standardised again → D. Class 1 (positiv) D &lt; −1; 2 (stabil)
/// −1 ≤ D ≤ 1; 3 (negativ) D &gt; 1.</item>
/// <item>Combined: <c>(status − 1)·3 + dynamic</c>, 1 … 12; excluded units get 0.</item>
/// </list>
/// </remarks>
public static class MssIndex
{
    /// <summary>Computes status, dynamic and combined MSS classes.</summary>
    /// <param name="current">Status indicators at year t (one array per indicator, one value per unit).</param>
    /// <param name="previous">The same indicators at year t − n (same shape).</param>
    /// <param name="population">Inhabitants per unit at year t.</param>
    /// <param name="options">Minimum population, polarities and bands.</param>
    /// <returns>Indices and classes per unit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Shapes differ, fewer than two included units, or an indicator without spread.</exception>
    public static MssResult Compute(IReadOnlyList<double[]> current, IReadOnlyList<double[]> previous, IReadOnlyList<double> population, MssOptions options)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(options);
        if (current.Count == 0 || current.Count != previous.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Need the same positive number of current and previous indicators (got {current.Count} and {previous.Count})."), nameof(previous));
        }

        if (options.Polarities is not null && options.Polarities.Count != current.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{options.Polarities.Count} polarities for {current.Count} indicators."), nameof(options));
        }

        var n = population.Count;
        var status = new List<IndexComponent>();
        var change = new List<IndexComponent>();
        for (var c = 0; c < current.Count; c++)
        {
            ArgumentNullException.ThrowIfNull(current[c]);
            ArgumentNullException.ThrowIfNull(previous[c]);
            if (current[c].Length != n || previous[c].Length != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Indicator {c}: {current[c].Length} current and {previous[c].Length} previous values for {n} units."), nameof(current));
            }

            var pol = options.Polarities?[c] ?? Polarity.HigherIsWorse;
            var d = new double[n];
            for (var i = 0; i < n; i++)
            {
                d[i] = current[c][i] - previous[c][i];
            }

            status.Add(new IndexComponent(current[c], pol));

            change.Add(new IndexComponent(d, pol));
        }

        // Rule 1: one inclusion mask for both indices (a unit without its previous values is excluded from the status too).
        for (var c = 0; c < status.Count; c++)
        {
            var masked = current[c].ToArray();
            for (var i = 0; i < n; i++)
            {
                for (var c2 = 0; c2 < change.Count; c2++)
                {
                    if (!double.IsFinite(change[c2].Values[i]))
                    {
                        masked[i] = double.NaN;
                    }
                }
            }

            status[c] = new IndexComponent(masked, status[c].Polarity);
        }

        var popt = new CompositeIndexOptions { Population = population, MinimumPopulation = options.MinimumPopulation };
        var s = CompositeIndex.Compute(status, popt);
        var dyn = CompositeIndex.Compute(change, popt);
        var included = new bool[n];
        for (var i = 0; i < n; i++)
        {
            included[i] = s.Included[i] && dyn.Included[i];
        }

        var sz = CompositeIndex.Standardise(s.Index.ToArray(), included, Polarity.HigherIsWorse, "status index");
        var dz = CompositeIndex.Standardise(dyn.Index.ToArray(), included, Polarity.HigherIsWorse, "dynamic index");
        var sc = new MssStatus[n];
        var dc = new MssDynamic[n];
        var combined = new int[n];
        for (var i = 0; i < n; i++)
        {
            if (!included[i])
            {
                continue;
            }

            sc[i] = sz[i] < -options.StatusBand ? MssStatus.High
                : sz[i] <= options.StatusBand ? MssStatus.Medium
                : sz[i] <= options.VeryLowStatusBand ? MssStatus.Low
                : MssStatus.VeryLow;
            dc[i] = dz[i] < -options.DynamicBand ? MssDynamic.Positive
                : dz[i] <= options.DynamicBand ? MssDynamic.Stable
                : MssDynamic.Negative;
            combined[i] = (((int)sc[i] - 1) * 3) + (int)dc[i];
        }

        return new MssResult
        {
            StatusIndex = sz,
            DynamicIndex = dz,
            Status = sc,
            Dynamic = dc,
            Combined = combined,
            Warnings = [.. s.Warnings.Concat(dyn.Warnings).Distinct(StringComparer.Ordinal)],
        };
    }
}
