using GeoPrevention.Analytics.Joins;

namespace GeoPrevention.Analytics.Tests.Tables;

[TestClass]
public sealed class KeyNormalizerTests
{
    [TestMethod]
    [DataRow(" 05570004 ", "05570004")]
    [DataRow("5570004", "05570004")]
    [DataRow("5570004.0", "05570004")]
    [DataRow("055700004004", "05570004")]
    [DataRow("55700004004", "05570004")]
    [DataRow("DG", "DG")]
    [DataRow("   ", null)]
    public void NormalizeAgs_Variants_GiveEightDigits(string input, string? expected)
        => Assert.AreEqual(expected, KeyNormalizer.NormalizeAgs(input));

    [TestMethod]
    public void Normalize_TrimOnly_KeepsDigits()
        => Assert.AreEqual("5570004", KeyNormalizer.Normalize(" 5570004\u00A0", KeyNormalizationOptions.TrimOnly));

    [TestMethod]
    public void Normalize_PadToLength_PadsKreisKeys()
        => Assert.AreEqual("05570", KeyNormalizer.Normalize("5570", new KeyNormalizationOptions { PadToLength = 5 }));
}
