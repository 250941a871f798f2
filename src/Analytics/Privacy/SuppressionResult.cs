using System.Collections.ObjectModel;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>A data-quality finding of suppression (e.g. children that do not add up to their parent).</summary>
/// <param name="Table">The table.</param>
/// <param name="Key">The unit key.</param>
/// <param name="Year">The year.</param>
/// <param name="Message">What is wrong, in English.</param>
public sealed record PrivacyIssue(string Table, string Key, int Year, string Message);

/// <summary>One suppressed count cell.</summary>
/// <param name="Table">The table.</param>
/// <param name="Key">The unit key.</param>
/// <param name="Year">The year.</param>
/// <param name="Category">The category.</param>
/// <param name="Level">The level of the unit.</param>
/// <param name="Reason">Why it is suppressed (never <see cref="CellStatus.Published"/>).</param>
public sealed record SuppressedCell(string Table, string Key, int Year, string Category, HierarchyLevel Level, CellStatus Reason);

/// <summary>Counts of cells per table, year and level by status.</summary>
/// <param name="Table">The table.</param>
/// <param name="Year">The year.</param>
/// <param name="Level">The hierarchy level.</param>
/// <param name="Cells">All cells (units of the level × categories).</param>
/// <param name="Published">Published cells.</param>
/// <param name="Primary">Primary suppressions.</param>
/// <param name="Secondary">Secondary suppressions.</param>
/// <param name="SuppressedAtSource">Cells unknown in the input.</param>
public sealed record SuppressionSummary(string Table, int Year, HierarchyLevel Level, int Cells, int Published, int Primary, int Secondary, int SuppressedAtSource);

/// <summary>Per-table totals of suppression and of the work done by the heuristic.</summary>
/// <param name="Table">The table.</param>
/// <param name="Primary">Primary suppressions over all years.</param>
/// <param name="Secondary">Secondary suppressions over all years.</param>
/// <param name="SuppressedAtSource">Cells unknown in the input.</param>
/// <param name="SingleSuppressionEquations">Equations that had exactly one suppressed cell after primary suppression
/// (each would disclose that cell by subtraction).</param>
/// <param name="ExactRepairs">Extra suppressions made because the exact auditor still found a derivable cell.</param>
/// <param name="IntervalRepairs">Extra suppressions made because bound propagation found an interval disclosure.</param>
public sealed record TableSuppressionStatistics(string Table, int Primary, int Secondary, int SuppressedAtSource, int SingleSuppressionEquations, int ExactRepairs, int IntervalRepairs);

/// <summary>
/// The outcome of <see cref="StatisticalDisclosureControl.Protect(IReadOnlyList{CountTable}, PrivacyRules)"/>: a status
/// per cell, the units below the minimum population, summaries per table and level, and diagnostics. It holds no count
/// values in its public surface.
/// </summary>
public sealed class SuppressionResult
{
    private readonly StatisticalDisclosureControl.TableOutcome[] _outcomes;
    private readonly Dictionary<string, int> _tableIndex;
    private readonly Dictionary<int, bool[]> _belowMinimum;

    internal SuppressionResult(
        Hierarchy hierarchy,
        PrivacyRules rules,
        CountTable[] tables,
        StatisticalDisclosureControl.TableOutcome[] outcomes,
        Dictionary<int, bool[]> belowMinimum,
        List<PrivacyIssue> issues)
    {
        Hierarchy = hierarchy;
        Rules = rules;
        TablesInternal = tables;
        _outcomes = outcomes;
        _belowMinimum = belowMinimum;
        Issues = new ReadOnlyCollection<PrivacyIssue>(issues);
        _tableIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Length; i++)
        {
            _tableIndex[tables[i].Name] = i;
        }

        TableNames = new ReadOnlyCollection<string>(tables.Select(t => t.Name).ToArray());
        (Summaries, SuppressedCells, Statistics) = Summarize();
        var below = new List<(string, int)>();
        foreach (var (year, flags) in belowMinimum.OrderBy(p => p.Key))
        {
            for (var u = 0; u < flags.Length; u++)
            {
                if (flags[u])
                {
                    below.Add((hierarchy.Units[u].Key, year));
                }
            }
        }

        BelowMinimumPopulation = new ReadOnlyCollection<(string Key, int Year)>(below);
    }

    /// <summary>The hierarchy of the tables.</summary>
    public Hierarchy Hierarchy { get; }

    /// <summary>The rules applied.</summary>
    public PrivacyRules Rules { get; }

    /// <summary>The table names in input order.</summary>
    public IReadOnlyList<string> TableNames { get; }

    /// <summary>Cell counts by status per table, year and level (levels present in the hierarchy only), ordered by table, year, level.</summary>
    public IReadOnlyList<SuppressionSummary> Summaries { get; }

    /// <summary>Every suppressed cell, ordered by table, year, unit position and category.</summary>
    public IReadOnlyList<SuppressedCell> SuppressedCells { get; }

    /// <summary>Totals per table.</summary>
    public IReadOnlyList<TableSuppressionStatistics> Statistics { get; }

    /// <summary>The units (key, year) whose population is below <see cref="PrivacyRules.MinimumPopulation"/> or unknown; they get no rates.</summary>
    public IReadOnlyList<(string Key, int Year)> BelowMinimumPopulation { get; }

    /// <summary>Data-quality findings (e.g. parts that do not add up to their total).</summary>
    public IReadOnlyList<PrivacyIssue> Issues { get; }

    internal CountTable[] TablesInternal { get; }

    /// <summary>The status of one count cell.</summary>
    /// <param name="table">The table name.</param>
    /// <param name="key">The unit key.</param>
    /// <param name="year">The year.</param>
    /// <param name="category">The category (default: <see cref="CountTable.DefaultCategory"/>).</param>
    /// <returns>The status.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The table, unit, year or category does not exist.</exception>
    public CellStatus Status(string table, string key, int year, string category = CountTable.DefaultCategory)
    {
        var (t, cell) = Locate(table, key, year, category);
        return _outcomes[t].Status[cell];
    }

    /// <summary>Whether a unit is below the minimum population in a year (true also when its population is unknown).</summary>
    /// <param name="key">The unit key.</param>
    /// <param name="year">The year.</param>
    /// <returns>True when rates of this unit and year must not be published. False when the rule is off.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The unit does not exist.</exception>
    public bool IsBelowMinimumPopulation(string key, int year)
    {
        var u = Hierarchy.RequireIndex(key);
        if (Rules.MinimumPopulation == 0)
        {
            return false;
        }

        return !_belowMinimum.TryGetValue(year, out var flags) || flags[u];
    }

    internal (int Table, int Cell) Locate(string table, string key, int year, string category)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(category);
        if (!_tableIndex.TryGetValue(table, out var t))
        {
            throw new KeyNotFoundException($"Table '{table}' is not in this release.");
        }

        var tab = TablesInternal[t];
        var u = Hierarchy.RequireIndex(key);
        var y = tab.YearIndexOf(year);
        if (y < 0)
        {
            throw new KeyNotFoundException($"Table '{table}' has no year {year.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        var c = tab.CategoryIndexOf(category);
        if (c < 0)
        {
            throw new KeyNotFoundException($"Table '{table}' has no category '{category}'.");
        }

        return (t, tab.CellIndex(u, y, c));
    }

    internal CellStatus StatusAt(int table, int cell) => _outcomes[table].Status[cell];

    private (IReadOnlyList<SuppressionSummary>, IReadOnlyList<SuppressedCell>, IReadOnlyList<TableSuppressionStatistics>) Summarize()
    {
        var summaries = new List<SuppressionSummary>();
        var cells = new List<SuppressedCell>();
        var stats = new List<TableSuppressionStatistics>();
        var levels = Hierarchy.Units.Select(u => u.Level).Distinct().Order().ToArray();
        for (var t = 0; t < TablesInternal.Length; t++)
        {
            var table = TablesInternal[t];
            var status = _outcomes[t].Status;
            int primary = 0, secondary = 0, source = 0;
            for (var y = 0; y < table.Years.Count; y++)
            {
                var counts = new int[(int)HierarchyLevel.Kreis + 1, 5];
                for (var u = 0; u < Hierarchy.Count; u++)
                {
                    var level = Hierarchy.Units[u].Level;
                    for (var c = 0; c < table.Categories.Count; c++)
                    {
                        var s = status[table.CellIndex(u, y, c)];
                        counts[(int)level, 0]++;
                        var column = s switch
                        {
                            CellStatus.Published => 1,
                            CellStatus.Primary => 2,
                            CellStatus.Secondary => 3,
                            _ => 4,
                        };
                        counts[(int)level, column]++;
                        if (s != CellStatus.Published)
                        {
                            cells.Add(new SuppressedCell(table.Name, Hierarchy.Units[u].Key, table.Years[y], table.Categories[c], level, s));
                        }
                    }
                }

                foreach (var level in levels)
                {
                    var l = (int)level;
                    summaries.Add(new SuppressionSummary(table.Name, table.Years[y], level, counts[l, 0], counts[l, 1], counts[l, 2], counts[l, 3], counts[l, 4]));
                    primary += counts[l, 2];
                    secondary += counts[l, 3];
                    source += counts[l, 4];
                }
            }

            var o = _outcomes[t];
            stats.Add(new TableSuppressionStatistics(table.Name, primary, secondary, source, o.SingleSuppressionEquations, o.ExactRepairs, o.IntervalRepairs));
        }

        return (summaries.AsReadOnly(), cells.AsReadOnly(), stats.AsReadOnly());
    }
}
