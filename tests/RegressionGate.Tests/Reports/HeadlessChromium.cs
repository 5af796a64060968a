using System.Diagnostics;

namespace RegressionGate.Tests.Reports;

/// <summary>
/// Runs headless Chromium (Debian package <c>chromium</c>) to load a page and dump its DOM after the page's scripts ran.
/// <c>REGRESSIONGATE_CHROMIUM</c> names the executable; else Chromium or Chrome on the PATH (GitHub runners have Chrome).
/// </summary>
internal static class HeadlessChromium
{
    public const string Variable = "REGRESSIONGATE_CHROMIUM";

    static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The executable, or null when there is none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured) return File.Exists(configured) ? configured : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => Names.Select(name => Path.Combine(directory, name)))
            .FirstOrDefault(File.Exists);
    }

    public static string MissingReason =>
        $"headless Chromium not found ({string.Join(" or ", Names)} on PATH, or {Variable}); install the Debian package: apt-get install -y chromium";

    /// <summary>The page's DOM once loaded, its scripts run; also how long Chromium took and what it logged.</summary>
    public static async Task<(string Dom, TimeSpan Elapsed, string Log)> DumpDomAsync(string executable, string htmlPath, string profileDirectory)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     // Belt and braces: even if the page asked for something, no host name would resolve.
                     "--host-resolver-rules=MAP * ~NOTFOUND",
                     "--enable-logging=stderr", "--v=0",
                     $"--user-data-dir={profileDirectory}",
                     "--dump-dom", new Uri(htmlPath).AbsoluteUri,
                 })
            start.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish loading {htmlPath} within 2 minutes");
        }
        var dom = await stdout;
        var log = await stderr;
        clock.Stop();
        if (process.ExitCode != 0 || dom.Length == 0)
            throw new InvalidOperationException($"{executable} exited with {process.ExitCode} and dumped {dom.Length} characters:\n{log}");
        return (dom, clock.Elapsed, log);
    }
}
