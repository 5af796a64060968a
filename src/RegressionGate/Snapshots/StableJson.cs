using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RegressionGate.Snapshots;

/// <summary>
/// Writes snapshot JSON that is the same bytes for the same meaning on every machine: the caller's property order,
/// 2-space indent, LF, a final newline, UTF-8 without BOM, non-ASCII text as-is, and fixed-precision numbers.
/// </summary>
internal static class StableJson
{
    /// <summary>Decimals kept for every fractional number: enough for cosine scores, few enough to be readable.</summary>
    public const int Decimals = 6;

    static readonly string FixedFormat = "F" + Decimals.ToString(CultureInfo.InvariantCulture);

    static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
        // Snapshots are files people read in diffs, never HTML: Portuguese must stay "é", not "\u00E9".
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The document <paramref name="write"/> produces, with a final newline.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>
    /// The document <paramref name="write"/> produces, with one more array, <paramref name="arrayName"/>, as its last
    /// property: one element a line (each a flat object from <see cref="Line"/>), so a diff of two versions shows one
    /// line per element that changed instead of a block per element.
    /// </summary>
    public static string Write(Action<Utf8JsonWriter> write, string arrayName, IReadOnlyList<string> lines)
    {
        var head = Write(write);
        var close = head.LastIndexOf('}');
        var body = head[..close].TrimEnd('\n');
        var text = new StringBuilder(body);
        text.Append(body.EndsWith('{') ? "\n" : ",\n").Append("  ").Append(Line(w => w.WriteStringValue(arrayName))).Append(": [");
        for (var i = 0; i < lines.Count; i++) text.Append(i == 0 ? "\n    " : ",\n    ").Append(lines[i]);
        text.Append(lines.Count == 0 ? "]\n}\n" : "\n  ]\n}\n");
        return text.ToString();
    }

    /// <summary>
    /// One flat JSON value on one line, as <paramref name="write"/> writes it, with a space after each colon and comma
    /// and inside the braces (<c>{ "rank": 1, "id": "1009", "score": 0.638120 }</c>), escaped as the rest of the file.
    /// </summary>
    public static string Line(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options with { Indented = false }))
        {
            write(writer);
        }
        var compact = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var line = new StringBuilder(compact.Length + 16);
        var inString = false;
        for (var i = 0; i < compact.Length; i++)
        {
            var c = compact[i];
            if (inString)
            {
                line.Append(c);
                if (c == '\\') line.Append(compact[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    line.Append(c);
                    break;
                case ':' or ',':
                    line.Append(c).Append(' ');
                    break;
                case '{' when i + 1 < compact.Length && compact[i + 1] != '}':
                    line.Append("{ ");
                    break;
                case '}' when i > 0 && compact[i - 1] != '{':
                    line.Append(" }");
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
        return line.ToString();
    }

    /// <summary>Writes <paramref name="value"/> with exactly <see cref="Decimals"/> decimals, zeros kept (0.850000).</summary>
    public static void WriteFixed(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WriteNumber(name, FixedDecimal(value, name));
    }

    /// <summary>An array element with exactly <see cref="Decimals"/> decimals.</summary>
    public static void WriteFixedValue(this Utf8JsonWriter writer, double value, string what = "value")
    {
        writer.WriteNumberValue(FixedDecimal(value, what));
    }

    // A decimal parsed from "0.850000" keeps its six-digit scale, and the writer prints it with the zeros, indented
    // like any other number (a raw value would not be indented inside an array).
    static decimal FixedDecimal(double value, string what) => decimal.Parse(Fixed(value, what), CultureInfo.InvariantCulture);

    /// <summary>
    /// An identity (retriever, judge, answer source) as an object of its name/value pairs, as strings in their order:
    /// how snapshots and part files hold one, and what <see cref="SnapshotFields.Pairs"/> reads back.
    /// </summary>
    public static void WritePairs(this Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in pairs) writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    public static void WriteFixedOrNull(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number) writer.WriteFixed(name, number);
        else writer.WriteNull(name);
    }

    /// <summary>The text a number is stored as; rounding is to nearest, and a rounded −0 is written as 0.</summary>
    public static string Fixed(double value, string what = "value")
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(what, value, $"{what} must be a finite number to be snapshotted");
        var rounded = Math.Round(value, Decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0; // folds −0 into 0
        return rounded.ToString(FixedFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>The value a number reads back as after being stored: what comparisons must see.</summary>
    public static double Round(double value) => double.Parse(Fixed(value), CultureInfo.InvariantCulture);
}
