using System.Globalization;
using GeoPrevention.Analytics.Tables;

namespace GeoPrevention.Analytics.Indicators;

/// <summary>One row of an <see cref="IndicatorResult"/>.</summary>
/// <param name="Key">The district key.</param>
/// <param name="Year">The year, if the table has a year column.</param>
/// <param name="Line">The source line of the table row.</param>
/// <param name="Estimate">The rate with interval, status and reliability.</param>
public sealed record IndicatorValue(string? Key, int? Year, int Line, RateEstimate Estimate);

/// <summary>An indicator computed from a table: one value per table row (optionally one year).</summary>
/// <param name="Definition">The definition used.</param>
/// <param name="Values">The values in table order.</param>
public sealed record IndicatorResult(IndicatorDefinition Definition, IReadOnlyList<IndicatorValue> Values);

/// <summary>One row of <see cref="IndicatorCalculator.Change(IndicatorResult, IndicatorResult)"/>.</summary>
/// <param name="Key">The district key.</param>
/// <param name="From">The earlier value (NaN if none).</param>
/// <param name="To">The later value (NaN if none).</param>
/// <param name="Difference">To − From in points of the indicator scale (percentage points for per-cent shares), NaN if either side has no value.</param>
/// <param name="FromStatus">Status of the earlier value (<see cref="RateStatus.Missing"/> when the key is absent).</param>
/// <param name="ToStatus">Status of the later value (<see cref="RateStatus.Missing"/> when the key is absent).</param>
public sealed record IndicatorChange(string Key, double From, double To, double Difference, RateStatus FromStatus, RateStatus ToStatus);

/// <summary>One parent of a roll-up.</summary>
/// <param name="ParentKey">The parent key.</param>
/// <param name="ChildCount">Children mapped to the parent.</param>
/// <param name="ChildrenWithoutValue">Children whose numerator or denominator is missing or suppressed (keys).</param>
/// <param name="Estimate">The parent rate from summed numerators and denominators; <see cref="RateStatus.Incomplete"/> when a child has no value.</param>
public sealed record RollupValue(string ParentKey, int ChildCount, IReadOnlyList<string> ChildrenWithoutValue, RateEstimate Estimate);

/// <summary>The result of <see cref="IndicatorCalculator.RollUp"/>.</summary>
/// <param name="Parents">One row per parent key, ordered by key.</param>
/// <param name="ChildrenWithoutParent">Child keys that have no parent in the hierarchy (listed, not dropped).</param>
public sealed record RollupResult(IReadOnlyList<RollupValue> Parents, IReadOnlyList<string> ChildrenWithoutParent);

/// <summary>Computes indicators from tables: rates with intervals, changes between years, roll-ups along a hierarchy.</summary>
public static class IndicatorCalculator
{
    /// <summary>
    /// Computes the indicator for every row (or the rows of one year). Cells suppressed at source give
    /// <see cref="RateStatus.SuppressedAtSource"/>, missing or invalid cells <see cref="RateStatus.Missing"/>.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="definition">The indicator.</param>
    /// <param name="keyColumn">The key column.</param>
    /// <param name="year">Only this year, or <see langword="null"/> for all rows.</param>
    /// <param name="yearColumn">The year column; <see langword="null"/> looks for <c>year</c>/<c>jahr</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">A column is missing or has the wrong kind.</exception>
    public static IndicatorResult Compute(IndicatorTable table, IndicatorDefinition definition, string keyColumn, int? year = null, string? yearColumn = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(keyColumn);
        var keys = table.GetText(keyColumn);
        var num = table.GetNumbers(definition.NumeratorColumn);
        var den = table.GetNumbers(definition.DenominatorColumn);
        var sn = table.GetStatuses(definition.NumeratorColumn);
        var sd = table.GetStatuses(definition.DenominatorColumn);
        var yName = yearColumn ?? table.Columns.FirstOrDefault(c => c.Name.Trim().ToLowerInvariant() is "year" or "jahr" or "berichtsjahr")?.Name;
        if (year is not null && yName is null)
        {
            throw new ArgumentException($"A year was requested, but {table.Source} has no year column.", nameof(yearColumn));
        }

        var years = yName is null ? null : YearValues(table, yName);
        var values = new List<IndicatorValue>(table.RowCount);
        for (var r = 0; r < table.RowCount; r++)
        {
            var y = years?[r];
            if (year is not null && y != year)
            {
                continue;
            }

            RateEstimate e;
            if (sn[r] == CellStatus.SuppressedAtSource || sd[r] == CellStatus.SuppressedAtSource)
            {
                e = new RateEstimate(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, RateStatus.SuppressedAtSource, Reliability.NotApplicable);
            }
            else
            {
                e = RateCalculator.Compute(sn[r] == CellStatus.Value ? num[r] : double.NaN, sd[r] == CellStatus.Value ? den[r] : double.NaN, definition);
            }

            values.Add(new IndicatorValue(keys[r], y, table.GetLine(r), e));
        }

        return new IndicatorResult(definition, values);
    }

    /// <summary>
    /// The change between two results by key (e.g. two years): To − From in points of the indicator scale
    /// (percentage points for shares per 100). Keys present on one side only get NaN and status Missing on the other.
    /// </summary>
    /// <param name="from">The earlier result.</param>
    /// <param name="to">The later result.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The results use different scales, or a key repeats within one result.</exception>
    public static IReadOnlyList<IndicatorChange> Change(IndicatorResult from, IndicatorResult to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Definition.Scale != to.Definition.Scale)
        {
            throw new ArgumentException($"Scales differ ({from.Definition.Scale} vs {to.Definition.Scale}); changes are only defined on one scale.", nameof(to));
        }

        var a = ByKey(from, nameof(from));
        var b = ByKey(to, nameof(to));
        var keys = a.Keys.Union(b.Keys).Order(StringComparer.Ordinal);
        var result = new List<IndicatorChange>();
        foreach (var k in keys)
        {
            var ea = a.TryGetValue(k, out var va) ? va.Estimate : (RateEstimate?)null;
            var eb = b.TryGetValue(k, out var vb) ? vb.Estimate : (RateEstimate?)null;
            var f = ea is { Status: RateStatus.Ok } ? ea.Value.Value : double.NaN;
            var t = eb is { Status: RateStatus.Ok } ? eb.Value.Value : double.NaN;
            result.Add(new IndicatorChange(k, f, t, t - f, ea?.Status ?? RateStatus.Missing, eb?.Status ?? RateStatus.Missing));
        }

        return result;
    }

    /// <summary>
    /// Rolls counts up one hierarchy level: numerators and denominators of the children are summed per parent and
    /// the rate is computed from the sums (rates are never averaged).
    /// </summary>
    /// <remarks>
    /// A parent with a child whose numerator or denominator has no value (missing, suppressed, invalid) gets
    /// <see cref="RateStatus.Incomplete"/> and no value, with the children listed: a partial sum would understate the
    /// parent. Children without a parent are listed in <see cref="RollupResult.ChildrenWithoutParent"/>. Roll up
    /// several levels by calling this again with the parents' sums.
    /// </remarks>
    /// <param name="childKeys">The child keys.</param>
    /// <param name="numerators">Child numerators (NaN = no value).</param>
    /// <param name="denominators">Child denominators (NaN = no value).</param>
    /// <param name="parentOf">Parent key by child key.</param>
    /// <param name="definition">The indicator (scale, kind, reliability).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ, or a child key repeats (the message names it).</exception>
    public static RollupResult RollUp(IReadOnlyList<string> childKeys, ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators, IReadOnlyDictionary<string, string> parentOf, IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(childKeys);
        ArgumentNullException.ThrowIfNull(parentOf);
        ArgumentNullException.ThrowIfNull(definition);
        if (childKeys.Count != numerators.Length || numerators.Length != denominators.Length)
        {
            throw new ArgumentException($"{childKeys.Count} keys, {numerators.Length} numerators and {denominators.Length} denominators must have the same length.", nameof(childKeys));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sums = new SortedDictionary<string, (double Num, double Den, int Count, List<string> Without)>(StringComparer.Ordinal);
        var orphans = new List<string>();
        for (var i = 0; i < childKeys.Count; i++)
        {
            var k = childKeys[i];
            if (!seen.Add(k))
            {
                throw new ArgumentException($"Child key '{k}' occurs more than once; roll up one year at a time.", nameof(childKeys));
            }

            if (!parentOf.TryGetValue(k, out var parent))
            {
                orphans.Add(k);
                continue;
            }

            var s = sums.TryGetValue(parent, out var cur) ? cur : (0, 0, 0, new List<string>());
            if (double.IsNaN(numerators[i]) || double.IsNaN(denominators[i]))
            {
                s.Without.Add(k);
            }
            else
            {
                s.Num += numerators[i];
                s.Den += denominators[i];
            }

            s.Count++;
            sums[parent] = s;
        }

        var parents = new List<RollupValue>(sums.Count);
        foreach (var (p, s) in sums)
        {
            var e = s.Without.Count > 0
                ? new RateEstimate(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, RateStatus.Incomplete, Reliability.NotApplicable)
                : RateCalculator.Compute(s.Num, s.Den, definition);
            parents.Add(new RollupValue(p, s.Count, s.Without, e));
        }

        return new RollupResult(parents, orphans);
    }

    private static Dictionary<string, IndicatorValue> ByKey(IndicatorResult r, string name)
    {
        var d = new Dictionary<string, IndicatorValue>(StringComparer.Ordinal);
        foreach (var v in r.Values)
        {
            if (v.Key is null)
            {
                continue;
            }

            if (!d.TryAdd(v.Key, v))
            {
                throw new ArgumentException($"Key '{v.Key}' occurs more than once (line {v.Line}); compute one year per result.", name);
            }
        }

        return d;
    }

    private static int?[] YearValues(IndicatorTable table, string yearColumn)
    {
        var result = new int?[table.RowCount];
        if (table.GetColumn(yearColumn).Kind == ColumnKind.Numeric)
        {
            var v = table.GetNumbers(yearColumn);
            var st = table.GetStatuses(yearColumn);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = st[i] == CellStatus.Value ? (int)v[i] : null;
            }
        }
        else
        {
            var t = table.GetText(yearColumn);
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = int.TryParse(t[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) ? y : null;
            }
        }

        return result;
    }
}
