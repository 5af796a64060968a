using System.Text.Json.Nodes;
using RegressionGate.Golden;
using RegressionGate.Judging;

namespace RegressionGate.Tests.Support;

/// <summary>
/// A small golden set cut from the sample one (a few real segments, a few questions) for tests that run the whole
/// gate many times: it embeds in about a second.
/// </summary>
public static class TinyGolden
{
    public static readonly string[] SegmentIds = ["3027", "7743", "7744", "1008", "1009", "1100", "1101", "1600"];

    /// <summary>Writes the set into <c>{temp}/golden</c>; questions have answers when <paramref name="withAnswers"/>.</summary>
    public static string Write(TempDirectory temp, bool withAnswers = false, string judge = SimilarityJudge.Kind)
    {
        var sample = GoldenSetLoader.Load(SampleGolden.Directory);
        var corpus = File.ReadLines(Path.Combine(SampleGolden.Directory, GoldenSet.CorpusFile))
            .Where(line => SegmentIds.Contains((string?)JsonNode.Parse(line)!["id"]));
        temp.Write("golden/corpus.jsonl", string.Join("\n", corpus) + "\n");
        var questions = new[]
        {
            Question("105", "Qual é o objetivo da camada de pooling em uma rede neural?", ["1008", "1009", "7743"], withAnswers ? sample : null),
            Question("q-gd", "Como funciona o gradiente descendente na regressão linear?", ["1100", "1101"], withAnswers ? sample : null),
            Question("q-km", "O que o algoritmo k-means faz?", ["1600"], withAnswers ? sample : null),
        };
        temp.Write("golden/questions.jsonl", string.Join("\n", questions) + "\n");
        temp.Write("golden/gate.json", $$"""
            {
              "retriever": { "k": 5 },
              "judge": { "kind": "{{judge}}", "model": "gpt-4o-mini" }
            }
            """);
        return temp.Combine("golden");
    }

    static string Question(string id, string text, string[] relevant, GoldenSet? sample)
    {
        var node = new JsonObject { ["id"] = id, ["text"] = text };
        if (sample is not null)
        {
            node["answer"] = id == "105"
                ? sample.Questions.Single(q => q.Id == "105").Answer
                : "É um método que ajusta os parâmetros na direção oposta ao gradiente da função de custo.";
            node["manual"] = "C";
        }
        node["relevant"] = new JsonArray(relevant.Select(r => (JsonNode)r).ToArray());
        return node.ToJsonString();
    }
}
