using System.Globalization;
using System.Text.Json;

namespace RegressionGate.Files;

/// <summary>
/// Typed access to one JSON object's fields that turns every surprise into a <see cref="InputFileException"/>
/// naming the file, line and field, so a user fixes their data instead of reading a stack trace.
/// </summary>
internal sealed class JsonFields
{
    readonly JsonElement element;
    readonly string file;
    readonly string prefix;
    readonly Func<string, int?> lineOf;

    public JsonFields(JsonElement element, string file, Func<string, int?> lineOf, string prefix = "")
    {
        this.element = element;
        this.file = file;
        this.lineOf = lineOf;
        this.prefix = prefix;
    }

    /// <summary>For JSON Lines, where the whole object sits on one line.</summary>
    public JsonFields(JsonElement element, string file, int line) : this(element, file, _ => line) { }

    /// <summary>How errors name the file these fields come from.</summary>
    public string File => file;

    public string PathOf(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    public InputFileException Error(string name, string problem) => new(file, lineOf(PathOf(name)), PathOf(name), problem);

    public bool Has(string name) => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public string RequiredString(string name, bool allowEmpty = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw Error(name, "is missing");
        return StringValue(name, value, allowEmpty);
    }

    public string? OptionalString(string name, bool allowEmpty = true)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return StringValue(name, value, allowEmpty);
    }

    /// <summary>An id: a string, or a whole number written without quotes (people do, and the seed's ids are numbers).</summary>
    public string RequiredId(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            throw Error(name, "is missing");
        return IdValue(name, value);
    }

    public IReadOnlyList<string> OptionalIdList(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return [];
        if (value.ValueKind != JsonValueKind.Array) throw Error(name, $"must be an array of ids, found {JsonLines.Describe(value.ValueKind)}");
        return value.EnumerateArray().Select(item => IdValue(name, item)).ToList();
    }

    public double OptionalDouble(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        if (value.ValueKind != JsonValueKind.Number) throw Error(name, $"must be a number, found {JsonLines.Describe(value.ValueKind)}");
        if (!value.TryGetDouble(out var number) || !double.IsFinite(number)) throw Error(name, $"must be a finite number, found {value.GetRawText()}");
        if (number < min || number > max)
            throw Error(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {number}"));
        return number;
    }

    public int OptionalInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return fallback;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            throw Error(name, $"must be a whole number, found {Show(value)}");
        if (number < min || number > max)
            throw Error(name, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, found {number}"));
        return number;
    }

    public IReadOnlyList<double>? OptionalDoubleList(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Array) throw Error(name, $"must be an array of numbers, found {JsonLines.Describe(value.ValueKind)}");
        return value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Number && item.TryGetDouble(out var d) && double.IsFinite(d)
            ? d
            : throw Error(name, item.ValueKind == JsonValueKind.Number
                ? $"must hold only finite numbers, found {item.GetRawText()}"
                : $"must hold only numbers, found {Show(item)}")).ToList();
    }

    public string OneOf(string name, IReadOnlyList<string> allowed, string fallback)
    {
        var text = OptionalString(name) ?? fallback;
        if (!allowed.Contains(text, StringComparer.Ordinal))
            throw Error(name, $"'{text}' is not one of {string.Join(", ", allowed)}");
        return text;
    }

    /// <summary>A nested object's fields; an absent object reads as empty, so every default applies.</summary>
    public JsonFields Object(string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return new JsonFields(EmptyObject, file, lineOf, PathOf(name));
        if (value.ValueKind != JsonValueKind.Object) throw Error(name, $"must be an object, found {JsonLines.Describe(value.ValueKind)}");
        return new JsonFields(value, file, lineOf, PathOf(name));
    }

    /// <summary>No fields at all, as an absent section reads: every default applies. <paramref name="file"/> names it in errors.</summary>
    public static JsonFields Empty(string file) => new(EmptyObject, file, _ => null);

    /// <summary>The names of this object's fields, in file order.</summary>
    public IReadOnlyList<string> Names => element.EnumerateObject().Select(p => p.Name).ToList();

    /// <summary>A field's value as a detached JSON node, or null when absent or null.</summary>
    public System.Text.Json.Nodes.JsonNode? OptionalNode(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText())
            : null;

    /// <summary>An object whose every value is a string, in file order; empty when absent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> OptionalStringMap(string name)
    {
        var fields = Object(name);
        return fields.element.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String
            ? KeyValuePair.Create(p.Name, p.Value.GetString()!)
            : throw fields.Error(p.Name, $"must be a string, found {JsonLines.Describe(p.Value.ValueKind)}")).ToList();
    }

    /// <summary>Unknown fields are errors: a misspelt tolerance must not silently fall back to its default.</summary>
    public void RejectUnknown(params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!known.Contains(property.Name, StringComparer.Ordinal))
                throw Error(property.Name, $"is not a known field here; known fields: {string.Join(", ", known)}");
        }
    }

    string StringValue(string name, JsonElement value, bool allowEmpty)
    {
        if (value.ValueKind != JsonValueKind.String) throw Error(name, $"must be a string, found {JsonLines.Describe(value.ValueKind)}");
        var text = value.GetString()!;
        if (!allowEmpty && string.IsNullOrWhiteSpace(text)) throw Error(name, "is empty");
        return text;
    }

    string IdValue(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when ControlCharacter(value.GetString()!) is { } control =>
            throw Error(name, $"holds the control character U+{(int)control:X4}; ids must be printable"),
        JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => value.GetString()!.Trim(),
        JsonValueKind.String => throw Error(name, "is an empty id"),
        JsonValueKind.Number when value.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
        _ => throw Error(name, $"must be an id (a string or a whole number), found {Show(value)}"),
    };

    /// <summary>
    /// The first control character of <paramref name="id"/> (NUL, a line break, a tab…), or null. Ids become file
    /// names, report lines and JSON keys; a control character in one breaks them or hides in them.
    /// </summary>
    public static char? ControlCharacter(string id)
    {
        foreach (var c in id)
        {
            if (char.IsControl(c)) return c;
        }
        return null;
    }

    static string Show(JsonElement value) => value.ValueKind is JsonValueKind.Number or JsonValueKind.String
        ? value.GetRawText()
        : JsonLines.Describe(value.ValueKind);

    static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
