using System.Diagnostics;

namespace RegressionGate.Tests.Support;

/// <summary>A command line program some tests use where it is installed: headless Chromium, shellcheck, npx.</summary>
static class ExternalTool
{
    /// <summary>The first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? Find(params string[] names) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs it to the end and returns its exit code and what it wrote to each stream; killed after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string executable, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', arguments)} did not finish within {timeout.TotalMinutes:0} minutes");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
