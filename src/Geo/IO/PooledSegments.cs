using System.Buffers;

namespace GeoPrevention.Geo.IO;

/// <summary>Receives one contiguous piece of a <see cref="PooledSegments"/> range.</summary>
/// <param name="span">The bytes.</param>
internal delegate void SegmentAction(ReadOnlySpan<byte> span);

/// <summary>
/// A growing byte sequence in 64 KiB segments rented from <see cref="ArrayPool{T}.Shared"/>, written as a stream (e.g. by
/// a ZLibStream) or as an <see cref="IBufferWriter{T}"/> (e.g. by a Utf8JsonWriter), and read back by range. The segments
/// stay below the large-object threshold, so large outputs built in memory (PNG slices, GeoJSON chunks) leave no large
/// arrays behind, whose allocation triggers full (generation 2) collections in a single-pass process. A buffer-writer
/// request larger than a segment gets a segment of its own size. <see cref="Clear"/> keeps the segments for reuse;
/// disposing returns them.
/// </summary>
internal sealed class PooledSegments : Stream, IBufferWriter<byte>
{
    /// <summary>Size of a segment: 64 KiB, below the large-object threshold (85,000 bytes).</summary>
    public const int SegmentBytes = 1 << 16;

    private readonly List<byte[]> _segments = [];
    private readonly List<int> _used = [];
    private int _current = -1;
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    /// <summary>The bytes written since creation or the last <see cref="Clear"/>.</summary>
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Empties the sequence; its segments are kept for the next writes.</summary>
    public void Clear()
    {
        _length = 0;
        _current = -1;
    }

    public void Advance(int count)
    {
        _used[_current] += count;
        _length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => _segments[Ensure(sizeHint)].AsMemory(_used[_current]);

    public Span<byte> GetSpan(int sizeHint = 0) => _segments[Ensure(sizeHint)].AsSpan(_used[_current]);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var target = GetSpan();
            var n = Math.Min(buffer.Length, target.Length);
            buffer[..n].CopyTo(target);
            Advance(n);
            buffer = buffer[n..];
        }
    }

    /// <summary>The byte at <paramref name="position"/> (0 ≤ position &lt; <see cref="Length"/>).</summary>
    public byte ByteAt(long position)
    {
        for (var i = 0; i <= _current; i++)
        {
            if (position < _used[i])
            {
                return _segments[i][(int)position];
            }

            position -= _used[i];
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }

    /// <summary>Hands the bytes from <paramref name="from"/> to <paramref name="to"/> (exclusive) to <paramref name="action"/>, a contiguous piece at a time.</summary>
    public void ForEach(long from, long to, SegmentAction action)
    {
        for (var i = 0; i <= _current && from < to; i++)
        {
            // from and to are relative to the start of segment i.
            var used = _used[i];
            if (from < used)
            {
                action(_segments[i].AsSpan((int)from, (int)(Math.Min(used, to) - from)));
                from = 0;
            }
            else
            {
                from -= used;
            }

            to -= used;
        }
    }

    /// <summary>Writes the bytes from <paramref name="from"/> to <paramref name="to"/> (exclusive) to <paramref name="destination"/>.</summary>
    public void CopyTo(Stream destination, long from, long to) => ForEach(from, to, destination.Write);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        foreach (var segment in _segments)
        {
            ArrayPool<byte>.Shared.Return(segment);
        }

        _segments.Clear();
        _used.Clear();
        Clear();
        base.Dispose(disposing);
    }

    /// <summary>The index of the current segment, moved on (or replaced by a larger one) when it has less than the hint free.</summary>
    private int Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_current >= 0 && _segments[_current].Length - _used[_current] >= needed)
        {
            return _current;
        }

        _current++;
        if (_current == _segments.Count)
        {
            _segments.Add(ArrayPool<byte>.Shared.Rent(Math.Max(SegmentBytes, needed)));
            _used.Add(0);
        }
        else if (_segments[_current].Length < needed)
        {
            ArrayPool<byte>.Shared.Return(_segments[_current]);
            _segments[_current] = ArrayPool<byte>.Shared.Rent(needed);
        }

        _used[_current] = 0;
        return _current;
    }
}
