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
        return ExternalTool.Find(Names);
    }

    public static string MissingReason =>
        $"headless Chromium not found ({string.Join(" or ", Names)} on PATH, or {Variable}); install the Debian package: apt-get install -y chromium";

    /// <summary>The page's DOM once loaded, its scripts run; also how long Chromium took and what it logged.</summary>
    public static async Task<(string Dom, TimeSpan Elapsed, string Log)> DumpDomAsync(string executable, string htmlPath, string profileDirectory)
    {
        string[] arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // Belt and braces: even if the page asked for something, no host name would resolve.
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr", "--v=0",
            $"--user-data-dir={profileDirectory}",
            "--dump-dom", new Uri(htmlPath).AbsoluteUri,
        ];
        var clock = Stopwatch.StartNew();
        var (exitCode, dom, log) = await ExternalTool.RunAsync(executable, TimeSpan.FromMinutes(2), arguments);
        clock.Stop();
        if (exitCode != 0 || dom.Length == 0)
            throw new InvalidOperationException($"{executable} exited with {exitCode} and dumped {dom.Length} characters:\n{log}");
        return (dom, clock.Elapsed, log);
    }
}
