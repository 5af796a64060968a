using System.Text;
using System.Text.Json;

namespace RegressionGate.Golden;

/// <summary>Reads a JSON Lines file one object a line, keeping line numbers for error messages.</summary>
public static class JsonLines
{
    /// <summary>Strict UTF-8: a byte sequence that is not UTF-8 is an error, not a silent replacement character.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Each non-blank line parsed as a JSON object. A BOM, CRLF line ends and blank lines are accepted.</summary>
    public static IEnumerable<(int Line, JsonElement Value)> Read(string path, string displayName)
    {
        using var reader = new StreamReader(path, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var lineNumber = 0;
        while (true)
        {
            string? text;
            try
            {
                text = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                throw new GoldenSetException(displayName, lineNumber + 1, null, "the file is not valid UTF-8");
            }
            if (text is null) yield break;
            lineNumber++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return (lineNumber, ParseObject(text, displayName, lineNumber));
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
            throw new GoldenSetException(displayName, lineNumber, null,
                $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new GoldenSetException(displayName, lineNumber, null, $"expected a JSON object, found {Describe(document.RootElement.ValueKind)}");
            return document.RootElement.Clone();
        }
    }

    internal static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 7." which we already report better.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
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
