using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Gate;
using RegressionGate.Retrieval;
using RegressionGate.Retrieval.Embedding;
using RegressionGate.Snapshots;
using RegressionGate.Tests.Retrieval.Embedding;
using Xunit.Abstractions;

namespace RegressionGate.Tests.Cli;

/// <summary>
/// A real <c>regression-gate run</c> process killed (SIGKILL) while it embeds a cold corpus: the chunks it journaled
/// survive, the next run embeds only the rest, and ends with the vectors and rankings of a run never interrupted.
/// </summary>
public sealed class InterruptedEmbeddingTests(ITestOutputHelper log) : IDisposable
{
    /// <summary>Four whole journal chunks and part of a fifth: enough left after the first chunk that the kill lands mid-way.</summary>
    static readonly int Segments = 4 * EmbeddingJournal.ChunkTexts + 100;

    const int MaxTokens = 32;

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task A_run_killed_while_embedding_keeps_its_journaled_chunks_and_the_next_run_embeds_only_the_rest()
    {
        var golden = WriteGolden();
        var input = GateInput.Load(golden);
        var settings = input.Settings.Retriever;
        var cache = temp.Combine("cache");
        var before = SampleGolden.Fingerprint(golden);

        // 1. The real command line in its own process, killed once a whole chunk is on disk.
        using (var run = StartCli(cache, "run", "--golden", golden, "--out", temp.Combine("killed-report")))
        {
            await WaitForAJournaledChunk(run, cache);
            run.Process.Kill(entireProcessTree: true);
            await run.Process.WaitForExitAsync();
        }
        Assert.Empty(Directory.EnumerateFiles(cache, "*.embeddings")); // killed before it wrote its cache file
        Assert.False(Directory.Exists(temp.Combine("killed-report")));
        Assert.Equal(before, SampleGolden.Fingerprint(golden));

        using var model = ConfiguredEmbedder.Load(golden, settings.Model, settings.MaxTokens);
        var journaled = JournaledKeys(cache, model);
        Assert.InRange(journaled.Count, EmbeddingJournal.ChunkTexts, Segments - 1);
        log.WriteLine($"killed with {journaled.Count} of {Segments} passages journaled");

        // 2. The next run, in process with a counting embedder: it embeds exactly the passages the journal does not hold.
        var warnings = new List<string>();
        var counter = new CountingEmbedder(model);
        using (new DenseRetriever(input.Golden.Corpus, settings, new EmbeddingCache(cache, warnings.Add).Wrap(counter, ownsInner: false)))
        {
        }
        var passages = input.Golden.Corpus.Select(s => settings.PassagePrefix + s.Text).ToList();
        Assert.Equal(passages.Where(p => !journaled.Contains(TextKey.Of(p))), counter.Texts);
        Assert.Equal(Segments - journaled.Count, counter.Texts.Count);
        log.WriteLine($"the next run embedded {counter.Texts.Count}");
        // Killed between two chunks nothing is said; killed inside one, its loss is reported.
        Assert.True(warnings.Count == 0 || (warnings.Count == 1 && warnings[0].Contains("used only in part", StringComparison.Ordinal)),
            string.Join("\n", warnings));
        Assert.Empty(Directory.EnumerateFiles(cache, "*.journal"));

        // 3. A run never interrupted, with a cache of its own, approves its rankings as the baseline.
        var fresh = temp.Combine("fresh-cache");
        var reference = await CliRun.RunAsync(new Dictionary<string, string> { [EmbeddingCache.EnvironmentVariable] = fresh, [AutoApproval.Variable] = "1" },
            "run", "--golden", golden, "--out", temp.Combine("reference-report"));
        Assert.True(reference.ExitCode == 0, reference.ToString());

        // 4. The resumed cache gives the same vectors, and the gate the same rankings: it passes against that baseline.
        var resumed = await CliRun.RunAsync(new Dictionary<string, string> { [EmbeddingCache.EnvironmentVariable] = cache },
            "run", "--golden", golden, "--out", temp.Combine("resumed-report"));
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Equal(Rankings(temp.Combine("reference-report")), Rankings(temp.Combine("resumed-report")));
        var resumedVectors = CachedVectors(cache, model);
        var freshVectors = CachedVectors(fresh, model);
        foreach (var passage in passages.Select(TextKey.Of)) VectorAssert.Close(freshVectors[passage], resumedVectors[passage]);
    }

    /// <summary>Polls the cache directory until a journal holds a whole chunk; fails if the run ends first.</summary>
    static async Task WaitForAJournaledChunk(CliProcess run, string cache)
    {
        const int header = 52;
        var chunk = 4 + EmbeddingJournal.ChunkTexts * (32 + 384 * 4) + 32;
        var deadline = Stopwatch.StartNew();
        while (!(Directory.Exists(cache) && Directory.EnumerateFiles(cache, "*.journal").Any(j => new FileInfo(j).Length >= header + chunk)))
        {
            Assert.False(run.Process.HasExited, $"the run ended (exit {(run.Process.HasExited ? run.Process.ExitCode : 0)}) before a chunk was seen on disk:\n{run.Output}");
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(5), $"no chunk on disk after 5 minutes:\n{run.Output}");
            await Task.Delay(10);
        }
    }

    static HashSet<TextKey> JournaledKeys(string cache, ITextEmbedder model)
    {
        var file = new EmbeddingCache(cache).FileFor(model.Model, model.MaxTokens);
        var warnings = new List<string>();
        var journals = EmbeddingJournal.AdoptLeftovers(file, Convert.FromHexString(model.Model.Sha256), model.MaxTokens, model.Dimensions, warnings.Add);
        try
        {
            return journals.SelectMany(j => j.Entries.Select(e => e.Key)).ToHashSet();
        }
        finally
        {
            foreach (var journal in journals) journal.Journal.Dispose(); // left in place for the next run
        }
    }

    static Dictionary<TextKey, float[]> CachedVectors(string cache, ITextEmbedder model)
    {
        var (contents, problem) = EmbeddingCacheFile.Read(new EmbeddingCache(cache).FileFor(model.Model, model.MaxTokens),
            Convert.FromHexString(model.Model.Sha256), model.MaxTokens, model.Dimensions);
        Assert.Null(problem);
        return contents!.Keys.Select((key, i) => (key, contents.Vectors.AsSpan(i * model.Dimensions, model.Dimensions).ToArray()))
            .ToDictionary(e => e.key, e => e.Item2);
    }

    /// <summary>Each question's ranked segment ids, from a run's gate-report.json.</summary>
    static Dictionary<string, string[]> Rankings(string reportDirectory)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(reportDirectory, "gate-report.json")));
        return report.RootElement.GetProperty("questions").EnumerateArray().ToDictionary(
            q => q.GetProperty("id").GetString()!,
            q => q.GetProperty("retrieval").GetProperty("ranking").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToArray());
    }

    /// <summary>A generated set of short, distinct lecture segments and a few questions, each marking its source relevant.</summary>
    string WriteGolden()
    {
        string[] topics = ["redes neurais", "regressão linear", "árvores de decisão", "k-means", "gradiente descendente", "dropout", "pooling"];
        var corpus = new StringBuilder();
        for (var i = 1; i <= Segments; i++)
        {
            var segment = new JsonObject
            {
                ["id"] = i.ToString(CultureInfo.InvariantCulture),
                ["videoId"] = $"aula-{i / 50 + 1}",
                ["title"] = $"Aula {i / 50 + 1}",
                ["url"] = null,
                ["start"] = "00:00:00",
                ["end"] = "00:02:30",
                ["text"] = $"segmento {i}: {topics[i % topics.Length]}, exemplo {i * 7919 % 10007}",
            };
            corpus.Append(segment.ToJsonString()).Append('\n');
        }
        temp.Write("golden/corpus.jsonl", corpus.ToString());
        var questions = topics.Select((topic, q) => new JsonObject
        {
            ["id"] = $"q{q + 1}",
            ["text"] = $"O que a aula diz sobre {topic}?",
            ["relevant"] = new JsonArray((q + 7).ToString(CultureInfo.InvariantCulture)),
        }.ToJsonString());
        temp.Write("golden/questions.jsonl", string.Join("\n", questions) + "\n");
        temp.Write("golden/gate.json", $$"""{ "retriever": { "k": 10, "maxTokens": {{MaxTokens}} } }""");
        return temp.Combine("golden");
    }

    /// <summary>The command line built beside this test assembly, started as its own process with its output collected.</summary>
    static CliProcess StartCli(string cache, params string[] args)
    {
        var start = new ProcessStartInfo(System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "regression-gate.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[EmbeddingCache.EnvironmentVariable] = cache;
        start.Environment.Remove(AutoApproval.Variable);
        start.Environment.Remove("CI");
        return new CliProcess(Process.Start(start)!);
    }

    sealed class CliProcess : IDisposable
    {
        readonly StringBuilder output = new();

        public CliProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (output) return output.ToString();
            }
        }

        void Append(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
