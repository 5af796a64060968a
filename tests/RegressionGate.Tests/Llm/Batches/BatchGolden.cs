using RegressionGate.Environments;
using RegressionGate.Gate;
using RegressionGate.Llm;

namespace RegressionGate.Tests.Llm.Batches;

/// <summary>
/// The tiny golden set (three answered questions) with BM25 retrieval, so a run takes no embedding, the LLM judge, and
/// polling in milliseconds; and how a test runs the gate on it against a loopback server.
/// </summary>
public static class BatchGolden
{
    public static string Write(TempDirectory temp, int repeats = 1)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        temp.Write("golden/gate.json", $$"""
            {
              "retriever": { "kind": "bm25", "k": 5 },
              "judge": { "kind": "answer-relevance", "model": "{{TestEnvironments.Deployment}}", "repeats": {{repeats}} },
              "llm": { "batch": { "pollSeconds": 0.001, "maxPollSeconds": 0.02 } }
            }
            """);
        return golden;
    }

    /// <summary>The environment a run reads: Azure OpenAI at <paramref name="endpoint"/>, the test's key and deployment, the cache in the temp folder.</summary>
    public static IEnvironmentVariables Environment(Uri endpoint, TempDirectory temp, string deployment = TestEnvironments.Deployment)
    {
        var variables = TestEnvironments.Azure(endpoint, deployment: deployment).ToDictionary(p => p.Key, p => p.Value!);
        variables["REGRESSIONGATE_CACHE"] = temp.Combine("cache");
        return EnvironmentVariables.From(variables);
    }

    /// <summary>Evaluates <paramref name="golden"/> in <paramref name="mode"/> with <c>--batch</c>, notes collected in <paramref name="notes"/>.</summary>
    public static Task<GateEvaluation> EvaluateAsync(string golden, IEnvironmentVariables environment, RecordingMode mode = RecordingMode.Record,
        List<string>? notes = null, IProgress<GateProgress>? progress = null, CancellationToken cancellationToken = default) =>
        GateRunner.EvaluateAsync(GateInput.Load(golden), new GateRunOptions
        {
            LlmMode = mode,
            Batch = true,
            Environment = environment,
            Notice = message =>
            {
                if (notes is null) return;
                lock (notes) notes.Add(message);
            },
            Progress = progress,
        }, cancellationToken);
}
