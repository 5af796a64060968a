using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Retrieval;

/// <summary>
/// Retriever kinds are registered providers: one registration makes a kind valid in <c>gate.json</c>, built by the
/// gate, and listed in help, with nothing else to change.
/// </summary>
public sealed class RetrieverRegistryTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>An extension's retriever, written as a user would: it ranks segments by how many query words (of four letters or more) they contain.</summary>
    sealed class WordCountRetriever(RetrieverContext context) : IRetriever
    {
        public const string Kind = "word-count";

        public static RetrieverProvider Provider { get; } = new(Kind, "counts query words in each segment", context => new WordCountRetriever(context));

        public RetrieverIdentity Identity { get; } = new([new(RetrieverIdentity.KindProperty, Kind), new(RetrieverIdentity.KProperty, "5")]);

        public IReadOnlyList<RankedSegment> Retrieve(RetrievalQuery query, int k)
        {
            var words = query.Text.Split([' ', '?', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToList();
            return context.Golden.Corpus
                .Select(s => (s.Id, Score: (double)words.Count(w => s.Text.Contains(w, StringComparison.OrdinalIgnoreCase))))
                .Where(s => s.Score > 0)
                .OrderByDescending(s => s.Score).ThenBy(s => s.Id, SegmentIdComparer.Instance)
                .Take(k)
                .Select((s, i) => new RankedSegment(i + 1, s.Id, s.Score))
                .ToList();
        }

        public void Dispose()
        {
        }
    }

    string GoldenWithKind(string kind)
    {
        var golden = TinyGolden.Write(temp);
        File.WriteAllText(Path.Combine(golden, GoldenSet.SettingsFile), $$"""
            {
              "retriever": {
                "kind": "{{kind}}",
                "k": 5
              }
            }
            """);
        return golden;
    }

    [Fact]
    public async Task A_kind_registered_by_an_extension_is_read_from_gate_json_and_ranks_through_the_gate()
    {
        var retrievers = RetrieverRegistry.BuiltIn.With(WordCountRetriever.Provider);

        var input = GateInput.Load(GoldenWithKind(WordCountRetriever.Kind), retrievers);
        var evaluation = await GateRunner.EvaluateAsync(input, new GateRunOptions());

        Assert.Equal(WordCountRetriever.Kind, input.Settings.Retriever.Kind);
        Assert.Equal(WordCountRetriever.Kind, evaluation.Retriever.Kind);
        Assert.Equal(5, evaluation.Retriever.K);
        Assert.Contains(evaluation.Rankings.Values, ranking => ranking.Count > 0);
        using var direct = WordCountRetriever.Provider.Create(new RetrieverContext(input.Golden, input.Settings.Retriever));
        foreach (var question in input.Golden.Questions)
            Assert.Equal(direct.Retrieve(RetrievalQuery.Of(question), 5), evaluation.Rankings[question.Id]);
    }

    [Fact]
    public void A_kind_nobody_registered_is_an_error_on_its_line_listing_the_registered_kinds()
    {
        var golden = GoldenWithKind(WordCountRetriever.Kind);

        var error = Assert.Throws<InputFileException>(() => GateInput.Load(golden));

        Assert.Equal((3, "retriever.kind"), (error.Line, error.Field));
        Assert.EndsWith("'word-count' is not one of dense, bm25, hybrid, run-file", error.Message);
        var registered = GateInput.Load(golden, RetrieverRegistry.BuiltIn.With(WordCountRetriever.Provider));
        Assert.Equal(WordCountRetriever.Kind, registered.Settings.Retriever.Kind);
    }

    [Fact]
    public void A_kind_cannot_be_registered_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => RetrieverRegistry.BuiltIn.With(WordCountRetriever.Provider with { Create = _ => throw new InvalidOperationException() }).With(WordCountRetriever.Provider));

        Assert.Contains("'word-count' is registered twice", error.Message);
    }

    [Fact]
    public void Only_kinds_that_embed_with_retriever_model_say_so()
    {
        Assert.Equal(
            [DenseRetriever.Kind, HybridRetriever.Kind],
            RetrieverRegistry.BuiltIn.Providers.Where(p => p.EmbedsWithModel).Select(p => p.Kind));
    }

    [Fact]
    public async Task Run_help_lists_every_registered_kind_with_its_summary()
    {
        var outcome = await CliRun.RunAsync("run", "--help");

        Assert.Equal(0, outcome.ExitCode);
        foreach (var provider in RetrieverRegistry.BuiltIn.Providers)
            Assert.Matches($@"\n\s+{System.Text.RegularExpressions.Regex.Escape(provider.Kind)}\s+{System.Text.RegularExpressions.Regex.Escape(provider.Summary)}", outcome.Out);
    }
}
