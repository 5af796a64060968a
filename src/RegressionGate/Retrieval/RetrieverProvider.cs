namespace RegressionGate.Retrieval;

/// <summary>
/// One kind of retriever <c>retriever.kind</c> can name: its name, one line of help, and the factory that builds it from
/// the run's <see cref="RetrieverContext"/>. Register it in a <see cref="RetrieverRegistry"/>.
/// </summary>
/// <param name="Kind">The name <c>gate.json</c> uses, e.g. <c>dense</c>; also the <c>kind</c> of the retriever's identity.</param>
/// <param name="Summary">What the kind does, in a few words, for help text and errors.</param>
/// <param name="Create">Builds the retriever; bad settings or input files are an <see cref="Files.InputFileException"/>.</param>
public sealed record RetrieverProvider(string Kind, string Summary, Func<RetrieverContext, IRetriever> Create)
{
    /// <summary>
    /// Whether this kind embeds with the model <c>retriever.model</c> names, so an embedding judge uses the same model
    /// (and shares its cache) instead of the bundled one.
    /// </summary>
    public bool EmbedsWithModel { get; init; }
}
