using System.Text;
using RegressionGate.Formatting;

namespace RegressionGate.Snapshots;

/// <summary>
/// Fails an answer's judgment when its normalised AR score moved more than <c>tolerances.arScore</c> or its
/// automated label flipped. The message quotes the verified and the current reasoning, so a reviewer sees why.
/// </summary>
internal sealed class JudgeComparer(Tolerances tolerances) : ISnapshotComparer<JudgeSnapshot>
{
    public IReadOnlyList<string> Compare(JudgeSnapshot verified, JudgeSnapshot current)
    {
        var scoreMoved = Math.Abs(current.Normalised - verified.Normalised) > tolerances.ArScore + RetrievalComparer.Epsilon;
        var labelFlipped = current.Automated != verified.Automated;
        if (!scoreMoved && !labelFlipped) return [];

        var message = new StringBuilder($"AR {Display.Ar(verified.Normalised)} → {Display.Ar(current.Normalised)}");
        message.Append(labelFlipped ? $", label {verified.Automated} → {current.Automated}" : $", label {current.Automated} unchanged");
        message.Append($" (AR tolerance {Display.Setting(tolerances.ArScore)})");
        if (current.Manual is { } manual) message.Append($"; people said {manual}");
        if (current.Flaky) message.Append($"; flaky: repeats {string.Join(", ", current.Repeats.Select(Display.Setting))} straddle a label boundary");
        var judgeChanges = JudgeChanges(verified, current);
        if (judgeChanges.Count > 0) message.Append($"; judge changed: {string.Join("; ", judgeChanges)}");
        message.Append('\n').Append(Quote("verified reasoning", verified.Reasoning));
        message.Append('\n').Append(Quote("current reasoning", current.Reasoning));
        return [message.ToString()];
    }

    /// <summary>What differs in the judge's identity, in the same words as a retriever's (<c>promptVersion 'v1' → 'v2'</c>).</summary>
    internal static IReadOnlyList<string> JudgeChanges(JudgeSnapshot verified, JudgeSnapshot current) =>
        current.Judge.ChangesFrom(verified.Judge);

    static string Quote(string what, string reasoning)
    {
        var lines = reasoning.ReplaceLineEndings("\n").Trim().Split('\n');
        return $"  {what}: \"{string.Join("\n    ", lines)}\"";
    }
}
