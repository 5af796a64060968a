namespace RegressionGate.Golden;

/// <summary>Loads and validates a golden directory; any fault becomes one <see cref="GoldenSetException"/> and nothing is written.</summary>
public static class GoldenSetLoader
{
    public static GoldenSet Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
            throw new GoldenSetException(directory, null, null, "the golden directory does not exist (set --golden or REGRESSIONGATE_GOLDEN)");
        var corpusPath = Path.Combine(full, GoldenSet.CorpusFile);
        var questionsPath = Path.Combine(full, GoldenSet.QuestionsFile);
        foreach (var required in new[] { corpusPath, questionsPath })
        {
            if (!File.Exists(required))
                throw new GoldenSetException(Display(directory, Path.GetFileName(required)), null, null, "the file is missing");
        }
        var settings = SettingsReader.Read(Path.Combine(full, GoldenSet.SettingsFile), Display(directory, GoldenSet.SettingsFile));
        var corpus = CorpusReader.Read(corpusPath, Display(directory, GoldenSet.CorpusFile));
        if (corpus.Count == 0) throw new GoldenSetException(Display(directory, GoldenSet.CorpusFile), null, null, "the corpus has no segments");
        var ids = corpus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var questions = QuestionsReader.Read(questionsPath, Display(directory, GoldenSet.QuestionsFile), ids);
        if (questions.Count == 0) throw new GoldenSetException(Display(directory, GoldenSet.QuestionsFile), null, null, "there are no questions");
        var references = ReferencesReader.Read(Path.Combine(full, GoldenSet.ReferencesFile), Display(directory, GoldenSet.ReferencesFile));
        return new GoldenSet(full, settings, corpus, questions, references);
    }

    static string Display(string directory, string file) => Path.Combine(directory, file);
}
