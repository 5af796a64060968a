using System.Diagnostics;
using System.Text;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// Google's SentencePiece command-line tools (Debian package <c>sentencepiece</c>: <c>spm_train</c>, <c>spm_encode</c>), the
/// reference the tokenizer is compared with. <c>REGRESSIONGATE_SPM</c> names the directory holding them; else the PATH.
/// </summary>
internal static class ReferenceSentencePiece
{
    public const string Variable = "REGRESSIONGATE_SPM";

    /// <summary>The directory holding <c>spm_train</c> and <c>spm_encode</c>, or null when there is none.</summary>
    public static string? Find()
    {
        var directories = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? [configured]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.FirstOrDefault(d => File.Exists(Path.Combine(d, "spm_train")) && File.Exists(Path.Combine(d, "spm_encode")));
    }

    public static string MissingReason =>
        $"spm_train and spm_encode not found (on PATH, or in {Variable}); install the Debian package: apt-get install -y sentencepiece";

    /// <summary>Runs one tool to completion; its standard output is returned, a failure throws with its standard error.</summary>
    public static string Run(string directory, string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(directory, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stderr.Result}");
        return stdout;
    }
}
