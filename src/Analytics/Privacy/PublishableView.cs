namespace GeoPrevention.Analytics.Privacy;

/// <summary>
/// The only way from raw counts to output (DESIGN §4): built from count tables and rules, it runs
/// <see cref="StatisticalDisclosureControl"/> once and then answers with <see cref="PublishedValue"/>s. Renderer, CLI
/// exports and the web API read counts, rates and changes only from here; raw counts are not reachable from it.
/// </summary>
/// <remarks>
/// Rules:
/// <list type="number">
/// <item><see cref="Count"/>: the count when its cell is <see cref="CellStatus.Published"/>, rounded to
/// <see cref="PrivacyRules.RoundingBase"/> when set (nearest multiple, halves away from zero); else the cell's status.</item>
/// <item><see cref="Rate"/> = numerator / denominator × scale, from the exact counts. Withheld, in this order, when the
/// numerator's or denominator's unit is below the minimum population in that year
/// (<see cref="CellStatus.MinimumPopulation"/>); when the numerator or the denominator count is suppressed (its status);
/// when the denominator is 0 (<see cref="CellStatus.Undefined"/>).</item>
/// <item><see cref="SmoothedRate"/> (e.g. an Empirical Bayes rate computed elsewhere) is published under exactly the
/// conditions of <see cref="Rate"/>: a smoothed rate is a function of the raw count and would disclose it.</item>
/// <item><see cref="Change"/> = published(t) − published(t₀): both counts must be published; the change of rounded
/// counts is the difference of the rounded counts, so a change never tells more than the two published values.</item>
/// <item><see cref="Derived"/> (indices, shares, scores computed elsewhere): withheld when the unit is below the minimum
/// population or any input count is suppressed.</item>
/// </list>
/// </remarks>
public sealed class PublishableView
{
    private PublishableView(SuppressionResult suppression) => Suppression = suppression;

    /// <summary>What was suppressed and why (no values).</summary>
    public SuppressionResult Suppression { get; }

    /// <summary>The rules applied.</summary>
    public PrivacyRules Rules => Suppression.Rules;

    /// <summary>Protects the tables under the default rules.</summary>
    /// <param name="tables">The tables of the release (including the population table for the minimum population).</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tables"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="StatisticalDisclosureControl.Protect(IReadOnlyList{CountTable}, PrivacyRules)"/>.</exception>
    public static PublishableView Create(IReadOnlyList<CountTable> tables) => Create(tables, PrivacyRules.Default);

    /// <summary>Protects the tables under the given rules.</summary>
    /// <param name="tables">The tables of the release (including the population table for the minimum population).</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rule is out of range.</exception>
    /// <exception cref="ArgumentException">See <see cref="StatisticalDisclosureControl.Protect(IReadOnlyList{CountTable}, PrivacyRules)"/>.</exception>
    public static PublishableView Create(IReadOnlyList<CountTable> tables, PrivacyRules rules)
        => new(StatisticalDisclosureControl.Protect(tables, rules));

    /// <summary>A published count (rule 1).</summary>
    /// <param name="cell">The cell.</param>
    /// <returns>The count or the reason it is withheld.</returns>
    /// <exception cref="KeyNotFoundException">The table, unit, year or category does not exist.</exception>
    /// <exception cref="ArgumentNullException">A part of the cell address is null.</exception>
    public PublishedValue Count(CountCell cell)
    {
        var resolved = Resolve(cell);
        return resolved.Status == CellStatus.Published
            ? PublishedValue.Of(Round(resolved.Raw))
            : PublishedValue.Withheld(resolved.Status);
    }

    /// <summary>A published rate numerator / denominator × scale (rule 2).</summary>
    /// <param name="numerator">The numerator count cell.</param>
    /// <param name="denominator">The denominator count cell.</param>
    /// <param name="scale">The scale, e.g. 100 for per cent or 1000 for per mille.</param>
    /// <returns>The rate or the reason it is withheld.</returns>
    /// <exception cref="KeyNotFoundException">A cell does not exist.</exception>
    /// <exception cref="ArgumentNullException">A part of a cell address is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not a positive finite number.</exception>
    public PublishedValue Rate(CountCell numerator, CountCell denominator, double scale = 1)
    {
        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive finite number.");
        }

        var withheld = RateWithheld(numerator, denominator, out var num, out var den);
        if (withheld is { } status)
        {
            return PublishedValue.Withheld(status);
        }

        return den == 0 ? PublishedValue.Withheld(CellStatus.Undefined) : PublishedValue.Of(num / den * scale);
    }

    /// <summary>
    /// Flags a smoothed rate (e.g. Empirical Bayes, computed elsewhere from the same counts) for publication (rule 3).
    /// </summary>
    /// <param name="numerator">The numerator count cell the smoothed rate was computed from.</param>
    /// <param name="denominator">The denominator count cell.</param>
    /// <param name="smoothedValue">The smoothed rate.</param>
    /// <returns>The smoothed rate when <see cref="Rate"/> would be published, else the reason it is withheld.</returns>
    /// <exception cref="KeyNotFoundException">A cell does not exist.</exception>
    /// <exception cref="ArgumentNullException">A part of a cell address is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="smoothedValue"/> is not finite.</exception>
    public PublishedValue SmoothedRate(CountCell numerator, CountCell denominator, double smoothedValue)
    {
        if (!double.IsFinite(smoothedValue))
        {
            throw new ArgumentOutOfRangeException(nameof(smoothedValue), smoothedValue, "The smoothed rate must be finite.");
        }

        var withheld = RateWithheld(numerator, denominator, out _, out var den);
        if (withheld is { } status)
        {
            return PublishedValue.Withheld(status);
        }

        return den == 0 ? PublishedValue.Withheld(CellStatus.Undefined) : PublishedValue.Of(smoothedValue);
    }

    /// <summary>
    /// Flags any other value derived from counts of one unit (an index, a share, a composite score) for publication
    /// (rule 5): published only when the unit is not below the minimum population in that year and every input count
    /// is published.
    /// </summary>
    /// <param name="key">The unit the value describes.</param>
    /// <param name="year">The year of the value.</param>
    /// <param name="value">The derived value, computed elsewhere.</param>
    /// <param name="inputs">The count cells it was computed from.</param>
    /// <returns>The value, or the reason it is withheld (minimum population first, then the first withheld input).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> or <paramref name="inputs"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The unit or an input cell does not exist.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not finite.</exception>
    public PublishedValue Derived(string key, int year, double value, IReadOnlyList<CountCell> inputs)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The derived value must be finite.");
        }

        if (Suppression.IsBelowMinimumPopulation(key, year))
        {
            return PublishedValue.Withheld(CellStatus.MinimumPopulation);
        }

        foreach (var input in inputs)
        {
            var status = Resolve(input).Status;
            if (status != CellStatus.Published)
            {
                return PublishedValue.Withheld(status);
            }
        }

        return PublishedValue.Of(value);
    }

    /// <summary>The change of a count from an earlier year to the cell's year (rule 4).</summary>
    /// <param name="cell">The cell in the later year.</param>
    /// <param name="fromYear">The earlier (or any other) year.</param>
    /// <returns>published(cell) − published(cell in <paramref name="fromYear"/>), or the reason it is withheld (the later
    /// year's status first).</returns>
    /// <exception cref="KeyNotFoundException">A cell does not exist.</exception>
    /// <exception cref="ArgumentNullException">A part of the cell address is null.</exception>
    public PublishedValue Change(CountCell cell, int fromYear)
    {
        var to = Count(cell);
        var from = Count(cell with { Year = fromYear });
        if (!to.IsPublished)
        {
            return to;
        }

        return from.IsPublished ? PublishedValue.Of(to.Value!.Value - from.Value!.Value) : from;
    }

    /// <summary>The published counts of every unit for one table, year and category (for maps and exports).</summary>
    /// <param name="table">The table.</param>
    /// <param name="year">The year.</param>
    /// <param name="category">The category.</param>
    /// <returns>Per unit key, in hierarchy order.</returns>
    /// <exception cref="KeyNotFoundException">The table, year or category does not exist.</exception>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IReadOnlyDictionary<string, PublishedValue> Counts(string table, int year, string category = CountTable.DefaultCategory)
    {
        var result = new Dictionary<string, PublishedValue>(StringComparer.Ordinal);
        foreach (var unit in Suppression.Hierarchy.Units)
        {
            result[unit.Key] = Count(new CountCell(table, unit.Key, year, category));
        }

        return result;
    }

    /// <summary>The published rates of every unit for one year (numerator and denominator in the same unit).</summary>
    /// <param name="numeratorTable">The numerator table.</param>
    /// <param name="denominatorTable">The denominator table.</param>
    /// <param name="year">The year.</param>
    /// <param name="scale">The scale (100 = per cent).</param>
    /// <returns>Per unit key, in hierarchy order.</returns>
    /// <exception cref="KeyNotFoundException">A table or year does not exist.</exception>
    /// <exception cref="ArgumentNullException">A table name is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is not positive and finite.</exception>
    public IReadOnlyDictionary<string, PublishedValue> Rates(string numeratorTable, string denominatorTable, int year, double scale = 1)
    {
        var result = new Dictionary<string, PublishedValue>(StringComparer.Ordinal);
        foreach (var unit in Suppression.Hierarchy.Units)
        {
            result[unit.Key] = Rate(new CountCell(numeratorTable, unit.Key, year), new CountCell(denominatorTable, unit.Key, year), scale);
        }

        return result;
    }

    private CellStatus? RateWithheld(CountCell numerator, CountCell denominator, out double num, out double den)
    {
        var n = Resolve(numerator);
        var d = Resolve(denominator);
        num = n.Raw;
        den = d.Raw;
        if (Suppression.IsBelowMinimumPopulation(numerator.Key, numerator.Year)
            || Suppression.IsBelowMinimumPopulation(denominator.Key, denominator.Year))
        {
            return CellStatus.MinimumPopulation;
        }

        if (n.Status != CellStatus.Published)
        {
            return n.Status;
        }

        return d.Status != CellStatus.Published ? d.Status : null;
    }

    private (CellStatus Status, double Raw) Resolve(CountCell cell)
    {
        var (t, index) = Suppression.Locate(cell.Table, cell.Key, cell.Year, cell.Category);
        var status = Suppression.StatusAt(t, index);
        var raw = Suppression.TablesInternal[t].Values[index];
        return (status, raw.GetValueOrDefault());
    }

    private double Round(double value)
    {
        if (Rules.RoundingBase is not { } b)
        {
            return value;
        }

        return Math.Round(value / b, MidpointRounding.AwayFromZero) * b;
    }
}
