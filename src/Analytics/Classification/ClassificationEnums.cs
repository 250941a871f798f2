namespace GeoPrevention.Analytics.Classification;

/// <summary>The classification scheme used to compute class breaks.</summary>
public enum ClassificationMethod
{
    /// <summary>
    /// Equal interval: <c>k</c> classes of width <c>(max − min)/k</c>; breaks are R's
    /// <c>seq(min, max, length.out = k + 1)</c> (classInt <c>style = "equal"</c>).
    /// </summary>
    EqualInterval,

    /// <summary>
    /// Quantile: breaks are the sample quantiles at <c>0, 1/k, …, 1</c> with R's type 7 definition
    /// (linear interpolation, = numpy <c>linear</c>; classInt <c>style = "quantile"</c>). Coinciding breaks
    /// (ties) are merged with a warning.
    /// </summary>
    Quantile,

    /// <summary>
    /// Exact Fisher-Jenks: the partition of the sorted values into <c>k</c> contiguous classes with the
    /// minimum within-class sum of squared deviations (Fisher 1958; optimal 1-D k-means). The break
    /// convention is chosen with <see cref="ClassificationOptions.FisherBreaks"/>.
    /// </summary>
    FisherJenks,

    /// <summary>
    /// Standard-deviation bands: inner breaks at <c>mean + m·sd</c> for each multiple <c>m</c> in
    /// <see cref="ClassificationOptions.StandardDeviationMultiples"/> (sample SD, <c>n − 1</c>).
    /// </summary>
    StandardDeviation,

    /// <summary>
    /// Box map (Anselin): six classes — lower outliers (≤ Q1 − h·IQR), Q1 − h·IQR … Q1, Q1 … median,
    /// median … Q3, Q3 … Q3 + h·IQR, upper outliers — with hinge <c>h</c> =
    /// <see cref="ClassificationOptions.BoxMapHinge"/> and type-7 quartiles.
    /// </summary>
    BoxMap,

    /// <summary>
    /// Head/tail breaks (Jiang 2013) for heavy-tailed data: split at the mean and recurse into the head
    /// (values above the mean) while the head holds at most
    /// <see cref="ClassificationOptions.HeadTailThreshold"/> of the current values.
    /// </summary>
    HeadTailBreaks,

    /// <summary>
    /// "Pretty" breaks: R's <c>pretty(x, n = k)</c> algorithm (1, 2 or 5 times a power of ten);
    /// the number of classes may differ from <c>k</c>.
    /// </summary>
    Pretty,

    /// <summary>User-defined breaks from <see cref="ClassificationOptions.UserBreaks"/>.</summary>
    UserDefined,
}

/// <summary>Which end of a class interval belongs to the class.</summary>
public enum IntervalClosure
{
    /// <summary>
    /// Right-closed (default, like mapclassify and the classInt <c>jenks</c> counts): class <c>i</c> holds
    /// <c>bᵢ &lt; x ≤ bᵢ₊₁</c>; the first class also holds <c>x = b₀</c>.
    /// </summary>
    RightClosed,

    /// <summary>
    /// Left-closed (classInt <c>findCols</c> for fisher/quantile/equal, R <c>findInterval</c>): class
    /// <c>i</c> holds <c>bᵢ ≤ x &lt; bᵢ₊₁</c>; the last class also holds <c>x = bₖ</c>.
    /// </summary>
    LeftClosed,
}

/// <summary>How the breaks of an optimal (Fisher-Jenks) partition are reported.</summary>
public enum FisherBreakConvention
{
    /// <summary>
    /// Jenks / mapclassify convention <c>[min, max₁, max₂, …, max]</c>: each inner break is the largest value
    /// of a class. Reproduces the partition exactly with <see cref="IntervalClosure.RightClosed"/>.
    /// </summary>
    ClassMaxima,

    /// <summary>
    /// classInt <c>style = "fisher"</c> convention <c>[min, (max₁+min₂)/2, …, max]</c>: each inner break is
    /// the midpoint between adjacent classes; reproduces the partition with either closure.
    /// </summary>
    Midpoints,
}

/// <summary>The kind of a classification warning (a degradation the caller should know about).</summary>
public enum ClassificationWarningKind
{
    /// <summary>Values that are NaN or infinite were excluded (class −1).</summary>
    NonFiniteExcluded,

    /// <summary>All finite values are equal; one class was formed.</summary>
    AllValuesEqual,

    /// <summary>Fewer distinct values than requested classes; the number of classes was reduced.</summary>
    FewerDistinctValues,

    /// <summary>Coinciding breaks (ties) were merged; fewer classes than requested.</summary>
    BreaksMerged,

    /// <summary>A class holds no value.</summary>
    EmptyClass,

    /// <summary>Values lie outside the user-defined breaks; the outer breaks were extended.</summary>
    BreaksExtended,

    /// <summary>Standard-deviation multiples outside the data range were dropped.</summary>
    BandsDropped,
}

/// <summary>A degradation during classification, with the numbers involved.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Message">An English sentence with the numbers, e.g. "5 classes requested, 3 distinct values; 3 classes formed."</param>
public sealed record ClassificationWarning(ClassificationWarningKind Kind, string Message);
