using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace RegressionGate.Files;

/// <summary>Reads a JSON Lines file one object a line, keeping line numbers for error messages.</summary>
/// <remarks>
/// Streams the file through one reused buffer and parses each line where it lies, handing out each object only until the
/// enumeration moves on: a 100,000-segment corpus is a quarter of a gigabyte, and holding it whole, then as line strings,
/// then as a copy of every parsed object cost seconds here (most of it the kernel handing out fresh pages).
/// </remarks>
internal static class JsonLines
{
    static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>
    /// Each non-blank line parsed as a JSON object. A BOM, CRLF line ends and blank lines are accepted. The element is
    /// valid only until the loop moves on to the next line: readers take what they need from it in the loop body.
    /// </summary>
    public static IEnumerable<(int Line, JsonElement Value)> Read(string path, string displayName)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            var (start, end, lineNumber, atEnd) = (0, 0, 0, false);
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                ReadOnlyMemory<byte> line;
                if (newline >= 0)
                {
                    line = buffer.AsMemory(start, newline);
                    start += newline + 1;
                }
                else if (atEnd)
                {
                    if (start == end) yield break;
                    line = buffer.AsMemory(start, end - start);
                    start = end;
                }
                else
                {
                    // Keep the unfinished line, make room (a line longer than the buffer grows it), read on.
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        (end, start) = (end - start, 0);
                    }
                    if (end == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0) atEnd = true;
                    end += read;
                    continue;
                }

                lineNumber++;
                if (lineNumber == 1 && line.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
                if (line.Span.EndsWith((ReadOnlySpan<byte>)[(byte)'\r'])) line = line[..^1];
                // Checked line by line, so invalid UTF-8 is blamed on its own line.
                if (!Utf8.IsValid(line.Span)) throw new InputFileException(displayName, lineNumber, null, "the line is not valid UTF-8");
                if (IsBlank(line.Span)) continue;
                using var document = ParseObject(line, displayName, lineNumber);
                yield return (lineNumber, document.RootElement);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Whether a line holds nothing but white space, as <see cref="string.IsNullOrWhiteSpace"/> decides.</summary>
    static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var first = line.IndexOfAnyExcept(" \t\r\v\f"u8);
        // Beyond ASCII, white space (a no-break space, say) is decided on the decoded text; an object starts with '{'.
        return first < 0 || (line[first] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)));
    }

    static JsonDocument ParseObject(ReadOnlyMemory<byte> line, string displayName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, Options);
        }
        catch (JsonException e)
        {
            throw new InputFileException(displayName, lineNumber, null,
                $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        try
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputFileException(displayName, lineNumber, null, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}");
            if (JsonDuplicates.Find(document.RootElement) is { } duplicate)
                throw new InputFileException(displayName, lineNumber, duplicate, JsonDuplicates.Problem);
            return document;
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    internal static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 7." (or only the line and byte, with
        // no path), positions counted from 0 that we already report better, from 1.
        var cuts = new[] { " Path:", " LineNumber:" }
            .Select(marker => message.IndexOf(marker, StringComparison.Ordinal))
            .Where(at => at > 0)
            .DefaultIfEmpty(message.Length);
        return message[..cuts.Min()].TrimEnd('.', ' ');
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
