using RegressionGate.Answers;

namespace RegressionGate.Snapshots;

/// <summary><c>answers/{questionId}.verified.json</c>: the answer's source, the answer, its context and its references.</summary>
internal sealed class AnswerSnapshotKind : SnapshotKind<AnswerSnapshot>
{
    public override string Stage => SnapshotStages.Answers;

    public override string Write(AnswerSnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("questionId", snapshot.QuestionId);
        w.WritePairs("source", snapshot.Source.Properties);
        w.WriteString("answer", snapshot.Answer);
        w.WriteStartArray("context");
        foreach (var id in snapshot.Context) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteStartArray("references");
        foreach (var id in snapshot.References) w.WriteStringValue(id);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public override AnswerSnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("questionId", "source", "answer", "context", "references");
        return new AnswerSnapshot(root.Id("questionId"), new AnswerIdentity(root.Pairs("source")), root.String("answer", allowEmpty: true),
            root.Ids("context"), root.Ids("references"));
    }

    public override string DescribeNew(AnswerSnapshot snapshot) =>
        $"new: {snapshot.Source.Kind} answer of {snapshot.Answer.Length} characters citing {Ids(snapshot.References)}";

    public override string DescribeChange(AnswerSnapshot verified, AnswerSnapshot received, Tolerances tolerances)
    {
        var parts = AnswerComparer.Changes(verified, received).Select(c => c.Split('\n')[0]).ToList();
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }

    internal static string Ids(IReadOnlyList<string> ids) => ids.Count == 0 ? "no segment" : string.Join(", ", ids);
}
