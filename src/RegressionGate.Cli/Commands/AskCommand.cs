using System.CommandLine;
using RegressionGate.Gate;
using RegressionGate.Golden;
using RegressionGate.Judging;
using RegressionGate.Llm;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Cli.Commands;

/// <summary><c>regression-gate ask</c>: what the assistant would retrieve (and answer) for a question, with references.</summary>
static class AskCommand
{
    const int ExcerptLength = 160;

    public static Command Create(CliConsole console)
    {
        var golden = CommonOptions.Golden(console);
        var question = new Argument<string>("pergunta") { Description = "The question, in quotes." };
        var top = new Option<int>("--top", "-k") { Description = "How many segments to show.", DefaultValueFactory = _ => 5, HelpName = "K" };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 100) result.AddError("--top must be between 1 and 100");
        });

        var command = new Command("ask",
            "Retrieve the top-k transcript segments for a question with the golden set's retriever and show each with its " +
            "video, start–end and an excerpt. Where an LLM is configured (AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, " +
            "AZURE_OPENAI_DEPLOYMENT, or OPENAI_BASE_URL, OPENAI_API_KEY, OPENAI_MODEL), also answer from those segments " +
            "and list the references the answer cites.\n\n" +
            "Examples:\n" +
            "  regression-gate ask \"Qual é o objetivo da camada de pooling em uma rede neural?\"\n" +
            "  regression-gate ask \"O que é dropout?\" --top 3 --golden golden")
        {
            question, golden, top,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var input = CliGolden.Load(console, parse.GetValue(golden)!);
            var set = input.Golden;
            var text = parse.GetValue(question)!;
            var k = parse.GetValue(top);
            var llmEnvironment = LlmEnvironmentVariables.All.ToDictionary(name => name, console.Environment.Get, StringComparer.Ordinal);
            var connection = LlmConnection.FromEnvironment(llmEnvironment);

            var ranking = await ProgressDisplay.RunAsync(console, progress =>
            {
                var cache = EmbeddingCache.ForGolden(set.Directory, console.Environment.Get(EmbeddingCache.EnvironmentVariable), console.Warn);
                using var retriever = input.CreateRetriever(cache,
                    progress is null ? null : new Progress<int>(done => progress.Report(new GateProgress(GateStage.EmbeddingCorpus, done, set.Corpus.Count))),
                    console.Environment, cancellationToken);
                return Task.FromResult(retriever.Retrieve(new RetrievalQuery("ask", text), k));
            }).ConfigureAwait(false);
            var segments = ranking.Select(r => set.FindSegment(r.Id)!).ToList();

            await console.Out.WriteLineAsync($"Pergunta: {text}").ConfigureAwait(false);
            await console.Out.WriteLineAsync().ConfigureAwait(false);
            foreach (var (ranked, segment) in ranking.Zip(segments))
            {
                await console.Out.WriteLineAsync(FormattableString.Invariant(
                    $"{ranked.Rank,2}. [{segment.Id}] {segment.VideoId} {segment.Start}–{segment.End}  score {ranked.Score:0.0000}")).ConfigureAwait(false);
                if (segment.Title.Length > 0) await console.Out.WriteLineAsync($"    {segment.Title}").ConfigureAwait(false);
                await console.Out.WriteLineAsync($"    {Excerpt(segment.Text)}").ConfigureAwait(false);
            }
            await console.Out.WriteLineAsync().ConfigureAwait(false);

            if (connection is null)
            {
                await console.Out.WriteLineAsync(
                    $"No LLM configured, so no answer: set {LlmEnvironmentVariables.AzureEndpoint}, {LlmEnvironmentVariables.AzureApiKey} and " +
                    $"{LlmEnvironmentVariables.AzureDeployment} (or {LlmEnvironmentVariables.OpenAIBaseUrl}, {LlmEnvironmentVariables.OpenAIApiKey} and " +
                    $"{LlmEnvironmentVariables.OpenAIModel}) to get one.").ConfigureAwait(false);
                return ExitCodes.Passed;
            }

            var llm = input.Settings.Llm;
            // Live mode saves nothing; the recording client only keeps the answer prompt's version tag from the model.
            using var client = new RecordingChatClient(LlmClientFactory.Create(connection, llm.ClientOptions()),
                new RecordingStore(set.RecordingsDirectory), RecordingMode.Live, connection.Model);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (llm.Deadline() is { } after) deadline.CancelAfter(after);
            string answer;
            IReadOnlyList<Segment> references;
            try
            {
                (answer, references) = await GroundedAnswer.AskAsync(client, text, segments, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is LlmCallException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The segments above stand; only the answer is missing, and the message says why (never the key).
                var why = e is LlmCallException ? e.Message : new JudgeDeadline(llm.Deadline()!.Value, LlmSettings.DeadlineSetting).Passed();
                await console.Error.WriteLineAsync($"error: no answer: {why}").ConfigureAwait(false);
                return ExitCodes.GateFailed;
            }
            await console.Out.WriteLineAsync($"**Resposta gerada pelo LLM**: {answer}").ConfigureAwait(false);
            await console.Out.WriteLineAsync().ConfigureAwait(false);
            await console.Out.WriteLineAsync("**Referências**:").ConfigureAwait(false);
            foreach (var reference in references)
                await console.Out.WriteLineAsync($"- [{reference.VideoId} {reference.Start}–{reference.End}]({reference.Url ?? ""})").ConfigureAwait(false);
            if (references.Count == 0) await console.Out.WriteLineAsync("- (the answer cites no segment)").ConfigureAwait(false);
            return ExitCodes.Passed;
        });
        return command;
    }

    static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= ExcerptLength ? flat : flat[..ExcerptLength].TrimEnd() + "…";
    }
}
