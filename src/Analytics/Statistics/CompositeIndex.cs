using System.Globalization;
using GeoPrevention.Analytics.Indicators;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>One indicator of a composite index.</summary>
public sealed class IndexComponent
{
    /// <summary>Creates a component.</summary>
    /// <param name="values">One value per unit (NaN = missing).</param>
    /// <param name="polarity">Direction.</param>
    /// <param name="weight">Positive weight (default 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weight"/> is not positive and finite.</exception>
    public IndexComponent(double[] values, Polarity polarity = Polarity.HigherIsWorse, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(weight > 0) || !double.IsFinite(weight))
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "The weight must be positive and finite.");
        }

        Values = values;
        Polarity = polarity;
        Weight = weight;
    }

    /// <summary>Values per unit.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>Direction.</summary>
    public Polarity Polarity { get; }

    /// <summary>Weight in the index.</summary>
    public double Weight { get; }
}

/// <summary>Options for <see cref="CompositeIndex.Compute(IReadOnlyList{IndexComponent}, CompositeIndexOptions)"/>.</summary>
public sealed class CompositeIndexOptions
{
    /// <summary>Population per unit for the minimum-population rule, or null (no rule).</summary>
    public IReadOnlyList<double>? Population { get; init; }

    /// <summary>Units with a population below this get no index (DESIGN §4: default 300 inhabitants).</summary>
    public double MinimumPopulation { get; init; } = 300;
}

/// <summary>A composite index per unit.</summary>
public sealed class CompositeIndexResult
{
    internal CompositeIndexResult(double[] index, bool[] included, double[][] z, IReadOnlyList<string> warnings)
    {
        Index = index;
        Included = included;
        ZScores = z;
        Warnings = warnings;
    }

    /// <summary>Weighted mean of the oriented z-scores (higher = more disadvantage); NaN for excluded units.</summary>
    public IReadOnlyList<double> Index { get; }

    /// <summary>Whether a unit took part (all values present and population at least the minimum).</summary>
    public IReadOnlyList<bool> Included { get; }

    /// <summary>Oriented z-score per component and unit (NaN for excluded units).</summary>
    public IReadOnlyList<IReadOnlyList<double>> ZScores { get; }

    /// <summary>Exclusions with their numbers.</summary>
    public IReadOnlyList<string> Warnings { get; }
}

/// <summary>Composite indices from z-standardised indicators.</summary>
/// <remarks>
/// Rules: (1) a unit is included when every component value is finite and (if a population is given) its population
/// is at least the minimum; (2) each component is z-standardised over the included units with the sample SD
/// (<c>zᵢ = (xᵢ − x̄)/s</c>, R <c>scale</c>), negated for <see cref="Polarity.HigherIsBetter"/>; (3) the index is the
/// weighted mean <c>Σ_c w_c z_ci / Σ_c w_c</c>. A component with zero spread is a caller error.
/// </remarks>
public static class CompositeIndex
{
    /// <summary>z-scores of finite values (NaN stays NaN), oriented by polarity.</summary>
    /// <param name="values">Values (NaN = missing).</param>
    /// <param name="polarity">Direction.</param>
    /// <returns>z per value.</returns>
    /// <exception cref="ArgumentException">Fewer than two finite values, or no spread.</exception>
    public static double[] ZScores(ReadOnlySpan<double> values, Polarity polarity = Polarity.HigherIsWorse)
    {
        var include = new bool[values.Length];
        for (var i = 0; i < include.Length; i++)
        {
            include[i] = double.IsFinite(values[i]);
        }

        return Standardise(values, include, polarity, "values");
    }

    /// <summary>Builds a composite index from several indicators.</summary>
    /// <param name="components">The indicators (at least one, equal lengths).</param>
    /// <param name="options">Population rule.</param>
    /// <returns>The index per unit.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">No component, lengths differ, fewer than two included units, or a component without spread.</exception>
    public static CompositeIndexResult Compute(IReadOnlyList<IndexComponent> components, CompositeIndexOptions options)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(options);
        if (components.Count == 0)
        {
            throw new ArgumentException("At least one component is needed.", nameof(components));
        }

        var n = components[0].Values.Count;
        foreach (var c in components)
        {
            ArgumentNullException.ThrowIfNull(c, nameof(components));
            if (c.Values.Count != n)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Components have different lengths ({n} and {c.Values.Count})."), nameof(components));
            }
        }

        if (options.Population is not null && options.Population.Count != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{options.Population.Count} population values for {n} units."), nameof(options));
        }

        var included = new bool[n];
        int missing = 0, small = 0;
        for (var i = 0; i < n; i++)
        {
            var ok = components.All(c => double.IsFinite(c.Values[i]));
            if (!ok)
            {
                missing++;
            }
            else if (options.Population is not null && !(options.Population[i] >= options.MinimumPopulation))
            {
                small++;
                ok = false;
            }

            included[i] = ok;
        }

        var warnings = new List<string>();
        if (missing > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{missing} of {n} units have a missing value and get no index."));
        }

        if (small > 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{small} of {n} units have fewer than {options.MinimumPopulation} inhabitants and get no index."));
        }

        var z = new double[components.Count][];
        var index = new double[n];
        var weightSum = components.Sum(c => c.Weight);
        for (var c = 0; c < components.Count; c++)
        {
            z[c] = Standardise(components[c].Values.ToArray(), included, components[c].Polarity, $"components[{c}]");
            for (var i = 0; i < n; i++)
            {
                index[i] += components[c].Weight * z[c][i] / weightSum;
            }
        }

        return new CompositeIndexResult(index, included, z, warnings);
    }

    internal static double[] Standardise(ReadOnlySpan<double> values, bool[] include, Polarity polarity, string name)
    {
        double sum = 0;
        var m = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (include[i])
            {
                sum += values[i];
                m++;
            }
        }

        if (m < 2)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}: z-standardisation needs at least 2 included values; there are {m}."), name);
        }

        var mean = sum / m;
        double ss = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (include[i])
            {
                ss += (values[i] - mean) * (values[i] - mean);
            }
        }

        var sd = Math.Sqrt(ss / (m - 1));
        if (!(sd > 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}: all {m} included values are equal; z-scores are undefined."), name);
        }

        var sign = polarity == Polarity.HigherIsBetter ? -1.0 : 1.0;
        var z = new double[values.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = include[i] ? sign * (values[i] - mean) / sd : double.NaN;
        }

        return z;
    }
}
