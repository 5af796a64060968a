using RegressionGate.Retrieval;
using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Retrieval;

public sealed class RunFileWriterTests : IDisposable
{
    static readonly IReadOnlySet<string> Corpus = new HashSet<string> { "3027", "7744", "3247" };

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Lines_go_in_natural_question_order_and_rankings_best_first()
    {
        var entries = new[]
        {
            RunFileEntry.Create("105", "imported from record 000_2d96afdaa130e795.txt", [("7744", 0.8531779646873474), ("3027", 0.8535903692245483)]),
            RunFileEntry.Create("20", "E5 ação", [("3247", 1.0)]),
        };

        var text = RunFileWriter.Render(entries);

        Assert.Equal(
            """
            {"questionId":"20","source":"E5 ação","ranking":[{"id":"3247","score":1}]}
            {"questionId":"105","source":"imported from record 000_2d96afdaa130e795.txt","ranking":[{"id":"3027","score":0.8535903692245483},{"id":"7744","score":0.8531779646873474}]}

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void What_is_written_reads_back_with_every_score_bit_for_bit()
    {
        var random = new Random(7);
        var entries = Enumerable.Range(1, 50).Select(q => RunFileEntry.Create(
            q.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "random",
            Corpus.Select(id => (id, (double)(float)random.NextDouble() * (q % 2 == 0 ? 1 : 1e-7))))).ToList();
        var path = temp.Combine("runs", "retrieval.jsonl");

        Assert.True(RunFileWriter.Write(path, entries));
        var back = RunFileReader.Read(path, "retrieval.jsonl", Corpus);

        Assert.Equal(entries.Count, back.Count);
        var differing = entries.Zip(back).Where(pair => !pair.First.SameAs(pair.Second)).Select(pair => pair.First.QuestionId).ToList();
        Assert.True(differing.Count == 0, $"these questions' rankings did not read back as written: {string.Join(", ", differing)}");
    }

    [Fact]
    public void Writing_the_same_entries_again_leaves_the_file_untouched()
    {
        var path = temp.Combine("retrieval.jsonl");
        var entries = new[] { RunFileEntry.Create("1", "s", [("3027", 0.5)]) };
        RunFileWriter.Write(path, entries);
        var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.False(RunFileWriter.Write(path, entries));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp-rg", SearchOption.AllDirectories));
    }

    [Fact]
    public void Two_rankings_for_one_question_are_refused()
    {
        Assert.Throws<ArgumentException>(() => RunFileWriter.Render([RunFileEntry.Create("1", "a", []), RunFileEntry.Create("1", "b", [])]));
    }
}
