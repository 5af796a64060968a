using RegressionGate.Files;
using RegressionGate.Golden;
using RegressionGate.Records;
using RegressionGate.Retrieval;

namespace RegressionGate.Tests.Records;

public sealed class RecordImporterTests : IDisposable
{
    const string HandWrittenSegment = """{"id": "1", "videoId": "aula-01", "title": "Introdução", "url": "https://example.org/v/1", "start": "00:00:00", "end": "00:01:30", "text": "bem-vindos ao curso"}""";
    const string HandWrittenQuestion = """{"id": "1", "text": "Do que trata o curso?", "relevant": ["1"]}""";

    static readonly string[] SeedSegmentIds = ["3027", "7744", "3247", "6694", "3334", "7699", "7742", "3246", "7682", "7743"];

    readonly TempDirectory temp = new();
    readonly RecordingJudgeWriter judge = new();

    public void Dispose() => temp.Dispose();

    string Golden => temp.Combine("golden");

    string MinimalGolden(string corpus = HandWrittenSegment + "\n", string questions = HandWrittenQuestion + "\n")
    {
        temp.Write("golden/corpus.jsonl", corpus);
        temp.Write("golden/questions.jsonl", questions);
        // The judge model keys the recordings an import writes; without it the judgments are skipped (see below).
        temp.Write("golden/gate.json", """{"judge": {"model": "gpt-4o-mini"}}""");
        return Golden;
    }

    string SeedCopy(string name = Seed.FileName) => temp.Write(Path.Combine("records", name), Seed.Text);

    /// <summary>The seed as another question's record, optionally edited.</summary>
    string OtherRecord(string name, string questionId = "106", Func<string, string>? edit = null) =>
        temp.Write(Path.Combine("records", name), (edit ?? (t => t))(Seed.Text.Replace("**Pergunta 105**", $"**Pergunta {questionId}**", StringComparison.Ordinal)));

    ImportResult Import(params string[] records) => new RecordImporter(judge).Import(records, Golden);

    /// <summary>Every file under the golden directory with its bytes.</summary>
    Dictionary<string, byte[]> Files() => Directory.Exists(Golden)
        ? Directory.GetFiles(Golden, "*", SearchOption.AllDirectories).ToDictionary(p => Path.GetRelativePath(Golden, p), File.ReadAllBytes)
        : [];

    static void AssertSameFiles(Dictionary<string, byte[]> before, Dictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (name, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[name]), $"{name} changed");
    }

    [Theory]
    [InlineData("- *Início:* 00:45:34", "- *Início:* 00:45:35", "Início", 7)]
    [InlineData("- *Fim:* 00:47:53", "- *Fim:* 00:47:54", "Fim", 8)]
    [InlineData("- *Transcrição:* as camadas mais adiante", "- *Transcrição:* AS camadas mais adiante", "Transcrição", 9)]
    public void A_segment_that_contradicts_the_corpus_is_blamed_on_the_line_of_the_field_that_differs(string was, string now, string field, int line)
    {
        MinimalGolden();
        Import(SeedCopy());
        var contradicting = OtherRecord("outro.txt", edit: text => text.Replace(was, now, StringComparison.Ordinal));

        var error = Assert.Throws<InputFileException>(() => Import(contradicting));

        Assert.Equal((contradicting, line, field), (error.File, error.Line!.Value, error.Field!));
        Assert.Contains("segment 3027 differs from", error.Message);
    }

    [Fact]
    public void Importing_the_seed_adds_question_105_its_ten_segments_and_its_recorded_ranking()
    {
        MinimalGolden();

        var result = Import(SeedCopy());

        var golden = GoldenSetLoader.Load(Golden);
        var question = golden.Questions.Single(q => q.Id == "105");
        Assert.Equal("Qual é o objetivo da camada de pooling em uma rede neural?", question.Text);
        Assert.StartsWith("O objetivo do Max pooling é reduzir", question.Answer);
        Assert.Contains("que o flatten.  O Max pooling", question.Answer);
        Assert.Equal(Label.C, question.Manual);
        Assert.Empty(question.Relevant);
        Assert.Equal(["1", .. SeedSegmentIds], golden.Corpus.Select(s => s.Id));
        var segment = golden.FindSegment("3247")!;
        Assert.Equal(("oculto", "", null), (segment.VideoId, segment.Title, segment.Url));
        Assert.Equal(("01:00:48", "01:03:02"), (segment.Start.ToString(), segment.End.ToString()));
        Assert.StartsWith("como uma camada também", segment.Text);

        using var run = RunFileRetriever.Create(new RetrieverContext(golden, new RetrieverSettings()));
        var ranked = run.Retrieve(RetrievalQuery.Of(question), 10);
        Assert.Equal(SeedSegmentIds, ranked.Select(r => r.Id));
        Assert.Equal(0.8535903692245483, ranked[0].Score);
        Assert.Equal(0.8475674390792847, ranked[9].Score);
        Assert.Contains("\"source\":\"imported from record 000_2d96afdaa130e795.txt\"", File.ReadAllText(temp.Combine("golden", "runs", "retrieval.jsonl")));

        Assert.Equal(10, result.Of(ImportItem.Segment, ImportChangeKind.Added).Count());
        Assert.Single(result.Of(ImportItem.Question, ImportChangeKind.Added));
        Assert.Single(result.Of(ImportItem.RetrievalRun, ImportChangeKind.Added));
        Assert.Single(result.Of(ImportItem.JudgeRecording, ImportChangeKind.Added));
        Assert.Equal(4, result.FilesWritten.Count);
        Assert.Equal(
            [
                "questions: 1 added, 0 updated, 0 unchanged",
                "segments: 10 added, 0 updated, 0 unchanged",
                "recorded rankings: 1 added, 0 updated, 0 unchanged",
                "answer references: 1 added, 0 updated, 0 unchanged",
                "judge recordings: 1 added, 0 updated, 0 unchanged",
            ],
            result.Summary());
    }

    [Fact]
    public void The_judges_reasoning_is_recorded_with_provenance_naming_the_record_file_after_everything_was_checked()
    {
        MinimalGolden();

        Import(SeedCopy(), OtherRecord("outro.txt"));

        Assert.Equal(["check 105", "check 106", "write 105", "write 106"], judge.Calls);
        var recording = File.ReadAllText(temp.Combine("golden", "recordings", "105.txt"));
        Assert.StartsWith("imported from record 000_2d96afdaa130e795.txt\nCriteria: The RESPONSE", recording);
        Assert.EndsWith("Score: 2\n", recording);
        Assert.StartsWith("imported from record outro.txt\n", File.ReadAllText(temp.Combine("golden", "recordings", "106.txt")));
    }

    [Fact]
    public void Importing_the_same_record_twice_changes_nothing()
    {
        MinimalGolden();
        Import(SeedCopy());
        var before = Files();

        var second = Import(SeedCopy());

        AssertSameFiles(before, Files());
        Assert.False(second.Changed);
        Assert.Empty(second.FilesWritten);
        Assert.All(second.Changes, c => Assert.Equal(ImportChangeKind.Unchanged, c.Kind));
        Assert.Equal(10, second.Changes.Count(c => c.Item == ImportItem.Segment));
    }

    [Fact]
    public void Lines_already_in_the_golden_set_keep_their_bytes_and_new_lines_follow_the_files_line_ends()
    {
        var crlfCorpus = HandWrittenSegment + "\r\n\r\n";
        MinimalGolden(corpus: crlfCorpus);

        Import(SeedCopy());

        var corpus = File.ReadAllText(temp.Combine("golden", "corpus.jsonl"));
        Assert.StartsWith(HandWrittenSegment + "\r\n{\"id\":\"3027\",\"videoId\":\"oculto\",\"url\":null,\"start\":\"00:45:34\"", corpus);
        Assert.Equal(11, corpus.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("\\u00", corpus);
        Assert.Equal(HandWrittenQuestion + "\n", File.ReadAllText(temp.Combine("golden", "questions.jsonl")).Split('\n')[0] + "\n");
    }

    [Fact]
    public void A_question_already_there_is_updated_in_place_and_keeps_its_relevant_segments()
    {
        var seed = Assert.Single(RecordParser.ReadFile(Seed.Path)).Record;
        var known = seed.Segments[0];
        var corpus = $$"""{"id": "3027", "videoId": "aula-07", "title": "Redes neurais", "url": null, "start": "{{known.Start}}", "end": "{{known.End}}", "text": "{{known.Transcript}}"}""";
        MinimalGolden(
            corpus: HandWrittenSegment + "\n" + corpus + "\n",
            questions: """{"id": "105", "text": "Pergunta antiga", "manual": "I", "relevant": ["3027"]}""" + "\n" + HandWrittenQuestion + "\n");

        var result = Import(SeedCopy());

        var golden = GoldenSetLoader.Load(Golden);
        Assert.Equal(["105", "1"], golden.Questions.Select(q => q.Id));
        var question = golden.Questions[0];
        Assert.Equal((Label.C, "Qual é o objetivo da camada de pooling em uma rede neural?"), (question.Manual, question.Text));
        Assert.Equal(["3027"], question.Relevant);
        Assert.Equal(("aula-07", "Redes neurais"), (golden.FindSegment("3027")!.VideoId, golden.FindSegment("3027")!.Title));
        Assert.Single(result.Of(ImportItem.Question, ImportChangeKind.Updated));
        Assert.Equal(["3027"], result.Of(ImportItem.Segment, ImportChangeKind.Unchanged).Select(c => c.Id));
        Assert.Equal(9, result.Of(ImportItem.Segment, ImportChangeKind.Added).Count());
    }

    [Fact]
    public void The_same_segment_id_with_different_text_in_two_records_names_both_and_writes_nothing()
    {
        MinimalGolden();
        var before = Files();
        var seed = SeedCopy();
        var other = OtherRecord("outro.txt", edit: t => t.Replace("flaten no final", "flatten no final", StringComparison.Ordinal));

        var error = Assert.Throws<InputFileException>(() => Import(seed, other));

        Assert.Equal((other, 16, "Transcrição"), (error.File, error.Line, error.Field));
        Assert.Contains("7744", error.Message);
        Assert.Contains($"{seed}:16", error.Message);
        AssertSameFiles(before, Files());
        Assert.DoesNotContain(judge.Calls, c => c.StartsWith("write", StringComparison.Ordinal));
    }

    [Fact]
    public void A_segment_that_contradicts_the_corpus_names_the_corpus_line_and_writes_nothing()
    {
        var corpus = """{"id": "3027", "videoId": "aula-07", "url": null, "start": "00:45:34", "end": "00:47:53", "text": "outro texto"}""";
        MinimalGolden(corpus: HandWrittenSegment + "\n" + corpus + "\n");
        var before = Files();

        var error = Assert.Throws<InputFileException>(() => Import(SeedCopy()));

        Assert.Equal((9, "Transcrição"), (error.Line, error.Field));
        Assert.Contains($"{Path.Combine(Golden, "corpus.jsonl")}:2", error.Message);
        AssertSameFiles(before, Files());
    }

    [Fact]
    public void Different_times_for_the_same_segment_are_a_conflict_too()
    {
        var seed = SeedCopy();
        var other = OtherRecord("outro.txt", edit: t => t.Replace("- *Fim:* 00:47:53", "- *Fim:* 00:47:54", StringComparison.Ordinal));
        MinimalGolden();

        var error = Assert.Throws<InputFileException>(() => Import(seed, other));

        Assert.Equal((other, "Fim"), (error.File, error.Field));
    }

    [Fact]
    public void A_question_repeated_across_the_files_of_one_import_names_both_and_writes_nothing()
    {
        MinimalGolden();
        var before = Files();
        var first = SeedCopy();
        var second = SeedCopy("copia.txt");

        var error = Assert.Throws<InputFileException>(() => Import(first, second));

        Assert.Equal((second, 1, "Pergunta"), (error.File, error.Line, error.Field));
        Assert.Contains($"{first}:1", error.Message);
        AssertSameFiles(before, Files());
        Assert.Empty(judge.Calls);
    }

    [Fact]
    public void One_bad_record_among_good_ones_writes_nothing()
    {
        MinimalGolden();
        var before = Files();
        var bad = OtherRecord("ruim.txt", edit: t => t.Replace("- *Score:* 0.8531779646873474", "- *Score:* alto", StringComparison.Ordinal));

        var error = Assert.Throws<InputFileException>(() => Import(SeedCopy(), bad));

        Assert.Equal((bad, 12, "Score"), (error.File, error.Line, error.Field));
        AssertSameFiles(before, Files());
    }

    [Fact]
    public void A_judgment_that_cannot_be_recorded_writes_nothing()
    {
        MinimalGolden();
        var before = Files();
        judge.Refuse.Add("106");

        Assert.Throws<InputFileException>(() => Import(SeedCopy(), OtherRecord("outro.txt")));

        AssertSameFiles(before, Files());
        Assert.Equal(["check 105", "check 106"], judge.Calls);
    }

    [Fact]
    public void A_golden_file_that_is_not_utf8_is_reported_as_such_and_nothing_is_written()
    {
        MinimalGolden();
        File.WriteAllBytes(temp.Combine("golden", "corpus.jsonl"), [.. System.Text.Encoding.UTF8.GetBytes(HandWrittenSegment + "\n"), 0xC3, 0x28, (byte)'\n']);
        var before = Files();

        var error = Assert.Throws<InputFileException>(() => Import(SeedCopy()));

        Assert.Equal(Path.Combine(Golden, "corpus.jsonl"), error.File);
        Assert.Contains("UTF-8", error.Message);
        AssertSameFiles(before, Files());
    }

    [Fact]
    public void A_bad_golden_set_stops_the_import_before_anything_is_written()
    {
        MinimalGolden(questions: """{"id": "1", "text": "?", "manual": "X"}""" + "\n");
        var before = Files();

        var error = Assert.Throws<InputFileException>(() => Import(SeedCopy()));

        Assert.Equal("manual", error.Field);
        AssertSameFiles(before, Files());
    }

    [Fact]
    public void Records_can_start_a_golden_set_from_nothing()
    {
        Import(SeedCopy(), OtherRecord("outro.txt"));

        var golden = GoldenSetLoader.Load(Golden);
        Assert.Equal(["105", "106"], golden.Questions.Select(q => q.Id));
        Assert.Equal(SeedSegmentIds, golden.Corpus.Select(s => s.Id));
    }

    [Fact]
    public void A_changed_record_updates_the_ranking_and_keeps_other_questions_rankings()
    {
        MinimalGolden();
        temp.Write("golden/gate.json", """{"retriever": {"kind": "run-file", "runFile": "producao/e5.jsonl"}}""");
        temp.Write("golden/producao/e5.jsonl", """{"questionId": "1", "source": "E5 em produção", "ranking": [{"id": "1", "score": 0.9}]}""" + "\n");
        Import(SeedCopy());

        var result = Import(OtherRecord(Seed.FileName, "105", t => t.Replace("0.8475674390792847", "0.5", StringComparison.Ordinal)));

        var entries = RunFileReader.Read(temp.Combine("golden", "producao", "e5.jsonl"), "e5.jsonl", GoldenSetLoader.Load(Golden).Corpus.Select(s => s.Id).ToHashSet());
        Assert.Equal(["1", "105"], entries.Select(e => e.QuestionId));
        Assert.Equal(0.5, entries[1].Ranking[^1].Score);
        Assert.Equal(["105"], result.Of(ImportItem.RetrievalRun, ImportChangeKind.Updated).Select(c => c.Id));
        Assert.Equal([temp.Combine("golden", "producao", "e5.jsonl")], result.FilesWritten);
    }

    [Fact]
    public void Without_a_judge_model_the_judgments_are_skipped_saying_why_and_the_rest_is_imported()
    {
        MinimalGolden();
        File.Delete(temp.Combine("golden", "gate.json"));

        var result = Import(SeedCopy());

        Assert.Empty(judge.Calls);
        Assert.Equal(["105"], result.Of(ImportItem.JudgeRecording, ImportChangeKind.Skipped).Select(c => c.Id));
        Assert.Equal(["105"], result.Of(ImportItem.Question, ImportChangeKind.Added).Select(c => c.Id));
        Assert.Contains(result.Summary(), line => line.StartsWith("note: judge recordings skipped: gate.json names no judge.model", StringComparison.Ordinal));
        Assert.True(result.Changed);
    }

    [Fact]
    public void The_answers_references_are_kept_for_export()
    {
        MinimalGolden();

        Import(SeedCopy());

        var references = ReferencesReader.Read(temp.Combine("golden", GoldenSet.ReferencesFile), "references.jsonl");
        Assert.Equal(3, references["105"].Count);
        Assert.Equal(new RecordReference("Vídeo de referência oculto", ""), references["105"][0]);
    }
}
