namespace RegressionGate.Records;

/// <summary>The fixed wording of the record layout: section headings, segment fields, and the separator that ends a record.</summary>
internal static class RecordLayout
{
    public const string QuestionHeading = "Pergunta";
    public const string SegmentsHeading = "Segmentos recuperados pelo E5";
    public const string AnswerHeading = "Resposta gerada pelo LLM";
    public const string ReferencesHeading = "Referências";
    public const string ManualHeading = "Anotação manual";
    public const string RelevanceHeading = "Answer Relevance (AR)";
    public const string AutomatedHeading = "Anotação automatizada";
    public const string ReasoningHeading = "Raciocínio (AR CoT)";

    public const string CorpusIdField = "Corpus ID";
    public const string ScoreField = "Score";
    public const string UrlField = "URL";
    public const string StartField = "Início";
    public const string EndField = "Fim";
    public const string TranscriptField = "Transcrição";

    public const string Separator = "---";

    /// <summary>What a record prints for a URL it hides; in the golden set a hidden URL is <c>null</c>.</summary>
    public const string Hidden = "oculto";

    /// <summary>The sections after the question, in the order they must appear.</summary>
    public static IReadOnlyList<string> SectionsAfterQuestion { get; } =
        [SegmentsHeading, AnswerHeading, ReferencesHeading, ManualHeading, RelevanceHeading, AutomatedHeading, ReasoningHeading];

    /// <summary>The fields of a retrieved segment, in the order they must appear.</summary>
    public static IReadOnlyList<string> SegmentFields { get; } =
        [CorpusIdField, ScoreField, UrlField, StartField, EndField, TranscriptField];
}
