using RegressionGate.Files;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Retrieval;

public sealed class RunFileReaderTests : IDisposable
{
    static readonly IReadOnlySet<string> Corpus = new HashSet<string> { "3027", "7744", "3247", "999", "1000" };

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    IReadOnlyList<RunFileEntry> Read(string contents) => RunFileReader.Read(temp.Write("runs/retrieval.jsonl", contents), "runs/retrieval.jsonl", Corpus);

    InputFileException Fails(string contents) => Assert.Throws<InputFileException>(() => Read(contents));

    [Fact]
    public void A_line_gives_the_question_its_source_and_its_ranking_with_explicit_ranks()
    {
        var entry = Assert.Single(Read("""{"questionId": "105", "source": "E5 em produção", "ranking": [{"id": "3027", "score": 0.8535903692245483}, {"id": "7744", "score": 0.8531779646873474}]}""" + "\n"));

        Assert.Equal(("105", "E5 em produção"), (entry.QuestionId, entry.Source));
        Assert.Equal([new RankedSegment(1, "3027", 0.8535903692245483), new RankedSegment(2, "7744", 0.8531779646873474)], entry.Ranking);
    }

    [Fact]
    public void Ranks_follow_the_scores_and_equal_scores_go_by_id_in_natural_order()
    {
        var entry = Assert.Single(Read("""{"questionId": 7, "source": "s", "ranking": [{"id": "1000", "score": 0.5}, {"id": 3027, "score": 0.9}, {"id": "999", "score": 0.5}]}"""));

        Assert.Equal(["3027", "999", "1000"], entry.Ranking.Select(r => r.Id));
        Assert.Equal([1, 2, 3], entry.Ranking.Select(r => r.Rank));
        Assert.Equal("7", entry.QuestionId);
    }

    [Fact]
    public void A_bom_crlf_and_blank_lines_are_accepted()
    {
        var entries = Read("\uFEFF" + """{"questionId": "1", "source": "s", "ranking": []}""" + "\r\n\r\n" + """{"questionId": "2", "source": "s", "ranking": [{"id": "3027", "score": 1}]}""" + "\r\n");

        Assert.Equal(["1", "2"], entries.Select(e => e.QuestionId));
        Assert.Empty(entries[0].Ranking);
    }

    [Theory]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [{"id": "4242", "score": 0.5}]}""", "ranking[0].id", "segment '4242' is not in corpus.jsonl")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [{"id": "3027", "score": 0.5}, {"id": "7744", "score": "alto"}]}""", "ranking[1].score", "must be a number, found a string")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [{"id": "3027"}]}""", "ranking[0].score", "is missing")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [{"id": "3027", "score": 0.5}, {"id": "3027", "score": 0.4}]}""", "ranking[1].id", "ranked twice")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [3027]}""", "ranking[0]", "must be an object")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": {"id": "3027"}}""", "ranking", "must be an array")]
    [InlineData("""{"questionId": "1", "source": "s"}""", "ranking", "is missing")]
    [InlineData("""{"questionId": "1", "ranking": []}""", "source", "is missing")]
    [InlineData("""{"source": "s", "ranking": []}""", "questionId", "is missing")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [], "k": 10}""", "k", "is not a known field")]
    [InlineData("""{"questionId": "1", "source": "s", "ranking": [{"id": "3027", "score": 0.5, "rank": 1}]}""", "ranking[0].rank", "is not a known field")]
    public void A_bad_line_is_named_by_file_line_and_field(string bad, string field, string problem)
    {
        var error = Fails("""{"questionId": "0", "source": "s", "ranking": []}""" + "\n" + bad + "\n");

        Assert.Equal(("runs/retrieval.jsonl", 2, field), (error.File, error.Line, error.Field));
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void A_question_ranked_twice_names_both_lines()
    {
        var line = """{"questionId": "105", "source": "s", "ranking": []}""";

        var error = Fails($"{line}\n\n{line}\n");

        Assert.Equal((3, "questionId"), (error.Line, error.Field));
        Assert.Contains("already has a ranking on line 1", error.Problem);
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var error = Fails("""{"questionId": "1", "source": "s", "ranking": []}""" + "\n{\"questionId\": \n");

        Assert.Equal(2, error.Line);
        Assert.Contains("malformed JSON", error.Problem);
    }

    [Fact]
    public void A_missing_run_file_is_named()
    {
        var error = Assert.Throws<InputFileException>(() => RunFileReader.Read(temp.Combine("nope.jsonl"), "nope.jsonl", Corpus));

        Assert.Equal("nope.jsonl", error.File);
    }
}
