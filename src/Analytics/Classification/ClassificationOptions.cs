namespace GeoPrevention.Analytics.Classification;

/// <summary>Options for <see cref="Classifier.Classify(ReadOnlySpan{double}, ClassificationOptions)"/>.</summary>
public sealed class ClassificationOptions
{
    /// <summary>The scheme (default <see cref="ClassificationMethod.Quantile"/>).</summary>
    public ClassificationMethod Method { get; init; } = ClassificationMethod.Quantile;

    /// <summary>
    /// Requested number of classes <c>k</c> (default 5, at least 1). Used by equal interval, quantile,
    /// Fisher-Jenks and pretty; ignored by the other schemes.
    /// </summary>
    public int Classes { get; init; } = 5;

    /// <summary>Which end of each interval belongs to the class (default right-closed, see DESIGN §3).</summary>
    public IntervalClosure Closure { get; init; } = IntervalClosure.RightClosed;

    /// <summary>Break convention for Fisher-Jenks (default <see cref="FisherBreakConvention.ClassMaxima"/>).</summary>
    public FisherBreakConvention FisherBreaks { get; init; } = FisherBreakConvention.ClassMaxima;

    /// <summary>
    /// Multiples of the standard deviation around the mean used as inner breaks by
    /// <see cref="ClassificationMethod.StandardDeviation"/> (default −2, −1, 1, 2 like mapclassify StdMean).
    /// Must be strictly increasing and finite.
    /// </summary>
    public IReadOnlyList<double> StandardDeviationMultiples { get; init; } = [-2.0, -1.0, 1.0, 2.0];

    /// <summary>Hinge <c>h</c> of the box map fences <c>Q1 − h·IQR</c>, <c>Q3 + h·IQR</c> (default 1.5; 3.0 for extreme outliers).</summary>
    public double BoxMapHinge { get; init; } = 1.5;

    /// <summary>Head/tail breaks: recurse while the head holds at most this share of the values (default 0.4, Jiang 2013).</summary>
    public double HeadTailThreshold { get; init; } = 0.4;

    /// <summary>
    /// User-defined class bounds <c>b₀ &lt; b₁ &lt; … &lt; bₖ</c> (at least two, finite, strictly increasing) for
    /// <see cref="ClassificationMethod.UserDefined"/>.
    /// </summary>
    public IReadOnlyList<double>? UserBreaks { get; init; }
}
