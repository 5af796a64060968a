using System.Security.Cryptography;
using System.Text;
using RegressionGate.Answers;
using RegressionGate.Golden;
using RegressionGate.Llm;

namespace RegressionGate.Gate.Shards;

/// <summary>
/// What must be the same for shards' parts to belong to one run: the golden set's content (corpus, questions,
/// references), its <c>gate.json</c>, and the command line's overrides of it. Each is a SHA-256 of the bytes, so two
/// runners with checkouts of the same commit agree whatever their paths.
/// </summary>
/// <param name="Golden">SHA-256 of the corpus, questions and references files.</param>
/// <param name="Settings">SHA-256 of <c>gate.json</c> (of nothing when there is none).</param>
/// <param name="Overrides">The command line's departures from <c>gate.json</c> that change results, e.g. <c>judge=similarity</c>.</param>
internal sealed record GateFingerprint(string Golden, string Settings, string Overrides)
{
    static readonly string[] GoldenFiles = [GoldenSet.CorpusFile, GoldenSet.QuestionsFile, GoldenSet.ReferencesFile];

    public static GateFingerprint Of(GateInput input, GateRunOptions options) => new(
        Hash(input.Golden.Directory, GoldenFiles),
        Hash(input.Golden.Directory, [GoldenSet.SettingsFile]),
        OverridesOf(options));

    static string OverridesOf(GateRunOptions options)
    {
        var overrides = new List<string>();
        if (options.JudgeKind is { } judge) overrides.Add($"judge={judge}");
        if (options.LlmMode is { } mode) overrides.Add($"llm={mode.Name()}");
        if (options.Answers is { } answers) overrides.Add($"answers={answers.Name()}");
        return string.Join(", ", overrides);
    }

    /// <summary>Each file's name, length and bytes in turn (a missing file counts as absent, not as empty).</summary>
    static string Hash(string directory, IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            var bytes = File.Exists(path) ? File.ReadAllBytes(path) : null;
            hash.AppendData(Encoding.UTF8.GetBytes($"{file}\n{bytes?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"}\n"));
            if (bytes is not null) hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
