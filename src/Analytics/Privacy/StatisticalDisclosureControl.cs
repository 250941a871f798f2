using System.Globalization;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>
/// Primary and secondary cell suppression for count tables along a <see cref="Hierarchy"/> (DESIGN §4). Most callers
/// use <see cref="PublishableView"/>, which runs this and publishes only what it allows.
/// </summary>
/// <remarks>
/// Rules, per table and year, over the equations parent = Σ children (per category) and total = Σ categories (per unit):
/// <list type="number">
/// <item>Unknown cells (null in the input) are <see cref="CellStatus.SuppressedAtSource"/>; they count as suppressed.</item>
/// <item>Primary: a known count c with 1 ≤ c &lt; <see cref="PrivacyRules.Threshold"/> (and 0 when
/// <see cref="PrivacyRules.ZeroIsConfidential"/>) is <see cref="CellStatus.Primary"/>.</item>
/// <item>Secondary, single-unknown rule: while some equation has exactly one suppressed cell among all its cells
/// (head included), one more of its published cells is suppressed as <see cref="CellStatus.Secondary"/>, chosen by, in
/// order: (a) non-zero before zero (a suppressed zero beside a small count would pin it in a tiny interval);
/// (b) the cell that also completes the most other equations that have a single suppressed cell; (c) a cell that is
/// suppressed in the previous year of the table (so that maps of consecutive years suppress the same areas); (d) a
/// child or category before the parent or total; (e) the smallest value; (f) the first cell in equation order.
/// Equations touched by a new suppression are re-examined, so the rule runs to a fixed point across levels and between
/// the hierarchy and the category equations.</item>
/// <item>Exact audit (tables with a total category only): the exact linear auditor looks for suppressed cells that are
/// still determined by the equations; for each, the best published cell (by the same order) in the nearest equation
/// around it is suppressed, then step 3 and this step repeat. Tables without categories need no audit: their
/// cell–equation graph is a tree, and there step 3 alone already guarantees that no suppressed cell is determined
/// (proof in docs/privacy.md).</item>
/// <item>Interval audit (when <see cref="PrivacyRules.IntervalProtection"/>): bounds from non-negativity are propagated;
/// a primary or source-suppressed cell whose upper bound falls below the threshold, or any suppressed cell whose bounds
/// meet, is repaired as in step 4.</item>
/// </list>
/// The years are protected independently (each year's equations hold within the year); changes between years are
/// published by <see cref="PublishableView.Change"/> only as differences of two published values.
/// </remarks>
public static class StatisticalDisclosureControl
{
    /// <summary>Suppresses the cells of the tables under the default rules.</summary>
    /// <param name="tables">The tables of one release; all on the same hierarchy, with distinct names.</param>
    /// <returns>The status of every cell, summaries and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tables"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="Protect(IReadOnlyList{CountTable}, PrivacyRules)"/>.</exception>
    public static SuppressionResult Protect(IReadOnlyList<CountTable> tables) => Protect(tables, PrivacyRules.Default);

    /// <summary>Suppresses the cells of the tables under the given rules.</summary>
    /// <param name="tables">The tables of one release; all on the same hierarchy, with distinct names.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>The status of every cell, summaries and diagnostics.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rule is out of range (threshold &lt; 1, rounding base &lt; 2, …).</exception>
    /// <exception cref="ArgumentException">No table is given, tables use different hierarchies or repeat a name, or the
    /// minimum population is on but no table is named <see cref="PrivacyRules.PopulationTable"/> (or it has several
    /// categories and no total).</exception>
    public static SuppressionResult Protect(IReadOnlyList<CountTable> tables, PrivacyRules rules) => Run(tables, rules, secondary: true);

    /// <summary>Primary suppression only: used by tests to show that it leaks.</summary>
    internal static SuppressionResult PrimaryOnly(IReadOnlyList<CountTable> tables, PrivacyRules rules) => Run(tables, rules, secondary: false);

    private static SuppressionResult Run(IReadOnlyList<CountTable> tables, PrivacyRules rules, bool secondary)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        if (tables.Count == 0)
        {
            throw new ArgumentException("At least one table is needed.", nameof(tables));
        }

        var hierarchy = tables[0]?.Hierarchy ?? throw new ArgumentNullException(nameof(tables), "Table 0 is null.");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tables.Count; i++)
        {
            var t = tables[i] ?? throw new ArgumentNullException(nameof(tables), $"Table {i} is null.");
            if (!ReferenceEquals(t.Hierarchy, hierarchy))
            {
                throw new ArgumentException($"Table '{t.Name}' uses a different hierarchy than table '{tables[0].Name}'.", nameof(tables));
            }

            if (!names.Add(t.Name))
            {
                throw new ArgumentException($"Table name '{t.Name}' is used twice.", nameof(tables));
            }
        }

        var belowMinimum = MinimumPopulation(tables, rules, hierarchy);
        var issues = new List<PrivacyIssue>();
        var outcomes = new List<TableOutcome>(tables.Count);
        foreach (var table in tables)
        {
            outcomes.Add(ProtectTable(table, rules, secondary, issues));
        }

        return new SuppressionResult(hierarchy, rules, tables.ToArray(), outcomes.ToArray(), belowMinimum, issues);
    }

    private static Dictionary<int, bool[]> MinimumPopulation(IReadOnlyList<CountTable> tables, PrivacyRules rules, Hierarchy hierarchy)
    {
        var result = new Dictionary<int, bool[]>();
        if (rules.MinimumPopulation == 0)
        {
            return result;
        }

        var population = tables.FirstOrDefault(t => string.Equals(t.Name, rules.PopulationTable, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"MinimumPopulation is {rules.MinimumPopulation} but no table is named '{rules.PopulationTable}'; add the population table or set MinimumPopulation = 0."),
                nameof(tables));
        var category = population.TotalIndex >= 0 ? population.TotalIndex
            : population.Categories.Count == 1 ? 0
            : throw new ArgumentException($"Population table '{population.Name}' has several categories but no total category.", nameof(tables));
        for (var y = 0; y < population.Years.Count; y++)
        {
            var below = new bool[hierarchy.Count];
            for (var u = 0; u < hierarchy.Count; u++)
            {
                var v = population.Values[population.CellIndex(u, y, category)];
                below[u] = !v.HasValue || v.Value < rules.MinimumPopulation;
            }

            result[population.Years[y]] = below;
        }

        return result;
    }

    private static TableOutcome ProtectTable(CountTable table, PrivacyRules rules, bool secondary, List<PrivacyIssue> issues)
    {
        var sys = EquationSystem.Build(table.Hierarchy, table.Categories.Count, table.TotalIndex);
        var status = new CellStatus[table.Values.Length];
        var outcome = new TableOutcome(status);
        var cats = table.Categories.Count;
        var years = table.Years.Count;
        var local = new long[sys.CellCount];
        var st = new CellStatus[sys.CellCount];
        var previous = new bool[sys.CellCount];
        for (var y = 0; y < years; y++)
        {
            for (var l = 0; l < sys.CellCount; l++)
            {
                var v = table.Values[Global(l, y, cats, years)];
                local[l] = v.GetValueOrDefault();
                st[l] = !v.HasValue ? CellStatus.SuppressedAtSource
                    : rules.IsConfidential(v.Value) ? CellStatus.Primary
                    : CellStatus.Published;
            }

            CheckConsistency(table, sys, y, issues);
            if (secondary)
            {
                new YearSuppressor(sys, st, local, rules, outcome, previous).Run();
            }

            for (var l = 0; l < sys.CellCount; l++)
            {
                status[Global(l, y, cats, years)] = st[l];
                previous[l] = st[l] != CellStatus.Published;
            }
        }

        return outcome;
    }

    internal static int Global(int local, int year, int categories, int years)
        => ((local / categories * years) + year) * categories + (local % categories);

    private static void CheckConsistency(CountTable table, EquationSystem sys, int y, List<PrivacyIssue> issues)
    {
        var cats = table.Categories.Count;
        var years = table.Years.Count;
        for (var e = 0; e < sys.EquationCount; e++)
        {
            long sum = 0;
            var complete = true;
            for (var k = sys.EqStart[e] + 1; k < sys.EqStart[e + 1] && complete; k++)
            {
                var v = table.Values[Global(sys.EqCells[k], y, cats, years)];
                complete = v.HasValue;
                sum += v.GetValueOrDefault();
            }

            var headCell = Global(sys.EqCells[sys.EqStart[e]], y, cats, years);
            var head = table.Values[headCell];
            if (complete && head.HasValue && head.Value != sum)
            {
                issues.Add(new PrivacyIssue(
                    table.Name,
                    table.Hierarchy.Units[headCell / cats / years].Key,
                    table.Years[y],
                    string.Create(CultureInfo.InvariantCulture, $"{table.DescribeCell(headCell)} = {head.Value} but its parts add up to {sum}; the equation is still treated as exact (conservative).")));
            }
        }
    }

    /// <summary>Per-table counters collected while suppressing.</summary>
    internal sealed class TableOutcome(CellStatus[] status)
    {
        public CellStatus[] Status { get; } = status;

        public int SingleSuppressionEquations { get; set; }

        public int ExactRepairs { get; set; }

        public int IntervalRepairs { get; set; }
    }

    /// <summary>Secondary suppression of one table-year (steps 3–5 of the class rules).</summary>
    private sealed class YearSuppressor
    {
        private readonly EquationSystem _sys;
        private readonly CellStatus[] _st;
        private readonly long[] _val;
        private readonly PrivacyRules _rules;
        private readonly TableOutcome _outcome;
        private readonly bool[] _previous;
        private readonly int[] _supCount;
        private readonly bool[] _inQueue;
        private readonly Queue<int> _queue = new();

        public YearSuppressor(EquationSystem sys, CellStatus[] st, long[] val, PrivacyRules rules, TableOutcome outcome, bool[] previous)
        {
            _previous = previous;
            _sys = sys;
            _st = st;
            _val = val;
            _rules = rules;
            _outcome = outcome;
            _supCount = new int[sys.EquationCount];
            _inQueue = new bool[sys.EquationCount];
            for (var e = 0; e < sys.EquationCount; e++)
            {
                for (var k = sys.EqStart[e]; k < sys.EqStart[e + 1]; k++)
                {
                    if (st[sys.EqCells[k]] != CellStatus.Published)
                    {
                        _supCount[e]++;
                    }
                }

                if (_supCount[e] == 1)
                {
                    outcome.SingleSuppressionEquations++;
                }

                _queue.Enqueue(e);
                _inQueue[e] = true;
            }
        }

        public void Run()
        {
            var unknown = new bool[_sys.CellCount];
            var repairedEquation = new bool[_sys.EquationCount];
            while (true)
            {
                FixedPoint();
                for (var i = 0; i < unknown.Length; i++)
                {
                    unknown[i] = _st[i] != CellStatus.Published;
                }

                var exact = _sys.IsAcyclic ? null : AuditCore.DeterminedCells(_sys, unknown);
                (long[] Lower, long[] Upper)? bounds = _rules.IntervalProtection ? AuditCore.Bounds(_sys, unknown, _val) : null;
                Array.Clear(repairedEquation);
                var repaired = false;
                for (var cell = 0; cell < unknown.Length; cell++)
                {
                    if (!unknown[cell])
                    {
                        continue;
                    }

                    var isExact = exact is not null && exact[cell];
                    var isInterval = !isExact && bounds is { } b && IntervalDisclosed(cell, b.Lower[cell], b.Upper[cell]);
                    if (!isExact && !isInterval)
                    {
                        continue;
                    }

                    // One repair per neighbourhood and round; the next round re-audits.
                    var touched = false;
                    for (var q = _sys.CellEqStart[cell]; q < _sys.CellEqStart[cell + 1]; q++)
                    {
                        touched |= repairedEquation[_sys.CellEqs[q]];
                    }

                    if (touched)
                    {
                        repaired = true;
                        continue;
                    }

                    var added = Repair(cell);
                    if (added < 0)
                    {
                        continue;
                    }

                    repaired = true;
                    if (isExact)
                    {
                        _outcome.ExactRepairs++;
                    }
                    else
                    {
                        _outcome.IntervalRepairs++;
                    }

                    for (var q = _sys.CellEqStart[added]; q < _sys.CellEqStart[added + 1]; q++)
                    {
                        repairedEquation[_sys.CellEqs[q]] = true;
                    }

                    for (var q = _sys.CellEqStart[cell]; q < _sys.CellEqStart[cell + 1]; q++)
                    {
                        repairedEquation[_sys.CellEqs[q]] = true;
                    }
                }

                if (!repaired)
                {
                    return;
                }
            }
        }

        private bool IntervalDisclosed(int cell, long lower, long upper)
            => lower == upper
            || ((_st[cell] is CellStatus.Primary or CellStatus.SuppressedAtSource) && upper < _rules.Threshold);

        private void FixedPoint()
        {
            while (_queue.TryDequeue(out var e))
            {
                _inQueue[e] = false;
                if (_supCount[e] != 1)
                {
                    continue;
                }

                var head = _sys.EqCells[_sys.EqStart[e]];
                var best = -1;
                (int Zero, int Protects, int Fresh, int Head, long Value) bestKey = default;
                for (var k = _sys.EqStart[e]; k < _sys.EqStart[e + 1]; k++)
                {
                    var x = _sys.EqCells[k];
                    if (_st[x] != CellStatus.Published)
                    {
                        continue;
                    }

                    var protects = 0;
                    for (var q = _sys.CellEqStart[x]; q < _sys.CellEqStart[x + 1]; q++)
                    {
                        var f = _sys.CellEqs[q];
                        if (f != e && _supCount[f] == 1)
                        {
                            protects++;
                        }
                    }

                    var key = (_val[x] == 0 ? 1 : 0, -protects, _previous[x] ? 0 : 1, x == head ? 1 : 0, _val[x]);
                    if (best < 0 || key.CompareTo(bestKey) < 0)
                    {
                        best = x;
                        bestKey = key;
                    }
                }

                if (best >= 0)
                {
                    Suppress(best);
                }
            }
        }

        private void Suppress(int cell)
        {
            _st[cell] = CellStatus.Secondary;
            for (var q = _sys.CellEqStart[cell]; q < _sys.CellEqStart[cell + 1]; q++)
            {
                var f = _sys.CellEqs[q];
                _supCount[f]++;
                if (!_inQueue[f])
                {
                    _inQueue[f] = true;
                    _queue.Enqueue(f);
                }
            }
        }

        /// <summary>Suppresses the best published cell in the nearest equations around a disclosed cell; returns it or -1.</summary>
        private int Repair(int cell)
        {
            var visited = new HashSet<int> { cell };
            var frontier = new List<int> { cell };
            while (frontier.Count > 0)
            {
                var best = -1;
                (int Zero, int Head, long Value) bestKey = default;
                var next = new List<int>();
                foreach (var c in frontier)
                {
                    for (var q = _sys.CellEqStart[c]; q < _sys.CellEqStart[c + 1]; q++)
                    {
                        var e = _sys.CellEqs[q];
                        var head = _sys.EqCells[_sys.EqStart[e]];
                        for (var k = _sys.EqStart[e]; k < _sys.EqStart[e + 1]; k++)
                        {
                            var x = _sys.EqCells[k];
                            if (_st[x] == CellStatus.Published)
                            {
                                var key = (_val[x] == 0 ? 1 : 0, x == head ? 1 : 0, _val[x]);
                                if (best < 0 || key.CompareTo(bestKey) < 0)
                                {
                                    best = x;
                                    bestKey = key;
                                }
                            }
                            else if (visited.Add(x))
                            {
                                next.Add(x);
                            }
                        }
                    }
                }

                if (best >= 0)
                {
                    Suppress(best);
                    return best;
                }

                frontier = next;
            }

            return -1;
        }
    }
}
