namespace RegressionGate.Identities;

/// <summary>
/// What makes two results comparable: the kind of component that produced them and every setting that changes them
/// (model hash, k, prefixes, prompt version…), as ordered name/value pairs, so a snapshot can name exactly which one
/// changed. Retrievers and judges each say what matters to them.
/// </summary>
public class Identity : IEquatable<Identity>
{
    /// <summary>The property every identity starts with: the component's kind.</summary>
    public const string KindProperty = "kind";

    /// <summary>An identity of <paramref name="properties"/>, in their order; a name given twice is an error.</summary>
    public Identity(IEnumerable<KeyValuePair<string, string>> properties)
    {
        Properties = properties.ToList();
        var duplicate = Properties.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"an identity names '{duplicate.Key}' twice", nameof(properties));
    }

    /// <summary>The name/value pairs, in the order snapshots write them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    /// <summary>The component's kind (dense, bm25, answer-relevance…), or empty when the identity doesn't say.</summary>
    public string Kind => this[KindProperty] ?? "";

    /// <summary>The value of the property <paramref name="name"/>, or null when the identity has none.</summary>
    public string? this[string name] => Properties.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Human-readable changes from <paramref name="before"/> to this, e.g. <c>maxTokens '512' → '256'</c>.</summary>
    public IReadOnlyList<string> ChangesFrom(Identity before)
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

    // Hashes are 64 hex digits; twelve say which model it is without drowning the message.
    static string Show(string value) => value.Length > 16 && value.All(char.IsAsciiHexDigit) ? value[..12] + "…" : $"'{value}'";

    /// <summary>Same type and the same properties, in any order: nothing that changes results differs.</summary>
    public bool Equals(Identity? other) =>
        other is not null && other.GetType() == GetType() && Properties.Count == other.Properties.Count && ChangesFrom(other).Count == 0;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Identity);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    /// <summary>The properties as <c>name=value, …</c>.</summary>
    public override string ToString() => string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"));
}
