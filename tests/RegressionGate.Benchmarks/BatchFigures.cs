using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Llm;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Tests.Llm;
using RegressionGate.Tests.Llm.Batches;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Recording N judge calls through the Batch API (<c>run --llm record --batch</c>) against the loopback server that speaks
/// Files and Batches (the tests' fixture), next to recording them one call at a time against the loopback chat server, and
/// replaying them: the client side's calls per second. Both servers answer at once (a batch completes on its third status
/// request, polled every millisecond), so what is timed is the gate's own work: building requests, the JSON Lines file,
/// upload, polling, download, parsing, writing each recording atomically, judging; BM25 over 20 segments for the
/// questions is in every figure (the replay figure is that plus judging from recordings). Medians over the rounds after a
/// warm-up round.
/// </summary>
public static class BatchFigures
{
    const string Verdict = "Criteria: relevance.\nSupporting Evidence: the answer.\nScore: 3";

    public static async Task RunAsync(int calls, int rounds = 3)
    {
        var work = Path.Combine(Path.GetTempPath(), $"rg-batch-figures-{Guid.NewGuid():N}");
        try
        {
            var golden = WriteGolden(Path.Combine(work, "golden"), calls);
            Console.WriteLine($"{calls:N0} answer-relevance judge calls (one per question), loopback servers on 127.0.0.1; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");
            var (batch, chat, replay) = (new List<double>(), new List<double>(), new List<double>());
            // A first round warms the JIT, Kestrel and the file system's caches up; it is left out.
            await RecordThroughBatchAsync(golden, work, calls);
            await RecordThroughChatAsync(golden, work, calls);
            for (var round = 0; round < rounds; round++)
            {
                batch.Add(await RecordThroughBatchAsync(golden, work, calls));
                replay.Add(await EvaluateAsync(golden, work, RecordingMode.Replay, batch: false, endpoint: new Uri("http://127.0.0.1:9/")));
                chat.Add(await RecordThroughChatAsync(golden, work, calls));
            }
            Print("batch record", batch, calls);
            Print("chat record (llm.parallel 4)", chat, calls);
            Print("replay of the same recordings", replay, calls);
            Console.WriteLine($"  batch record's calls per second / chat record's: {Median(chat) / Median(batch):F2}x");
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    static async Task<double> RecordThroughBatchAsync(string golden, string work, int calls)
    {
        ClearRecordings(golden);
        await using var server = await LoopbackBatchServer.StartAsync(_ => new LineReply.Answer(Verdict));
        var seconds = await EvaluateAsync(golden, work, RecordingMode.Record, batch: true, server.BaseAddress);
        var sent = server.Batches.Single();
        if (sent.Status != "completed" || server.UploadedFiles.Single().Count != calls) throw new InvalidOperationException("the batch did not carry every call");
        return seconds;
    }

    static async Task<double> RecordThroughChatAsync(string golden, string work, int calls)
    {
        ClearRecordings(golden);
        await using var server = await LoopbackOpenAIServer.StartAsync(_ => Reply.Completion(Verdict));
        var seconds = await EvaluateAsync(golden, work, RecordingMode.Record, batch: false, server.BaseAddress);
        if (server.Count != calls) throw new InvalidOperationException($"{server.Count} chat calls where {calls} were due");
        return seconds;
    }

    static async Task<double> EvaluateAsync(string golden, string work, RecordingMode mode, bool batch, Uri endpoint)
    {
        var environment = TestEnvironments.Azure(endpoint).ToDictionary(p => p.Key, p => p.Value!);
        environment[EmbeddingCache.EnvironmentVariable] = Path.Combine(work, "cache");
        var input = GateInput.Load(golden);
        var clock = Stopwatch.StartNew();
        var evaluation = await GateRunner.EvaluateAsync(input, new GateRunOptions
        {
            LlmMode = mode,
            Batch = batch,
            Environment = EnvironmentVariables.From(environment),
            Notice = _ => { },
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (evaluation.Judged.Count != input.Golden.Questions.Count) throw new InvalidOperationException("not every question was judged");
        return seconds;
    }

    static void ClearRecordings(string golden)
    {
        var recordings = Path.Combine(golden, "recordings");
        if (Directory.Exists(recordings)) Directory.Delete(recordings, recursive: true);
    }

    /// <summary>A golden set of 20 generated segments (BM25, so nothing is embedded) and N answered questions.</summary>
    static string WriteGolden(string directory, int questions)
    {
        Directory.CreateDirectory(directory);
        var texts = PortugueseLectureTexts.Generate(20, words: 80, seed: 5);
        File.WriteAllLines(Path.Combine(directory, "corpus.jsonl"), texts.Select((text, i) => new JsonObject
        {
            ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
            ["videoId"] = "aula-1",
            ["title"] = "Aula 1",
            ["url"] = null,
            ["start"] = "00:00:00",
            ["end"] = "00:02:30",
            ["text"] = text,
        }.ToJsonString()));
        File.WriteAllLines(Path.Combine(directory, "questions.jsonl"), Enumerable.Range(1, questions).Select(i => new JsonObject
        {
            ["id"] = $"q{i:D4}",
            ["text"] = $"Pergunta {i}: o que a aula {i % 20 + 1} explica?",
            ["answer"] = $"A aula {i % 20 + 1} explica o tema da pergunta {i}.",
            ["relevant"] = new JsonArray((i % 20 + 1).ToString(CultureInfo.InvariantCulture)),
        }.ToJsonString()));
        File.WriteAllText(Path.Combine(directory, "gate.json"), $$"""
            {
              "retriever": { "kind": "bm25", "k": 5 },
              "judge": { "kind": "answer-relevance", "model": "{{TestEnvironments.Deployment}}" },
              "llm": { "batch": { "pollSeconds": 0.001, "maxPollSeconds": 0.001 } }
            }
            """);
        return directory;
    }

    static void Print(string what, List<double> seconds, int calls) =>
        Console.WriteLine($"  {what}: {string.Join(", ", seconds.Select(s => s.ToString("F2", CultureInfo.InvariantCulture) + " s"))}; median {Median(seconds):F2} s, {calls / Median(seconds):F0} calls/s");

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
