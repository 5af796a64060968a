using Microsoft.Extensions.AI;
using RegressionGate.Files;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.ModelCalls;
using RegressionGate.Tests.Cli;

namespace RegressionGate.Tests.Gate;

/// <summary>
/// Judge kinds are registered providers: one registration makes a kind valid in <c>gate.json</c> and opened by the gate,
/// and an extension's LLM judge gets recording and replay from the context.
/// </summary>
public sealed class JudgeRegistryTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    /// <summary>An extension's offline judge: the longer the answer, the higher the score (0–3 by 20-character steps).</summary>
    sealed class LengthJudge(LabelThresholds labels) : IAnswerJudge
    {
        public const string Kind = "length";

        public JudgeIdentity Identity { get; } = new([new(JudgeIdentity.KindProperty, Kind)]);

        public Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default)
        {
            var score = Math.Min(3, answer.Length / 20);
            return Task.FromResult<JudgeOutcome>(Judgment.FromRepeats([(score, $"{answer.Length} characters. Score: {score}")], labels, 3));
        }
    }

    /// <summary>An extension's LLM judge: asks the model for a score through whatever client the context gives it.</summary>
    sealed class AskingJudge(IChatClient client, string model) : IAnswerJudge
    {
        public const string Kind = "asking";

        public JudgeIdentity Identity { get; } = new([new(JudgeIdentity.KindProperty, Kind), new(JudgeIdentity.ModelProperty, model)]);

        public async Task<JudgeOutcome> JudgeAsync(string question, string answer, CancellationToken cancellationToken = default)
        {
            try
            {
                var response = await client.GetResponseAsync($"Score 0-3: {question} / {answer}", cancellationToken: cancellationToken);
                return Judgment.FromRepeats([(int.Parse(response.Text.Trim(), System.Globalization.CultureInfo.InvariantCulture), response.Text)], new LabelThresholds(), 3);
            }
            catch (ModelCallException e)
            {
                return JudgeFailure.Of(e);
            }
        }
    }

    static readonly JudgeProvider Length = new(LengthJudge.Kind, "longer answers score higher",
        context => new JudgeSession(new LengthJudge(context.Input.Settings.Labels)));

    static readonly JudgeProvider Asking = new(AskingJudge.Kind, "asks the model for a bare score",
        context => context.OpenLlmJudge((client, model) => new AskingJudge(client, model)));

    /// <summary>The tiny set with answers, judged by <paramref name="kind"/>, retrieved by BM25 so no model is loaded.</summary>
    string Golden(string kind)
    {
        var golden = TinyGolden.Write(temp, withAnswers: true, judge: kind);
        var settings = Path.Combine(golden, GoldenSet.SettingsFile);
        File.WriteAllText(settings, File.ReadAllText(settings).Replace("\"k\": 5", "\"kind\": \"bm25\", \"k\": 5", StringComparison.Ordinal));
        return golden;
    }

    [Fact]
    public async Task A_judge_registered_by_an_extension_is_read_from_gate_json_and_judges_every_answer()
    {
        var input = GateInput.Load(Golden(LengthJudge.Kind), judges: JudgeRegistry.BuiltIn.With(Length));

        var evaluation = await GateRunner.EvaluateAsync(input, new GateRunOptions { Environment = Environments.EnvironmentVariables.From(new Dictionary<string, string>()) });

        Assert.Equal(LengthJudge.Kind, evaluation.Judge!.Kind);
        Assert.Equal("none", evaluation.LlmMode);
        foreach (var question in input.Golden.Questions)
        {
            var judgment = Assert.IsType<Judgment>(evaluation.Judged[question.Id]);
            Assert.Equal(Math.Min(3, question.Answer!.Length / 20), judgment.Score);
        }
    }

    [Fact]
    public async Task An_extensions_llm_judge_goes_through_the_recording_client_so_replay_names_the_missing_recording()
    {
        var input = GateInput.Load(Golden(AskingJudge.Kind), judges: JudgeRegistry.BuiltIn.With(Asking));

        var evaluation = await GateRunner.EvaluateAsync(input, new GateRunOptions { Environment = Environments.EnvironmentVariables.From(new Dictionary<string, string>()) });

        Assert.Equal("replay", evaluation.LlmMode);
        Assert.Equal("gpt-4o-mini", evaluation.Judge!.Model);
        var failure = Assert.IsType<JudgeFailure>(evaluation.Judged["105"]);
        Assert.Equal(JudgeFailureKind.MissingRecording, failure.Kind);
        Assert.Contains("--llm record", failure.Message);
        Assert.NotNull(failure.RecordingKey);
    }

    [Fact]
    public void A_judge_kind_nobody_registered_is_an_error_on_its_line_listing_the_registered_kinds()
    {
        var error = Assert.Throws<InputFileException>(() => GateInput.Load(Golden(LengthJudge.Kind)));

        Assert.Equal((3, "judge.kind"), (error.Line, error.Field));
        Assert.EndsWith("'length' is not one of answer-relevance, similarity", error.Message);
    }

    [Fact]
    public void A_judge_kind_cannot_be_registered_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => JudgeRegistry.BuiltIn.With(Length).With(Length));

        Assert.Contains("'length' is registered twice", error.Message);
    }

    [Fact]
    public async Task Run_help_offers_every_registered_judge_for_the_judge_option()
    {
        var outcome = await CliRun.RunAsync("run", "--help");

        foreach (var provider in JudgeRegistry.BuiltIn.Providers) Assert.Contains($"{provider.Kind} ({provider.Summary})", outcome.Out);
        var refused = await CliRun.RunAsync("run", "--judge", LengthJudge.Kind);
        Assert.Equal(2, refused.ExitCode);
    }
}
