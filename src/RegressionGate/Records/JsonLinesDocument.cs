using System.Text;
using RegressionGate.Files;

namespace RegressionGate.Records;

/// <summary>
/// A JSON Lines file edited line by line: lines nobody changed keep their exact text (spacing, key order, line ends, BOM),
/// so importing records into a hand-written golden set shows in a diff as the lines it added or replaced, nothing else.
/// </summary>
internal sealed class JsonLinesDocument
{
    static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    readonly List<string> lines;
    readonly string newline;
    readonly bool hasBom;
    bool appended;

    JsonLinesDocument(List<string> lines, string newline, bool hasBom)
    {
        this.lines = lines;
        this.newline = newline;
        this.hasBom = hasBom;
    }

    public bool Changed { get; private set; }

    /// <summary>The file's lines, numbered as <see cref="JsonLines.Read"/> numbers them; a missing file is an empty document.</summary>
    public static JsonLinesDocument Load(string path)
    {
        if (!File.Exists(path)) return new JsonLinesDocument([], "\n", hasBom: false);
        var bytes = File.ReadAllBytes(path);
        var hasBom = bytes.AsSpan().StartsWith(Bom);
        var text = StrictUtf8.Encoding.GetString(bytes.AsSpan(hasBom ? Bom.Length : 0));
        var lines = new List<string>();
        using (var reader = new StringReader(text))
        {
            while (reader.ReadLine() is { } line) lines.Add(line);
        }
        return new JsonLinesDocument(lines, text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n", hasBom);
    }

    /// <summary>Replaces the text of 1-based line <paramref name="lineNumber"/>.</summary>
    public void Replace(int lineNumber, string text)
    {
        if (lines[lineNumber - 1] == text) return;
        lines[lineNumber - 1] = text;
        Changed = true;
    }

    public void Append(string text)
    {
        // New lines go right after the last object, not after trailing blank lines.
        if (!appended)
        {
            while (lines.Count > 0 && string.IsNullOrWhiteSpace(lines[^1])) lines.RemoveAt(lines.Count - 1);
            appended = true;
        }
        lines.Add(text);
        Changed = true;
    }

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line).Append(newline);
        return text.ToString();
    }

    /// <summary>Writes the document atomically when it changed; true when it did.</summary>
    public bool WriteIfChanged(string path)
    {
        if (!Changed) return false;
        var body = Encoding.UTF8.GetBytes(Render());
        AtomicFile.WriteAllBytes(path, hasBom ? [.. Bom, .. body] : body);
        return true;
    }
}
