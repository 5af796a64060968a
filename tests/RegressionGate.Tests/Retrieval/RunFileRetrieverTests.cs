using System.Security.Cryptography;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

public sealed class RunFileRetrieverTests : IDisposable
{
    const string Corpus = """
        {"id": "3027", "videoId": "v1", "url": null, "start": "00:45:34", "end": "00:47:53", "text": "as camadas mais adiante"}
        {"id": "7744", "videoId": "v2", "url": null, "start": "00:26:14", "end": "00:28:48", "text": "flaten no final"}
        {"id": "999", "videoId": "v2", "url": null, "start": "00:00:00", "end": "00:01:00", "text": "novecentos"}
        {"id": "1000", "videoId": "v2", "url": null, "start": "00:01:00", "end": "00:02:00", "text": "mil"}
        """;

    const string Questions = """
        {"id": "105", "text": "Qual é o objetivo da camada de pooling?"}
        {"id": "106", "text": "O que é flatten?"}
        """;

    const string Run = """
        {"questionId": "105", "source": "E5", "ranking": [{"id": "1000", "score": 0.5}, {"id": "3027", "score": 0.9}, {"id": "999", "score": 0.5}, {"id": "7744", "score": 0.1}]}
        """;

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    RetrieverContext Golden(string run = Run, string settings = """{"retriever": {"kind": "run-file", "k": 3}}""")
    {
        temp.Write("golden/corpus.jsonl", Corpus);
        temp.Write("golden/questions.jsonl", Questions);
        temp.Write("golden/gate.json", settings);
        temp.Write("golden/runs/retrieval.jsonl", run);
        var input = GateInput.Load(temp.Combine("golden"));
        return new RetrieverContext(input.Golden, input.Settings.Retriever);
    }

    [Fact]
    public void It_returns_the_recorded_ranking_best_first_ties_by_id_with_explicit_ranks()
    {
        using var retriever = RunFileRetriever.Create(Golden());

        var ranked = retriever.Retrieve(new RetrievalQuery("105", "?"), 10);

        Assert.Equal(
            [new RankedSegment(1, "3027", 0.9), new RankedSegment(2, "999", 0.5), new RankedSegment(3, "1000", 0.5), new RankedSegment(4, "7744", 0.1)],
            ranked);
    }

    [Fact]
    public void It_truncates_to_k()
    {
        using var retriever = RunFileRetriever.Create(Golden());

        var ranked = retriever.Retrieve(new RetrievalQuery("105", "?"), 2);

        Assert.Equal(["3027", "999"], ranked.Select(r => r.Id));
        Assert.Equal([1, 2], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Its_identity_names_the_kind_the_file_its_hash_and_k()
    {
        var golden = Golden();
        using var retriever = RunFileRetriever.Create(golden);
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(temp.Combine("golden", "runs", "retrieval.jsonl"))));

        Assert.Equal(
            [new("kind", "run-file"), new("file", "runs/retrieval.jsonl"), new("sha256", hash), new KeyValuePair<string, string>("k", "3")],
            retriever.Identity.Properties);
    }

    [Fact]
    public void A_changed_run_file_changes_the_identity()
    {
        RetrieverIdentity before;
        using (var first = RunFileRetriever.Create(Golden())) before = first.Identity;

        using var second = RunFileRetriever.Create(Golden(Run.Replace("0.1", "0.2", StringComparison.Ordinal)));

        Assert.Equal(["sha256"], second.Identity.ChangesFrom(before).Select(c => c.Split(' ')[0]));
    }

    [Fact]
    public void A_question_without_a_recorded_ranking_names_the_question_and_the_file()
    {
        using var retriever = RunFileRetriever.Create(Golden());

        var error = Assert.Throws<InputFileException>(() => retriever.Retrieve(new RetrievalQuery("106", "O que é flatten?"), 3));

        Assert.EndsWith(Path.Combine("runs", "retrieval.jsonl"), error.File);
        Assert.Contains("'106'", error.Message);
        Assert.Contains(error.File, error.Message);
    }

    [Fact]
    public void A_run_file_that_names_a_segment_outside_the_corpus_fails_when_opened()
    {
        var error = Assert.Throws<InputFileException>(() => RunFileRetriever.Create(Golden(Run.Replace("\"7744\"", "\"8000\"", StringComparison.Ordinal))));

        Assert.Equal((1, "ranking[3].id"), (error.Line, error.Field));
    }

    [Fact]
    public void A_missing_run_file_names_the_setting()
    {
        var golden = Golden(settings: """{"retriever": {"kind": "run-file", "k": 3, "runFile": "runs/outra.jsonl"}}""");

        var error = Assert.Throws<InputFileException>(() => RunFileRetriever.Create(golden));

        Assert.EndsWith("outra.jsonl", error.File);
        Assert.Equal("retriever.runFile", error.Field);
    }
}
