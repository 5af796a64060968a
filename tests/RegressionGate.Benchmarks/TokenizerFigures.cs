using System.Diagnostics;
using System.Text.Json.Nodes;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Tokenization speed on 400 Portuguese texts of ~300 words: the bundled WordPiece tokenizer, and the Unigram (SentencePiece)
/// tokenizer over a synthetic vocabulary as large as XLM-RoBERTa's (250,002 ids: every word of the texts and its prefixes,
/// padded with random letter strings), loaded from a generated tokenizer.json.
/// </summary>
public static class TokenizerFigures
{
    public static void Run(int maxTokens)
    {
        var texts = PortugueseLectureTexts.Generate(400).Select(t => "passage: " + t).ToArray();
        var unigram = UnigramTokenizerJson.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SyntheticXlmrVocabulary(texts))));
        var wordPiece = EmbeddingModelSource.Bundled.LoadTokenizer();
        Console.WriteLine($"Tokenizing {texts.Length} texts of ~300 words, maxTokens {maxTokens}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Measure($"Unigram, {unigram.VocabularySize:N0} ids", unigram, texts, maxTokens);
        Measure("WordPiece (bundled vocab.txt)", wordPiece, texts, maxTokens);
    }

    static void Measure(string name, ITokenizer tokenizer, string[] texts, int maxTokens)
    {
        foreach (var text in texts.Take(20)) tokenizer.Encode(text, maxTokens);
        var rounds = new List<double>();
        var tokens = 0L;
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            tokens = texts.Sum(text => (long)tokenizer.Encode(text, maxTokens).Length);
            rounds.Add(clock.Elapsed.TotalSeconds);
        }
        var best = rounds.Min();
        Console.WriteLine($"  {name,-32} {texts.Length / best,8:F0} texts/s {tokens / best,10:F0} tokens/s ({tokens / (double)texts.Length:F1} tokens per text)");
    }

    static string SyntheticXlmrVocabulary(string[] texts)
    {
        var random = new Random(5);
        var pieces = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in texts.SelectMany(t => t.Split(' ')).Select(w => w.Trim('.', ',', '?', ':').ToLowerInvariant()).Distinct())
        {
            for (var length = 1; length <= word.Length; length++)
            {
                pieces.Add("▁" + word[..length]);
                pieces.Add(word[(word.Length - length)..]);
            }
        }
        const string letters = "abcdefghijklmnopqrstuvwxyzáàâãéêíóôõúç";
        while (pieces.Count < 250_002 - 5)
        {
            var piece = new string(Enumerable.Range(0, random.Next(2, 11)).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            pieces.Add(random.Next(3) == 0 ? "▁" + piece : piece);
        }
        var vocabulary = new JsonArray(new JsonArray("<s>", 0), new JsonArray("<pad>", 0), new JsonArray("</s>", 0), new JsonArray("<unk>", 0));
        foreach (var piece in pieces) vocabulary.Add(new JsonArray(piece, -2 - random.NextDouble() * 14));
        vocabulary.Add(new JsonArray("<mask>", 0));
        return new JsonObject
        {
            ["added_tokens"] = new JsonArray(new[] { "<s>", "<pad>", "</s>", "<unk>" }
                .Select((t, i) => (JsonNode)new JsonObject { ["id"] = i, ["content"] = t, ["special"] = true }).ToArray()),
            ["normalizer"] = new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = "" },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = "always" },
            ["model"] = new JsonObject { ["type"] = "Unigram", ["unk_id"] = 3, ["vocab"] = vocabulary },
        }.ToJsonString();
    }
}
