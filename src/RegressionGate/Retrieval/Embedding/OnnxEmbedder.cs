using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Retrieval.Embedding;

/// <summary>
/// Embeds texts with a transformer encoder on ONNX Runtime's CPU: tokenize, run, mean-pool <c>last_hidden_state</c> (or
/// <c>token_embeddings</c>) over the attention mask, L2-normalise; a model whose only output is <c>sentence_embedding</c> has
/// that vector normalised as it is. One session per instance; input and output buffers are reused across batches.
/// </summary>
/// <remarks>
/// On loading, the tokenizer's vocabulary is checked against the model's word-embedding table (see
/// <see cref="OnnxEmbeddingTable"/>): a tokenizer with more ids than the table has rows, or a table more than 1% larger than
/// the tokenizer's vocabulary, is the wrong tokenizer for the model. (A few spare rows are normal: multilingual-e5-small has
/// 250,037 rows for XLM-R's 250,002 ids.) When the graph does not reveal the table, the highest id is run through the model
/// instead, which catches a tokenizer that is too large.
/// </remarks>
internal sealed class OnnxEmbedder : ITextEmbedder
{
    public const int DefaultBatchSize = 8;

    const string InputIds = "input_ids";
    const string AttentionMask = "attention_mask";
    const string TokenTypeIds = "token_type_ids";
    // Sentence-Transformers exports name the per-token states one of these; the pooled outputs are not what we want.
    static readonly string[] TokenStateOutputs = ["last_hidden_state", "token_embeddings"];
    const string SentenceOutput = "sentence_embedding";
    /// <summary>How much larger than the tokenizer's vocabulary the embedding table may be (spare rows) before it is the wrong tokenizer.</summary>
    const double SpareRowsAllowed = 0.01;

    readonly InferenceSession session;
    readonly RunOptions runOptions = new();
    readonly string[] inputNames;
    readonly string[] outputNames;
    readonly int defaultBatchSize;
    readonly string location;
    readonly bool pooled; // the model outputs one vector per text, not one per token
    readonly Lock gate = new();
    long[] ids = [];
    long[] mask = [];
    long[] types = []; // stays all zeros: one segment per text
    float[] states = [];
    bool disposed;

    OnnxEmbedder(byte[] model, ITokenizer tokenizer, string tokenizerName, ModelIdentity identity, int maxTokens, OnnxEmbedderOptions options, string location)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        Tokenizer = tokenizer;
        Model = identity;
        MaxTokens = maxTokens;
        defaultBatchSize = options.BatchSize;
        this.location = location;
        using (var sessionOptions = options.CreateSessionOptions())
        {
            try
            {
                session = new InferenceSession(model, sessionOptions);
            }
            catch (OnnxRuntimeException e)
            {
                throw new EmbeddingModelException($"{location}: {EmbeddingModelSource.ModelFile} cannot be loaded by ONNX Runtime: {e.Message}", e);
            }
        }
        try
        {
            inputNames = CheckInputs(session.InputMetadata);
            var output = TokenStateOutputs.FirstOrDefault(session.OutputMetadata.ContainsKey);
            pooled = output is null && session.OutputMetadata.ContainsKey(SentenceOutput);
            output ??= pooled ? SentenceOutput : throw Unusable(
                $"it has no per-token output ({string.Join(" or ", TokenStateOutputs)}) and no {SentenceOutput}; outputs are {string.Join(", ", session.OutputMetadata.Keys)}");
            outputNames = [output];
            var dimensions = session.OutputMetadata[output].Dimensions;
            if (pooled ? dimensions.Length != 2 || dimensions[1] <= 0 : dimensions.Length != 3 || dimensions[2] <= 0)
                throw Unusable($"output '{output}' is not [batch, {(pooled ? "" : "tokens, ")}dimensions] with fixed dimensions");
            Dimensions = dimensions[^1];
            CheckVocabulary(model, tokenizerName);
        }
        catch
        {
            session.Dispose();
            runOptions.Dispose();
            throw;
        }
    }

    /// <summary>Loads the model and its tokenizer; the model's bytes are released once the session holds it.</summary>
    public static OnnxEmbedder Load(EmbeddingModelSource source, int maxTokens, OnnxEmbedderOptions? options = null) =>
        new(source.ReadModel(), source.LoadTokenizer(), string.Join(" + ", source.TokenizerFormat.Files), source.Identity, maxTokens,
            options ?? new OnnxEmbedderOptions(), source.Files.Location);

    public ModelIdentity Model { get; }
    public ITokenizer Tokenizer { get; }
    public int MaxTokens { get; }
    public int Dimensions { get; }

    public float[] Embed(string text) => Embed([text], 1)[0];

    /// <summary>
    /// One unit vector per text, in order. Texts are batched by similar length (longest first) and padded with the
    /// tokenizer's pad id; padding does not change a vector beyond float rounding.
    /// </summary>
    public float[][] Embed(IReadOnlyList<string> texts, int batchSize = DefaultBatchSize, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokenized = new int[texts.Count][];
        for (var i = 0; i < tokenized.Length; i++) tokenized[i] = Tokenizer.Encode(texts[i], MaxTokens);
        return EmbedTokens(tokenized, batchSize, progress, cancellationToken);
    }

    float[][] ITextEmbedder.Embed(IReadOnlyList<string> texts, IProgress<int>? progress, CancellationToken cancellationToken) =>
        Embed(texts, defaultBatchSize, progress, cancellationToken);

    /// <summary>Runs already tokenized texts (each with its special tokens, at most <see cref="MaxTokens"/> long).</summary>
    internal float[][] EmbedTokens(IReadOnlyList<int[]> tokenized, int batchSize, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var order = new int[tokenized.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // Longest first, ties by position: a total order, so the same input always forms the same batches.
        Array.Sort(order, (a, b) => tokenized[a].Length != tokenized[b].Length ? tokenized[b].Length.CompareTo(tokenized[a].Length) : a.CompareTo(b));

        var vectors = new float[tokenized.Count][];
        lock (gate)
        {
            for (var start = 0; start < order.Length; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
                RunBatch(tokenized, batch, vectors);
                progress?.Report(start + batch.Length);
            }
        }
        return vectors;
    }

    void RunBatch(IReadOnlyList<int[]> tokenized, ReadOnlySpan<int> batch, float[][] vectors)
    {
        var rows = batch.Length;
        var width = 0;
        foreach (var index in batch) width = Math.Max(width, tokenized[index].Length);
        var cells = rows * width;
        EnsureCapacity(cells);

        var padId = Tokenizer.PadId;
        for (var r = 0; r < rows; r++)
        {
            var row = tokenized[batch[r]];
            var rowIds = ids.AsSpan(r * width, width);
            var rowMask = mask.AsSpan(r * width, width);
            for (var t = 0; t < row.Length; t++) rowIds[t] = row[t];
            rowIds[row.Length..].Fill(padId);
            rowMask[..row.Length].Fill(1);
            rowMask[row.Length..].Clear();
        }

        long[] shape = [rows, width];
        var memory = OrtMemoryInfo.DefaultInstance;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memory, ids.AsMemory(0, cells), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(memory, mask.AsMemory(0, cells), shape);
        using var typesValue = inputNames.Length == 3 ? OrtValue.CreateTensorValueFromMemory(memory, types.AsMemory(0, cells), shape) : null;
        using var statesValue = pooled
            ? OrtValue.CreateTensorValueFromMemory(memory, states.AsMemory(0, rows * Dimensions), [rows, Dimensions])
            : OrtValue.CreateTensorValueFromMemory(memory, states.AsMemory(0, cells * Dimensions), [rows, width, Dimensions]);
        OrtValue[] inputs = typesValue is null ? [idsValue, maskValue] : [idsValue, maskValue, typesValue];
        try
        {
            session.Run(runOptions, inputNames, inputs, outputNames, [statesValue]);
        }
        catch (OnnxRuntimeException e)
        {
            throw new EmbeddingModelException(
                $"{location}: the model failed on a batch of {rows} × {width} tokens (maxTokens {MaxTokens}; is it more than the model accepts?): {e.Message}", e);
        }

        // A sentence_embedding row is "pooled" over one row of itself: just normalised.
        var rowStates = pooled ? Dimensions : Dimensions * width;
        for (var r = 0; r < rows; r++)
        {
            vectors[batch[r]] = MeanPooling.PoolAndNormalize(states.AsSpan(r * rowStates, rowStates), pooled ? 1 : tokenized[batch[r]].Length, Dimensions);
        }
    }

    void EnsureCapacity(int cells)
    {
        // The longest batch comes first, so buffers grow once per call at most.
        if (ids.Length >= cells) return;
        ids = new long[cells];
        mask = new long[cells];
        if (inputNames.Length == 3) types = new long[cells];
        states = new float[checked(cells * Dimensions)];
    }

    void CheckVocabulary(byte[] model, string tokenizerName)
    {
        var size = Tokenizer.VocabularySize;
        if (OnnxEmbeddingTable.Find(model) is var (table, rows))
        {
            if (size > rows || rows > size * (1 + SpareRowsAllowed))
            {
                throw new EmbeddingModelException(string.Create(CultureInfo.InvariantCulture,
                    $"{location}: the tokenizer ({tokenizerName}) has {size:N0} ids but the model's word-embedding table '{table}' has {rows:N0} rows; ") +
                    "the tokenizer does not belong to this model");
            }
            return;
        }
        try
        {
            EmbedTokens([[size - 1, size - 1]], 1, null, CancellationToken.None);
        }
        catch (EmbeddingModelException e)
        {
            throw new EmbeddingModelException(string.Create(CultureInfo.InvariantCulture,
                $"{location}: the tokenizer ({tokenizerName}) has {size:N0} ids but the model rejects id {size - 1:N0}; the tokenizer does not belong to this model"), e);
        }
    }

    string[] CheckInputs(IReadOnlyDictionary<string, NodeMetadata> inputs)
    {
        foreach (var (name, metadata) in inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
                throw Unusable($"it expects an input '{name}'; only {InputIds}, {AttentionMask} and {TokenTypeIds} can be given");
            if (metadata.ElementType != typeof(long)) throw Unusable($"input '{name}' is {metadata.ElementType.Name}, not int64");
        }
        if (!inputs.ContainsKey(InputIds) || !inputs.ContainsKey(AttentionMask))
            throw Unusable($"it lacks the inputs {InputIds} and {AttentionMask}");
        // Only models that declare token_type_ids get them (XLM-R based E5 models have none).
        return inputs.ContainsKey(TokenTypeIds) ? [InputIds, AttentionMask, TokenTypeIds] : [InputIds, AttentionMask];
    }

    EmbeddingModelException Unusable(string problem) => new($"{location}: {EmbeddingModelSource.ModelFile} is not a text encoder this gate can run: {problem}");

    /// <summary>Releases the session; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        session.Dispose();
        runOptions.Dispose();
    }
}
