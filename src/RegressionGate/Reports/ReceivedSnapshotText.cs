using System.Globalization;
using System.Text;
using RegressionGate.Files;
using RegressionGate.Formatting;
using RegressionGate.Golden;
using RegressionGate.Snapshots;

namespace RegressionGate.Reports;

/// <summary>
/// What approving one received snapshot would change, in plain text for a person deciding at a terminal
/// (<c>approve --review</c>): for a summary every aggregate verified → received; for a ranking the change in words,
/// relevant segments first, then both top-k side by side; for a judgment score, label and both reasonings.
/// </summary>
internal static class ReceivedSnapshotText
{
    const int ReasoningChars = 600;

    /// <summary>
    /// The change <paramref name="entry"/> stands for, read from its files; <paramref name="golden"/> names the
    /// question's relevant segments. A file that cannot be read is said so in one line.
    /// </summary>
    public static string Describe(ApprovalEntry entry, GoldenSet golden, Tolerances tolerances)
    {
        try
        {
            return entry.Stage switch
            {
                SnapshotStages.Summary => Summary(Read(SnapshotKinds.Summary, entry.VerifiedPath), SnapshotKinds.Summary.ReadFile(entry.ReceivedPath)),
                SnapshotStages.Retrieval => Retrieval(Read(SnapshotKinds.Retrieval, entry.VerifiedPath), SnapshotKinds.Retrieval.ReadFile(entry.ReceivedPath), golden, tolerances),
                SnapshotStages.Judge => Judge(Read(SnapshotKinds.Judge, entry.VerifiedPath), SnapshotKinds.Judge.ReadFile(entry.ReceivedPath)),
                _ => entry.Description + "\n",
            };
        }
        catch (InputFileException e)
        {
            return $"  cannot show the change: {e.Message}\n";
        }
    }

    static T? Read<T>(SnapshotKind<T> kind, string path) where T : class => File.Exists(path) ? kind.ReadFile(path) : null;

    static string Summary(SummarySnapshot? verified, SummarySnapshot received)
    {
        var rows = SummaryMetric.All
            .Select(m => (Name: m.Name(received.Retrieval is null && verified is not null ? verified : received), Before: verified is null ? null : m.Value(verified), After: m.Value(received)))
            .Where(r => r.Before is not null || r.After is not null)
            .ToList();
        var width = rows.Select(r => r.Name.Length).DefaultIfEmpty(8).Max();
        var text = new StringBuilder();
        text.Append("  ").Append("aggregate".PadRight(width)).Append("   verified → received        Δ\n");
        foreach (var (name, before, after) in rows)
        {
            text.Append("  ").Append(name.PadRight(width)).Append("  ")
                .Append(ReportNumbers.Score(before).PadLeft(9)).Append(" → ").Append(ReportNumbers.Score(after).PadRight(9))
                .Append((before is { } b && after is { } a ? ReportNumbers.Delta(StableJson.Round(a) - StableJson.Round(b)) : "—").PadLeft(8)).Append('\n');
        }
        return text.ToString();
    }

    static string Retrieval(RetrievalSnapshot? verified, RetrievalSnapshot received, GoldenSet golden, Tolerances tolerances)
    {
        var relevant = golden.Questions.FirstOrDefault(q => q.Id == received.QuestionId)?.Relevant ?? [];
        var text = new StringBuilder($"  question {received.QuestionId} «{received.Question}»\n");
        if (verified is null)
        {
            text.Append("  no verified ranking yet; the received one:\n");
            text.Append(RankingTable.Text(RankingChange.Between([], received.Ranking, relevant, received.Retriever.K), indent: "    "));
            return text.ToString();
        }
        var comparer = new RetrievalComparer(tolerances, relevant);
        var sentences = comparer.Compare(verified, received);
        foreach (var sentence in sentences.DefaultIfEmpty("within tolerance of the verified ranking")) text.Append("  ").Append(sentence).Append('\n');
        var note = received.Retriever.ScoresComparableWith(verified.Retriever) ? null : RetrievalComparer.NotComparable(verified.Retriever, received.Retriever);
        text.Append(RankingTable.Text(comparer.Change(verified, received), note, indent: "    "));
        return text.ToString();
    }

    static string Judge(JudgeSnapshot? verified, JudgeSnapshot received)
    {
        var text = new StringBuilder($"  question {received.QuestionId}: ");
        text.Append(verified is null
            ? $"AR {Display.Ar(received.Normalised)}, label {received.Automated}"
            : $"AR {Display.Ar(verified.Normalised)} → {Display.Ar(received.Normalised)}, label {verified.Automated} → {received.Automated}");
        if (received.Manual is { } manual) text.Append(CultureInfo.InvariantCulture, $" (people said {manual})");
        text.Append('\n');
        if (verified is not null && verified.Reasoning != received.Reasoning)
            text.Append("  verified reasoning: ").Append(Excerpt.Line(verified.Reasoning, ReasoningChars)).Append('\n');
        text.Append("  received reasoning: ").Append(Excerpt.Line(received.Reasoning, ReasoningChars)).Append('\n');
        return text.ToString();
    }
}
