using System.Text.Json.Nodes;
using RegressionGate.Retrieval.Tokenizers;
using RegressionGate.Tests.Cli;
using RegressionGate.Tests.Retrieval.Embedding;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// The whole gate over a golden set whose corpus, questions and answers hold U+FFFE, the code point .NET's Unicode
/// normalisation throws on (it once ended <c>run</c> with exit 134): with the bundled BERT WordPiece model and with a
/// SentencePiece model directory, <c>run</c> ends with its ordinary verdicts and approval makes it pass.
/// </summary>
public sealed class UnnormalizableTextRunTests : IDisposable
{
    const string Reserved = "\uFFFE";

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Run_with_the_bundled_wordpiece_model_reaches_its_verdict()
    {
        await RunApproveRun(Golden());
    }

    [Fact]
    public async Task Run_with_a_sentencepiece_model_directory_reaches_its_verdict()
    {
        var golden = Golden();
        var model = Path.Combine(golden, "e5");
        Directory.CreateDirectory(model);
        var pieces = SentencePieceTokenizerTests.Model;
        new TinyOnnxModel(pieces.Pieces.Count + 2).WriteTo(Path.Combine(model, "model.onnx"));
        File.WriteAllBytes(Path.Combine(model, SentencePieceTokenizer.ModelFileName), pieces.ToBytes());
        var settings = JsonNode.Parse(File.ReadAllText(Path.Combine(golden, "gate.json")))!;
        settings["retriever"]!["model"] = "e5";
        File.WriteAllText(Path.Combine(golden, "gate.json"), settings.ToJsonString());

        await RunApproveRun(golden);
    }

    /// <summary>The tiny golden set with U+FFFE at the start of, inside and at the end of every text.</summary>
    string Golden()
    {
        var golden = TinyGolden.Write(temp, withAnswers: true);
        foreach (var (file, fields) in new[] { ("corpus.jsonl", new[] { "text" }), ("questions.jsonl", new[] { "text", "answer" }) })
        {
            var path = Path.Combine(golden, file);
            var lines = File.ReadAllLines(path).Where(line => line.Length > 0).Select(line =>
            {
                var record = JsonNode.Parse(line)!.AsObject();
                foreach (var field in fields)
                {
                    var text = (string)record[field]!;
                    record[field] = Reserved + text[..(text.Length / 2)] + Reserved + text[(text.Length / 2)..] + Reserved;
                }
                return record.ToJsonString();
            });
            File.WriteAllLines(path, lines);
        }
        Assert.Contains("\\uFFFE", File.ReadAllText(Path.Combine(golden, "corpus.jsonl")), StringComparison.OrdinalIgnoreCase);
        return golden;
    }

    async Task RunApproveRun(string golden)
    {
        var output = temp.Combine("out");
        var first = await CliRun.RunAsync("run", "--golden", golden, "--out", output);
        Assert.True(first.ExitCode == 1, first.ToString());
        Assert.Contains("no verified snapshot", first.Out);
        Assert.DoesNotContain("Exception", first.ToString());

        var approve = await CliRun.RunAsync("approve", "--golden", golden);
        Assert.True(approve.ExitCode == 0, approve.ToString());

        var second = await CliRun.RunAsync("run", "--golden", golden, "--out", output);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("Exception", second.ToString());
    }
}
