using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Br;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Util;

namespace RegressionGate.Retrieval;

/// <summary>The Lucene analyzers <c>retriever.bm25.analyzer</c> can name.</summary>
/// <remarks>
/// Both lowercase, drop Portuguese stop words and strip accents while stemming ("iteração" and "iteracao" become the same
/// term). BrazilianAnalyzer needs the pt-BR culture: under .NET's invariant-globalization mode it crashes and accents are
/// silently kept, which is why this project never enables that mode.
/// </remarks>
internal static class Bm25Analyzers
{
    public const string Brazilian = "brazilian";
    public const string Portuguese = "portuguese";

    /// <summary>The Lucene version whose analyzers and BM25 are used; part of the retriever's identity, since stemmers change.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static IReadOnlyList<string> All { get; } = [Brazilian, Portuguese];

    public static Analyzer Create(string name) => name switch
    {
        Brazilian => new BrazilianAnalyzer(Version),
        Portuguese => new PortugueseAnalyzer(Version),
        _ => throw new ArgumentException($"unknown analyzer '{name}'; use {string.Join(" or ", All)}", nameof(name)),
    };
}
