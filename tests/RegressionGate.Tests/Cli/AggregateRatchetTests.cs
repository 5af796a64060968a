using System.Globalization;
using System.Text.Json;
using RegressionGate.Golden;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// The README's approval loop as a new user tries it, on a copy of the sample set: switch the retriever to one that
/// retrieves better, approve, switch back. The baseline must have moved up with the approval, so going back fails on
/// the aggregates, naming recall's drop.
/// </summary>
[Collection(SampleEmbeddings.Collection)]
public sealed class AggregateRatchetTests(SampleEmbeddings embeddings) : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task After_approving_a_better_retriever_going_back_fails_naming_recalls_drop()
    {
        var golden = SampleGolden.CopyTo(temp);
        var denseRecall = VerifiedRecall(golden);

        SetRetriever(golden, "bm25");
        var better = await Run(golden);

        Assert.True(better.ExitCode == 1, better.ToString());
        Assert.Contains("aggregates FAILED", better.Out);
        Assert.Matches($"  recall@10 +{denseRecall} → 0\\.\\d{{4}} +\\+0\\.\\d{{4}} .* FAILED: above baseline: approve to raise it\n", better.Out);
        Assert.True(File.Exists(Path.Combine(golden, "snapshots", "summary", "gate.received.json")), "a received summary is written");

        var review = await CliRun.RunAsync("approve", "--golden", golden, "--dry-run");
        var first = review.Out.Split('\n')[0];
        Assert.StartsWith("summary/gate: would replace: retriever changed: kind 'dense' → 'bm25'", first);
        Assert.Matches($"recall@10 {denseRecall} → 0\\.\\d{{4}} \\(\\+0\\.\\d{{4}}\\), MRR@10 ", first);

        var approve = await CliRun.RunAsync("approve", "--golden", golden);
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.StartsWith("summary/gate: replaced: ", approve.Out);
        var bm25Recall = VerifiedRecall(golden);
        Assert.True(double.Parse(bm25Recall, CultureInfo.InvariantCulture) > double.Parse(denseRecall, CultureInfo.InvariantCulture) + 0.05,
            $"bm25 recall {bm25Recall} should be well above dense recall {denseRecall}");

        SetRetriever(golden, "dense");
        var back = await Run(golden);

        Assert.True(back.ExitCode == 1, back.ToString());
        Assert.Contains("aggregates FAILED", back.Out);
        Assert.Matches($"  recall@10 +{bm25Recall} → {denseRecall} +-0\\.\\d{{4}} .* FAILED: below baseline\n", back.Out);
    }

    Task<CliRun.Outcome> Run(string golden) => CliRun.RunAsync(
        new Dictionary<string, string> { ["REGRESSIONGATE_CACHE"] = embeddings.Cache.Path },
        "run", "--golden", golden, "--out", temp.Combine("out"));

    static void SetRetriever(string golden, string kind)
    {
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        var text = File.ReadAllText(settings);
        var replaced = System.Text.RegularExpressions.Regex.Replace(text, "\"kind\": \"(dense|bm25)\"", $"\"kind\": \"{kind}\"");
        Assert.NotEqual(text, replaced);
        File.WriteAllText(settings, replaced);
    }

    /// <summary>recall@k of the verified summary, as messages show it (4 decimals).</summary>
    static string VerifiedRecall(string golden)
    {
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(golden, "snapshots", "summary", "gate.verified.json")));
        return summary.RootElement.GetProperty("retrieval").GetProperty("recall").GetDouble().ToString("0.0000", CultureInfo.InvariantCulture);
    }
}
