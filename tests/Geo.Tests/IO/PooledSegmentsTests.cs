using GeoPrevention.Geo.IO;

namespace GeoPrevention.Geo.Tests.IO;

/// <summary>The segmented buffer behind the PNG writer's slices and the GeoJSON writer's chunks, against a MemoryStream.</summary>
[TestClass]
public sealed class PooledSegmentsTests
{
    [TestMethod]
    public void WritesAndRanges_AcrossSegmentsAndAnOversizeRequest_MatchAMemoryStream()
    {
        var random = new Random(7);
        var reference = new MemoryStream();
        using var segments = new PooledSegments();
        for (var round = 0; round < 2; round++)
        {
            // The second round writes after Clear into the kept segments.
            reference.SetLength(0);
            segments.Clear();

            // Stream writes that straddle segment ends.
            var block = new byte[100_000];
            random.NextBytes(block);
            segments.Write(block);
            reference.Write(block);

            // Buffer-writer writes: a small one that leaves the segment's tail unused, then one larger than a segment.
            foreach (var size in new[] { 40_000, PooledSegments.SegmentBytes + 123 })
            {
                var span = segments.GetSpan(size);
                Assert.IsGreaterThanOrEqualTo(size, span.Length);
                random.NextBytes(span[..size]);
                reference.Write(span[..size]);
                segments.Advance(size);
            }

            var expected = reference.ToArray();
            Assert.AreEqual(expected.LongLength, segments.Length);
            foreach (var position in new long[] { 0, 65_535, 65_536, 100_000, expected.Length - 1 })
            {
                Assert.AreEqual(expected[position], segments.ByteAt(position), $"byte {position}");
            }

            foreach (var (from, to) in new[] { (0L, expected.LongLength), (2L, 70_000L), (65_536L, 140_001L), (139_000L, 139_000L) })
            {
                var copy = new MemoryStream();
                segments.CopyTo(copy, from, to);
                CollectionAssert.AreEqual(expected[(int)from..(int)to], copy.ToArray(), $"range {from}..{to}");
            }
        }
    }
}
