using System.Globalization;
using System.Text.Json.Nodes;

namespace RegressionGate.Answers;

/// <summary>
/// The small JSON path subset an endpoint's reply needs: <c>$</c>, then <c>.name</c>, <c>['name']</c>, <c>[index]</c>
/// and <c>[*]</c> (every element of an array). A path selects zero or more values.
/// </summary>
public sealed class JsonPath
{
    readonly IReadOnlyList<Step> steps;

    JsonPath(string text, IReadOnlyList<Step> steps)
    {
        Text = text;
        this.steps = steps;
    }

    /// <summary>The path as written.</summary>
    public string Text { get; }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>The values <paramref name="root"/> holds at this path, in document order.</summary>
    public IReadOnlyList<JsonNode?> Select(JsonNode? root)
    {
        IEnumerable<JsonNode?> current = [root];
        foreach (var step in steps) current = current.SelectMany(step.Apply);
        return current.ToList();
    }

    /// <summary>Reads <paramref name="text"/> as a path, or says in <paramref name="problem"/> why it is not one this tool reads.</summary>
    public static bool TryParse(string text, out JsonPath path, out string problem)
    {
        path = null!;
        problem = "";
        if (!text.StartsWith('$'))
        {
            problem = $"'{text}' is not a JSON path: it must start with $ (e.g. $.answer or $.sources[*].id)";
            return false;
        }
        var steps = new List<Step>();
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == '.')
            {
                var start = ++i;
                while (i < text.Length && text[i] != '.' && text[i] != '[') i++;
                if (i == start) return Fail(text, start, "a name after '.'", out problem);
                steps.Add(new Member(text[start..i]));
            }
            else if (text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0) return Fail(text, i, "a closing ']'", out problem);
                var inside = text[(i + 1)..close].Trim();
                if (inside == "*") steps.Add(new Every());
                else if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0]) steps.Add(new Member(inside[1..^1]));
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index)) steps.Add(new Index(index));
                else return Fail(text, i, "[*], [index] or ['name']", out problem);
                i = close + 1;
            }
            else return Fail(text, i, "'.' or '['", out problem);
        }
        path = new JsonPath(text, steps);
        return true;
    }

    static bool Fail(string text, int at, string expected, out string problem)
    {
        problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a JSON path this tool reads: expected {expected} at character {at + 1}");
        return false;
    }

    abstract record Step
    {
        public abstract IEnumerable<JsonNode?> Apply(JsonNode? node);
    }

    sealed record Member(string Name) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) =>
            node is JsonObject o && o.TryGetPropertyValue(Name, out var value) ? [value] : [];
    }

    sealed record Index(int Position) : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) =>
            node is JsonArray a && Position < a.Count ? [a[Position]] : [];
    }

    sealed record Every : Step
    {
        public override IEnumerable<JsonNode?> Apply(JsonNode? node) => node is JsonArray a ? a : [];
    }
}
