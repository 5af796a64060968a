using RegressionGate.Golden;

namespace RegressionGate.Tests.Triad;

/// <summary>
/// The tiny golden set (three questions with answers) configured for the triad: BM25 retrieval (no model to load),
/// k = 5, the three metrics, and the answers from <paramref name="answers"/> (an <c>answers</c> section's JSON).
/// </summary>
public static class TriadGolden
{
    public const string Metrics = """{ "answer-relevance": {}, "context-relevance": {}, "groundedness": { "minWords": 3 } }""";

    public static string Write(TempDirectory temp, string judge = "answer-relevance", string answers = """{ "source": "golden" }""", string metrics = Metrics)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: judge);
        File.WriteAllText(Path.Combine(golden, GoldenSet.SettingsFile), $$"""
            {
              "retriever": { "kind": "bm25", "k": 5 },
              "answers": {{answers}},
              "judge": { "kind": "{{judge}}", "model": "gpt-4o-mini", "metrics": {{metrics}} }
            }
            """);
        return golden;
    }
}
