using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Writes a golden directory of generated Portuguese lecture segments (about 300 words each, like the seed's) and questions
/// built from the words of one segment, which is marked relevant: what the whole-run benchmarks gate.
/// </summary>
public static class GeneratedGolden
{
    public static void Write(string directory, int segments, int questions, int maxTokens, string kind, int seed = 7)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(seed);
        var texts = PortugueseLectureTexts.Generate(segments, words: 300, seed: seed);
        using (var corpus = new StreamWriter(Path.Combine(directory, "corpus.jsonl")))
        {
            for (var i = 0; i < segments; i++)
            {
                var start = TimeSpan.FromSeconds(i % 20 * 150);
                var line = new JsonObject
                {
                    ["id"] = (i + 1).ToString(CultureInfo.InvariantCulture),
                    ["videoId"] = $"aula-{i / 20 + 1:D5}",
                    ["title"] = $"Aula {i / 20 + 1}",
                    ["url"] = null,
                    ["start"] = start.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
                    ["end"] = (start + TimeSpan.FromSeconds(150)).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
                    ["text"] = texts[i],
                };
                corpus.Write(line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                corpus.Write('\n');
            }
        }
        using (var file = new StreamWriter(Path.Combine(directory, "questions.jsonl")))
        {
            for (var q = 0; q < questions; q++)
            {
                var target = random.Next(segments);
                var words = texts[target].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 5).ToArray();
                var picked = Enumerable.Range(0, 4).Select(_ => words[random.Next(words.Length)].Trim('.', ',', '?')).Distinct();
                var line = new JsonObject
                {
                    ["id"] = $"q{q + 1:D3}",
                    ["text"] = $"O que a aula explica sobre {string.Join(", ", picked)}?",
                    ["relevant"] = new JsonArray((target + 1).ToString(CultureInfo.InvariantCulture)),
                };
                file.Write(line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
                file.Write('\n');
            }
        }
        File.WriteAllText(Path.Combine(directory, "gate.json"), $$"""
            {
              "retriever": { "kind": "{{kind}}", "k": 10, "maxTokens": {{maxTokens}} },
              "judge": { "kind": "similarity" },
              "floors": { "recall": 0, "mrr": 0, "ndcg": 0, "accuracy": 0, "kappa": -1 }
            }
            """);
    }
}
