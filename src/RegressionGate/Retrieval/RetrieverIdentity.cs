namespace RegressionGate.Retrieval;

/// <summary>
/// What makes two retrieval results comparable: the kind of retriever and every setting that changes its ranking
/// (model hash, k, prefixes, max tokens, analyzer…). Kept as ordered name/value pairs so each retriever can say
/// what matters to it, and a snapshot can name exactly which one changed.
/// </summary>
public sealed class RetrieverIdentity : IEquatable<RetrieverIdentity>
{
    public RetrieverIdentity(IEnumerable<KeyValuePair<string, string>> properties)
    {
        Properties = properties.ToList();
        var duplicate = Properties.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"retriever identity names '{duplicate.Key}' twice", nameof(properties));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    public string? this[string name] => Properties.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Human-readable changes from <paramref name="before"/> to this, e.g. <c>maxTokens 512 → 256</c>.</summary>
    public IReadOnlyList<string> ChangesFrom(RetrieverIdentity before)
    {
        var changes = new List<string>();
        foreach (var (name, value) in Properties)
        {
            var old = before[name];
            if (old is null) changes.Add($"{name} added ({Show(value)})");
            else if (old != value) changes.Add($"{name} {Show(old)} → {Show(value)}");
        }
        foreach (var (name, value) in before.Properties)
        {
            if (this[name] is null) changes.Add($"{name} removed (was {Show(value)})");
        }
        return changes;
    }

    static string Show(string value) => value.Length > 16 && value.All(char.IsAsciiHexDigit) ? value[..12] + "…" : $"'{value}'";

    public bool Equals(RetrieverIdentity? other) =>
        other is not null && Properties.Count == other.Properties.Count && ChangesFrom(other).Count == 0;

    public override bool Equals(object? obj) => Equals(obj as RetrieverIdentity);

    public override int GetHashCode() =>
        Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    public override string ToString() => string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"));
}
