namespace GeoPrevention.Analytics.Tables;

/// <summary>The role and storage type of a table column.</summary>
public enum ColumnKind
{
    /// <summary>A key column (AGS, ARS, district id): always text, leading zeros kept.</summary>
    Key,

    /// <summary>A text column that is not a key (names, labels).</summary>
    Text,

    /// <summary>A numeric column, stored as nullable <see cref="double"/>.</summary>
    Numeric,
}

/// <summary>The state of one cell, so that a missing value and a value suppressed at source stay distinguishable.</summary>
public enum CellStatus : byte
{
    /// <summary>The cell holds a value.</summary>
    Value = 0,

    /// <summary>The cell is empty or holds an NA token (<c>k.A.</c>, <c>-</c>, <c>NA</c>, …): no value exists or is known.</summary>
    Missing = 1,

    /// <summary>
    /// The value was suppressed (censored) at source: a suppression token such as <c>.</c>, <c>x</c>, <c>*</c>
    /// or a censoring bound such as <c>&lt;3</c>. A value exists but may not be shown.
    /// </summary>
    SuppressedAtSource = 2,

    /// <summary>The cell holds text in an auto-detected numeric column; it is listed as suspicious in the import report.</summary>
    Invalid = 3,
}
