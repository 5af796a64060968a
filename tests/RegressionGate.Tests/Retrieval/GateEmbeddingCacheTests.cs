using RegressionGate.Environments;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval;

/// <summary>
/// The embedding cache as the gate uses it: located by <c>REGRESSIONGATE_CACHE</c> (a temp folder here), shared by the
/// retriever and the similarity judge, reported through <see cref="GateRunOptions.Warning"/> when damaged.
/// </summary>
public sealed class GateEmbeddingCacheTests : IDisposable
{
    readonly TempDirectory temp = new();
    readonly List<string> warnings = [];
    readonly string golden;

    public GateEmbeddingCacheTests() => golden = TinyGolden.Write(temp, withAnswers: true, judge: SimilarityJudge.Kind);

    public void Dispose() => temp.Dispose();

    string CacheDirectory => temp.Combine("cache");

    GateRunOptions Options => new()
    {
        Environment = EnvironmentVariables.From(new Dictionary<string, string> { [EmbeddingCache.EnvironmentVariable] = CacheDirectory }),
        Warning = warnings.Add,
    };

    Task<GateEvaluation> Evaluate() => GateRunner.EvaluateAsync(GateInput.Load(golden), Options);

    string CacheFile => Directory.EnumerateFiles(CacheDirectory).Single();

    [Fact]
    public async Task A_warm_run_embeds_nothing_so_the_cache_file_is_not_rewritten()
    {
        var cold = await Evaluate();
        var written = File.GetLastWriteTimeUtc(CacheFile);
        // One file for one model at one maxTokens: 8 passages, 3 "query: …" questions (the judge embeds the same ones) and
        // the judge's 2 distinct "passage: …" answers.
        Assert.Equal(56 + (8 + 3 + 2) * (32 + 384 * 4) + 32, new FileInfo(CacheFile).Length);
        File.SetLastWriteTimeUtc(CacheFile, written.AddHours(-1));

        var warm = await Evaluate();

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(CacheFile));
        Assert.Equal(cold.Rankings.Keys, warm.Rankings.Keys);
        foreach (var (question, ranking) in cold.Rankings) Assert.Equal(ranking, warm.Rankings[question]);
        Assert.Empty(warnings);
    }

    [Fact]
    public async Task A_damaged_cache_is_reported_as_a_warning_and_the_run_still_gives_the_same_rankings()
    {
        var cold = await Evaluate();
        File.WriteAllBytes(CacheFile, File.ReadAllBytes(CacheFile)[..^7]);

        var rebuilt = await Evaluate();

        var warning = Assert.Single(warnings);
        Assert.Contains(CacheFile, warning);
        Assert.Contains("truncated", warning);
        foreach (var (question, ranking) in cold.Rankings)
        {
            Assert.Equal(ranking.Select(r => r.Id), rebuilt.Rankings[question].Select(r => r.Id));
            Assert.All(ranking.Zip(rebuilt.Rankings[question]), pair => Assert.Equal(pair.First.Score, pair.Second.Score, 5));
        }
        await Evaluate();
        Assert.Single(warnings);
    }

    [Fact]
    public async Task Without_the_environment_variable_the_cache_sits_beside_the_golden_directory()
    {
        await GateRunner.EvaluateAsync(GateInput.Load(golden),
            new GateRunOptions { Environment = EnvironmentVariables.From(new Dictionary<string, string>()), Warning = warnings.Add });
        Assert.Single(Directory.EnumerateFiles(temp.Combine(".regression-gate-cache"), "*.embeddings"));
    }

    [Theory]
    [InlineData("bm25", "bm25")]
    [InlineData("hybrid", "hybrid")]
    public async Task Gate_json_selects_the_lexical_and_hybrid_retrievers(string kind, string identityKind)
    {
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", $"\"kind\": \"{kind}\", \"k\": 5, \"bm25\": {{ \"analyzer\": \"portuguese\" }}",
            StringComparison.Ordinal));

        var evaluation = await Evaluate();

        Assert.Equal(identityKind, evaluation.Retriever.Kind);
        Assert.Equal("portuguese", evaluation.Retriever["analyzer"]);
        Assert.All(evaluation.Rankings.Values, ranking => Assert.InRange(ranking.Count, 1, 5));
        // The pooling question finds a pooling segment either way.
        Assert.Contains(evaluation.Rankings["105"].Take(3), r => TinyGolden.SegmentIds.Contains(r.Id));
    }

    [Fact]
    public void The_registry_builds_each_kind_and_refuses_an_unknown_one()
    {
        var input = GateInput.Load(golden);
        GateInput Kind(string kind) => input with { Settings = input.Settings with { Retriever = input.Settings.Retriever with { Kind = kind } } };
        using (var bm25 = Kind("bm25").CreateRetriever())
            Assert.IsType<Bm25Retriever>(bm25);
        using (var hybrid = Kind("hybrid").CreateRetriever())
            Assert.IsType<HybridRetriever>(hybrid);
        var error = Assert.Throws<InputFileException>(() => Kind("splade").CreateRetriever());
        Assert.Equal("retriever.kind", error.Field);
        Assert.Contains("'splade' is not one of dense, bm25, hybrid, run-file", error.Message);
    }
}
