using System.Text;
using System.Text.Json;

namespace RegressionGate.Files;

/// <summary>Reads a JSON Lines file one object a line, keeping line numbers for error messages.</summary>
internal static class JsonLines
{
    /// <summary>Each non-blank line parsed as a JSON object. A BOM, CRLF line ends and blank lines are accepted.</summary>
    public static IEnumerable<(int Line, JsonElement Value)> Read(string path, string displayName)
    {
        var lineNumber = 0;
        foreach (var text in ReadLines(path, displayName))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return (lineNumber, ParseObject(text, displayName, lineNumber));
        }
    }

    /// <summary>
    /// Decodes line by line rather than through a StreamReader, which decodes whole buffers and would blame
    /// invalid UTF-8 on the wrong line.
    /// </summary>
    static IEnumerable<string> ReadLines(string path, string displayName)
    {
        var bytes = File.ReadAllBytes(path);
        var rest = bytes.AsMemory();
        if (rest.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) rest = rest[3..];
        var lineNumber = 0;
        while (rest.Length > 0)
        {
            lineNumber++;
            var end = rest.Span.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? Memory<byte>.Empty : rest[(end + 1)..];
            if (line.Span.EndsWith((ReadOnlySpan<byte>)[(byte)'\r'])) line = line[..^1];
            string text;
            try
            {
                text = StrictUtf8.Encoding.GetString(line.Span);
            }
            catch (DecoderFallbackException)
            {
                throw new InputFileException(displayName, lineNumber, null, "the line is not valid UTF-8");
            }
            yield return text;
        }
    }

    static JsonElement ParseObject(string text, string displayName, int lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new InputFileException(displayName, lineNumber, null,
                $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputFileException(displayName, lineNumber, null, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}");
            if (JsonDuplicates.Find(document.RootElement) is { } duplicate)
                throw new InputFileException(displayName, lineNumber, duplicate, JsonDuplicates.Problem);
            return document.RootElement.Clone();
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
