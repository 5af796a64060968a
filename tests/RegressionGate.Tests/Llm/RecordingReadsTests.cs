using Microsoft.Extensions.AI;
using RegressionGate.Gate;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Llm.Batches;

namespace RegressionGate.Tests.Llm;

/// <summary>
/// The clients that stand in front of the recording client (batch collection, the dry-run planner) read a request's
/// recording once and answer from it: the canonical key is computed once and handed on, not recomputed below.
/// </summary>
public sealed class RecordingReadsTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    RecordingStore Store() => new(temp.Combine("recordings"));

    static (IReadOnlyList<ChatMessage> Messages, ChatOptions? Options) Request(string question = "O que faz o dropout?")
    {
        var request = AnswerRelevanceJudge.Request(question, "Desliga neurônios ao acaso no treino.");
        return (request.Messages, request.Options);
    }

    /// <summary>A record-mode client whose model cannot be reached, so a test sees any call it would have made fail.</summary>
    static RecordingChatClient Unreachable(RecordingStore store, RecordingMode mode) =>
        new(new UnconfiguredChatClient("this test"), store, mode, TestEnvironments.Deployment);

    static BatchCollector Collector(RecordingChatClient recording) =>
        new(recording, new SdkRoundTrip(LlmConnection.FromEnvironment(TestEnvironments.Azure(new Uri("http://127.0.0.1:9/")))!));

    [Fact]
    public async Task A_batch_pass_answers_a_recorded_request_from_one_read_of_its_recording()
    {
        var store = Store();
        var (messages, options) = Request();
        var authored = store.WriteAuthored(TestEnvironments.Deployment, messages, options, "Criteria: c\nScore: 2", "written for this test");
        var collector = Collector(Unreachable(store, RecordingMode.Record));

        var response = await collector.GetResponseAsync(messages, options);

        Assert.Equal("Criteria: c\nScore: 2", response.Text);
        Assert.Equal(authored.Key, response.AdditionalProperties?[RecordingChatClient.RecordingKeyProperty]);
        Assert.Empty(collector.TakePending());
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task A_batch_pass_notes_an_unrecorded_request_as_pending_after_one_look_for_its_recording()
    {
        var store = Store();
        var (messages, options) = Request();
        var collector = Collector(Unreachable(store, RecordingMode.Record));

        var response = await collector.GetResponseAsync(messages, options);

        Assert.Equal(collector.StandIn, response.Text);
        Assert.Equal(CanonicalRequest.From(TestEnvironments.Deployment, messages, options).Key, Assert.Single(collector.TakePending()).Request.Key);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task A_refresh_pass_sends_a_recorded_request_again_without_reading_its_recording()
    {
        var store = Store();
        var (messages, options) = Request();
        store.WriteAuthored(TestEnvironments.Deployment, messages, options, "Criteria: c\nScore: 2", "written for this test");
        var collector = Collector(Unreachable(store, RecordingMode.Refresh));

        var response = await collector.GetResponseAsync(messages, options);

        Assert.Equal(collector.StandIn, response.Text);
        Assert.Single(collector.TakePending());
        Assert.Equal(0, store.Reads);
    }

    [Fact]
    public async Task A_plan_replays_a_recorded_request_from_one_read_and_counts_the_unrecorded_one_as_a_call()
    {
        var store = Store();
        var (recordedMessages, recordedOptions) = Request();
        store.WriteAuthored(TestEnvironments.Deployment, recordedMessages, recordedOptions, "Criteria: c\nScore: 2", "written for this test");
        var (newMessages, newOptions) = Request("Para que serve o pooling?");
        var planner = ModelAccess.Planner(RecordingChatClient.ReplayOnly(store, TestEnvironments.Deployment), RecordingMode.Record);

        var replayed = await planner.GetResponseAsync(recordedMessages, recordedOptions);
        var planned = await planner.GetResponseAsync(newMessages, newOptions);

        Assert.Equal("Criteria: c\nScore: 2", replayed.Text);
        Assert.Contains("Score: 3", planned.Text);
        Assert.Equal([(true, false), (false, true)], planner.Requests.OrderBy(r => !r.Recorded).Select(r => (r.Recorded, r.Call)));
        Assert.Equal(2, store.Reads);
    }
}
