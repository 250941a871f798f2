using GeoPrevention.Analytics.Joins;

namespace GeoPrevention.Analytics.Tests.Joins;

[TestClass]
public sealed class KeyIndexTests
{
    [TestMethod]
    public void GetOrAddAndFind_ShortAndLongKeys_AgreeWithDictionary()
    {
        // Keys of 0 to 20 characters, among them pairs that differ only by a trailing NUL or by length.
        var rng = new Random(5);
        var keys = new List<string> { string.Empty, "A", "A\0", "05570004", "0557000", "055700040040", "SR000001", "SR0000010" };
        for (var i = 0; i < 3000; i++)
        {
            var length = rng.Next(1, 21);
            keys.Add(string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + rng.Next(3)))));
        }

        var values = keys.ToArray();
        var index = new KeyIndex(values.Length, values);
        var reference = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < values.Length; v++)
        {
            var got = index.GetOrAdd(values[v], v, out var existed);
            var had = !reference.TryAdd(values[v], v);
            Assert.AreEqual(had, existed, values[v]);
            Assert.AreEqual(reference[values[v]], got, values[v]);
        }

        foreach (var (key, value) in reference)
        {
            Assert.AreEqual(value, index.Find(key), key);
        }

        Assert.AreEqual(-1, index.Find("A\0\0"));
        Assert.AreEqual(-1, index.Find("SR00000100"));
        Assert.AreNotEqual(index.Find("A"), index.Find("A\0"));
    }
}
