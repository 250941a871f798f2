using System.Globalization;
using GeoPrevention.Analytics.Atlas;
using GeoPrevention.Analytics.Privacy;
using GeoPrevention.Analytics.Tables;
using GeoPrevention.Geo;
using TableCellStatus = GeoPrevention.Analytics.Tables.CellStatus;

namespace GeoPrevention.Analytics.Goals;

/// <summary>Cost KPIs of one cost table for one goal scope and year. Shown next to outcome indicators, never merged with them.</summary>
/// <param name="CostId">Cost table id.</param>
/// <param name="Label">German label of the spending.</param>
/// <param name="ScopeLabel">German label of the scope.</param>
/// <param name="Year">The year.</param>
/// <param name="Amount">Total spending in the scope (euros), or <see langword="null"/> when not every district of the cost layer in the scope has a value.</param>
/// <param name="PerCapita">Amount / published population of the scope, or <see langword="null"/>.</param>
/// <param name="PerCase">Amount / published case count (numerator of the cases indicator), or <see langword="null"/>.</param>
/// <param name="CasesLabel">What a case is (the cases indicator's label), or <see langword="null"/>.</param>
/// <param name="Notes">German notes on missing parts.</param>
public sealed record CostKpi(string CostId, string Label, string ScopeLabel, int Year, double? Amount, double? PerCapita, double? PerCase, string? CasesLabel, IReadOnlyList<string> Notes);

/// <summary>
/// The cost tables of an atlas (<see cref="AtlasManifest.Costs"/>), read once, and the KPIs they give for a goal scope.
/// </summary>
/// <remarks>
/// Rules:
/// 1. the amount of a scope is the sum over the districts of the cost layer that lie in the scope (the scope unit
///    itself or its descendants in the hierarchy); if one of them has no value for the year, the amount is unknown;
///    a scope finer than the cost layer (a Sozialraum when costs are per Gemeinde) has no amount;
/// 2. per capita = amount / Σ published population counts of the scope units (the atlas's population column);
/// 3. per case = amount / Σ published numerator counts of <see cref="AtlasCost.CasesIndicator"/> in the scope units;
/// 4. a withheld count makes the figure unknown (never estimated); a zero denominator too;
/// 5. costs stay separate figures: nothing here weights or combines them with outcomes.
/// </remarks>
public sealed class CostKpis
{
    private readonly AtlasData _atlas;
    private readonly List<(AtlasCost Spec, Dictionary<(string Key, int Year), double> Amounts)> _tables;

    private CostKpis(AtlasData atlas, List<(AtlasCost, Dictionary<(string, int), double>)> tables)
    {
        _atlas = atlas;
        _tables = tables;
    }

    /// <summary>True when the atlas has no cost tables.</summary>
    public bool IsEmpty => _tables.Count == 0;

    /// <summary>Reads the cost tables of an atlas.</summary>
    /// <param name="atlas">The atlas.</param>
    /// <returns>The cost data (empty when the atlas has none).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="atlas"/> is null.</exception>
    /// <exception cref="AtlasValidationException">A cost table names a layer outside the hierarchy, an unknown indicator, a path outside the atlas folder, or a column that is not in its file.</exception>
    /// <exception cref="GeoDataFormatException">A cost file cannot be read.</exception>
    public static CostKpis Load(AtlasData atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        var m = atlas.Manifest;
        var issues = new List<AtlasIssue>();
        var tables = new List<(AtlasCost, Dictionary<(string, int), double>)>();
        for (var i = 0; i < m.Costs.Count; i++)
        {
            var c = m.Costs[i];
            var path = $"$.costs[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (!atlas.HasValues(c.Layer))
            {
                issues.Add(new AtlasIssue(path + ".layer", $"Layer '{c.Layer}' is unknown or not part of the hierarchy."));
            }

            if (c.CasesIndicator is { } ci && m.FindIndicator(ci) is null)
            {
                issues.Add(new AtlasIssue(path + ".casesIndicator", $"Unknown indicator '{ci}'."));
            }

            foreach (var (id, k) in c.Indicators.Select((id, k) => (id, k)))
            {
                if (m.FindIndicator(id) is null)
                {
                    issues.Add(new AtlasIssue($"{path}.indicators[{k.ToString(CultureInfo.InvariantCulture)}]", $"Unknown indicator '{id}'."));
                }
            }

            var root = Path.TrimEndingDirectorySeparator(m.BaseDirectory) + Path.DirectorySeparatorChar;
            var full = m.ResolvePath(c.File);
            if (Path.IsPathRooted(c.File) || !full.StartsWith(root, StringComparison.Ordinal))
            {
                issues.Add(new AtlasIssue(path + ".file", $"'{c.File}' is not a path inside the atlas folder."));
            }
            else if (!File.Exists(full))
            {
                issues.Add(new AtlasIssue(path + ".file", $"File '{c.File}' does not exist."));
            }

            if (issues.Count > 0)
            {
                continue;
            }

            var table = TableReader.ReadCsv(full, new CsvReadOptions
            {
                Delimiter = c.Delimiter is { Length: 1 } d ? d[0] : null,
                DecimalSeparator = c.DecimalSeparator is { Length: 1 } s ? s[0] : null,
                Columns = new TableColumnOptions { KeyColumns = [c.Key], YearColumn = c.Year, NumericColumns = [c.Column] },
            });
            foreach (var (column, name) in new[] { (c.Key, "key"), (c.Year, "year"), (c.Column, "column") })
            {
                if (!table.HasColumn(column))
                {
                    issues.Add(new AtlasIssue($"{path}.{name}", $"Column '{column}' is not in {c.File}."));
                }
            }

            if (issues.Count > 0)
            {
                continue;
            }

            var keys = table.GetText(c.Key);
            var years = table.GetNumbers(c.Year);
            var values = table.GetNumbers(c.Column);
            var status = table.GetStatuses(c.Column);
            var amounts = new Dictionary<(string, int), double>();
            for (var r = 0; r < table.RowCount; r++)
            {
                if (keys[r] is { } key && !double.IsNaN(years[r]) && status[r] == TableCellStatus.Value)
                {
                    amounts[(key, (int)years[r])] = values[r];
                }
            }

            tables.Add((c, amounts));
        }

        if (issues.Count > 0)
        {
            throw new AtlasValidationException(Path.Combine(m.BaseDirectory, "atlas.json"), issues);
        }

        return new CostKpis(atlas, tables);
    }

    /// <summary>The KPIs of the cost tables shown next to a goal (those whose <see cref="AtlasCost.Indicators"/> is empty or names the goal's indicator), for the goal's scope.</summary>
    /// <param name="goal">The goal.</param>
    /// <param name="year">The year.</param>
    /// <param name="scopeLabel">The scope label to carry (default: the district names).</param>
    /// <returns>One entry per matching cost table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The scope layer is unknown.</exception>
    public IReadOnlyList<CostKpi> ComputeFor(AtlasGoal goal, int year, string? scopeLabel = null)
    {
        ArgumentNullException.ThrowIfNull(goal);
        return [.. Compute(goal.Scope, year, scopeLabel).Where(k => _tables.First(t => t.Spec.Id == k.CostId).Spec.Indicators is var ids && (ids.Count == 0 || ids.Contains(goal.Indicator, StringComparer.Ordinal)))];
    }

    /// <summary>The KPIs of every cost table for a scope and year (rules in the class remarks).</summary>
    /// <param name="scope">The goal scope.</param>
    /// <param name="year">The year.</param>
    /// <param name="scopeLabel">The scope label to carry (default: the district names).</param>
    /// <returns>One entry per cost table; empty when the atlas has none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The scope layer is unknown.</exception>
    public IReadOnlyList<CostKpi> Compute(AtlasScope scope, int year, string? scopeLabel = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (_tables.Count == 0)
        {
            return [];
        }

        var label = scopeLabel ?? AtlasGoals.ScopeLabel(_atlas, scope);
        var hierarchy = _atlas.View.Suppression.Hierarchy;
        var scopeUnits = scope.Keys.Select(k => AtlasData.UnitKey(scope.Layer, k)).ToHashSet(StringComparer.Ordinal);
        var result = new List<CostKpi>(_tables.Count);
        foreach (var (spec, amounts) in _tables)
        {
            var notes = new List<string>();
            var inScope = _atlas.GetLayer(spec.Layer).Districts.Where(d => InScope(hierarchy, AtlasData.UnitKey(spec.Layer, d.Key), scopeUnits)).Select(d => d.Key).ToList();
            double? amount = null;
            if (inScope.Count == 0)
            {
                notes.Add($"Die Ausgaben liegen nur je {_atlas.Manifest.FindLayer(spec.Layer)?.Label ?? spec.Layer} vor; für dieses Gebiet gibt es keinen Wert.");
            }
            else if (inScope.All(k => amounts.ContainsKey((k, year))))
            {
                amount = inScope.Sum(k => amounts[(k, year)]);
            }
            else
            {
                notes.Add($"Ausgaben {year.ToString(CultureInfo.InvariantCulture)} nicht für alle Teilgebiete vorhanden.");
            }

            var population = _atlas.Manifest.Privacy.PopulationColumn is { } pc ? SumCounts(AtlasData.CountTableName(_atlas.Manifest.Tables[0].Id, pc), scopeUnits, year) : null;
            string? casesLabel = null;
            double? cases = null;
            if (spec.CasesIndicator is { } ci)
            {
                var ind = _atlas.Manifest.FindIndicator(ci)!;
                casesLabel = ind.ShortLabel ?? ind.Label;
                cases = SumCounts(AtlasData.CountTableName(ind.Table, ind.Numerator), scopeUnits, year);
            }

            result.Add(new CostKpi(
                spec.Id,
                spec.Label,
                label,
                year,
                amount,
                amount is { } a && population is > 0 ? a / population.Value : null,
                amount is { } a2 && cases is > 0 ? a2 / cases.Value : null,
                casesLabel,
                notes));
        }

        return result;
    }

    private static bool InScope(Hierarchy hierarchy, string unit, HashSet<string> scopeUnits)
    {
        for (string? u = unit; u is not null; u = hierarchy.Units[hierarchy.IndexOf(u)].ParentKey)
        {
            if (scopeUnits.Contains(u))
            {
                return true;
            }
        }

        return false;
    }

    private double? SumCounts(string table, HashSet<string> units, int year)
    {
        double sum = 0;
        foreach (var unit in units)
        {
            var v = _atlas.View.Count(new CountCell(table, unit, year));
            if (!v.IsPublished)
            {
                return null;
            }

            sum += v.Value!.Value;
        }

        return sum;
    }
}
