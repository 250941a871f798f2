using System.Globalization;

namespace GeoPrevention.Geo.IO;

/// <summary>Writes files atomically: into a temporary file in the target folder, then renamed over the target.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a temporary path beside <paramref name="target"/> and renames the result to
    /// <paramref name="target"/>. On any failure the temporary file (and SQLite side files) are deleted and the target is untouched.
    /// </summary>
    public static void Write(string target, Action<string> write)
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
            File.Move(temp, full, overwrite: true);
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
