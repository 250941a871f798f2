using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using GeoPrevention.Geo.Crs;

namespace GeoPrevention.Geo.IO;

/// <summary>
/// The parallel mode of <see cref="GeoJsonFeatureWriter.Write"/>: threads format fixed-size chunks of features into pooled
/// buffers, and the chunks are written to the stream strictly in order.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item><description>Chunk c holds the features c·size … (c+1)·size − 1. A thread claims the lowest unclaimed chunk and formats it
/// with its own <see cref="GeoJsonFeatureWriter"/> after the collection's opening, so its JSON writer is at the same depth (and
/// indentation) as in the sequential mode. The opening is cut off again for all chunks but the first, a comma joins the chunks
/// (the separator the JSON writer puts between two features), and only the last chunk closes the collection: the
/// concatenation is byte for byte the sequential output.</description></item>
/// <item><description>The thread that finishes the chunk next in line writes it, and every following chunk that is ready, to the
/// stream; one thread writes at a time, so no thread is spent on waiting for the next chunk.</description></item>
/// <item><description>Chunk c may be claimed only when chunk c − window has been written, and it reuses that chunk's buffer: at
/// most window buffers (<see cref="PooledSegments"/>, about 12 segments of 64 KiB for the 0.75 MB of 2 048 peer
/// districts) exist, whatever the layer's size.</description></item>
/// <item><description>A chunk that fails keeps its exception. When the writing reaches that chunk, all threads stop and
/// <see cref="Run"/> throws that exception: the first failing feature, as in the sequential mode. A failing stream write
/// stops the threads the same way.</description></item>
/// </list>
/// </remarks>
internal sealed class GeoJsonChunkPipeline(VectorLayer layer, int decimals, JsonWriterOptions options, int chunkSize, int chunkCount, int window) : IDisposable
{
    private readonly object _gate = new();
    private readonly Slot[] _slots = [.. Enumerable.Range(0, window).Select(_ => new Slot())];
    private Stream _stream = Stream.Null;
    private int _next;
    private int _written;
    private bool _writing;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    /// <summary>Formats and writes all chunks, on the calling thread and one more thread per further transformer.</summary>
    /// <param name="stream">The target stream.</param>
    /// <param name="transforms">One transformer (or null) per thread; the first is used by the calling thread.</param>
    public void Run(Stream stream, IReadOnlyList<CoordinateTransformer?> transforms)
    {
        _stream = stream;
        var helpers = transforms.Skip(1)
            .Select(t => Task.Factory.StartNew(() => Work(t), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            Work(transforms[0]);
        }
        catch
        {
            // Not expected (formatting and writing errors are kept, rule 4), but no helper may wait for this thread forever.
            Stop();
            throw;
        }
        finally
        {
            Task.WaitAll(helpers);
        }

        _failure?.Throw();
        if (_written != chunkCount)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GeoJSON chunk pipeline stopped after {_written} of {chunkCount} chunks."));
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var slot in _slots)
        {
            slot.Buffer.Dispose();
        }
    }

    private void Work(CoordinateTransformer? transform)
    {
        Utf8JsonWriter? json = null;
        GeoJsonFeatureWriter? writer = null;
        try
        {
            while (Claim() is { } c)
            {
                var slot = _slots[c % window];
                slot.Buffer.Clear();
                slot.Error = null;
                try
                {
                    if (json is null || writer is null)
                    {
                        json = new Utf8JsonWriter((IBufferWriter<byte>)slot.Buffer, options);
                        writer = new GeoJsonFeatureWriter(json, transform, decimals);
                    }
                    else
                    {
                        json.Reset((IBufferWriter<byte>)slot.Buffer);
                    }

                    writer.WriteStart();
                    json.Flush();
                    slot.Skip = c == 0 ? 0 : slot.Buffer.Length;
                    writer.WriteFeatures(layer, c * chunkSize, Math.Min(layer.Features.Count, (c + 1) * chunkSize));
                    if (c == chunkCount - 1)
                    {
                        writer.WriteEnd();
                    }

                    json.Flush();
                }
                catch (Exception ex)
                {
                    // Kept for the thread that writes this chunk (rule 4).
                    slot.Error = ExceptionDispatchInfo.Capture(ex);
                }

                Complete(slot);
            }
        }
        finally
        {
            json?.Dispose();
        }
    }

    private void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The next chunk to format, once its buffer is free; null when all are claimed or the pipeline stopped.</summary>
    private int? Claim()
    {
        lock (_gate)
        {
            while (!_stopped && _next < chunkCount && _next >= _written + window)
            {
                Monitor.Wait(_gate);
            }

            return _stopped || _next >= chunkCount ? null : _next++;
        }
    }

    /// <summary>Marks the slot's chunk as formatted; unless another thread is writing, writes all chunks that are ready in order.</summary>
    private void Complete(Slot slot)
    {
        lock (_gate)
        {
            slot.Ready = true;
            if (_writing || _stopped)
            {
                return;
            }

            _writing = true;
        }

        while (true)
        {
            Slot next;
            lock (_gate)
            {
                next = _slots[_written % window];
                if (_stopped || _written == chunkCount || !next.Ready)
                {
                    _writing = false;
                    Monitor.PulseAll(_gate);
                    return;
                }
            }

            var error = next.Error;
            if (error is null)
            {
                try
                {
                    if (_written > 0)
                    {
                        _stream.Write(","u8);
                    }

                    next.Buffer.CopyTo(_stream, next.Skip, next.Buffer.Length);
                }
                catch (Exception ex)
                {
                    error = ExceptionDispatchInfo.Capture(ex);
                }
            }

            lock (_gate)
            {
                if (error is not null)
                {
                    _failure = error;
                    _stopped = true;
                }
                else
                {
                    next.Ready = false;
                    _written++;
                }

                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>A chunk buffer and the state of the chunk in it. Ready is guarded by the gate, which also publishes the rest.</summary>
    private sealed class Slot
    {
        public PooledSegments Buffer { get; } = new();

        public long Skip { get; set; }

        public ExceptionDispatchInfo? Error { get; set; }

        public bool Ready { get; set; }
    }
}
