using RegressionGate.Golden;

namespace RegressionGate.Retrieval;

/// <summary>What a retriever ranks the corpus for: a text, and the id under which recorded rankings know it.</summary>
/// <param name="Id">The golden question's id, or a name for a free-text query (<c>ask</c>).</param>
/// <param name="Text">The question as people wrote it, without any prefix.</param>
public readonly record struct RetrievalQuery(string Id, string Text)
{
    /// <summary>The query for a golden question.</summary>
    public static RetrievalQuery Of(GoldenQuestion question) => new(question.Id, question.Text);
}
