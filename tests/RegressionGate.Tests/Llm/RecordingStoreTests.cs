using Microsoft.Extensions.AI;
using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm;

public sealed class RecordingStoreTests : IDisposable
{
    readonly TempDirectory temp = new();
    readonly RecordingStore store;

    public RecordingStoreTests() => store = new RecordingStore(temp.Combine("recordings"));

    public void Dispose() => temp.Dispose();

    static readonly DateTimeOffset At = new(2025, 2, 3, 4, 5, 6, TimeSpan.Zero);

    Recording Authored(string answer = "Reduz a resolução espacial.", string output = "Criteria: x\nSupporting Evidence: y\nScore: 2")
    {
        var request = AnswerRelevanceJudge.Request("Para que serve o pooling?", answer);
        return store.WriteAuthored("gpt-4o-mini", request.Messages, request.Options, output, "hand-written for the sample golden set", new TokenUsage(10, 5, 15), At);
    }

    [Fact]
    public void Authored_recording_reads_back_exactly_and_says_it_was_written_by_hand()
    {
        var written = Authored();

        var read = store.TryRead(written.Key);

        Assert.NotNull(read);
        Assert.Equal(written.Key, read.Key);
        Assert.Equal(written.Request.Json, read.Request.Json);
        Assert.Equal("Criteria: x\nSupporting Evidence: y\nScore: 2", read.ResponseText);
        Assert.Equal(new TokenUsage(10, 5, 15), read.Usage);
        Assert.Equal(At, read.RecordedAt);
        Assert.True(read.Provenance.IsAuthored);
        Assert.Equal("hand-written for the sample golden set", read.Provenance["note"]);
    }

    [Fact]
    public void File_is_named_for_its_key_and_is_readable_json_with_lf_and_a_final_newline()
    {
        var written = Authored();
        var text = File.ReadAllText(store.PathFor(written.Key));

        Assert.Equal([written.Key], store.Keys());
        Assert.EndsWith("}\n", text);
        Assert.DoesNotContain("\r", text);
        Assert.Contains("Para que serve o pooling?", text);
        Assert.Contains("\"recordedAt\": \"2025-02-03T04:05:06Z\"", text);
        Assert.Contains("\"source\": \"authored\"", text);
        var order = new[] { "\"key\"", "\"request\"", "\"response\"", "\"recordedAt\"", "\"provenance\"" }.Select(p => text.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Rewriting_the_same_authored_recording_leaves_the_file_untouched()
    {
        var written = Authored();
        var path = store.PathFor(written.Key);
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Authored();

        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Missing_recording_reads_as_null_even_without_a_folder() =>
        Assert.Null(new RecordingStore(temp.Combine("nowhere")).TryRead(new string('a', 64)));

    [Fact]
    public void A_request_edited_after_recording_no_longer_matches_its_file()
    {
        var written = Authored();
        var path = store.PathFor(written.Key);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Para que serve o pooling?", "Para que serve a convolução?"));

        var error = Assert.Throws<InputFileException>(() => store.TryRead(written.Key));

        Assert.Equal($"recordings/{written.Key}.json", error.File);
        Assert.Equal("request", error.Field);
        Assert.Equal(3, error.Line);
        Assert.Contains("was edited after it was recorded", error.Message);
    }

    [Fact]
    public void Malformed_recording_names_file_and_line()
    {
        var key = new string('b', 64);
        Directory.CreateDirectory(store.Directory);
        File.WriteAllText(store.PathFor(key), "{\n  \"key\": \"" + key + "\",\n  \"request\": {,\n}");

        var error = Assert.Throws<InputFileException>(() => store.TryRead(key));

        Assert.Equal($"recordings/{key}.json", error.File);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Temp_files_of_interrupted_writes_are_not_recordings()
    {
        var written = Authored();
        File.WriteAllText(Path.Combine(store.Directory, $".{written.Key}.json.0123{AtomicFile.TempSuffix}"), "{");

        Assert.Equal([written.Key], store.Keys());
    }

    [Fact]
    public async Task Authored_recording_is_what_the_judge_replays()
    {
        Authored(output: "Criteria: covers pooling.\nSupporting Evidence: it does.\n**Score:** 3");
        using var client = new RecordingChatClient(new ThrowingChatClient(), store, RecordingMode.Replay, "gpt-4o-mini");
        var judge = new AnswerRelevanceJudge(client, "gpt-4o-mini", 1, new LabelThresholds());

        var outcome = await judge.JudgeAsync("Para que serve o pooling?", "Reduz a resolução espacial.");

        var judgment = Assert.IsType<Judgment>(outcome);
        Assert.Equal(3, judgment.Score);
        Assert.Equal(Label.C, judgment.Label);
    }
}

/// <summary>A model that must not be called: replay tests prove they answer from disk.</summary>
sealed class ThrowingChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the model was called");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("the model was called");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
