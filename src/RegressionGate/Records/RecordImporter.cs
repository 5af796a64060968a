using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Retrieval;

namespace RegressionGate.Records;

/// <summary>
/// Starts or extends a golden set from evaluation records (<c>regression-gate import RECORD… --golden DIR</c>).
/// Every record and every golden file is read and checked first; on any fault nothing is written. Then, each file
/// atomically: new corpus segments, new or updated questions, the recorded rankings in the run file, the answers'
/// references, and the judge's reasoning as a recording. Importing the same records again writes nothing.
/// </summary>
/// <remarks>
/// A record hides what the golden set calls <c>videoId</c>, <c>title</c> and <c>url</c>. Segments new to the corpus get
/// <c>videoId</c> "oculto", no title, and <c>url</c> null where the record printed "oculto" (else the URL it printed);
/// an export prints a null URL as "oculto" again. Segments already in the corpus keep their metadata; their text and
/// times must match the record's, and so must their URL where the record shows one.
/// </remarks>
internal sealed class RecordImporter(IJudgeRecordingWriter judgeRecordings)
{
    /// <param name="judgeModel">
    /// The model the records' judgments came from (<c>import --judge-model</c>): set as gate.json's <c>judge.model</c>
    /// when it names none, so their recordings are kept under it; refused when gate.json names another.
    /// </param>
    public ImportResult Import(IEnumerable<string> recordFiles, string goldenDirectory, string? judgeModel = null)
    {
        var files = recordFiles.ToList();
        if (files.Count == 0) throw new ArgumentException("name at least one record file to import", nameof(recordFiles));
        var plan = new Plan(goldenDirectory, judgeRecordings, judgeModel);
        foreach (var parsed in ReadAll(files)) plan.Add(parsed);
        plan.CheckJudgments();
        return plan.Apply();
    }

    static List<ParsedRecord> ReadAll(List<string> files)
    {
        var all = new List<ParsedRecord>();
        var byQuestion = new Dictionary<string, ParsedRecord>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var parsed in RecordParser.ReadFile(file))
            {
                if (byQuestion.TryGetValue(parsed.Record.QuestionId, out var first))
                    throw new InputFileException(parsed.File, parsed.Line, RecordLayout.QuestionHeading,
                        $"question {parsed.Record.QuestionId} is also in {first.File}:{first.Line}; an import takes each question once");
                byQuestion[parsed.Record.QuestionId] = parsed;
                all.Add(parsed);
            }
        }
        return all;
    }

    /// <summary>Everything the import will write, computed and checked before any of it is.</summary>
    sealed class Plan
    {
        readonly IJudgeRecordingWriter judgeRecordings;
        readonly List<ImportChange> changes = [];
        readonly List<ImportedJudgment> judgments = [];

        readonly GoldenFile corpusFile;
        readonly GoldenFile questionsFile;
        readonly GoldenFile runFile;
        readonly GoldenFile referencesFile;

        readonly JsonLinesDocument corpus;
        readonly Dictionary<string, (Segment Segment, int Line)> corpusById = new(StringComparer.Ordinal);
        readonly Dictionary<string, (Segment Segment, ParsedRecord From, SegmentLines Lines)> addedSegments = new(StringComparer.Ordinal);
        readonly HashSet<string> unchangedSegments = new(StringComparer.Ordinal);

        readonly JsonLinesDocument questions;
        readonly Dictionary<string, (GoldenQuestion Question, int Line)> questionsById = new(StringComparer.Ordinal);

        readonly Dictionary<string, RunFileEntry> runs;
        bool runsChanged;
        readonly Dictionary<string, IReadOnlyList<RecordReference>> references;
        bool referencesChanged;

        readonly string goldenFullPath;
        readonly string? judgeModel;
        readonly GoldenFile settingsFile;
        /// <summary>gate.json with <c>judge.model</c> set, when the import sets it; null when it leaves gate.json alone.</summary>
        readonly byte[]? settingsWithModel;

        public Plan(string goldenDirectory, IJudgeRecordingWriter judgeRecordings, string? requestedModel)
        {
            this.judgeRecordings = judgeRecordings;
            goldenFullPath = Path.GetFullPath(goldenDirectory);
            settingsFile = GoldenFile.In(goldenDirectory, GoldenSet.SettingsFile);
            var settings = GateSettingsReader.Read(settingsFile.Path, settingsFile.Display);
            corpusFile = GoldenFile.In(goldenDirectory, GoldenSet.CorpusFile);
            questionsFile = GoldenFile.In(goldenDirectory, GoldenSet.QuestionsFile);
            runFile = GoldenFile.In(goldenDirectory, settings.Retriever.RunFile);
            referencesFile = GoldenFile.In(goldenDirectory, GoldenSet.ReferencesFile);
            judgeModel = settings.Judge.Model ?? requestedModel;
            if (requestedModel is not null && settings.Judge.Model is { } configured && configured != requestedModel)
                throw new InputFileException(settingsFile.Display, GateSettingsReader.LineOf(settingsFile.Path, "judge.model"), "judge.model",
                    $"names '{configured}', but --judge-model says '{requestedModel}': recordings are keyed by the model, and the gate " +
                    $"replays under '{configured}'; import with --judge-model {configured}, or change judge.model first");
            if (requestedModel is not null && settings.Judge.Model is null)
                settingsWithModel = JudgeModelSetting.With(File.Exists(settingsFile.Path) ? File.ReadAllBytes(settingsFile.Path) : [], requestedModel);

            // The validating readers go first, so a broken file is reported as such before it is loaded for editing.
            if (File.Exists(corpusFile.Path))
            {
                var segments = CorpusReader.Read(corpusFile.Path, corpusFile.Display);
                var lines = IdLines(corpusFile, "id");
                foreach (var segment in segments) corpusById[segment.Id] = (segment, lines[segment.Id]);
            }
            corpus = JsonLinesDocument.Load(corpusFile.Path);

            if (File.Exists(questionsFile.Path))
            {
                var read = QuestionsReader.Read(questionsFile.Path, questionsFile.Display, corpusById.Keys.ToHashSet(StringComparer.Ordinal));
                var lines = IdLines(questionsFile, "id");
                foreach (var question in read) questionsById[question.Id] = (question, lines[question.Id]);
            }
            questions = JsonLinesDocument.Load(questionsFile.Path);

            runs = File.Exists(runFile.Path)
                ? RunFileReader.Read(runFile.Path, runFile.Display, corpusById.Keys.ToHashSet(StringComparer.Ordinal)).ToDictionary(e => e.QuestionId, StringComparer.Ordinal)
                : new Dictionary<string, RunFileEntry>(StringComparer.Ordinal);
            references = ReferencesReader.Read(referencesFile.Path, referencesFile.Display).ToDictionary(StringComparer.Ordinal);
        }

        public void Add(ParsedRecord parsed)
        {
            var record = parsed.Record;
            var provenance = RecordProvenance.Of(parsed.File);
            for (var i = 0; i < record.Segments.Count; i++) AddSegment(parsed, record.Segments[i], parsed.SegmentLines[i]);
            AddQuestion(parsed);

            var run = RunFileEntry.Create(record.QuestionId, provenance, record.Segments.Select(s => (s.CorpusId, s.Score)));
            var runKind = Compare(runs.GetValueOrDefault(record.QuestionId), run, (a, b) => a.SameAs(b));
            runs[record.QuestionId] = run;
            runsChanged |= runKind != ImportChangeKind.Unchanged;
            changes.Add(new ImportChange(ImportItem.RetrievalRun, record.QuestionId, runKind, parsed.File));

            var referencesKind = Compare(references.GetValueOrDefault(record.QuestionId), record.References, (a, b) => a.SequenceEqual(b));
            references[record.QuestionId] = record.References;
            referencesChanged |= referencesKind != ImportChangeKind.Unchanged;
            changes.Add(new ImportChange(ImportItem.References, record.QuestionId, referencesKind, parsed.File));

            // Without reasoning there is no judgment to replay. Without the judge model, nothing to key its recording by:
            // the rest of the record is still worth having (a golden set fresh from init names no model), so it is skipped, saying why.
            if (record.Reasoning.Length == 0) return;
            if (judgeModel is null) changes.Add(new ImportChange(ImportItem.JudgeRecording, record.QuestionId, ImportChangeKind.Skipped, parsed.File));
            else judgments.Add(new ImportedJudgment(goldenFullPath, record, provenance, parsed.File, parsed.Line, judgeModel));
        }

        void AddSegment(ParsedRecord parsed, RecordSegment segment, SegmentLines lines)
        {
            var id = segment.CorpusId;
            if (corpusById.TryGetValue(id, out var existing))
            {
                if (Difference(existing.Segment, segment) is { } field)
                    throw new InputFileException(parsed.File, lines.Of(field), field,
                        $"segment {id} differs from {corpusFile.Display}:{existing.Line} in its {field}; the same id must mean the same segment");
                if (unchangedSegments.Add(id)) changes.Add(new ImportChange(ImportItem.Segment, id, ImportChangeKind.Unchanged, parsed.File));
            }
            else if (addedSegments.TryGetValue(id, out var earlier))
            {
                if (Difference(earlier.Segment, segment) is { } field)
                    throw new InputFileException(parsed.File, lines.Of(field), field,
                        $"segment {id} differs in its {field} from the one in {earlier.From.File}:{earlier.Lines.Of(field)} (question {earlier.From.Record.QuestionId}); the same id must mean the same segment");
            }
            else
            {
                var added = new Segment(id, RecordLayout.Hidden, "", segment.Url == RecordLayout.Hidden ? null : segment.Url, segment.Start, segment.End, segment.Transcript);
                addedSegments[id] = (added, parsed, lines);
                corpus.Append(GoldenJson.CorpusLine(added));
                changes.Add(new ImportChange(ImportItem.Segment, id, ImportChangeKind.Added, parsed.File));
            }
        }

        /// <summary>The record field in which <paramref name="segment"/> contradicts <paramref name="known"/>, or null when it agrees.</summary>
        static string? Difference(Segment known, RecordSegment segment)
        {
            if (known.Text != segment.Transcript) return RecordLayout.TranscriptField;
            if (known.Start != segment.Start) return RecordLayout.StartField;
            if (known.End != segment.End) return RecordLayout.EndField;
            if (segment.Url != RecordLayout.Hidden && known.Url != segment.Url) return RecordLayout.UrlField;
            return null;
        }

        void AddQuestion(ParsedRecord parsed)
        {
            var record = parsed.Record;
            var found = questionsById.TryGetValue(record.QuestionId, out var existing);
            var question = new GoldenQuestion(
                record.QuestionId,
                record.Question,
                string.IsNullOrWhiteSpace(record.Answer) ? null : record.Answer,
                record.Manual,
                found ? existing.Question.Relevant : []);
            ImportChangeKind kind;
            if (!found)
            {
                questions.Append(GoldenJson.QuestionLine(question));
                kind = ImportChangeKind.Added;
            }
            else if (Same(existing.Question, question))
            {
                kind = ImportChangeKind.Unchanged;
            }
            else
            {
                questions.Replace(existing.Line, GoldenJson.QuestionLine(question));
                kind = ImportChangeKind.Updated;
            }
            changes.Add(new ImportChange(ImportItem.Question, record.QuestionId, kind, parsed.File));
        }

        static bool Same(GoldenQuestion a, GoldenQuestion b) =>
            a.Id == b.Id && a.Text == b.Text && a.Answer == b.Answer && a.Manual == b.Manual && a.Relevant.SequenceEqual(b.Relevant);

        static ImportChangeKind Compare<T>(T? before, T after, Func<T, T, bool> same) where T : class =>
            before is null ? ImportChangeKind.Added : same(before, after) ? ImportChangeKind.Unchanged : ImportChangeKind.Updated;

        public void CheckJudgments()
        {
            foreach (var judgment in judgments) judgeRecordings.Check(judgment);
        }

        public ImportResult Apply()
        {
            var written = new List<string>();
            // Corpus before questions and runs: a reader of a half-finished import must never meet an id the corpus lacks.
            if (corpus.WriteIfChanged(corpusFile.Path)) written.Add(corpusFile.Path);
            if (questions.WriteIfChanged(questionsFile.Path)) written.Add(questionsFile.Path);
            if (runsChanged && RunFileWriter.Write(runFile.Path, runs.Values)) written.Add(runFile.Path);
            if (referencesChanged && AtomicFile.WriteIfChanged(referencesFile.Path, AnswerReferences.Render(references))) written.Add(referencesFile.Path);
            // Before the recordings it keys: a reader of a half-finished import must never meet recordings gate.json does not name.
            if (settingsWithModel is not null)
            {
                AtomicFile.WriteAllBytes(settingsFile.Path, settingsWithModel);
                written.Add(settingsFile.Path);
            }
            foreach (var judgment in judgments)
                changes.Add(new ImportChange(ImportItem.JudgeRecording, judgment.Record.QuestionId, judgeRecordings.Write(judgment), judgment.RecordFile));
            return new ImportResult(changes, written) { JudgeModelSet = settingsWithModel is null ? null : judgeModel };
        }

        static Dictionary<string, int> IdLines(GoldenFile file, string field)
        {
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (line, value) in JsonLines.Read(file.Path, file.Display))
                lines.TryAdd(new JsonFields(value, file.Display, line).RequiredId(field), line);
            return lines;
        }
    }

    /// <summary>A golden-set file: where it is, and how errors name it (relative to the directory the user gave).</summary>
    sealed record GoldenFile(string Path, string Display)
    {
        public static GoldenFile In(string goldenDirectory, string relative) =>
            new(System.IO.Path.GetFullPath(System.IO.Path.Combine(goldenDirectory, relative)), System.IO.Path.Combine(goldenDirectory, relative));
    }
}
