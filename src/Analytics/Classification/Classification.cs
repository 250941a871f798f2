using System.Globalization;
using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// The result of a classification: breaks, the class of every input value, counts per class, fit
/// statistics and warnings.
/// </summary>
/// <remarks>
/// Interval rule (<see cref="IntervalClosure.RightClosed"/>, the default): with bounds
/// <c>b₀ &lt; b₁ &lt; … &lt; bₖ</c>, class <c>i</c> (0-based) holds <c>bᵢ &lt; x ≤ bᵢ₊₁</c> and class 0 also holds
/// <c>x = b₀</c>. Left-closed: class <c>i</c> holds <c>bᵢ ≤ x &lt; bᵢ₊₁</c> and the last class also holds
/// <c>x = bₖ</c>. Equivalently the class is the number of inner breaks <c>b₁ … bₖ₋₁</c> strictly below
/// <c>x</c> (right-closed) or at most <c>x</c> (left-closed).
/// <para>The breaks are computed by the classifier; the class of every value, the counts, the empty-class warnings
/// and the fit statistics are computed together on first access to <see cref="Classes"/>, <see cref="Counts"/> or
/// <see cref="Warnings"/> (GVF and TAI on first access to either), from a copy of the input kept by the result.
/// The values do not depend on when or from which thread they are first read.</para>
/// </remarks>
public sealed class Classification
{
    private readonly double[] _breaks;
    private readonly Lazy<Assignment> _assignment;
    private readonly Lazy<(double Gvf, double Tai)> _fit;

    internal Classification(
        ClassificationMethod method,
        IntervalClosure closure,
        double[] breaks,
        double[] values,
        int excludedCount,
        IReadOnlyList<ClassificationWarning> breakWarnings,
        bool outlierClassesMayBeEmpty)
    {
        Method = method;
        Closure = closure;
        _breaks = breaks;
        ExcludedCount = excludedCount;
        _assignment = new(() => Assign(breaks, values, closure, breakWarnings, outlierClassesMayBeEmpty), LazyThreadSafetyMode.PublicationOnly);
        _fit = new(() => Classifier.FitStatistics(values, _assignment.Value.Classes, breaks.Length - 1), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>The scheme that produced the breaks.</summary>
    public ClassificationMethod Method { get; }

    /// <summary>The interval rule used for <see cref="Classes"/>, <see cref="Counts"/> and <see cref="FindClass"/>.</summary>
    public IntervalClosure Closure { get; }

    /// <summary>
    /// The class bounds <c>b₀ … bₖ</c> (<see cref="ClassCount"/> + 1 values), strictly increasing — except (a) for the
    /// box map, whose six classes are kept for a fixed legend, so bounds may repeat when outlier classes are empty
    /// or quartiles tie, and (b) Fisher-Jenks with <see cref="FisherBreakConvention.ClassMaxima"/> when the first class
    /// holds a single distinct value (then <c>b₀ = b₁</c> and class 0 is exactly that value).
    /// </summary>
    public IReadOnlyList<double> Breaks => _breaks;

    /// <summary>The number of classes <c>k</c> actually formed (may be below the requested number; see <see cref="Warnings"/>).</summary>
    public int ClassCount => _breaks.Length - 1;

    /// <summary>The 0-based class of each input value in input order; −1 for excluded (NaN or infinite) values.</summary>
    public IReadOnlyList<int> Classes => _assignment.Value.Classes;

    /// <summary>Number of values per class (sums to the number of finite values).</summary>
    public IReadOnlyList<int> Counts => _assignment.Value.Counts;

    /// <summary>Number of excluded (NaN or infinite) input values.</summary>
    public int ExcludedCount { get; }

    /// <summary>
    /// Goodness of variance fit <c>GVF = 1 − SDCM/SDAM</c>: SDAM = Σ(x − x̄)², SDCM = Σ over classes of
    /// Σ(x − x̄_class)² (Jenks 1977). 1 when all values are equal. Computed on first access (one pass over the values).
    /// </summary>
    public double GoodnessOfVarianceFit => _fit.Value.Gvf;

    /// <summary>
    /// Tabular accuracy index <c>TAI = 1 − Σ|x − x̄_class| / Σ|x − x̄|</c> (Jenks &amp; Caspall 1971). 1 when all values are equal.
    /// Computed on first access, together with <see cref="GoodnessOfVarianceFit"/>.
    /// </summary>
    public double TabularAccuracyIndex => _fit.Value.Tai;

    /// <summary>Degradations with their numbers (excluded values, merged breaks, empty classes, …).</summary>
    public IReadOnlyList<ClassificationWarning> Warnings => _assignment.Value.Warnings;

    /// <summary>
    /// The class of a new value under the same breaks and closure. Values below <c>b₀</c> go to the first
    /// class and values above <c>bₖ</c> to the last (clamped, like mapclassify <c>find_bin</c>); NaN gives −1.
    /// </summary>
    /// <param name="x">The value.</param>
    /// <returns>The 0-based class, or −1 for NaN.</returns>
    public int FindClass(double x) => double.IsNaN(x) ? -1 : ClassOf(_breaks, x, Closure);

    /// <summary>Lower bound of class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">0-based class.</param>
    /// <returns><c>bᵢ</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The class does not exist.</exception>
    public double LowerBound(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, ClassCount);
        return _breaks[classIndex];
    }

    /// <summary>Upper bound of class <paramref name="classIndex"/>.</summary>
    /// <param name="classIndex">0-based class.</param>
    /// <returns><c>bᵢ₊₁</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The class does not exist.</exception>
    public double UpperBound(int classIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(classIndex, ClassCount);
        return _breaks[classIndex + 1];
    }

    /// <summary>
    /// A legend label for a class with its interval brackets, e.g. <c>"(7,58 – 13,03]"</c> in de-DE with
    /// format <c>"0.00"</c>; the closed end of the first (right-closed) or last (left-closed) class is shown with a bracket.
    /// </summary>
    /// <param name="classIndex">0-based class.</param>
    /// <param name="culture">Culture for the numbers (de-DE for people).</param>
    /// <param name="format">Numeric format string, e.g. "0.0".</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The class does not exist.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string FormatInterval(int classIndex, CultureInfo culture, string format = "0.##")
    {
        ArgumentNullException.ThrowIfNull(culture);
        var lo = LowerBound(classIndex);
        var hi = UpperBound(classIndex);
        bool closedLeft, closedRight;
        if (Closure == IntervalClosure.RightClosed)
        {
            closedLeft = classIndex == 0;
            closedRight = true;
        }
        else
        {
            closedLeft = true;
            closedRight = classIndex == ClassCount - 1;
        }

        return (closedLeft ? "[" : "(") + lo.ToString(format, culture) + " – " + hi.ToString(format, culture) + (closedRight ? "]" : ")");
    }

    /// <summary>
    /// Classes and counts of all values (−1 for NaN/±∞, not counted) and the warnings completed by empty classes
    /// (except the box map's outlier classes, empty by design when there are no outliers). The class is the number of
    /// inner breaks below (right-closed) or at most (left-closed) the value, counted branch-free for up to 16 classes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Assignment Assign(double[] breaks, double[] values, IntervalClosure closure, IReadOnlyList<ClassificationWarning> breakWarnings, bool outlierClassesMayBeEmpty)
    {
        var classes = new int[values.Length];
        var counts = new int[breaks.Length - 1];
        if (breaks.Length > 17)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var c = double.IsFinite(values[i]) ? ClassOf(breaks, values[i], closure) : -1;
                classes[i] = c;
                if (c >= 0)
                {
                    counts[c]++;
                }
            }
        }
        else
        {
            ReadOnlySpan<double> inner = breaks.AsSpan(1, breaks.Length - 2);
            var leftClosed = closure == IntervalClosure.LeftClosed;
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (!double.IsFinite(v))
                {
                    classes[i] = -1;
                    continue;
                }

                var c = 0;
                if (leftClosed)
                {
                    foreach (var b in inner)
                    {
                        c += b <= v ? 1 : 0;
                    }
                }
                else
                {
                    foreach (var b in inner)
                    {
                        c += b < v ? 1 : 0;
                    }
                }

                classes[i] = c;
                counts[c]++;
            }
        }

        var warnings = new List<ClassificationWarning>(breakWarnings);
        for (var c = 0; c < counts.Length; c++)
        {
            var outlierClass = outlierClassesMayBeEmpty && (c == 0 || c == counts.Length - 1);
            if (counts[c] == 0 && !outlierClass)
            {
                warnings.Add(new(ClassificationWarningKind.EmptyClass, string.Create(
                    CultureInfo.InvariantCulture, $"Class {c + 1} of {counts.Length} ({breaks[c]:R} to {breaks[c + 1]:R}) holds no value.")));
            }
        }

        return new Assignment(classes, counts, warnings);
    }

    private sealed record Assignment(int[] Classes, int[] Counts, IReadOnlyList<ClassificationWarning> Warnings);

    /// <summary>Class of <paramref name="x"/> for bounds <paramref name="breaks"/>: count of inner breaks below (or at) x.</summary>
    internal static int ClassOf(double[] breaks, double x, IntervalClosure closure)
    {
        // Inner breaks are breaks[1 .. k-1]; binary search for the count strictly below x (right-closed)
        // or at most x (left-closed).
        int lo = 1, hi = breaks.Length - 1;
        if (closure == IntervalClosure.RightClosed)
        {
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (breaks[mid] < x)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
        }
        else
        {
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (breaks[mid] <= x)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
        }

        return lo - 1;
    }
}

/// <summary>
/// A classification of several series (e.g. years) with common breaks computed from all their values
/// together, so that maps of different years are comparable.
/// </summary>
public sealed class PooledClassification
{
    internal PooledClassification(Classification pooled, IReadOnlyList<IReadOnlyList<int>> seriesClasses, IReadOnlyList<IReadOnlyList<int>> seriesCounts)
    {
        Pooled = pooled;
        SeriesClasses = seriesClasses;
        SeriesCounts = seriesCounts;
    }

    /// <summary>The classification of all values together (its <see cref="Classification.Classes"/> follow the concatenated input order).</summary>
    public Classification Pooled { get; }

    /// <summary>The breaks shared by every series.</summary>
    public IReadOnlyList<double> Breaks => Pooled.Breaks;

    /// <summary>The class of each value, per series (−1 for excluded values).</summary>
    public IReadOnlyList<IReadOnlyList<int>> SeriesClasses { get; }

    /// <summary>Counts per class, per series.</summary>
    public IReadOnlyList<IReadOnlyList<int>> SeriesCounts { get; }
}
