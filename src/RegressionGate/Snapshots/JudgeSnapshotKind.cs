using RegressionGate.Formatting;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Snapshots;

/// <summary><c>judge/{questionId}.verified.json</c>: judge identity, score, labels, repeats, and the reasoning last because it is long.</summary>
/// <param name="stage">The folder: answer relevance's <c>judge</c> unless a labelled metric of another name says otherwise.</param>
internal sealed class JudgeSnapshotKind(string stage = SnapshotStages.Judge) : SnapshotKind<JudgeSnapshot>
{
    public override string Stage { get; } = stage;

    public override string Write(JudgeSnapshot snapshot) => StableJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("questionId", snapshot.QuestionId);
        w.WritePairs("judge", snapshot.Judge.Properties);
        w.WriteFixed("score", snapshot.Score);
        w.WriteFixed("normalised", snapshot.Normalised);
        w.WriteString("automated", snapshot.Automated.ToString());
        if (snapshot.Manual is { } manual) w.WriteString("manual", manual.ToString());
        else w.WriteNull("manual");
        w.WriteStartArray("repeats");
        foreach (var score in snapshot.Repeats) w.WriteFixedValue(score, "repeats");
        w.WriteEndArray();
        w.WriteFixed("spread", snapshot.Spread);
        w.WriteBoolean("flaky", snapshot.Flaky);
        if (snapshot.AnswerHash is { } answer) w.WriteString("answerHash", answer);
        w.WriteString("reasoning", snapshot.Reasoning);
        w.WriteEndObject();
    });

    public override JudgeSnapshot Read(string text, string file)
    {
        var root = SnapshotFields.Parse(text, file);
        root.RejectUnknown("questionId", "judge", "score", "normalised", "automated", "manual", "repeats", "spread", "flaky", "answerHash", "reasoning");
        var answerHash = root.OptionalString("answerHash");
        if (answerHash is not null && !TextHash.IsWellFormed(answerHash))
            throw root.Error("answerHash", $"must be {TextHash.Length} lower-case hex digits, found '{answerHash}'");
        return new JudgeSnapshot(
            root.Id("questionId"),
            new JudgeIdentity(root.Pairs("judge")),
            root.Double("score", min: 0),
            root.Double("normalised", min: 0, max: 1),
            root.Label("automated"),
            root.NullableLabel("manual"),
            root.Doubles("repeats"),
            root.Double("spread", min: 0),
            root.Bool("flaky"),
            root.String("reasoning", allowEmpty: true),
            answerHash);
    }

    public override string? QuestionIdOf(JudgeSnapshot snapshot) => snapshot.QuestionId;

    public override string DescribeNew(JudgeSnapshot snapshot) =>
        $"new: AR {Display.Ar(snapshot.Normalised)}, label {snapshot.Automated}" +
        (snapshot.Manual is { } manual ? $" (people said {manual})" : "") +
        (snapshot.Flaky ? ", flaky" : "");

    public override string DescribeChange(JudgeSnapshot verified, JudgeSnapshot received, Tolerances tolerances)
    {
        var parts = new List<string>();
        var judge = JudgeComparer.JudgeChanges(verified, received);
        if (judge.Count > 0) parts.Add($"judge changed: {string.Join("; ", judge)}");
        if (verified.Automated != received.Automated) parts.Add($"label {verified.Automated} → {received.Automated}");
        if (verified.Normalised != received.Normalised) parts.Add($"AR {Display.Ar(verified.Normalised)} → {Display.Ar(received.Normalised)}");
        if (verified.AnswerHash is { } was && received.AnswerHash is { } now && was != now) parts.Add("answer text changed");
        if (verified.Manual != received.Manual) parts.Add($"manual label {Show(verified.Manual)} → {Show(received.Manual)}");
        if (verified.Flaky != received.Flaky) parts.Add(received.Flaky ? "now flaky" : "no longer flaky");
        if (verified.Reasoning != received.Reasoning) parts.Add("reasoning reworded");
        return parts.Count == 0 ? "no change in meaning" : string.Join(", ", parts);
    }

    static string Show(Label? label) => label?.ToString() ?? "none";
}
