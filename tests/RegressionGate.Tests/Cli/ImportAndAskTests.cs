using RegressionGate.Tests.Llm;
using RegressionGate.Tests.Records;
using RegressionGate.Tests.Support;

namespace RegressionGate.Tests.Cli;

public sealed class ImportAndAskTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Importing_the_seed_twice_changes_nothing_the_second_time()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);

        var first = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("judge recordings: 1 added", first.Out);
        var afterFirst = SampleGolden.Fingerprint(golden);

        var second = await CliRun.RunAsync("import", Seed.Path, "--golden", golden);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain(" 1 added", second.Out);
        Assert.Equal(afterFirst, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task A_bad_record_exits_2_and_imports_nothing()
    {
        var golden = TinyGolden.Write(temp);
        var record = temp.Write("bad.txt", File.ReadAllText(Seed.Path).Replace("**Anotação manual**: C", "**Anotação manual**: X", StringComparison.Ordinal));
        var before = SampleGolden.Fingerprint(golden);

        var outcome = await CliRun.RunAsync("import", record, "--golden", golden);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("bad.txt", outcome.Error);
        Assert.Equal(before, SampleGolden.Fingerprint(golden));
    }

    [Fact]
    public async Task Ask_without_an_LLM_shows_the_segments_with_video_and_times_and_says_why_there_is_no_answer()
    {
        var golden = TinyGolden.Write(temp);

        var outcome = await CliRun.RunAsync("ask", "Para que serve o pooling?", "--golden", golden, "--top", "3");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal(3, outcome.Out.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s*\d\. \[\d+\] \S+ \d\d:\d\d:\d\d–\d\d:\d\d:\d\d")));
        Assert.Contains("No LLM configured", outcome.Out);
        Assert.Contains("AZURE_OPENAI_ENDPOINT", outcome.Out);
    }

    [Fact]
    public async Task Ask_with_an_LLM_answers_and_lists_the_segments_it_cites_as_references()
    {
        var golden = TinyGolden.Write(temp);
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion("O pooling reduz a resolução do mapa de características [1], e o global average pooling gera um vetor compacto [2]."));

        var outcome = await CliRun.RunAsync(
            TestEnvironments.Azure(server.BaseAddress).Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!),
            "ask", "Para que serve o pooling?", "--golden", golden, "--top", "3");

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Contains("**Resposta gerada pelo LLM**: O pooling reduz", outcome.Out);
        var references = outcome.Out[outcome.Out.IndexOf("**Referências**:", StringComparison.Ordinal)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(2, references.Count);
        Assert.All(references, r => Assert.Matches(@"^- \[\S+ \d\d:\d\d:\d\d–\d\d:\d\d:\d\d\]\(", r));
        var request = Assert.Single(server.Requests);
        Assert.Contains("Para que serve o pooling?", request.Body);
        Assert.DoesNotContain(TestEnvironments.ApiKey, outcome.Out + outcome.Error);
    }
}
