using System.Buffers;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoPrevention.Geo.IO;

/// <summary>How <see cref="GeoPackageGeometryDecoder"/> splits the work (internal so tests can force either path).</summary>
/// <param name="MinRowsForParallel">Tables with fewer rows (by <c>count(*)</c>) are decoded on the calling thread.</param>
/// <param name="ChunkRows">Rows per chunk: the unit of one decode task and of one pooled blob arena.</param>
/// <param name="MaxParallelism">Chunks being decoded at the same time at most (1 = sequential, on the calling thread).</param>
internal sealed record DecodeTuning(int MinRowsForParallel, int ChunkRows, int MaxParallelism)
{
    /// <summary>
    /// Parallel from 2,048 rows on, 256 rows per chunk, at most one chunk per core in flight. Measured on 2 cores (docs/performance.md,
    /// "GeoPackage decoding in parallel"): 256 and 1,024 rows per chunk were equally fast at 100,000 rows and 256 faster at 10,000
    /// (shorter pipeline fill and drain); 4,096 and 16,384 were slower, and so was reading all blobs first and decoding them afterwards.
    /// </summary>
    public static DecodeTuning Default { get; } = new(2048, 256, Environment.ProcessorCount);

    /// <summary>Everything on the calling thread.</summary>
    public static DecodeTuning Sequential { get; } = new(int.MaxValue, 256, 1);
}

/// <summary>
/// Decodes the geometry blobs of one GeoPackage feature scan, optionally on worker threads while the calling thread keeps
/// stepping SQLite and converting attributes. The rules, which make the result identical to a row-by-row decode:
/// <list type="number">
/// <item>The calling thread copies each row's blob into the current chunk's arena: one pooled byte buffer plus start and
/// length per row (length −1 for SQL NULL), so no per-row array is allocated.</item>
/// <item>A full chunk is decoded on the calling thread when the parallelism is 1, else handed to a task; at most
/// <see cref="DecodeTuning.MaxParallelism"/> chunks are in flight (the oldest is awaited and its arena reused). The last,
/// partial chunk is decoded on the calling thread.</item>
/// <item>Every row goes through the same <see cref="Decode"/> (GeoPackageBinary.Read, thread-safe: it only reads the span and
/// calls the immutable, documented thread-safe NTS <see cref="GeometryFactory"/>). Results go to the row's own slot; padded
/// rings and a blob srs_id different from the column's are noted per row, in row order.</item>
/// <item><see cref="Finish"/> waits for every chunk, then: the first broken blob in file order is thrown (a chunk stops at its
/// first one); otherwise the notes are turned into diagnostics in file order, the srs_id mismatch only for the first such
/// row.</item>
/// </list>
/// </summary>
internal sealed class GeoPackageGeometryDecoder : IDisposable
{
    private readonly string _path;
    private readonly string _table;
    private readonly GeometryFactory _factory;
    private readonly int _srsId;
    private readonly int _chunkRows;
    private readonly int _maxParallelism;
    private readonly List<Chunk> _chunks = [];
    private readonly Queue<Chunk> _inFlight = new();
    private readonly Stack<Arena> _freeArenas = new();
    private Chunk _current;

    public GeoPackageGeometryDecoder(string path, string table, GeometryFactory factory, int srsId, int chunkRows, int maxParallelism)
    {
        _path = path;
        _table = table;
        _factory = factory;
        _srsId = srsId;
        _chunkRows = Math.Max(1, chunkRows);
        _maxParallelism = Math.Max(1, maxParallelism);
        _current = NewChunk(0);
    }

    /// <summary>Adds the next row's blob, or a SQL NULL geometry when <paramref name="isNull"/> is set.</summary>
    public void Add(ReadOnlySpan<byte> blob, bool isNull)
    {
        _current.Arena!.Append(blob, isNull);
        if (++_current.Count == _chunkRows)
        {
            Dispatch(_current);
            _current = NewChunk(_current.Start + _chunkRows);
        }
    }

    /// <summary>Decodes what is left, waits for every chunk and returns the geometries in row order (see the class rules).</summary>
    /// <exception cref="GeoDataFormatException">A blob is not a valid GeoPackage geometry (the first one in file order).</exception>
    public Geometry?[] Finish(List<GeoDiagnostic> diagnostics)
    {
        if (_current.Count > 0)
        {
            Decode(_current);
            Release(_current);
        }

        WaitAll();
        var total = _chunks.Sum(c => c.Count);
        var geometries = new Geometry?[total];
        foreach (var chunk in _chunks)
        {
            if (chunk.Error is not null)
            {
                throw chunk.Error;
            }

            Array.Copy(chunk.Geometries, 0, geometries, chunk.Start, chunk.Count);
        }

        var blobSrsIdReported = false;
        foreach (var (index, padded, blobSrsId) in _chunks.SelectMany(c => c.Notes))
        {
            if (padded > 0)
            {
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, string.Create(CultureInfo.InvariantCulture, $"Feature {index}: {padded} ring(s) with fewer than 4 positions (collapsed, zero area) were padded by repeating their last position and stay invalid."), index));
            }

            if (blobSrsId != _srsId && !blobSrsIdReported)
            {
                blobSrsIdReported = true;
                diagnostics.Add(new GeoDiagnostic(GeoDiagnosticKind.Other, string.Create(CultureInfo.InvariantCulture, $"Feature {index} has srs_id {blobSrsId} in its geometry blob, but gpkg_geometry_columns says {_srsId}; the column's srs_id is used."), index));
            }
        }

        return geometries;
    }

    /// <summary>Waits for chunks still being decoded (after an error on the calling thread) and returns the arenas to the pool.</summary>
    public void Dispose()
    {
        while (_inFlight.TryDequeue(out var chunk))
        {
            // Only waiting matters here (WaitAny does not rethrow): the arena must not go back to the pool while a task reads it.
            Task.WaitAny(chunk.Task!);
            Release(chunk);
        }

        Release(_current);
        while (_freeArenas.TryPop(out var arena))
        {
            arena.Return();
        }
    }

    private Chunk NewChunk(int start)
    {
        var chunk = new Chunk(start, _chunkRows, _freeArenas.TryPop(out var arena) ? arena : new Arena(_chunkRows));
        _chunks.Add(chunk);
        return chunk;
    }

    private void Dispatch(Chunk chunk)
    {
        if (_maxParallelism == 1)
        {
            Decode(chunk);
            Release(chunk);
            if (chunk.Error is not null)
            {
                throw chunk.Error;
            }

            return;
        }

        while (_inFlight.Count >= _maxParallelism)
        {
            WaitOldest();
        }

        chunk.Task = Task.Run(() => Decode(chunk));
        _inFlight.Enqueue(chunk);
    }

    private void WaitAll()
    {
        while (_inFlight.Count > 0)
        {
            WaitOldest();
        }
    }

    private void WaitOldest()
    {
        var chunk = _inFlight.Dequeue();
        try
        {
            chunk.Task!.GetAwaiter().GetResult();
        }
        finally
        {
            Release(chunk);
        }
    }

    private void Release(Chunk chunk)
    {
        if (chunk.Arena is { } arena)
        {
            chunk.Arena = null;
            arena.Clear();
            _freeArenas.Push(arena);
        }
    }

    /// <summary>Decodes one chunk's rows in order; stops at the first broken blob and keeps it as the chunk's error.</summary>
    private void Decode(Chunk chunk)
    {
        var arena = chunk.Arena!;
        for (var i = 0; i < chunk.Count; i++)
        {
            if (arena.Lengths[i] < 0)
            {
                continue;
            }

            var index = chunk.Start + i;
            try
            {
                chunk.Geometries[i] = GeoPackageBinary.Read(arena.Blob(i), _factory, out var blobSrsId, out var padded);
                if (padded > 0 || blobSrsId != _srsId)
                {
                    chunk.Notes.Add((index, padded, blobSrsId));
                }
            }
            catch (FormatException ex)
            {
                chunk.Error = new GeoDataFormatException(_path, string.Create(CultureInfo.InvariantCulture, $"Table \"{_table}\", feature {index}: {ex.Message}."), innerException: ex);
                return;
            }
            catch (ArgumentException ex)
            {
                chunk.Error = new GeoDataFormatException(_path, string.Create(CultureInfo.InvariantCulture, $"Table \"{_table}\", feature {index}: invalid coordinates ({ex.Message})."), innerException: ex);
                return;
            }
        }
    }

    private sealed class Chunk(int start, int capacity, Arena arena)
    {
        public int Start { get; } = start;

        public int Count { get; set; }

        public Geometry?[] Geometries { get; } = new Geometry?[capacity];

        /// <summary>Rows with padded rings or a blob srs_id other than the column's: (feature index, padded rings, blob srs_id).</summary>
        public List<(int Index, int Padded, int BlobSrsId)> Notes { get; } = [];

        public GeoDataFormatException? Error { get; set; }

        public Arena? Arena { get; set; } = arena;

        public Task? Task { get; set; }
    }

    /// <summary>The blobs of one chunk back to back in one pooled buffer; start and length per row (length −1 = NULL).</summary>
    private sealed class Arena(int rows)
    {
        private byte[] _bytes = ArrayPool<byte>.Shared.Rent(64 * 1024);
        private int _used;
        private int _rows;

        public int[] Starts { get; } = new int[rows];

        public int[] Lengths { get; } = new int[rows];

        public ReadOnlySpan<byte> Blob(int row) => _bytes.AsSpan(Starts[row], Lengths[row]);

        public void Append(ReadOnlySpan<byte> blob, bool isNull)
        {
            if (isNull)
            {
                Starts[_rows] = _used;
                Lengths[_rows++] = -1;
                return;
            }

            if (_used + blob.Length > _bytes.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(2L * _bytes.Length, (long)_used + blob.Length)));
                _bytes.AsSpan(0, _used).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = bigger;
            }

            blob.CopyTo(_bytes.AsSpan(_used));
            Starts[_rows] = _used;
            Lengths[_rows++] = blob.Length;
            _used += blob.Length;
        }

        public void Clear()
        {
            _used = 0;
            _rows = 0;
        }

        public void Return()
        {
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = [];
        }
    }
}
