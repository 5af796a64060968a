namespace RegressionGate.Judging;

/// <summary>
/// What makes two judgments comparable: the kind of judge and every setting that changes its verdict
/// (model, prompt version, repeats, thresholds…), as ordered name/value pairs so a snapshot can say which one changed.
/// </summary>
public sealed class JudgeIdentity : IEquatable<JudgeIdentity>
{
    public JudgeIdentity(IEnumerable<KeyValuePair<string, string>> properties)
    {
        Properties = properties.ToList();
        var duplicate = Properties.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"judge identity names '{duplicate.Key}' twice", nameof(properties));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Properties { get; }

    /// <summary>The judge's kind, one of <see cref="Golden.JudgeKinds"/>.</summary>
    public string Kind => this["kind"] ?? "";

    public string? this[string name] => Properties.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>Human-readable changes from <paramref name="before"/> to this, e.g. <c>promptVersion 'ar-v1' → 'ar-v2'</c>.</summary>
    public IReadOnlyList<string> ChangesFrom(JudgeIdentity before)
    {
        var changes = new List<string>();
        foreach (var (name, value) in Properties)
        {
            var old = before[name];
            if (old is null) changes.Add($"{name} added ('{value}')");
            else if (old != value) changes.Add($"{name} '{old}' → '{value}'");
        }
        foreach (var (name, value) in before.Properties)
        {
            if (this[name] is null) changes.Add($"{name} removed (was '{value}')");
        }
        return changes;
    }

    public bool Equals(JudgeIdentity? other) =>
        other is not null && Properties.Count == other.Properties.Count && ChangesFrom(other).Count == 0;

    public override bool Equals(object? obj) => Equals(obj as JudgeIdentity);

    public override int GetHashCode() =>
        Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value));

    public override string ToString() => string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"));
}
