namespace GeoPrevention.Analytics.Privacy;

/// <summary>
/// The additive equations of one table within one year, over year-local cells <c>unit * C + category</c>:
/// for every parent and category, parent = Σ children; for every unit (when a total category exists), total = Σ other
/// categories. Every equation is stored as head (first cell) followed by its members, so that head − Σ members = 0.
/// </summary>
/// <remarks>
/// Each cell is in at most three equations: as head of its own children equation, as member of its parent's equation,
/// and in its unit's category equation. Without categories, the cell–equation incidence graph is a tree (the hierarchy
/// itself); this is what makes <see cref="IsAcyclic"/> systems safe under the single-unknown rule (see docs/privacy.md).
/// </remarks>
internal sealed class EquationSystem
{
    private EquationSystem(int cellCount, int[] eqStart, int[] eqCells, int[] cellEqStart, int[] cellEqs, bool acyclic)
    {
        CellCount = cellCount;
        EqStart = eqStart;
        EqCells = eqCells;
        CellEqStart = cellEqStart;
        CellEqs = cellEqs;
        IsAcyclic = acyclic;
    }

    public int CellCount { get; }

    public int EquationCount => EqStart.Length - 1;

    /// <summary>CSR offsets; the head of equation e is EqCells[EqStart[e]].</summary>
    public int[] EqStart { get; }

    public int[] EqCells { get; }

    public int[] CellEqStart { get; }

    public int[] CellEqs { get; }

    /// <summary>True when the table has no category equations (pure hierarchy).</summary>
    public bool IsAcyclic { get; }

    public static EquationSystem Build(Hierarchy hierarchy, int categories, int totalIndex)
    {
        var units = hierarchy.Count;
        var cellCount = units * categories;
        var eqStart = new List<int> { 0 };
        var eqCells = new List<int>();
        for (var u = 0; u < units; u++)
        {
            var from = hierarchy.ChildStart[u];
            var to = hierarchy.ChildStart[u + 1];
            if (to == from)
            {
                continue;
            }

            for (var c = 0; c < categories; c++)
            {
                eqCells.Add((u * categories) + c);
                for (var k = from; k < to; k++)
                {
                    eqCells.Add((hierarchy.Children[k] * categories) + c);
                }

                eqStart.Add(eqCells.Count);
            }
        }

        if (totalIndex >= 0)
        {
            for (var u = 0; u < units; u++)
            {
                eqCells.Add((u * categories) + totalIndex);
                for (var c = 0; c < categories; c++)
                {
                    if (c != totalIndex)
                    {
                        eqCells.Add((u * categories) + c);
                    }
                }

                eqStart.Add(eqCells.Count);
            }
        }

        var starts = eqStart.ToArray();
        var cells = eqCells.ToArray();
        var cellEqStart = new int[cellCount + 1];
        foreach (var cell in cells)
        {
            cellEqStart[cell + 1]++;
        }

        for (var i = 0; i < cellCount; i++)
        {
            cellEqStart[i + 1] += cellEqStart[i];
        }

        var cellEqs = new int[cells.Length];
        var fill = (int[])cellEqStart.Clone();
        for (var e = 0; e + 1 < starts.Length; e++)
        {
            for (var k = starts[e]; k < starts[e + 1]; k++)
            {
                cellEqs[fill[cells[k]]++] = e;
            }
        }

        return new EquationSystem(cellCount, starts, cells, cellEqStart, cellEqs, totalIndex < 0);
    }
}
