using System.Text.RegularExpressions;
using RegressionGate.Gate;
using RegressionGate.Records;

namespace RegressionGate.Reports;

/// <summary>
/// One record per question of a gate run, in the seed's Markdown layout (what <c>export</c> writes), so people can
/// annotate this run's answers. Records of questions no longer in the golden set are removed from the folder.
/// </summary>
internal static partial class RecordsReport
{
    /// <summary>Writes the records into <paramref name="directory"/>; returns their paths in golden-set order.</summary>
    public static IReadOnlyList<string> Write(GateResult result, string directory)
    {
        var byId = result.Questions.ToDictionary(q => q.Question.Id, StringComparer.Ordinal);
        var written = EvaluationExport.Write(result.Golden, id => byId[id].Ranking, id => byId[id].Judged, directory,
            id => result.AnswerSource.Produced ? byId[id].Answer : null);
        RemoveStale(directory, written);
        return written;
    }

    /// <summary>Deletes record files (named as the exporter names them) that this run did not write: left from a larger golden set.</summary>
    static void RemoveStale(string directory, IReadOnlyList<string> written)
    {
        var keep = new HashSet<string>(written.Select(Path.GetFileName)!, StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*.txt"))
        {
            var name = Path.GetFileName(path);
            if (RecordFileName().IsMatch(name) && !keep.Contains(name)) File.Delete(path);
        }
    }

    [GeneratedRegex("^[0-9]{3,}_[0-9a-f]{16}\\.txt$")]
    private static partial Regex RecordFileName();
}
