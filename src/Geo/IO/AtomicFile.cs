using System.Globalization;

namespace GeoPrevention.Geo.IO;

/// <summary>Writes files atomically: into a temporary file in the target folder, then renamed over the target.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path beside <paramref name="target"/> and renames the result to
    /// <paramref name="target"/>. On any failure the temporary file (and SQLite side files) are deleted and the target is untouched.
    /// </summary>
    /// <param name="target">The file to write.</param>
    /// <param name="write">Writes the content to the temporary path it is given.</param>
    /// <param name="overwrite">Whether an existing <paramref name="target"/> is replaced; when false, an existing target
    /// makes the rename fail with an <see cref="IOException"/> and nothing is changed.</param>
    public static void Write(string target, Action<string> write, bool overwrite = true)
    {
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"The output folder '{dir}' does not exist.");
        }

        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]}.tmp");
        try
        {
            write(temp);
            File.Move(temp, full, overwrite);
        }
        catch
        {
            DeleteQuietly(temp);
            DeleteQuietly(temp + "-journal");
            DeleteQuietly(temp + "-wal");
            DeleteQuietly(temp + "-shm");
            throw;
        }
    }

    /// <summary>
    /// Like <see cref="Write(string, Action{string}, bool)"/> for content written to a stream: the temporary file is
    /// created new, flushed to disk before the rename, and <paramref name="write"/>'s result is returned.
    /// </summary>
    /// <typeparam name="T">What <paramref name="write"/> returns.</typeparam>
    /// <param name="target">The file to write.</param>
    /// <param name="write">Writes the content to the stream.</param>
    /// <returns>The result of <paramref name="write"/>.</returns>
    public static T WriteStream<T>(string target, Func<Stream, T> write)
    {
        var result = default(T)!;
        Write(target, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            result = write(stream);
            stream.Flush(true);
        });
        return result;
    }

    /// <summary>Like <see cref="WriteStream{T}(string, Func{Stream, T})"/> for a writer without a result.</summary>
    /// <param name="target">The file to write.</param>
    /// <param name="write">Writes the content to the stream.</param>
    public static void WriteStream(string target, Action<Stream> write)
        => WriteStream(target, stream =>
        {
            write(stream);
            return true;
        });

    /// <summary>Writes <paramref name="bytes"/> atomically (see <see cref="Write(string, Action{string}, bool)"/>).</summary>
    /// <param name="target">The file to write.</param>
    /// <param name="bytes">The content.</param>
    /// <param name="overwrite">Whether an existing target is replaced.</param>
    public static void WriteAllBytes(string target, byte[] bytes, bool overwrite = true)
        => Write(target, temp => File.WriteAllBytes(temp, bytes), overwrite);

    /// <summary>
    /// Writes a set of files sharing one stem (a shapefile) under a temporary stem beside the target, then renames each
    /// file. <paramref name="write"/> receives the temporary path with the main extension. Stale target files with the
    /// given extensions that the new set does not contain are removed, so an old <c>.prj</c> cannot outlive the data.
    /// </summary>
    public static void WriteSet(string target, IReadOnlyList<string> extensions, Action<string> write)
    {
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException($"The output folder '{dir}' does not exist.");
        }

        var stem = Path.GetFileNameWithoutExtension(full);
        var tempStem = Path.Combine(dir, $".{stem}.{Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]}.tmp");
        var mainExtension = Path.GetExtension(full);
        try
        {
            write(tempStem + mainExtension);
            foreach (var ext in extensions)
            {
                var from = tempStem + ext;
                var to = Path.Combine(dir, stem + ext);
                if (File.Exists(from))
                {
                    File.Move(from, to, overwrite: true);
                }
                else
                {
                    DeleteQuietly(to);
                }
            }
        }
        catch
        {
            foreach (var ext in extensions)
            {
                DeleteQuietly(tempStem + ext);
            }

            throw;
        }
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the failure that brought us here is the one to report.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
