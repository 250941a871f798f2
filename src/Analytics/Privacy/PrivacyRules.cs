using System.Globalization;

namespace GeoPrevention.Analytics.Privacy;

/// <summary>
/// The confidentiality rules of one release (DESIGN §4). Defaults follow the practice of the Bundesagentur für Arbeit
/// (counts 1 and 2 are confidential, zeros are published) and of Berlin's MSS and Hamburg's RISE (no rate or index for
/// areas under 300 inhabitants).
/// </summary>
public sealed class PrivacyRules
{
    /// <summary>The default rules (threshold 3, zero published, minimum population 300, no rounding).</summary>
    public static PrivacyRules Default { get; } = new();

    /// <summary>
    /// Counts from 1 to <c>Threshold - 1</c> are confidential and primarily suppressed (default 3, so 1 and 2).
    /// Must be ≥ 1; a threshold of 1 suppresses no positive count.
    /// </summary>
    public int Threshold { get; init; } = 3;

    /// <summary>
    /// Whether a count of 0 is confidential too (default false). The Bundesagentur für Arbeit publishes zeros: a zero
    /// says that nobody in the area is affected, which is not a statement about an identifiable person. Set this to
    /// true where a zero would disclose something (e.g. "no household in this street receives benefits").
    /// </summary>
    public bool ZeroIsConfidential { get; init; }

    /// <summary>
    /// The minimum population of a unit for rates, shares and indices (default 300; 0 disables the rule). A unit whose
    /// population in a year is below this, or unknown, gets <see cref="CellStatus.MinimumPopulation"/> for every rate.
    /// </summary>
    public int MinimumPopulation { get; init; } = 300;

    /// <summary>The name of the <see cref="CountTable"/> holding the population (total category) used for <see cref="MinimumPopulation"/>.</summary>
    public string PopulationTable { get; init; } = "population";

    /// <summary>
    /// Optional rounding base (e.g. 5 or 10) for published counts; null (default) publishes exact counts. Rounding is
    /// to the nearest multiple, halves away from zero, applied after suppression; it is presentation, not protection.
    /// </summary>
    public int? RoundingBase { get; init; }

    /// <summary>
    /// When true (default), secondary suppression also repairs interval disclosures found by bound propagation with
    /// non-negativity (see <see cref="DisclosureAuditor"/>): a primary or source-suppressed cell whose feasible upper
    /// bound is below <see cref="Threshold"/>, or any suppressed cell whose interval collapses to one value.
    /// </summary>
    public bool IntervalProtection { get; init; } = true;

    /// <summary>Whether a known count is primarily confidential under these rules.</summary>
    /// <param name="value">The count.</param>
    /// <returns>True for 1..Threshold-1, and for 0 when <see cref="ZeroIsConfidential"/>.</returns>
    public bool IsConfidential(long value) => value == 0 ? ZeroIsConfidential : value > 0 && value < Threshold;

    internal void Validate()
    {
        if (Threshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The threshold must be at least 1.");
        }

        if (MinimumPopulation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumPopulation), MinimumPopulation, "The minimum population must not be negative.");
        }

        if (RoundingBase is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(RoundingBase), RoundingBase, "The rounding base must be at least 2 (or null for no rounding).");
        }

        if (MinimumPopulation > 0 && string.IsNullOrWhiteSpace(PopulationTable))
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"MinimumPopulation is {MinimumPopulation} but PopulationTable is empty."),
                nameof(PopulationTable));
        }
    }
}

/// <summary>What happened to one cell (a count, or a rate derived from counts) in a release.</summary>
public enum CellStatus
{
    /// <summary>The value is published.</summary>
    Published = 0,

    /// <summary>The count is confidential (1..threshold-1, or 0 when zeros are confidential), or a value derived from one.</summary>
    Primary = 1,

    /// <summary>The count was suppressed so that a confidential count cannot be recovered by addition or subtraction, or a value derived from one.</summary>
    Secondary = 2,

    /// <summary>A rate or index of a unit whose population is below the minimum (or unknown).</summary>
    MinimumPopulation = 3,

    /// <summary>The source did not publish the count (or it is not available); it is unknown to the public and treated as suppressed.</summary>
    SuppressedAtSource = 4,

    /// <summary>A rate whose denominator is zero: mathematically undefined, not confidential.</summary>
    Undefined = 5,
}
