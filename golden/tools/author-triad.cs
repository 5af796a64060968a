#:project ../../src/RegressionGate/RegressionGate.csproj

// Writes the sample golden set's authored recordings for the RAG triad, so that `regression-gate run` and `dotnet test`
// grade context relevance and groundedness offline, and `run --answers generate` replays generated answers:
//
//   dotnet run golden/tools/author-triad.cs -- golden
//
// No LLM is called. Every recording says so in its provenance ("source": "authored", with a note naming this file).
// What it writes, per question, over the top-k of the verified retrieval snapshot (the bundled model's ranking):
//   - context relevance of each segment: 3 or 2 for a segment the question lists as relevant (3 when it shares half of
//     the question's words), 1 for another segment that shares a third of them or one of its topic words (held by at
//     most a quarter of the corpus: pooling, kappa…), else 0;
//   - a generated answer: the annotated answer, each sentence citing [n] the retrieved segment that shares the most
//     words with it (when one shares enough), as the grounded-answer prompt asks the model to;
//   - answer relevance of that generated answer: the annotated answer's judgment, whose content it repeats;
//   - groundedness of each statement of the answer (the same statements for annotated and generated answers, since
//     citations are not part of a statement): from the share of its words that the best 30-word passage of any source
//     holds (3 from 60% and three words, 2 from 40%, 1 from 20%), at most 1 for answers people labelled I
//     (incorrect), whose claims the lectures do not make; four statements of P answers that share words with a source
//     but claim what it contradicts or leaves out are graded by hand (ReadByHand below).
// Each reasoning is written in the rubric's words and quotes the segment's own text. Existing recordings are never
// overwritten, so the imported seed judgment of question 105 keeps its provenance. Run it again after the retrieval
// snapshots change: it writes only what is missing.

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Llm;
using RegressionGate.Snapshots;

var directory = args.Length > 0 ? args[0] : "golden";
var input = GateInput.Load(directory);
var golden = input.Golden;
var model = input.Settings.Judge.Model ?? throw new InvalidOperationException("gate.json must name judge.model");
var store = new RecordingStore(golden.RecordingsDirectory);
var snapshots = input.SnapshotStore();
var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
const string Tool = "golden/tools/author-triad.cs";
var written = new Dictionary<string, int>(StringComparer.Ordinal);

void Write(string what, Microsoft.Extensions.AI.ChatOptions options, IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> messages, string response, string note)
{
    var key = CanonicalRequest.From(model, messages, options).Key;
    if (store.TryRead(key) is not null) return;
    store.WriteAuthored(model, messages, options, response, $"{note}; written by {Tool}, no LLM was called", at: at);
    written[what] = written.GetValueOrDefault(what) + 1;
}

var contextRelevance = new ContextRelevanceMetric();
var groundedness = new GroundednessMetric();
foreach (var question in golden.Questions)
{
    var ranking = SnapshotKinds.Retrieval.ReadFile(snapshots.VerifiedPath(SnapshotStages.Retrieval, question.Id)).Ranking;
    var segments = ranking.Select(r => golden.FindSegment(r.Id)!).ToList();
    var subject = new MetricSubject(question.Id, question.Text, question.Answer, segments);

    foreach (var unit in contextRelevance.Units(subject))
    {
        var request = contextRelevance.Request(subject, unit);
        Write("context relevance", request.Options, request.Messages, Authoring.ContextRelevance(question, golden.FindSegment(unit.Id)!, golden.Corpus),
            "context relevance graded from the question's relevant labels and the words it shares with the segment");
    }
    if (question.Answer is not { } answer) continue;

    foreach (var unit in groundedness.Units(subject))
    {
        var request = groundedness.Request(subject, unit);
        Write("groundedness", request.Options, request.Messages, Authoring.Groundedness(unit.Text, segments, question.Manual),
            "groundedness graded from the share of the statement's words the best passage of a source holds (at most 1 for an answer people labelled I)");
    }

    var generated = Authoring.Generate(answer, segments);
    Write("generated answers", GroundedAnswer.Options(), GroundedAnswer.Messages(question.Text, segments), generated,
        "generated answer: the annotated answer, each sentence citing the retrieved segment that shares the most words with it");

    var annotated = AnswerRelevanceJudge.Request(question.Text, answer);
    var judgment = store.TryRead(CanonicalRequest.From(model, annotated.Messages, annotated.Options).Key)
        ?? throw new InvalidOperationException($"question {question.Id}: the annotated answer's judgment is not recorded");
    var ofGenerated = AnswerRelevanceJudge.Request(question.Text, generated);
    Write("answer relevance of generated answers", ofGenerated.Options, ofGenerated.Messages, judgment.ResponseText,
        "answer relevance of the generated answer: the annotated answer's judgment, whose content it repeats with citations");
}

foreach (var (what, count) in written) Console.WriteLine($"{what}: {count} recording(s) written");
if (written.Count == 0) Console.WriteLine("nothing to write: every recording is there");

/// <summary>How the authored outputs are made: word overlap between a text and a segment, and the rubric's words.</summary>
static partial class Authoring
{
    static readonly HashSet<string> Stopwords = new(StringComparer.Ordinal)
    {
        "que", "para", "com", "uma", "por", "como", "mais", "dos", "das", "nos", "nas", "aos", "pelo", "pela", "pelos", "pelas",
        "qual", "quais", "quando", "onde", "porque", "por que", "isso", "esse", "essa", "este", "esta", "entre", "sobre", "sem", "ser",
        "sao", "ele", "ela", "eles", "elas", "seu", "sua", "seus", "suas", "tem", "ter", "mas", "nao", "sim", "vai", "aqui", "entao",
        "ai", "ta", "ne", "gente", "coisa", "coisas", "assim", "muito", "bem", "faz", "fazer", "usa", "usar", "cada", "dois", "duas",
        "the", "and", "diferenca", "serve", "objetivo", "funciona", "acontece", "exemplo", "forma", "tipo", "ou", "um", "de", "do",
        "da", "em", "no", "na", "os", "as", "ao", "se", "ja", "tambem", "depois", "antes", "fica", "ficar", "sempre", "quanto",
    };

    /// <summary>Content words of a text, folded (lower case, no accents) and cut to six letters, so inflections meet.</summary>
    public static HashSet<string> Stems(string text) =>
        Words().Matches(Fold(text)).Select(m => m.Value).Where(w => w.Length >= 3 && !Stopwords.Contains(w))
            .Select(w => w.Length > 6 ? w[..6] : w).ToHashSet(StringComparer.Ordinal);

    static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Normalize(NormalizationForm.FormC);
    }

    /// <summary>The share of <paramref name="text"/>'s content words that <paramref name="segment"/> holds.</summary>
    public static double Share(string text, string segment)
    {
        var wanted = Stems(text);
        if (wanted.Count == 0) return 0;
        var held = Stems(segment);
        return wanted.Count(held.Contains) / (double)wanted.Count;
    }

    /// <summary>
    /// The share of <paramref name="text"/>'s content words that the best passage of <paramref name="segment"/> (a window
    /// of <paramref name="length"/> words) holds: support is local, not a bag of the whole segment's words.
    /// </summary>
    public static double PassageShare(string text, string segment, int length = 30)
    {
        var wanted = Stems(text);
        if (wanted.Count == 0) return 0;
        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Stems(w)).ToList();
        var best = 0;
        for (var start = 0; start < Math.Max(1, words.Count - length + 1); start++)
        {
            var held = words.Skip(start).Take(length).SelectMany(w => w).ToHashSet(StringComparer.Ordinal);
            best = Math.Max(best, wanted.Count(held.Contains));
        }
        return best / (double)wanted.Count;
    }

    /// <summary>The ~14 words of <paramref name="segment"/> that hold the most of <paramref name="text"/>'s words, as spoken.</summary>
    public static string Excerpt(string segment, string text, int length = 14)
    {
        var wanted = Stems(text);
        var words = segment.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var best = 0;
        var bestHits = -1;
        for (var start = 0; start + length <= words.Length; start++)
        {
            var hits = words.Skip(start).Take(length).SelectMany(Stems).Where(wanted.Contains).Distinct(StringComparer.Ordinal).Count();
            if (hits > bestHits) (best, bestHits) = (start, hits);
        }
        return string.Join(' ', words.Skip(best).Take(length));
    }

    static string Lecture(Segment segment) => segment.Title.StartsWith('(') ? "a lecture whose title is hidden" : $"the lecture «{segment.Title}»";

    static IEnumerable<string> Shared(string text, string segment)
    {
        var held = Stems(segment);
        return Words().Matches(text).Select(m => m.Value).Where(w => Stems(w).Any(held.Contains)).Distinct(StringComparer.OrdinalIgnoreCase).Take(4);
    }

    /// <summary>The question's words that at most a quarter of the corpus holds: what the question is about (pooling, kappa…).</summary>
    static HashSet<string> Topic(string question, IReadOnlyList<Segment> corpus)
    {
        var held = corpus.Select(s => Stems(s.Text)).ToList();
        return Stems(question).Where(stem => held.Count(h => h.Contains(stem)) <= corpus.Count / 4).ToHashSet(StringComparer.Ordinal);
    }

    public static string ContextRelevance(GoldenQuestion question, Segment segment, IReadOnlyList<Segment> corpus)
    {
        var share = Share(question.Text, segment.Text);
        var relevant = question.Relevant.Contains(segment.Id);
        var onTopic = Topic(question.Text, corpus).Overlaps(Stems(segment.Text));
        var score = relevant ? (share >= 0.5 ? 3 : 2) : share >= 0.34 || onTopic ? 1 : 0;
        var excerpt = Excerpt(segment.Text, question.Text);
        var criteria = $"A relevant segment holds what the QUESTION «{question.Text}» asks for, so that a student could answer from it.";
        var evidence = score switch
        {
            3 => $"The SEGMENT, from {Lecture(segment)}, addresses exactly this. It says «{excerpt}», which gives what the QUESTION asks for.",
            2 => $"The SEGMENT, from {Lecture(segment)}, speaks to the QUESTION: «{excerpt}». It explains a substantial part of what is asked, but not all of it, so a student would still need another segment.",
            1 => $"The SEGMENT, from {Lecture(segment)}, mentions {string.Join(", ", Shared(question.Text, segment.Text).Select(w => $"«{w}»"))} («{excerpt}»), so it touches the subject of the QUESTION, but it does not explain what the QUESTION asks.",
            _ => $"The SEGMENT, from {Lecture(segment)}, is about another subject: «{excerpt}». Nothing in it helps answer the QUESTION.",
        };
        return $"Criteria: {criteria}\nSupporting Evidence: {evidence}\nScore: {score}";
    }

    /// <summary>
    /// Statements whose words the sources share but whose claim they contradict or leave out, found by reading them:
    /// word overlap cannot see a "not" or an "always". The grade and the evidence (SOURCE {0}, passage {1}) are by hand.
    /// </summary>
    static readonly (string Start, int Score, string Evidence)[] ReadByHand =
    [
        ("Por ser mais moderna, a GRU sempre tem desempenho melhor", 0,
            "SOURCE {0} says «{1}»: similar performance, sometimes better, which contradicts «always better»; nothing in the SOURCES says the GRU should always be preferred."),
        ("Entre os blocos do encoder ele aplica max pooling", 0,
            "SOURCE {0} says «{1}»: the ViT has no max pooling, so the SOURCES contradict the STATEMENT."),
        ("Assim como o k-means, ele exige que o número de clusters seja informado", 1,
            "SOURCE {0} names the parameters eps and min_samples («{1}»), but it does not say that DBSCAN needs the number of clusters; that, the main claim, is not supported."),
        ("Pode-se acompanhar as curvas de loss do gerador e do discriminador", 1,
            "SOURCE {0} talks about training the generator and the discriminator («{1}»), but nothing in the SOURCES says that a falling generator loss means better images."),
    ];

    public static string Groundedness(string statement, IReadOnlyList<Segment> segments, Label? manual)
    {
        var sources = segments.DistinctBy(s => s.Id).OrderBy(s => s.Id, RegressionGate.Retrieval.SegmentIdComparer.Instance).ToList();
        var (best, index, share) = sources.Select((s, i) => (Segment: s, Index: i + 1, Share: PassageShare(statement, s.Text)))
            .OrderByDescending(b => b.Share).ThenBy(b => b.Index).First();
        var matched = (int)Math.Round(share * Stems(statement).Count);
        var score = share >= 0.6 && matched >= 3 ? 3 : share >= 0.4 ? 2 : share >= 0.2 ? 1 : 0;
        if (manual == Label.I) score = Math.Min(score, 1);
        var excerpt = Excerpt(best.Text, statement);
        var criteria = $"The SOURCES must say what the STATEMENT claims: «{Short(statement)}».";
        if (ReadByHand.FirstOrDefault(h => statement.StartsWith(h.Start, StringComparison.Ordinal)) is { Start: not null } hand)
            return $"Criteria: {criteria}\nSupporting Evidence: {string.Format(CultureInfo.InvariantCulture, hand.Evidence, index, excerpt)}\nScore: {hand.Score}";
        var evidence = score switch
        {
            3 => $"SOURCE {index} says «{excerpt}», which states the same thing in spoken form; everything the STATEMENT says is there.",
            2 => $"SOURCE {index} says «{excerpt}», which supports most of the STATEMENT, but some of its detail is not in any source.",
            1 when manual == Label.I && share >= 0.4 => $"SOURCE {index} talks about the same subject («{excerpt}»), but it does not say what the STATEMENT claims; the claim itself is not in the SOURCES.",
            1 => $"The closest passage is in SOURCE {index}: «{excerpt}». It supports only a small part of the STATEMENT; most of what it says is not in the SOURCES.",
            _ => $"No source says this. The closest passage, in SOURCE {index}, is «{excerpt}», which is about something else.",
        };
        return $"Criteria: {criteria}\nSupporting Evidence: {evidence}\nScore: {score}";
    }

    /// <summary>The annotated answer with [n] after each sentence that the n-th segment shares enough words with.</summary>
    public static string Generate(string answer, IReadOnlyList<Segment> segments)
    {
        var sentences = SentenceEnd().Split(answer.Trim());
        var cited = sentences.Select(sentence =>
        {
            var (rank, share) = segments.Select((s, i) => (Rank: i + 1, Share: Share(sentence, s.Text))).OrderByDescending(b => b.Share).ThenBy(b => b.Rank).First();
            if (share < 0.3) return sentence;
            var end = sentence.Length > 0 && ".!?".Contains(sentence[^1]) ? sentence.Length - 1 : sentence.Length;
            return $"{sentence[..end]} [{rank}]{sentence[end..]}";
        });
        return string.Join(" ", cited);
    }

    static string Short(string text) => text.Length <= 160 ? text : text[..157].TrimEnd() + "…";

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d])")]
    private static partial Regex SentenceEnd();
}
