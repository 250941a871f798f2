using System.Runtime.InteropServices;

namespace GeoPrevention.Analytics.Joins;

/// <summary>
/// A hash index from key text to a non-negative value (a table row) for the join, with the key stored inside the
/// slot when it has at most 8 characters (AGS, district ids): a lookup then reads one slot instead of a bucket, an
/// entry and the stored string. Longer keys are compared with the key string of the value.
/// </summary>
/// <remarks>
/// Open addressing with linear probing, capacity a power of two at least 1.5 times the number of keys (no resizing:
/// the caller knows the count). Short keys are hashed by a multiply-xor mix with a per-process random seed, longer
/// ones with the randomised string hash, so that crafted keys cannot force collisions deliberately. The two lookup
/// methods are compiled optimised at once: a one-shot CLI call would otherwise run them unoptimised.
/// </remarks>
internal sealed class KeyIndex
{
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly string?[] _keyOfValue;

    /// <summary>Creates an index for at most <paramref name="maxKeys"/> keys.</summary>
    /// <param name="maxKeys">The largest number of distinct keys that will be added.</param>
    /// <param name="keyOfValue">The key text of every value (for keys longer than 8 characters).</param>
    public KeyIndex(int maxKeys, string?[] keyOfValue)
    {
        var capacity = 16;
        while (capacity < maxKeys + (maxKeys / 2))
        {
            capacity *= 2;
        }

        _slots = new Slot[capacity];
        _mask = capacity - 1;
        _keyOfValue = keyOfValue;
    }

    /// <summary>The value of a key, or -1.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Find(string key)
    {
        var probe = new Probe(key);
        var i = probe.Hash & _mask;
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.ValuePlusOne == 0)
            {
                return -1;
            }

            if (Matches(ref slot, in probe, key))
            {
                return slot.ValuePlusOne - 1;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> unless present; returns the key's value (the existing one when present).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(string key, int value, out bool existed)
    {
        var probe = new Probe(key);
        var i = probe.Hash & _mask;
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.ValuePlusOne == 0)
            {
                slot.Hash = probe.Hash;
                slot.Length = key.Length;
                slot.A = probe.A;
                slot.B = probe.B;
                slot.ValuePlusOne = value + 1;
                existed = false;
                return value;
            }

            if (Matches(ref slot, in probe, key))
            {
                existed = true;
                return slot.ValuePlusOne - 1;
            }

            i = (i + 1) & _mask;
        }
    }

    private bool Matches(ref Slot slot, in Probe probe, string key)
    {
        if (slot.Hash != probe.Hash || slot.Length != key.Length)
        {
            return false;
        }

        return key.Length <= 8
            ? slot.A == probe.A && slot.B == probe.B
            : string.Equals(_keyOfValue[slot.ValuePlusOne - 1], key, StringComparison.Ordinal);
    }

    private struct Slot
    {
        public int Hash;
        public int ValuePlusOne;
        public int Length;
        public ulong A;
        public ulong B;
    }

    private readonly struct Probe
    {
        public readonly int Hash;
        public readonly ulong A;
        public readonly ulong B;

        public Probe(string key)
        {
            if (key.Length <= 8)
            {
                // The characters, zero-padded to 8, as two 64-bit words.
                Span<char> buffer = stackalloc char[8];
                buffer.Clear();
                key.AsSpan().CopyTo(buffer);
                var words = MemoryMarshal.Cast<char, ulong>(buffer);
                A = words[0];
                B = words[1];
                var h = ((A ^ Seed) * 0x9E3779B97F4A7C15UL) ^ ((B + Seed) * 0xC2B2AE3D27D4EB4FUL) ^ (ulong)key.Length;
                h ^= h >> 31;
                h *= 0x94D049BB133111EBUL;
                Hash = (int)(h ^ (h >> 32));
            }
            else
            {
                A = 0;
                B = 0;
                Hash = string.GetHashCode(key.AsSpan(), StringComparison.Ordinal);
            }
        }
    }
}
