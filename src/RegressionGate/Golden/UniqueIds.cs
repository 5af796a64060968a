using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>
/// The ids of one golden file, each allowed once, and never twice in different letter case: Windows and macOS file
/// systems do not tell <c>Q1</c> from <c>q1</c>, so two such questions would share one snapshot file there.
/// </summary>
/// <param name="what">What the ids name, for messages: <c>segment</c>, <c>question</c>.</param>
/// <param name="collision">What goes wrong when two ids differ only in case, for messages.</param>
internal sealed class UniqueIds(string what, string collision)
{
    readonly Dictionary<string, (string Id, int Line)> seen = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records <paramref name="id"/> from <paramref name="line"/>, or throws at the <c>id</c> field of <paramref name="fields"/>.</summary>
    public void Add(string id, int line, JsonFields fields)
    {
        if (seen.TryGetValue(id, out var earlier))
        {
            throw earlier.Id == id
                ? fields.Error("id", $"duplicate {what} id '{id}' (first on line {earlier.Line})")
                : fields.Error("id", $"{what} id '{id}' differs from '{earlier.Id}' (line {earlier.Line}) only in letter case; {collision}");
        }
        seen.Add(id, (id, line));
    }
}
