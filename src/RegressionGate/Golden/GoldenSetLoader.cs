using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>Loads and validates a golden directory's corpus, questions and references; any fault becomes one <see cref="InputFileException"/>.</summary>
public static class GoldenSetLoader
{
    /// <summary>
    /// Reads <c>corpus.jsonl</c> and <c>questions.jsonl</c> of <paramref name="directory"/>, checking every <c>relevant</c>
    /// id, and <c>references.jsonl</c> where there is one: every golden file is validated before anything is written.
    /// </summary>
    public static GoldenSet Load(string directory)
    {
        var full = Locate(directory);
        var corpus = CorpusReader.Read(Path.Combine(full, GoldenSet.CorpusFile), Display(directory, GoldenSet.CorpusFile));
        if (corpus.Count == 0) throw new InputFileException(Display(directory, GoldenSet.CorpusFile), null, null, "the corpus has no segments");
        var ids = corpus.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var questions = QuestionsReader.Read(Path.Combine(full, GoldenSet.QuestionsFile), Display(directory, GoldenSet.QuestionsFile), ids);
        if (questions.Count == 0) throw new InputFileException(Display(directory, GoldenSet.QuestionsFile), null, null, "there are no questions");
        var references = ReferencesReader.Read(Path.Combine(full, GoldenSet.ReferencesFile), Display(directory, GoldenSet.ReferencesFile));
        return new GoldenSet(full, corpus, questions, references);
    }

    /// <summary>
    /// The full path of <paramref name="directory"/>, once it is known to hold the files every golden set needs;
    /// checked before anything is read, so a wrong path is reported as such rather than as a missing setting.
    /// </summary>
    internal static string Locate(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
            throw new InputFileException(directory, null, null, "the golden directory does not exist (set --golden or REGRESSIONGATE_GOLDEN)");
        string[] files = [GoldenSet.SettingsFile, GoldenSet.CorpusFile, GoldenSet.QuestionsFile];
        if (!files.Any(file => File.Exists(Path.Combine(full, file))))
            throw new InputFileException(directory, null, null, $"not a golden set: it has no {files[0]}, {files[1]} or {files[2]}");
        foreach (var required in new[] { GoldenSet.CorpusFile, GoldenSet.QuestionsFile })
        {
            if (!File.Exists(Path.Combine(full, required)))
                throw new InputFileException(Display(directory, required), null, null, "the file is missing");
        }
        return full;
    }

    /// <summary>How errors name a file of the golden directory: as the user gave the directory.</summary>
    internal static string Display(string directory, string file) => Path.Combine(directory, file);
}
