using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// SentencePiece models trained by the real <c>spm_train</c> from the tests' own Portuguese text
/// (<c>Fixtures/aula-portugues.txt</c>, authored for the tests), once per test run, in a temporary directory: one per
/// normalisation rule the parity tests cover (Unigram, and one BPE). Empty, with the reason, where the tools are missing.
/// </summary>
public sealed class TrainedSentencePieceModels : IDisposable
{
    /// <summary>User-defined pieces of the <c>nmt_nfkc</c> model: the map would change the first two; they must stay.</summary>
    public static readonly string[] UserDefinedSymbols = ["ﬁ", "Ｒ", "<ctl>"];

    readonly TempDirectory temp = new();

    public TrainedSentencePieceModels()
    {
        Tools = ReferenceSentencePiece.Find();
        if (Tools is null) return;
        var text = Path.Combine(AppContext.BaseDirectory, "Retrieval", "Tokenizers", "Fixtures", "aula-portugues.txt");
        Models = new Dictionary<string, string>
        {
            ["nmt_nfkc"] = Train(text, "nmt_nfkc", "nmt_nfkc", "--model_type=unigram", "--vocab_size=400", $"--user_defined_symbols={string.Join(',', UserDefinedSymbols)}"),
            ["nfkc_cf"] = Train(text, "nfkc_cf", "nfkc_cf", "--model_type=unigram", "--vocab_size=300"),
            // Identity keeps every character; with extra whitespace kept and ▁ after words, the other whitespace paths run too.
            ["identity"] = Train(text, "identity", "identity", "--model_type=unigram", "--vocab_size=300", "--remove_extra_whitespaces=false", "--treat_whitespace_as_suffix=true"),
            // The same normalizer in front of the BPE segmenter.
            ["nmt_nfkc bpe"] = Train(text, "nmt_nfkc-bpe", "nmt_nfkc", "--model_type=bpe", "--vocab_size=400"),
        };
    }

    /// <summary>The directory of <c>spm_train</c> and <c>spm_encode</c>, or null.</summary>
    public string? Tools { get; }

    /// <summary>Model file by name (its rule, or "nmt_nfkc bpe"); empty when the tools are missing.</summary>
    public IReadOnlyDictionary<string, string> Models { get; } = new Dictionary<string, string>();

    string Train(string text, string name, string rule, params string[] options)
    {
        var prefix = temp.Combine(name);
        ReferenceSentencePiece.Run(Tools!, "spm_train",
        [
            $"--input={text}", $"--model_prefix={prefix}", $"--normalization_rule_name={rule}",
            "--character_coverage=1.0", "--hard_vocab_limit=false", "--num_threads=1", "--minloglevel=2", .. options,
        ]);
        return prefix + ".model";
    }

    /// <summary>The model <paramref name="name"/> read by the gate (its <c>Pieces</c> are SentencePiece ids: XLM-R's layout).</summary>
    internal SentencePieceTokenizer Tokenizer(string name)
    {
        using var model = File.OpenRead(Models[name]);
        return SentencePieceTokenizer.LoadXlmRoberta(model, Models[name]);
    }

    public void Dispose() => temp.Dispose();
}
