namespace GeoPrevention.Analytics.Privacy;

/// <summary>How an attacker learns a suppressed value.</summary>
public enum DisclosureKind
{
    /// <summary>The value follows uniquely from the published values by addition and subtraction along the equations.</summary>
    Exact = 0,

    /// <summary>With non-negativity, the value is pinned to one number, or a confidential value is shown to lie below the threshold.</summary>
    Interval = 1,
}

/// <summary>One suppressed cell an attacker can learn about.</summary>
/// <param name="Table">The table.</param>
/// <param name="Key">The unit key.</param>
/// <param name="Year">The year.</param>
/// <param name="Category">The category.</param>
/// <param name="Kind">The attack that succeeds.</param>
/// <param name="Lower">For <see cref="DisclosureKind.Interval"/>: the attacker's lower bound; otherwise null.</param>
/// <param name="Upper">For <see cref="DisclosureKind.Interval"/>: the attacker's upper bound; otherwise null.</param>
public sealed record Disclosure(string Table, string Key, int Year, string Category, DisclosureKind Kind, long? Lower, long? Upper);

/// <summary>The findings of <see cref="DisclosureAuditor.Audit(SuppressionResult)"/>.</summary>
/// <param name="Disclosures">Every disclosed cell, ordered by table, year, unit position and category.</param>
/// <param name="SuppressedCells">How many suppressed cells were audited.</param>
/// <param name="Equations">How many equations (over all tables and years) were used.</param>
public sealed record AuditReport(IReadOnlyList<Disclosure> Disclosures, int SuppressedCells, int Equations)
{
    /// <summary>The exact disclosures only.</summary>
    public IEnumerable<Disclosure> Exact => Disclosures.Where(d => d.Kind == DisclosureKind.Exact);
}

/// <summary>Options for <see cref="DisclosureAuditor"/>.</summary>
public sealed class DisclosureAuditOptions
{
    /// <summary>Whether to run the interval attack (bound propagation with non-negativity) besides the exact one (default true).</summary>
    public bool IntervalAttack { get; init; } = true;
}

/// <summary>
/// Attacks a suppression pattern the way a reader of the release could: every published cell is known, every suppressed
/// cell is unknown, and the tables' equations (parent = Σ children per category, total = Σ categories per unit, within
/// each year) hold.
/// </summary>
/// <remarks>
/// What it proves and what it does not:
/// <list type="number">
/// <item>Exact attack (complete): a suppressed cell is reported iff it is determined uniquely by the linear system, i.e.
/// iff the unit vector e_i lies in the row space of the coefficient matrix restricted to the unknowns. This covers every
/// combination of additions and subtractions of published cells, across levels and categories of one table and year.
/// Computed exactly (integer Gaussian elimination per connected component of unknowns; see docs/privacy.md).</item>
/// <item>Interval attack (sound, not complete): bounds from non-negativity are propagated equation by equation. A
/// reported interval disclosure is real; the absence of one is not proof, because linear programming over the whole
/// system can give tighter bounds than propagation.</item>
/// <item>Not covered: relations between different tables (e.g. a published rate times a published denominator), other
/// releases or earlier versions of the same data, rounding, and knowledge the attacker has from elsewhere.</item>
/// </list>
/// </remarks>
public static class DisclosureAuditor
{
    /// <summary>Runs the exact and interval attacks on a suppression result.</summary>
    /// <param name="result">The suppression result (it keeps the tables it was computed from).</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static AuditReport Audit(SuppressionResult result) => Audit(result, new DisclosureAuditOptions());

    /// <summary>Runs the attacks chosen in the options on a suppression result.</summary>
    /// <param name="result">The suppression result.</param>
    /// <param name="options">Which attacks to run.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AuditReport Audit(SuppressionResult result, DisclosureAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var disclosures = new List<Disclosure>();
        var suppressed = 0;
        var equations = 0;
        var threshold = result.Rules.Threshold;
        for (var t = 0; t < result.TablesInternal.Length; t++)
        {
            var table = result.TablesInternal[t];
            var cats = table.Categories.Count;
            var years = table.Years.Count;
            var sys = EquationSystem.Build(table.Hierarchy, cats, table.TotalIndex);
            var unknown = new bool[sys.CellCount];
            var values = new long[sys.CellCount];
            var status = new CellStatus[sys.CellCount];
            for (var y = 0; y < years; y++)
            {
                equations += sys.EquationCount;
                for (var l = 0; l < sys.CellCount; l++)
                {
                    var g = StatisticalDisclosureControl.Global(l, y, cats, years);
                    status[l] = result.StatusAt(t, g);
                    unknown[l] = status[l] != CellStatus.Published;
                    values[l] = table.Values[g].GetValueOrDefault();
                    suppressed += unknown[l] ? 1 : 0;
                }

                var exact = AuditCore.DeterminedCells(sys, unknown);
                var bounds = options.IntervalAttack ? AuditCore.Bounds(sys, unknown, values) : default;
                for (var l = 0; l < sys.CellCount; l++)
                {
                    if (!unknown[l])
                    {
                        continue;
                    }

                    var key = table.Hierarchy.Units[l / cats].Key;
                    var category = table.Categories[l % cats];
                    if (exact[l])
                    {
                        disclosures.Add(new Disclosure(table.Name, key, table.Years[y], category, DisclosureKind.Exact, null, null));
                    }
                    else if (options.IntervalAttack)
                    {
                        var lo = bounds.Lower[l];
                        var hi = bounds.Upper[l];
                        var confidential = status[l] is CellStatus.Primary or CellStatus.SuppressedAtSource;
                        if (lo == hi || (confidential && hi < threshold))
                        {
                            disclosures.Add(new Disclosure(table.Name, key, table.Years[y], category, DisclosureKind.Interval, lo, hi));
                        }
                    }
                }
            }
        }

        return new AuditReport(disclosures.AsReadOnly(), suppressed, equations);
    }
}
