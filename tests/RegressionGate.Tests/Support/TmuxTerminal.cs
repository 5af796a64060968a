using System.Diagnostics;

namespace RegressionGate.Tests.Support;

/// <summary>
/// A real terminal for tests of interactive commands: a detached tmux session on a server of its own (its own socket,
/// so no one else's tmux is touched), running one command. Tests type with <see cref="Send"/> and read the screen with
/// <see cref="WaitFor"/>, which polls the screen for an expected text until a deadline: a wait on a condition, never a
/// fixed sleep. The pane stays readable after the command exits, with its exit code on the last line.
/// </summary>
public sealed class TmuxTerminal : IDisposable
{
    public const string MissingReason = "tmux is not installed (apt-get install tmux); the terminal tests need a real terminal";

    /// <summary>The line the session prints when its command exits: <c>[exited 0]</c>.</summary>
    public const string ExitedPrefix = "[exited ";

    readonly string socket = $"rg-test-{Guid.NewGuid():N}";

    /// <summary>Starts <paramref name="arguments"/> in a new 200×60 session, in <paramref name="directory"/>, with <paramref name="environment"/> set and CI unset.</summary>
    public TmuxTerminal(IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string?> environment)
    {
        // env takes every -u before the first assignment; after one, the next word is the command.
        var assignments = environment.Where(p => p.Value is null).Select(p => $"-u {Quote(p.Key)}")
            .Concat(environment.Where(p => p.Value is not null).Select(p => Quote($"{p.Key}={p.Value}")));
        var command = $"env -u CI {string.Join(' ', assignments)} {string.Join(' ', arguments.Select(Quote))}; echo \"{ExitedPrefix}$?]\"";
        Tmux("new-session", "-d", "-s", "main", "-x", "200", "-y", "60", "-c", directory, "sh", "-c", command, ";",
            "set-option", "-t", "main", "remain-on-exit", "on");
    }

    /// <summary>Whether tmux can be run here.</summary>
    public static bool Available()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("tmux", "-V") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Everything the session has shown, scrollback included, wrapped lines joined.</summary>
    public string Screen() => Tmux("capture-pane", "-p", "-J", "-S", "-", "-t", "main");

    /// <summary>Types <paramref name="keys"/> as literal text.</summary>
    public void Send(string keys) => Tmux("send-keys", "-t", "main", "-l", keys);

    /// <summary>
    /// The screen once it shows <paramref name="text"/> at least <paramref name="times"/> times; fails, with the screen,
    /// when it has not within <paramref name="within"/> (or the command exited first).
    /// </summary>
    public string WaitFor(string text, TimeSpan within, int times = 1)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (Occurrences(screen, text) >= times) return screen;
            if (deadline.Elapsed > within || screen.Contains(ExitedPrefix, StringComparison.Ordinal))
                throw new global::Xunit.Sdk.XunitException($"the terminal did not show \"{text}\" (×{times}) within {within.TotalSeconds:0} s; it shows:\n{screen}");
            // Polling the screen: tmux has no event to wait on, and a short pause keeps the poll from spinning a core.
            Thread.Sleep(50);
        }
    }

    static int Occurrences(string text, string what)
    {
        var count = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("/dev/null");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
        return output.Result;
    }

    static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Ends this test's tmux server (its own socket) and the command in it.</summary>
    public void Dispose()
    {
        try { Tmux("kill-server"); }
        catch (InvalidOperationException) { }
    }
}
