using System.Diagnostics;
using System.Security.Cryptography;
using RegressionGate.Retrieval.Embedding;

namespace RegressionGate.Benchmarks;

/// <summary>
/// What the model identity costs: SHA-256 of the bundled 90 MB model, from its resource stream and from a file on disk,
/// and loading its ONNX Runtime session, each five times (the gate hashes once per process).
/// </summary>
public static class HashFigures
{
    public static void Run()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rg-hash-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(file, BundledModelFiles.Instance.ReadAllBytes(EmbeddingModelSource.ModelFile));
        try
        {
            Console.WriteLine($"Model identity: bundled model.onnx, {new FileInfo(file).Length / 1e6:F1} MB; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Report("SHA-256 of the resource stream", () =>
            {
                using var stream = BundledModelFiles.Instance.Open(EmbeddingModelSource.ModelFile);
                SHA256.HashData(stream);
            });
            Report("SHA-256 of the file on disk", () =>
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
                SHA256.HashData(stream);
            });
            Report("ONNX Runtime session (OnnxEmbedder.Load)", () => OnnxEmbedder.Load(EmbeddingModelSource.Bundled, 512).Dispose());
        }
        finally
        {
            File.Delete(file);
        }
    }

    static void Report(string what, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine($"  {what}: median {times[2]:F0} ms (min {times[0]:F0}, max {times[4]:F0})");
    }
}
