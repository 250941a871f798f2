using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using GeoPrevention.Analytics.Statistics;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// Classifies values for choropleth maps: equal interval, quantile, exact Fisher-Jenks, standard-deviation
/// bands, box map, head/tail breaks, pretty and user-defined breaks.
/// </summary>
/// <remarks>
/// Rules, in order:
/// <list type="number">
/// <item>NaN and ±∞ are excluded: they get class −1, are counted in <see cref="Classification.ExcludedCount"/>
/// and reported as a warning. No finite value at all is a caller error (<see cref="ArgumentException"/>).</item>
/// <item>If all finite values are equal, one class <c>[v, v]</c> is formed with a warning.</item>
/// <item>Breaks are computed by the scheme (see <see cref="ClassificationMethod"/>) from the finite values.
/// Fisher-Jenks and quantile never form more classes than there are distinct values; a reduction is warned.</item>
/// <item>Coinciding breaks are merged (warning with the numbers), so the bounds are strictly increasing.</item>
/// <item>Every finite value gets exactly one class by the interval rule of <see cref="Classification"/>;
/// empty classes are warned (except the box map's outlier classes, which are empty by design when there are
/// no outliers). The classes, counts, these warnings and GVF/TAI are computed on first access (see
/// <see cref="Classification"/>); the breaks and the warnings of rules 1–4 are computed by the call.</item>
/// </list>
/// Reference tool: R classInt 0.4.9 (<c>classIntervals</c>, <c>findCols</c>); the N = 1000 peer values are
/// reproduced in the tests.
/// </remarks>
public static class Classifier
{
    /// <summary>Classifies with a scheme and a number of classes, right-closed intervals and default options.</summary>
    /// <param name="values">The values (NaN/∞ are excluded and reported).</param>
    /// <param name="method">The scheme.</param>
    /// <param name="classes">Requested number of classes (≥ 1).</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentException">No finite value, or invalid options.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is below 1.</exception>
    public static Classification Classify(ReadOnlySpan<double> values, ClassificationMethod method, int classes = 5)
        => Classify(values, new ClassificationOptions { Method = method, Classes = classes });

    /// <summary>Classifies values with explicit options.</summary>
    /// <param name="values">The values (NaN/∞ are excluded and reported).</param>
    /// <param name="options">Scheme, number of classes, closure and scheme parameters.</param>
    /// <returns>The classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">No finite value, or invalid options (user breaks not increasing, …).</exception>
    /// <exception cref="ArgumentOutOfRangeException">A numeric option is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Classification Classify(ReadOnlySpan<double> values, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var warnings = new List<ClassificationWarning>();

        // One copy of the input, kept by the result for the class assignment on first access.
        var copy = GC.AllocateUninitializedArray<double>(values.Length);
        values.CopyTo(copy);
        var breaks = BreaksOf(copy, copy, options, warnings, out var excluded, out var fixedClassCount);

        // Classes, counts, empty-class warnings and the goodness of fit are computed on first access.
        return new Classification(options.Method, options.Closure, breaks, copy, excluded, warnings, fixedClassCount);
    }

    /// <summary>
    /// Computes only the class breaks of a scheme — the same breaks <see cref="Classify(ReadOnlySpan{double}, ClassificationOptions)"/>
    /// gives — without keeping a copy of the values or assigning them to classes (for a legend with fixed breaks, or
    /// breaks applied to other data).
    /// </summary>
    /// <param name="values">The values (NaN/∞ are excluded).</param>
    /// <param name="options">Scheme, number of classes and scheme parameters.</param>
    /// <returns>The increasing breaks b₀ … b_k (b₀ = minimum, b_k = maximum for the data-driven schemes).</returns>
    /// <remarks>Equal interval, pretty and user-defined breaks read the values once (minimum and maximum, no copy);
    /// the other schemes copy the finite values as <see cref="Classify(ReadOnlySpan{double}, ClassificationOptions)"/> does.
    /// Warnings (fewer distinct values than classes, merged breaks, excluded values) are reported by
    /// <see cref="Classify(ReadOnlySpan{double}, ClassificationOptions)"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">No finite value, or invalid options.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A numeric option is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Breaks(ReadOnlySpan<double> values, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return BreaksOf(values, null, options, [], out _, out _);
    }

    /// <summary>The breaks of <paramref name="values"/>; <paramref name="copy"/> (when given) holds the same values and is used instead of a new copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] BreaksOf(ReadOnlySpan<double> values, double[]? copy, ClassificationOptions options, List<ClassificationWarning> warnings, out int excluded, out bool fixedClassCount)
    {
        var (n, min, max) = FiniteRange(values);
        excluded = values.Length - n;
        if (n == 0)
        {
            throw new ArgumentException(
                values.IsEmpty
                    ? "Cannot classify an empty set of values."
                    : string.Create(CultureInfo.InvariantCulture, $"Cannot classify: none of the {values.Length} values is finite (all NaN or infinite)."),
                nameof(values));
        }

        if (excluded > 0)
        {
            warnings.Add(new(ClassificationWarningKind.NonFiniteExcluded, string.Create(
                CultureInfo.InvariantCulture, $"{excluded} of {values.Length} values are NaN or infinite and were excluded (class -1).")));
        }

        // Equal, pretty and user breaks need only the range; the other schemes read the finite values.
        var rangeOnly = options.Method is ClassificationMethod.EqualInterval or ClassificationMethod.Pretty or ClassificationMethod.UserDefined;
        double[] finite = rangeOnly ? [] : excluded == 0 ? copy ?? values.ToArray() : FiniteValues(values, n);
        var breaks = ComputeBreaks(finite, n, min, max, options, warnings, out fixedClassCount);
        // Fisher breaks come from distinct values and never coincide, except b₀ = b₁ in the class-maxima
        // convention when the first class holds one distinct value; box maps keep six classes.
        if (!fixedClassCount && options.Method != ClassificationMethod.FisherJenks)
        {
            breaks = MergeCoincidingBreaks(breaks, options, warnings);
        }

        return breaks;
    }

    private static double FirstZero(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (v == 0)
            {
                return v;
            }
        }

        return 0;
    }

    private static double[] FiniteValues(ReadOnlySpan<double> values, int count)
    {
        var finite = new double[count];
        var j = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite[j++] = v;
            }
        }

        return finite;
    }

    /// <summary>Number of finite values and their minimum and maximum (the first of equal extremes, as a scalar scan finds it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int Count, double Min, double Max) FiniteRange(ReadOnlySpan<double> values)
    {
        // Vector pass for the common case of all-finite data (x − x is 0 exactly for finite x, NaN otherwise); any
        // non-finite value falls back to the scalar scan. A zero extreme (−0 and +0 compare equal, and the vector
        // min/max may pick either) takes the sign of the first zero, as the scalar scan does.
        if (Vector.IsHardwareAccelerated && values.Length >= 4 * Vector<double>.Count)
        {
            var vMin = new Vector<double>(values[0]);
            var vMax = vMin;
            var finite = Vector<long>.AllBitsSet;
            var i = 0;
            for (; i <= values.Length - Vector<double>.Count; i += Vector<double>.Count)
            {
                var v = new Vector<double>(values[i..]);
                finite &= Vector.Equals(v - v, Vector<double>.Zero);
                vMin = Vector.Min(vMin, v);
                vMax = Vector.Max(vMax, v);
            }

            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (var l = 0; l < Vector<double>.Count; l++)
            {
                min = Math.Min(min, vMin[l]);
                max = Math.Max(max, vMax[l]);
            }

            var allFinite = finite == Vector<long>.AllBitsSet;
            for (; i < values.Length; i++)
            {
                allFinite &= double.IsFinite(values[i]);
                min = Math.Min(min, values[i]);
                max = Math.Max(max, values[i]);
            }

            if (allFinite)
            {
                // A zero extreme takes the sign of the first zero, as the scalar scan would (usually found early).
                return (values.Length, min == 0 ? FirstZero(values) : min, max == 0 ? FirstZero(values) : max);
            }
        }

        var n = 0;
        double sMin = double.PositiveInfinity, sMax = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                n++;
                sMin = v < sMin ? v : sMin;
                sMax = v > sMax ? v : sMax;
            }
        }

        return (n, sMin, sMax);
    }

    /// <summary>
    /// Classifies several series (e.g. years) with common breaks computed from all their values together;
    /// returns the class of each value per series.
    /// </summary>
    /// <param name="series">The series; each may have its own length. NaN/∞ are excluded and reported.</param>
    /// <param name="options">Scheme, number of classes and closure.</param>
    /// <returns>The pooled classification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="series"/>, one of its items or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">No series, or no finite value in any series, or invalid options.</exception>
    public static PooledClassification ClassifyPooled(IReadOnlyList<double[]> series, ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        if (series.Count == 0)
        {
            throw new ArgumentException("At least one series is needed for a pooled classification.", nameof(series));
        }

        var total = 0;
        for (var s = 0; s < series.Count; s++)
        {
            ArgumentNullException.ThrowIfNull(series[s], $"{nameof(series)}[{s}]");
            total += series[s].Length;
        }

        var all = new double[total];
        var offset = 0;
        foreach (var s in series)
        {
            s.CopyTo(all, offset);
            offset += s.Length;
        }

        var pooled = Classify(all, options);
        var seriesClasses = new IReadOnlyList<int>[series.Count];
        var seriesCounts = new IReadOnlyList<int>[series.Count];
        offset = 0;
        for (var s = 0; s < series.Count; s++)
        {
            var len = series[s].Length;
            var cls = new int[len];
            var cnt = new int[pooled.ClassCount];
            for (var i = 0; i < len; i++)
            {
                var c = pooled.Classes[offset + i];
                cls[i] = c;
                if (c >= 0)
                {
                    cnt[c]++;
                }
            }

            seriesClasses[s] = cls;
            seriesCounts[s] = cnt;
            offset += len;
        }

        return new PooledClassification(pooled, seriesClasses, seriesCounts);
    }

    private static void Validate(ClassificationOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Classes, 1, nameof(ClassificationOptions.Classes));
        if (!Enum.IsDefined(o.Method))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.Method, "Unknown classification method.");
        }

        if (!Enum.IsDefined(o.Closure))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.Closure, "Unknown interval closure.");
        }

        if (!(o.BoxMapHinge > 0) || !double.IsFinite(o.BoxMapHinge))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.BoxMapHinge, "BoxMapHinge must be positive and finite.");
        }

        if (!(o.HeadTailThreshold > 0 && o.HeadTailThreshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.HeadTailThreshold, "HeadTailThreshold must lie in (0, 1).");
        }

        if (o.Method == ClassificationMethod.StandardDeviation)
        {
            CheckIncreasing(o.StandardDeviationMultiples, nameof(ClassificationOptions.StandardDeviationMultiples), 1);
        }

        if (o.Method == ClassificationMethod.UserDefined)
        {
            if (o.UserBreaks is null)
            {
                throw new ArgumentException("UserBreaks must be set for the user-defined method.", nameof(o));
            }

            CheckIncreasing(o.UserBreaks, nameof(ClassificationOptions.UserBreaks), 2);
        }
    }

    private static void CheckIncreasing(IReadOnlyList<double>? list, string name, int min)
    {
        if (list is null || list.Count < min)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} needs at least {min} value(s)."), name);
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!double.IsFinite(list[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is not finite ({list[i]})."), name);
            }

            if (i > 0 && !(list[i] > list[i - 1]))
            {
                throw new ArgumentException(string.Create(
                    CultureInfo.InvariantCulture, $"{name} must be strictly increasing; {name}[{i}] = {list[i]:R} follows {list[i - 1]:R}."), name);
            }
        }
    }

    /// <summary>Breaks from the finite values (any order; never modified: sorting and selection work on copies).</summary>
    private static double[] ComputeBreaks(double[] finite, int n, double min, double max, ClassificationOptions o, List<ClassificationWarning> warnings, out bool fixedClassCount)
    {
        fixedClassCount = false;
        if (min == max && o.Method != ClassificationMethod.UserDefined)
        {
            warnings.Add(new(ClassificationWarningKind.AllValuesEqual, string.Create(
                CultureInfo.InvariantCulture, $"All {n} values are equal ({min:R}); one class was formed.")));
            return [min, max];
        }

        var k = o.Classes;
        switch (o.Method)
        {
            case ClassificationMethod.EqualInterval:
                return EqualBreaks(min, max, k);
            case ClassificationMethod.Pretty:
                return PrettyBreaks.Compute(min, max, k);
            case ClassificationMethod.UserDefined:
                return UserBreaks(min, max, o.UserBreaks!, warnings);
            case ClassificationMethod.Quantile:
                return QuantileBreaks(finite, min, max, ReduceToDistinct(finite, k, warnings));
        }

        var sorted = (double[])finite.Clone();
        RadixSort.Sort(sorted);
        switch (o.Method)
        {
            case ClassificationMethod.FisherJenks:
                return FisherBreaks(sorted, ReduceToDistinct(sorted, k, warnings), o.FisherBreaks);
            case ClassificationMethod.StandardDeviation:
                return StandardDeviationBreaks(sorted, o.StandardDeviationMultiples, warnings);
            case ClassificationMethod.BoxMap:
                fixedClassCount = true;
                return BoxMapBreaks(sorted, o.BoxMapHinge);
            default:
                return HeadTailBreaks(sorted, o.HeadTailThreshold);
        }
    }

    /// <summary>min(k, number of distinct values), with a warning when there are fewer than k; any order of the values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int ReduceToDistinct(double[] values, int k, List<ClassificationWarning> warnings)
    {
        // Up to k distinct values seen so far; stops as soon as k are found (usually within the first few values).
        var seen = new double[k];
        var distinct = 0;
        foreach (var v in values)
        {
            if (distinct > 0 && v == seen[distinct - 1])
            {
                continue;
            }

            if (Array.IndexOf(seen, v, 0, distinct) < 0)
            {
                seen[distinct++] = v;
                if (distinct == k)
                {
                    return k;
                }
            }
        }

        warnings.Add(new(ClassificationWarningKind.FewerDistinctValues, string.Create(
            CultureInfo.InvariantCulture, $"{k} classes requested, {distinct} distinct values; {distinct} classes formed.")));
        return distinct;
    }

    /// <summary>R <c>seq(min, max, length.out = k + 1)</c>: <c>c(from, from + (1:(k−1))·by, to)</c>.</summary>
    internal static double[] EqualBreaks(double min, double max, int k)
    {
        var b = new double[k + 1];
        var by = (max - min) / k;
        b[0] = min;
        for (var i = 1; i < k; i++)
        {
            b[i] = min + (i * by);
        }

        b[k] = max;
        return b;
    }

    /// <summary>R type-7 quantiles at p = i/k from the two order statistics around each (no full sort; see <see cref="Selection"/>).</summary>
    private static double[] QuantileBreaks(double[] finite, double min, double max, int k)
    {
        var index = new double[k + 1];
        var ranks = new int[2 * (k + 1)];
        var step = 1.0 / k;
        for (var i = 0; i <= k; i++)
        {
            // R's seq(0, 1, 1/k) computes i * (1/k); the last probability is exactly 1.
            var p = i == k ? 1.0 : i * step;
            index[i] = (finite.Length - 1) * p;
            ranks[2 * i] = (int)Math.Floor(index[i]);
            ranks[(2 * i) + 1] = (int)Math.Ceiling(index[i]);
        }

        var x = Selection.OrderStatistics(finite, min, max, ranks);
        var b = new double[k + 1];
        for (var i = 0; i <= k; i++)
        {
            b[i] = Descriptive.InterpolateTypeSeven(index[i], x[2 * i], x[(2 * i) + 1]);
        }

        return b;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] FisherBreaks(double[] sorted, int k, FisherBreakConvention convention)
    {
        // Compress to distinct values with multiplicities.
        var n = sorted.Length;
        var values = new double[n];
        var weights = new double[n];
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            if (m > 0 && sorted[i] == values[m - 1])
            {
                weights[m - 1]++;
            }
            else
            {
                values[m] = sorted[i];
                weights[m] = 1;
                m++;
            }
        }

        var ends = FisherJenks.OptimalClassEnds(values.AsSpan(0, m), weights.AsSpan(0, m), k);
        var b = new double[k + 1];
        b[0] = values[0];
        b[k] = values[m - 1];
        for (var c = 0; c < k - 1; c++)
        {
            var maxC = values[ends[c]];
            b[c + 1] = convention == FisherBreakConvention.ClassMaxima ? maxC : (maxC + values[ends[c] + 1]) / 2;
        }

        return b;
    }

    private static double[] StandardDeviationBreaks(double[] sorted, IReadOnlyList<double> multiples, List<ClassificationWarning> warnings)
    {
        var mean = Descriptive.Mean(sorted);
        var sd = Descriptive.SampleStandardDeviation(sorted);
        var min = sorted[0];
        var max = sorted[^1];
        var b = new List<double> { min };
        var dropped = new List<double>();
        foreach (var m in multiples)
        {
            var x = mean + (m * sd);
            if (x > min && x < max)
            {
                b.Add(x);
            }
            else
            {
                dropped.Add(m);
            }
        }

        b.Add(max);
        if (dropped.Count > 0)
        {
            warnings.Add(new(ClassificationWarningKind.BandsDropped, string.Create(CultureInfo.InvariantCulture,
                $"{dropped.Count} of {multiples.Count} SD multiples ({string.Join(", ", dropped.Select(d => d.ToString("R", CultureInfo.InvariantCulture)))}) lie outside the data range [{min:R}, {max:R}] (mean {mean:R}, sd {sd:R}) and were dropped.")));
        }

        return [.. b];
    }

    private static double[] BoxMapBreaks(double[] sorted, double hinge)
    {
        var q1 = Descriptive.QuantileSorted(sorted, 0.25);
        var q2 = Descriptive.QuantileSorted(sorted, 0.5);
        var q3 = Descriptive.QuantileSorted(sorted, 0.75);
        var iqr = q3 - q1;
        var lowFence = q1 - (hinge * iqr);
        var highFence = q3 + (hinge * iqr);
        var min = sorted[0];
        var max = sorted[^1];

        // Six classes always (a fixed legend); the outlier classes are empty when no value lies beyond a fence,
        // and then their outer bound equals the fence (the only case of equal adjacent bounds).
        var b0 = Math.Min(min, lowFence);
        var b6 = Math.Max(max, highFence);
        return [b0, lowFence, q1, q2, q3, highFence, b6];
    }

    private static double[] HeadTailBreaks(double[] sorted, double threshold)
    {
        var b = new List<double> { sorted[0] };
        var start = 0;
        while (true)
        {
            var count = sorted.Length - start;
            var mean = Descriptive.Mean(sorted.AsSpan(start));
            var headStart = start;
            while (headStart < sorted.Length && sorted[headStart] <= mean)
            {
                headStart++;
            }

            var head = sorted.Length - headStart;
            if (head == 0)
            {
                break;
            }

            b.Add(mean);
            if (head < 2 || (double)head / count > threshold)
            {
                break;
            }

            start = headStart;
        }

        b.Add(sorted[^1]);
        return [.. b];
    }

    private static double[] UserBreaks(double min, double max, IReadOnlyList<double> user, List<ClassificationWarning> warnings)
    {
        var b = user.ToArray();
        if (min < b[0] || max > b[^1])
        {
            warnings.Add(new(ClassificationWarningKind.BreaksExtended, string.Create(CultureInfo.InvariantCulture,
                $"The data range [{min:R}, {max:R}] exceeds the user breaks [{b[0]:R}, {b[^1]:R}]; the outer breaks were extended to the data.")));
            b[0] = Math.Min(b[0], min);
            b[^1] = Math.Max(b[^1], max);
        }

        return b;
    }

    private static double[] MergeCoincidingBreaks(double[] breaks, ClassificationOptions o, List<ClassificationWarning> warnings)
    {
        var merged = new List<double>(breaks.Length) { breaks[0] };
        for (var i = 1; i < breaks.Length; i++)
        {
            if (breaks[i] > merged[^1])
            {
                merged.Add(breaks[i]);
            }
        }

        if (merged.Count == 1)
        {
            // All breaks equal (only possible when all values are equal): keep one degenerate class [v, v].
            return [breaks[0], breaks[0]];
        }

        if (merged.Count < breaks.Length)
        {
            warnings.Add(new(ClassificationWarningKind.BreaksMerged, string.Create(CultureInfo.InvariantCulture,
                $"{breaks.Length - 1} classes computed by {o.Method}, but {breaks.Length - merged.Count} breaks coincide (tied values); {merged.Count - 1} classes formed.")));
        }

        return [.. merged];
    }

    /// <summary>GVF and TAI of the values (input order) and their classes (−1 for excluded values, which are skipped).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Gvf, double Tai) FitStatistics(double[] values, int[] classes, int k)
    {
        var sum = new double[k];
        var cnt = new int[k];
        double total = 0;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var c = classes[i];
            if (c < 0)
            {
                continue;
            }

            sum[c] += values[i];
            cnt[c]++;
            total += values[i];
            n++;
        }

        var mean = total / n;
        var classMean = new double[k];
        for (var c = 0; c < k; c++)
        {
            classMean[c] = sum[c] / cnt[c];
        }

        double sdam = 0, sdcm = 0, adam = 0, adcm = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var c = classes[i];
            if (c < 0)
            {
                continue;
            }

            var d = values[i] - mean;
            var dc = values[i] - classMean[c];
            sdam += d * d;
            sdcm += dc * dc;
            adam += Math.Abs(d);
            adcm += Math.Abs(dc);
        }

        var gvf = sdam > 0 ? 1 - (sdcm / sdam) : 1;
        var tai = adam > 0 ? 1 - (adcm / adam) : 1;
        return (gvf, tai);
    }
}
