using System.Runtime.CompilerServices;

namespace GeoPrevention.Analytics.Statistics;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded through SplitMix64 from a user seed and a stream number, so
/// that parallel workers get independent, reproducible streams: stream <c>s</c> of seed <c>x</c> always yields
/// the same sequence, whatever the thread count.
/// </summary>
internal struct SeededRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private uint _spare;
    private bool _hasSpare;

    public SeededRandom(long seed, long stream)
    {
        var sm = unchecked((ulong)seed ^ ((ulong)stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform integer in [0, bound) by Lemire's multiply-shift with rejection (unbiased).</summary>
    public int NextInt(int bound)
    {
        var b = (ulong)bound;
        var m = Next32() * b;
        var low = (uint)m;
        if (low < (uint)b)
        {
            var threshold = (uint)(-(int)b) % (uint)b;
            while (low < threshold)
            {
                m = Next32() * b;
                low = (uint)m;
            }
        }

        return (int)(m >> 32);
    }

    /// <summary>
    /// Uniform random permutation in place (Fisher-Yates, from the end): position i swaps with a uniform
    /// j ∈ [0, i]. Each 64-bit output supplies two draws (high half, then low half), each bounded exactly by
    /// Lemire's multiply-shift with rejection.
    /// </summary>
    /// <param name="items">The values to shuffle.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Shuffle(Span<double> items)
    {
        var i = items.Length - 1;
        for (; i >= 2; i -= 2)
        {
            var r = NextUInt64();
            var bound = (uint)(i + 1);
            var m = (r >> 32) * bound;
            if ((uint)m < bound)
            {
                m = Reject(m, bound);
            }

            var j = (int)(m >> 32);
            (items[i], items[j]) = (items[j], items[i]);

            bound = (uint)i;
            m = (r & 0xFFFF_FFFFUL) * bound;
            if ((uint)m < bound)
            {
                m = Reject(m, bound);
            }

            j = (int)(m >> 32);
            (items[i - 1], items[j]) = (items[j], items[i - 1]);
        }

        if (i == 1)
        {
            var j = (int)(NextUInt64() >> 63);
            (items[1], items[j]) = (items[j], items[1]);
        }
    }

    /// <summary>Lemire's rejection step: redraws while the low half lies below 2³² mod bound.</summary>
    private ulong Reject(ulong m, uint bound)
    {
        var threshold = (uint)-bound % bound;
        while ((uint)m < threshold)
        {
            m = (NextUInt64() >> 32) * bound;
        }

        return m;
    }

    /// <summary>32 random bits: both halves of each 64-bit output are used (high half first).</summary>
    private ulong Next32()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        var r = NextUInt64();
        _spare = (uint)r;
        _hasSpare = true;
        return r >> 32;
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
