namespace GeoPrevention.Analytics.Indicators;

/// <summary>Whether higher values of an indicator are worse or better.</summary>
public enum Polarity
{
    /// <summary>Higher values are worse (e.g. child poverty).</summary>
    HigherIsWorse,

    /// <summary>Higher values are better (e.g. day-care coverage).</summary>
    HigherIsBetter,
}

/// <summary>What the numerator counts relative to the denominator; decides the confidence-interval method.</summary>
public enum RateKind
{
    /// <summary>A share: the numerator is a subset of the denominator (children in SGB II among all children). Wilson score interval.</summary>
    Share,

    /// <summary>A rate of events per population (cases per 1,000 inhabitants). Exact Poisson (Garwood) interval.</summary>
    Rate,
}

/// <summary>
/// The definition of an indicator computed from a numerator and a denominator column (DESIGN §2): a count is never
/// shown without its denominator.
/// </summary>
public sealed class IndicatorDefinition
{
    /// <summary>A stable id, e.g. <c>sgb2_u15</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The German label shown to people, e.g. "Kinder unter 15 Jahren in SGB-II-Bedarfsgemeinschaften".</summary>
    public required string Label { get; init; }

    /// <summary>The numerator column (a count).</summary>
    public required string NumeratorColumn { get; init; }

    /// <summary>The denominator column (a count or population).</summary>
    public required string DenominatorColumn { get; init; }

    /// <summary>The scale: 100 (per cent) or 1,000 (per mille / per 1,000 inhabitants); default 100.</summary>
    public double Scale { get; init; } = 100;

    /// <summary>The unit shown to people, e.g. "%" or "je 1.000 Einw."; default "%".</summary>
    public string Unit { get; init; } = "%";

    /// <summary>Share (Wilson interval) or rate (exact Poisson interval); default <see cref="RateKind.Share"/>.</summary>
    public RateKind Kind { get; init; } = RateKind.Share;

    /// <summary>Whether higher values are worse or better; default <see cref="Polarity.HigherIsWorse"/>.</summary>
    public Polarity Polarity { get; init; } = Polarity.HigherIsWorse;

    /// <summary>The data source with attribution, e.g. "Bundesagentur für Arbeit".</summary>
    public string? Source { get; init; }

    /// <summary>The data date (Stichtag).</summary>
    public DateOnly? DataDate { get; init; }

    /// <summary>The minimum denominator for a reliable value (default 0 = no minimum); below it the value is flagged unreliable.</summary>
    public double MinimumDenominator { get; init; }

    /// <summary>
    /// The largest relative standard error (half the 95 % CI width divided by 1.96 and by the value) for a reliable
    /// value; default 0.3 (the NCHS 30 % rule). 0 or less switches the criterion off.
    /// </summary>
    public double MaxRelativeStandardError { get; init; } = 0.3;
}
