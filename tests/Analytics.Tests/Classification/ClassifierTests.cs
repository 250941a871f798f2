using System.Globalization;
using GeoPrevention.Analytics.Classification;

namespace GeoPrevention.Analytics.Tests.Classification;

/// <summary>Hand-computed classifications and bad input.</summary>
[TestClass]
public sealed class ClassifierTests
{
    private static readonly double[] TwoClusters = [1, 2, 3, 10, 11, 12];

    [TestMethod]
    public void FisherJenks_TwoClusters_SplitsBetweenClustersWithHandComputedFit()
    {
        var c = Classifier.Classify(TwoClusters, ClassificationMethod.FisherJenks, 2);

        CollectionAssert.AreEqual(new[] { 1.0, 3, 12 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 3, 3 }, c.Counts.ToArray());

        // SDAM = Σ(x − 6.5)² = 125.5, SDCM = 2·(1 + 0 + 1) = 4; Σ|x − 6.5| = 27, Σ|x − class mean| = 4.
        Assert.AreEqual(1 - (4 / 125.5), c.GoodnessOfVarianceFit, 1e-12);
        Assert.AreEqual(1 - (4 / 27.0), c.TabularAccuracyIndex, 1e-12);
    }

    [TestMethod]
    public void FisherJenks_Midpoints_BreakBetweenClassMaxAndNextMin()
    {
        var c = Classifier.Classify(TwoClusters, new ClassificationOptions { Method = ClassificationMethod.FisherJenks, Classes = 2, FisherBreaks = FisherBreakConvention.Midpoints });

        CollectionAssert.AreEqual(new[] { 1.0, 6.5, 12 }, c.Breaks.ToArray());
    }

    [TestMethod]
    public void EqualInterval_ValueOnBreak_ClosureDecidesClass()
    {
        double[] x = [0, 5, 10];
        var right = Classifier.Classify(x, ClassificationMethod.EqualInterval, 2);
        var left = Classifier.Classify(x, new ClassificationOptions { Method = ClassificationMethod.EqualInterval, Classes = 2, Closure = IntervalClosure.LeftClosed });

        CollectionAssert.AreEqual(new[] { 0.0, 5, 10 }, right.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, right.Classes.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 1, 1 }, left.Classes.ToArray());
    }

    [TestMethod]
    public void Quantile_Type7_HandComputed()
    {
        // n = 5, p = 0.25: h = 4·0.25 = 1 → x₍₁₎ = 2; p = 0.5 → 3; p = 0.75 → 4.
        var c = Classifier.Classify([1, 2, 3, 4, 100], ClassificationMethod.Quantile, 4);

        CollectionAssert.AreEqual(new[] { 1.0, 2, 3, 4, 100 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1, 1, 1 }, c.Counts.ToArray());
    }

    [TestMethod]
    public void Quantile_ManyTies_MergesBreaksWithWarning()
    {
        double[] x = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
        var c = Classifier.Classify(x, ClassificationMethod.Quantile, 5);

        // Type-7 quantiles: h = 9p → 0, 0 (h 1.8), 0 (h 3.6), 0.4 (h 5.4), 2.2 (h 7.2), 4 → three zero breaks merge.
        CollectionAssert.AreEqual(new[] { 0, 0.4, 2.2, 4 }, c.Breaks.Select(b => Math.Round(b, 12)).ToArray());
        Assert.AreEqual(ClassificationWarningKind.BreaksMerged, c.Warnings.Single().Kind);
        StringAssert.Contains(c.Warnings.Single().Message, "2 breaks coincide (tied values); 3 classes formed", StringComparison.Ordinal);
    }

    [TestMethod]
    public void StandardDeviation_InnerBreaksAtMeanPlusMultiples()
    {
        double[] x = [2, 4, 4, 4, 5, 5, 7, 9];
        var sd = Math.Sqrt(32.0 / 7);
        var c = Classifier.Classify(x, new ClassificationOptions { Method = ClassificationMethod.StandardDeviation, StandardDeviationMultiples = [-1, 0, 1] });

        CollectionAssert.AreEqual(new[] { 2, 5 - sd, 5, 5 + sd, 9 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 1, 5, 1, 1 }, c.Counts.ToArray());
    }

    [TestMethod]
    public void StandardDeviation_MultiplesOutsideRange_DroppedWithWarning()
    {
        var c = Classifier.Classify([1, 2, 3], new ClassificationOptions { Method = ClassificationMethod.StandardDeviation, StandardDeviationMultiples = [-3, 0, 3] });

        CollectionAssert.AreEqual(new[] { 1.0, 2, 3 }, c.Breaks.ToArray());
        Assert.AreEqual(ClassificationWarningKind.BandsDropped, c.Warnings.Single().Kind);
        StringAssert.StartsWith(c.Warnings.Single().Message, "2 of 3 SD multiples", StringComparison.Ordinal);
    }

    [TestMethod]
    public void BoxMap_Outliers_SixClassesWithFences()
    {
        // Q1 = 3, median = 5, Q3 = 7 (type 7 on 1..9), IQR = 4; fences -3 and 13; 30 is an upper outlier.
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 30];
        var c = Classifier.Classify(x, ClassificationMethod.BoxMap);

        CollectionAssert.AreEqual(new[] { -3.0, -3, 3, 5, 7, 13, 30 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 3, 2, 2, 1, 1 }, c.Counts.ToArray());
        Assert.IsEmpty(c.Warnings, "an empty outlier class is expected, not a warning");
    }

    [TestMethod]
    public void BoxMap_Hinge3_NoOutlier()
    {
        var c = Classifier.Classify([1, 2, 3, 4, 5, 6, 7, 8, 20], new ClassificationOptions { Method = ClassificationMethod.BoxMap, BoxMapHinge = 3.0 });

        // Fences 3 − 12 = −9 and 7 + 12 = 19: 20 is still an outlier.
        Assert.AreEqual(19, c.Breaks[5], 1e-12);
        Assert.AreEqual(1, c.Counts[5]);
    }

    [TestMethod]
    public void HeadTail_HeavyTail_BreaksAtSuccessiveMeans()
    {
        double[] x = [1, 1, 1, 1, 1, 1, 1, 2, 4, 20];

        var c = Classifier.Classify(x, ClassificationMethod.HeadTailBreaks);

        // mean 3.3 → head {4, 20} (20 % ≤ 40 %) → mean 12 → head {20}: one value, stop.
        CollectionAssert.AreEqual(new[] { 1, 3.3, 12, 20 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 8, 1, 1 }, c.Counts.ToArray());
    }

    [TestMethod]
    public void Pretty_MatchesRPretty()
    {
        // R: pretty(c(0, 37.97468)) = 0 10 20 30 40; pretty(c(0.4705882, 30.05865)) = 0 5 ... 35; pretty(1:9) = 0 2 ... 10.
        CollectionAssert.AreEqual(new[] { 0.0, 10, 20, 30, 40 }, Classifier.Classify([0, 12, 37.9746835443038], ClassificationMethod.Pretty).Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 0.0, 5, 10, 15, 20, 25, 30, 35 }, Classifier.Classify([0.4705882353, 30.05865103], ClassificationMethod.Pretty).Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 0.0, 2, 4, 6, 8, 10 }, Classifier.Classify([1, 2, 3, 4, 5, 6, 7, 8, 9], ClassificationMethod.Pretty).Breaks.ToArray());
    }

    [TestMethod]
    public void UserDefined_DataOutsideBreaks_ExtendedWithWarning()
    {
        var c = Classifier.Classify([1, 5, 25], new ClassificationOptions { Method = ClassificationMethod.UserDefined, UserBreaks = [0, 10, 20] });

        CollectionAssert.AreEqual(new[] { 0.0, 10, 25 }, c.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 2, 1 }, c.Counts.ToArray());
        Assert.AreEqual(ClassificationWarningKind.BreaksExtended, c.Warnings.Single().Kind);
    }

    [TestMethod]
    public void UserDefined_NotIncreasing_Throws()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Classifier.Classify([1.0, 2], new ClassificationOptions { Method = ClassificationMethod.UserDefined, UserBreaks = [0, 10, 10] }));
        StringAssert.Contains(ex.Message, "UserBreaks[2] = 10 follows 10", StringComparison.Ordinal);
    }

    [TestMethod]
    public void NaN_ExcludedWithClassMinusOneAndWarning()
    {
        var c = Classifier.Classify([1, double.NaN, 3, double.PositiveInfinity, 5], ClassificationMethod.EqualInterval, 2);

        CollectionAssert.AreEqual(new[] { 0, -1, 0, -1, 1 }, c.Classes.ToArray());
        Assert.AreEqual(2, c.ExcludedCount);
        Assert.AreEqual(3, c.Counts.Sum());
        Assert.AreEqual("2 of 5 values are NaN or infinite and were excluded (class -1).", c.Warnings.Single().Message);
        Assert.AreEqual(-1, c.FindClass(double.NaN));
    }

    [TestMethod]
    public void Empty_ThrowsWithClearMessage()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Classifier.Classify([], ClassificationMethod.Quantile));
        StringAssert.Contains(ex.Message, "empty", StringComparison.Ordinal);
    }

    [TestMethod]
    public void AllNaN_ThrowsWithCount()
    {
        var ex = Assert.ThrowsExactly<ArgumentException>(() => Classifier.Classify([double.NaN, double.NaN], ClassificationMethod.FisherJenks));
        StringAssert.Contains(ex.Message, "none of the 2 values is finite", StringComparison.Ordinal);
    }

    [TestMethod]
    public void AllEqual_OneClassWithWarning()
    {
        foreach (var method in Enum.GetValues<ClassificationMethod>().Where(m => m != ClassificationMethod.UserDefined))
        {
            var c = Classifier.Classify([4.2, 4.2, 4.2], method);

            Assert.AreEqual(1, c.ClassCount, method.ToString());
            CollectionAssert.AreEqual(new[] { 3 }, c.Counts.ToArray(), method.ToString());
            Assert.AreEqual("All 3 values are equal (4.2); one class was formed.", c.Warnings.Single().Message);
            Assert.AreEqual(1.0, c.GoodnessOfVarianceFit);
        }
    }

    [TestMethod]
    public void MoreClassesThanDistinctValues_ReducedWithWarning()
    {
        var c = Classifier.Classify([1, 1, 2, 2, 3, 3], ClassificationMethod.FisherJenks, 5);

        Assert.AreEqual(3, c.ClassCount);
        CollectionAssert.AreEqual(new[] { 2, 2, 2 }, c.Counts.ToArray());
        Assert.AreEqual("5 classes requested, 3 distinct values; 3 classes formed.", c.Warnings.Single().Message);
        Assert.AreEqual(1.0, c.GoodnessOfVarianceFit, 1e-12);
    }

    [TestMethod]
    public void ZeroClasses_Throws()
        => Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Classifier.Classify([1.0, 2], ClassificationMethod.Quantile, 0));

    [TestMethod]
    public void EmptyClass_Warned()
    {
        var c = Classifier.Classify([0, 1, 9, 10], ClassificationMethod.EqualInterval, 5);

        CollectionAssert.AreEqual(new[] { 2, 0, 0, 0, 2 }, c.Counts.ToArray());
        Assert.HasCount(3, c.Warnings.Where(w => w.Kind == ClassificationWarningKind.EmptyClass).ToList());
    }

    [TestMethod]
    public void FindClass_OutsideRange_Clamped()
    {
        var c = Classifier.Classify([0, 10, 20], ClassificationMethod.EqualInterval, 2);

        Assert.AreEqual(0, c.FindClass(-5));
        Assert.AreEqual(0, c.FindClass(10));
        Assert.AreEqual(1, c.FindClass(10.000001));
        Assert.AreEqual(1, c.FindClass(99));
    }

    [TestMethod]
    public void FormatInterval_GermanLegend()
    {
        var c = Classifier.Classify([0, 7.5, 15], ClassificationMethod.EqualInterval, 2);
        var de = CultureInfo.GetCultureInfo("de-DE");

        Assert.AreEqual("[0,0 – 7,5]", c.FormatInterval(0, de, "0.0"));
        Assert.AreEqual("(7,5 – 15,0]", c.FormatInterval(1, de, "0.0"));
    }

    [TestMethod]
    public void Pooled_TwoYears_CommonBreaksAndPerYearCounts()
    {
        double[] y2022 = [1, 2, 3, 4];
        double[] y2023 = [5, 6, 7, double.NaN];

        var p = Classifier.ClassifyPooled([y2022, y2023], new ClassificationOptions { Method = ClassificationMethod.EqualInterval, Classes = 2 });

        CollectionAssert.AreEqual(new[] { 1.0, 4, 7 }, p.Breaks.ToArray());
        CollectionAssert.AreEqual(new[] { 0, 0, 0, 0 }, p.SeriesClasses[0].ToArray());
        CollectionAssert.AreEqual(new[] { 1, 1, 1, -1 }, p.SeriesClasses[1].ToArray());
        CollectionAssert.AreEqual(new[] { 4, 0 }, p.SeriesCounts[0].ToArray());
        CollectionAssert.AreEqual(new[] { 0, 3 }, p.SeriesCounts[1].ToArray());
        Assert.AreEqual(1, p.Pooled.ExcludedCount);
    }

    [TestMethod]
    public void Pooled_NoSeries_Throws()
        => Assert.ThrowsExactly<ArgumentException>(() => Classifier.ClassifyPooled([], new ClassificationOptions()));
}
