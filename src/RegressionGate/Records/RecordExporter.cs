using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Records;

/// <summary>
/// Writes one record per question in the team's layout (<c>regression-gate export --golden DIR --out DIR</c>), for
/// people to annotate after a model change. Files are named like the seed, <c>{NNN}_{hash}.txt</c>: NNN is the
/// question's 0-based position in <c>questions.jsonl</c> (three digits at least), hash the first 16 hex digits of the
/// SHA-256 of its id, so a file keeps its name from one export to the next and sorts in golden-set order.
/// </summary>
internal static class RecordExporter
{
    /// <summary>Writes the records atomically, each only when its bytes change; returns their paths in the order given.</summary>
    public static IReadOnlyList<string> Export(GoldenSet golden, IEnumerable<ExportQuestion> items, string outDirectory)
    {
        var index = golden.Questions.Select((q, i) => (q.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var paths = new List<string>();
        foreach (var item in items)
        {
            if (!index.TryGetValue(item.QuestionId, out var position))
                throw new ArgumentException($"question '{item.QuestionId}' is not in the golden set", nameof(items));
            var path = Path.Combine(outDirectory, FileName(position, item.QuestionId));
            AtomicFile.WriteIfChanged(path, RecordWriter.Write(ToRecord(golden, item)));
            paths.Add(path);
        }
        return paths;
    }

    public static string FileName(int position, string questionId)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(questionId)))[..16];
        return string.Create(CultureInfo.InvariantCulture, $"{position:000}_{hash}.txt");
    }

    /// <summary>The record for one question: its text, answer and manual label from the golden set, each segment's URL, times and transcript from the corpus.</summary>
    public static EvaluationRecord ToRecord(GoldenSet golden, ExportQuestion item)
    {
        var question = golden.Questions.FirstOrDefault(q => q.Id == item.QuestionId)
            ?? throw new ArgumentException($"question '{item.QuestionId}' is not in the golden set", nameof(item));
        var segments = item.Retrieved.OrderBy(r => r.Rank).Select(ranked =>
        {
            var segment = golden.FindSegment(ranked.Id)
                ?? throw new ArgumentException($"question '{item.QuestionId}': segment '{ranked.Id}' is not in the corpus", nameof(item));
            return new RecordSegment(segment.Id, ranked.Score, segment.Url ?? RecordLayout.Hidden, segment.Start, segment.End, segment.Text);
        }).ToList();
        return new EvaluationRecord(
            question.Id,
            question.Text,
            segments,
            item.Answer ?? question.Answer ?? "",
            item.References,
            question.Manual,
            item.AnswerRelevance,
            item.Automated,
            item.Reasoning);
    }
}
