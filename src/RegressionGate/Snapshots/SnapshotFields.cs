using System.Globalization;
using System.Text;
using System.Text.Json;
using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Snapshots;

/// <summary>
/// Typed, strict access to one object of a snapshot file. A corrupt or hand-mangled snapshot fails with a
/// <see cref="InputFileException"/> naming the file, line and field (<c>ranking[2].score</c>), never a stack trace.
/// </summary>
internal sealed class SnapshotFields
{
    readonly JsonElement element;
    readonly string file;
    readonly string path;
    readonly SnapshotLineMap lines;

    SnapshotFields(JsonElement element, string file, string path, SnapshotLineMap lines)
    {
        this.element = element;
        this.file = file;
        this.path = path;
        this.lines = lines;
    }

    /// <summary>The root object of a snapshot's text; <paramref name="file"/> is how errors name it.</summary>
    public static SnapshotFields Parse(string text, string file)
    {
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var utf8 = StrictUtf8.Encoding.GetBytes(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new InputFileException(file, (int?)e.LineNumber + 1, null,
                $"malformed JSON at column {(e.BytePositionInLine ?? 0) + 1}: {JsonLines.FirstSentence(e.Message)}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InputFileException(file, 1, null, $"expected a JSON object, found {JsonLines.Describe(document.RootElement.ValueKind)}");
            return new SnapshotFields(document.RootElement.Clone(), file, "", SnapshotLineMap.Build(utf8));
        }
    }

    /// <summary>Reads a snapshot file as strict UTF-8; bytes that are not UTF-8 are an error naming the file.</summary>
    public static string ReadText(string filePath, string file)
    {
        try
        {
            return StrictUtf8.Encoding.GetString(File.ReadAllBytes(filePath));
        }
        catch (DecoderFallbackException)
        {
            throw new InputFileException(file, null, null, "the file is not valid UTF-8");
        }
    }

    public string PathOf(string name) => path.Length == 0 ? name : $"{path}.{name}";

    public InputFileException Error(string name, string problem) => ErrorAt(PathOf(name), problem);

    InputFileException ErrorAt(string fieldPath, string problem) =>
        new(file, lines.LineOf(fieldPath), fieldPath.Length == 0 ? null : fieldPath, problem);

    /// <summary>Unknown fields are errors: a misspelt field in a hand-edited snapshot must not be silently dropped.</summary>
    public void RejectUnknown(params string[] known)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                throw Error(property.Name, $"is not a known field here; known fields: {string.Join(", ", known)}");
            if (!seen.Add(property.Name)) throw Error(property.Name, "appears twice");
        }
    }

    public string String(string name, bool allowEmpty = false)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.String) throw Error(name, $"must be a string, found {Show(value)}");
        var text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text)) throw Error(name, "is empty");
        return text;
    }

    /// <summary>Whether the object has a field of this name (null or not).</summary>
    public bool Has(string name) => element.TryGetProperty(name, out _);

    /// <summary>The object's field names, in file order.</summary>
    public IReadOnlyList<string> Names => element.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>A string, or null.</summary>
    public string? NullableString(string name)
    {
        var value = Required(name, allowNull: true);
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw Error(name, $"must be a string or null, found {Show(value)}");
        return value.GetString()!;
    }

    /// <summary>A string field that older snapshots may lack: null when absent.</summary>
    public string? OptionalString(string name) => Has(name) ? String(name) : null;

    /// <summary>An id: a string, or a whole number written without quotes (as the seed writes segment ids).</summary>
    public string Id(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!,
            JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw Error(name, $"must be an id (a non-empty string or a whole number), found {Show(value)}"),
        };
    }

    public int Int(string name, int min = int.MinValue)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw Error(name, $"must be a whole number, found {Show(value)}");
        if (number < min) throw Error(name, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}, found {number}"));
        return number;
    }

    public double Double(string name, double min = double.MinValue, double max = double.MaxValue) =>
        Number(Required(name), PathOf(name), min, max);

    public double? NullableDouble(string name, double min = double.MinValue, double max = double.MaxValue)
    {
        var value = Required(name, allowNull: true);
        return value.ValueKind == JsonValueKind.Null ? null : Number(value, PathOf(name), min, max);
    }

    public bool Bool(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"must be true or false, found {Show(value)}"),
        };
    }

    public Label Label(string name) => ParseLabel(name, Required(name));

    public Label? NullableLabel(string name)
    {
        var value = Required(name, allowNull: true);
        return value.ValueKind == JsonValueKind.Null ? null : ParseLabel(name, value);
    }

    /// <summary>An object of name/value pairs in file order; numbers and booleans read as their text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs(string name)
    {
        var fields = Object(name);
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var property in fields.element.EnumerateObject())
        {
            var value = property.Value;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => throw fields.Error(property.Name, $"must be a string, found {Show(value)}"),
            };
            if (pairs.Any(p => p.Key == property.Name)) throw fields.Error(property.Name, "appears twice");
            pairs.Add(new(property.Name, text));
        }
        return pairs;
    }

    public SnapshotFields Object(string name) =>
        NullableObject(name) ?? throw Error(name, "must be an object, found null");

    /// <summary>An object that older snapshots may lack altogether: null when absent or null.</summary>
    public SnapshotFields? OptionalObject(string name) => element.TryGetProperty(name, out _) ? NullableObject(name) : null;

    public SnapshotFields? NullableObject(string name)
    {
        var value = Required(name, allowNull: true);
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Error(name, $"must be an object, found {Show(value)}");
        return new SnapshotFields(value, file, PathOf(name), lines);
    }

    public IReadOnlyList<SnapshotFields> Objects(string name) =>
        Items(name).Select(item => item.Value.ValueKind == JsonValueKind.Object
            ? new SnapshotFields(item.Value, file, item.Path, lines)
            : throw ErrorAt(item.Path, $"must be an object, found {Show(item.Value)}")).ToList();

    /// <summary>An array of ids (strings, or whole numbers written without quotes).</summary>
    public IReadOnlyList<string> Ids(string name) =>
        Items(name).Select(item => item.Value.ValueKind switch
        {
            JsonValueKind.String when !string.IsNullOrWhiteSpace(item.Value.GetString()) => item.Value.GetString()!,
            JsonValueKind.Number when item.Value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw ErrorAt(item.Path, $"must be an id, found {Show(item.Value)}"),
        }).ToList();

    public IReadOnlyList<double> Doubles(string name) =>
        Items(name).Select(item => Number(item.Value, item.Path, double.MinValue, double.MaxValue)).ToList();

    IEnumerable<(string Path, JsonElement Value)> Items(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array) throw Error(name, $"must be an array, found {Show(value)}");
        return value.EnumerateArray().Select((item, index) => ($"{PathOf(name)}[{index}]", item));
    }

    JsonElement Required(string name, bool allowNull = false)
    {
        if (!element.TryGetProperty(name, out var value)) throw Error(name, "is missing");
        if (!allowNull && value.ValueKind == JsonValueKind.Null) throw Error(name, "must not be null");
        return value;
    }

    double Number(JsonElement value, string fieldPath, double min, double max)
    {
        if (value.ValueKind != JsonValueKind.Number) throw ErrorAt(fieldPath, $"must be a number, found {Show(value)}");
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number)) throw ErrorAt(fieldPath, $"must be a finite number, found {value.GetRawText()}");
        if (number < min || number > max)
            throw ErrorAt(fieldPath, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {value.GetRawText()}"));
        return number;
    }

    Label ParseLabel(string name, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && Labels.TryParse(value.GetString(), out var label)
            ? label
            : throw Error(name, $"must be one of C, P, I, found {Show(value)}");

    static string Show(JsonElement value) => value.ValueKind is JsonValueKind.Number or JsonValueKind.String
        ? value.GetRawText()
        : JsonLines.Describe(value.ValueKind);
}
