using System.Text;

namespace RegressionGate.Files;

/// <summary>
/// Writes files so a reader never sees half of one: write a temp file beside the target, flush it to disk, rename over.
/// A crash leaves either the old file or the new one, plus at worst a stray temp file that readers ignore.
/// </summary>
internal static class AtomicFile
{
    static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Temp files carry this suffix so readers and <c>approve</c> can recognise and skip them.</summary>
    public const string TempSuffix = ".tmp-rg";

    public static void WriteAllText(string path, string contents) => WriteAllBytes(path, Utf8NoBom.GetBytes(contents));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>
    /// As <see cref="WriteAllBytes(string, ReadOnlySpan{byte})"/>, for contents too large to hold twice in memory:
    /// <paramref name="write"/> streams them into the temp file; <paramref name="beforeReplace"/>, if given, runs once
    /// the temp file is complete, just before it replaces the target.
    /// </summary>
    public static void Write(string path, Action<Stream> write, Action? beforeReplace = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            beforeReplace?.Invoke();
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes <paramref name="contents"/> only when the file's current bytes differ, so unchanged files keep their timestamps.</summary>
    public static bool WriteIfChanged(string path, string contents)
    {
        var bytes = Utf8NoBom.GetBytes(contents);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) return false;
        WriteAllBytes(path, bytes);
        return true;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
