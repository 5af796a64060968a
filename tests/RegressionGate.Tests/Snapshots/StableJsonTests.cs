using System.Text;
using RegressionGate.Golden;
using RegressionGate.Retrieval;
using RegressionGate.Snapshots;

namespace RegressionGate.Tests.Snapshots;

public sealed class StableJsonTests
{
    [Fact]
    public void A_retrieval_snapshot_is_written_byte_for_byte_one_ranked_segment_a_line()
    {
        var snapshot = new RetrievalSnapshot(
            "105",
            "Qual é o objetivo da camada de pooling? <ação> & \"função\"",
            new RetrieverIdentity([new("kind", "dense"), new("maxTokens", "512")]),
            [new RankedSegment(1, "3027", 0.85), new RankedSegment(2, "7744", 0.8531779646873474), new RankedSegment(3, "3247", 0.0000001)],
            new Dictionary<string, string> { ["3027"] = "0123456789abcdef" });

        var expected =
            "{\n" +
            "  \"questionId\": \"105\",\n" +
            "  \"question\": \"Qual é o objetivo da camada de pooling? <ação> & \\\"função\\\"\",\n" +
            "  \"retriever\": {\n" +
            "    \"kind\": \"dense\",\n" +
            "    \"maxTokens\": \"512\"\n" +
            "  },\n" +
            "  \"ranking\": [\n" +
            "    { \"rank\": 1, \"id\": \"3027\", \"score\": 0.850000, \"textHash\": \"0123456789abcdef\" },\n" +
            "    { \"rank\": 2, \"id\": \"7744\", \"score\": 0.853178 },\n" +
            "    { \"rank\": 3, \"id\": \"3247\", \"score\": 0.000000 }\n" +
            "  ]\n" +
            "}\n";
        Assert.Equal(expected, SnapshotKinds.Retrieval.Write(snapshot));
    }

    [Fact]
    public void Stored_files_are_utf8_without_bom_with_lf_and_portuguese_unescaped()
    {
        using var temp = new TempDirectory();
        var store = new SnapshotStore(temp.Path);
        var path = store.VerifiedPath(SnapshotStages.Retrieval, "105");
        store.Write(SnapshotKinds.Retrieval, path, Samples.Retrieval());

        var bytes = File.ReadAllBytes(path);
        Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "no BOM");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.NotEqual((byte)'\n', bytes[^2]);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("\"Qual é o objetivo da camada de pooling em uma rede neural?\"", text);
        Assert.DoesNotContain("\\u", text);
    }

    [Fact]
    public void A_judge_snapshot_keeps_zeros_writes_null_manual_and_puts_reasoning_last()
    {
        var snapshot = Samples.Judge() with { Manual = null, Repeats = [2, 3, 2], Score = 2, Normalised = 2.0 / 3, Spread = 1, Flaky = true, Reasoning = "Critérios: ok.\nScore: 2" };
        var expected =
            "{\n" +
            "  \"questionId\": \"105\",\n" +
            "  \"judge\": {\n" +
            "    \"kind\": \"answer-relevance\",\n" +
            "    \"model\": \"gpt-4o-mini\",\n" +
            "    \"promptVersion\": \"ar-v1\",\n" +
            "    \"repeats\": \"1\"\n" +
            "  },\n" +
            "  \"score\": 2.000000,\n" +
            "  \"normalised\": 0.666667,\n" +
            "  \"automated\": \"P\",\n" +
            "  \"manual\": null,\n" +
            "  \"repeats\": [\n" +
            "    2.000000,\n" +
            "    3.000000,\n" +
            "    2.000000\n" +
            "  ],\n" +
            "  \"spread\": 1.000000,\n" +
            "  \"flaky\": true,\n" +
            "  \"reasoning\": \"Critérios: ok.\\nScore: 2\"\n" +
            "}\n";
        Assert.Equal(expected, SnapshotKinds.Judge.Write(snapshot));
    }

    [Fact]
    public void A_summary_snapshot_writes_absent_parts_and_undefined_kappas_as_null()
    {
        var snapshot = new SummarySnapshot(new RetrievalQuality(10, 12, 0.8, 2.0 / 3, 1), new JudgeAggregates(4, 0.5, null, -0.0000001, 0.25),
            new SummaryBasis(new IdSet(12, new string('a', 64)), new RetrieverIdentity([new("kind", "bm25"), new("k", "10")]), new IdSet(4, new string('b', 64)), null));
        var expected =
            "{\n" +
            "  \"retrieval\": {\n" +
            "    \"k\": 10,\n" +
            "    \"questions\": 12,\n" +
            "    \"recall\": 0.800000,\n" +
            "    \"mrr\": 0.666667,\n" +
            "    \"ndcg\": 1.000000\n" +
            "  },\n" +
            "  \"judge\": {\n" +
            "    \"answers\": 4,\n" +
            "    \"accuracy\": 0.500000,\n" +
            "    \"kappa\": null,\n" +
            "    \"linearKappa\": 0.000000,\n" +
            "    \"quadraticKappa\": 0.250000\n" +
            "  },\n" +
            "  \"basis\": {\n" +
            "    \"questions\": {\n" +
            "      \"count\": 12,\n" +
            $"      \"sha256\": \"{new string('a', 64)}\"\n" +
            "    },\n" +
            "    \"answers\": {\n" +
            "      \"count\": 4,\n" +
            $"      \"sha256\": \"{new string('b', 64)}\"\n" +
            "    },\n" +
            "    \"retriever\": {\n" +
            "      \"kind\": \"bm25\",\n" +
            "      \"k\": \"10\"\n" +
            "    },\n" +
            "    \"judge\": null\n" +
            "  }\n" +
            "}\n";
        Assert.Equal(expected, SnapshotKinds.Summary.Write(snapshot));
        Assert.Equal("{\n  \"retrieval\": null,\n  \"judge\": null\n}\n", SnapshotKinds.Summary.Write(new SummarySnapshot(null, null, null)));
    }

    [Fact]
    public void Each_kind_reads_back_what_it_wrote()
    {
        var retrieval = Samples.Retrieval();
        var back = SnapshotKinds.Retrieval.Read(SnapshotKinds.Retrieval.Write(retrieval), "x");
        Assert.Equal(retrieval.Ranking, back.Ranking);
        Assert.Equal(retrieval.Retriever, back.Retriever);
        Assert.Equal(retrieval.Retriever.Properties, back.Retriever.Properties);
        Assert.Equal(retrieval.Question, back.Question);

        var judge = Samples.Judge();
        var judgeBack = SnapshotKinds.Judge.Read(SnapshotKinds.Judge.Write(judge), "x");
        Assert.Equal(SnapshotKinds.Judge.Write(judge), SnapshotKinds.Judge.Write(judgeBack));
        Assert.Equal(Label.C, judgeBack.Manual);
        Assert.Equal(judge.Judge, judgeBack.Judge);

        var summary = Samples.Summary();
        Assert.Equal(summary, SnapshotKinds.Summary.Read(SnapshotKinds.Summary.Write(summary), "x"));
    }

    [Fact]
    public void A_snapshot_in_the_older_layout_reads_as_the_same_ranking_and_is_rewritten_one_segment_a_line()
    {
        // The layout of snapshots written before one-line rankings: every ranked segment an indented block, no text hash.
        const string older = """
            {
              "questionId": "105",
              "question": "Qual é o objetivo da camada de pooling em uma rede neural?",
              "retriever": {
                "kind": "dense",
                "k": "10"
              },
              "ranking": [
                {
                  "rank": 1,
                  "id": "3027",
                  "score": 0.850000
                },
                {
                  "rank": 2,
                  "id": "7744",
                  "score": 0.840000
                }
              ]
            }

            """;

        var read = SnapshotKinds.Retrieval.Read(older.ReplaceLineEndings("\n"), "older.json");

        Assert.Equal([new RankedSegment(1, "3027", 0.85), new RankedSegment(2, "7744", 0.84)], read.Ranking);
        Assert.Null(read.HashOf("3027"));
        var rewritten = SnapshotKinds.Retrieval.Write(read);
        Assert.Contains("  \"ranking\": [\n    { \"rank\": 1, \"id\": \"3027\", \"score\": 0.850000 },\n    { \"rank\": 2, \"id\": \"7744\", \"score\": 0.840000 }\n  ]\n}\n", rewritten);
        Assert.Equal(read.Ranking, SnapshotKinds.Retrieval.Read(rewritten, "x").Ranking);
    }

    [Fact]
    public void A_segment_that_moves_one_rank_changes_two_lines_of_the_snapshot()
    {
        var before = SnapshotKinds.Retrieval.Write(Samples.Retrieval()).Split('\n');
        var swapped = Samples.Retrieval("3027", "7744", "3247", "6694", "3334", "7699", "7742", "3246", "7743", "7682");
        var after = SnapshotKinds.Retrieval.Write(swapped with
        {
            Ranking = swapped.Ranking.Select(s => s with { Score = Samples.Retrieval().Ranking.Single(v => v.Id == s.Id).Score }).ToList(),
        }).Split('\n');

        Assert.Equal(before.Length, after.Length);
        Assert.Equal(2, before.Zip(after).Count(pair => pair.First != pair.Second));
    }

    [Fact]
    public void Text_hashes_of_segments_and_answers_read_back_and_a_malformed_one_names_its_field()
    {
        var retrieval = Samples.Retrieval() with { SegmentHashes = new Dictionary<string, string> { ["7744"] = TextHash.Of("texto") } };
        var back = SnapshotKinds.Retrieval.Read(SnapshotKinds.Retrieval.Write(retrieval), "x");
        Assert.Equal(TextHash.Of("texto"), back.HashOf("7744"));
        Assert.Null(back.HashOf("3027"));

        var judge = Samples.Judge() with { AnswerHash = TextHash.Of("O pooling reduz a resolução.") };
        Assert.Equal(judge.AnswerHash, SnapshotKinds.Judge.Read(SnapshotKinds.Judge.Write(judge), "x").AnswerHash);

        var broken = SnapshotKinds.Retrieval.Write(retrieval).Replace(TextHash.Of("texto"), "XYZ", StringComparison.Ordinal);
        var error = Assert.Throws<RegressionGate.Files.InputFileException>(() => SnapshotKinds.Retrieval.Read(broken, "105.verified.json"));
        Assert.Equal("ranking[1].textHash", error.Field);
        Assert.Equal(5 + 1 + Samples.Identity().Properties.Count + 2, error.Line);
    }

    [Fact]
    public void A_number_that_is_not_finite_cannot_be_snapshotted()
    {
        var snapshot = new SummarySnapshot(new RetrievalQuality(10, 1, double.NaN, 0, 0), null, null);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotKinds.Summary.Write(snapshot));
        Assert.Contains("recall", error.Message);
    }
}
