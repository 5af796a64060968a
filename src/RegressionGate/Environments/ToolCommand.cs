using System.Text.Json;

namespace RegressionGate.Environments;

/// <summary>
/// How the person reading a hint runs <c>regression-gate</c>, so every command the gate prints (approve, record, help)
/// is one they can paste: <c>dotnet regression-gate</c> where a local tool manifest lists the tool,
/// <c>dotnet run --project src/RegressionGate.Cli --</c> inside RegressionGate's own source checkout, and
/// <c>regression-gate</c> (a global tool, or on the path) everywhere else.
/// </summary>
internal sealed record ToolCommand
{
    /// <summary>The command the tool package installs.</summary>
    public const string Name = "regression-gate";

    /// <summary>The id of the tool package.</summary>
    public const string PackageId = "RegressionGate.Cli";

    /// <summary>The command line project inside RegressionGate's source checkout, relative to its root.</summary>
    public const string CheckoutProject = "src/RegressionGate.Cli";

    static readonly Lazy<ToolCommand> current = new(() => Detect(Environment.CurrentDirectory));

    ToolCommand(ToolInstallation installation, string prefix)
    {
        Installation = installation;
        Prefix = prefix;
    }

    /// <summary>How the tool was found.</summary>
    public ToolInstallation Installation { get; }

    /// <summary>What to type before the tool's arguments, e.g. <c>dotnet regression-gate</c>.</summary>
    public string Prefix { get; }

    /// <summary>The command for this process's working directory, detected once: every hint of a run agrees.</summary>
    public static ToolCommand Current => current.Value;

    /// <summary>
    /// Looks from <paramref name="directory"/> upward, nearest first: a tool manifest (<c>.config/dotnet-tools.json</c> or
    /// <c>dotnet-tools.json</c>) listing the command makes it a local tool; RegressionGate's own command line project
    /// makes it a source checkout. A manifest marked <c>isRoot</c> ends the search for manifests, as it does for dotnet.
    /// </summary>
    /// <param name="directory">Where the person types the command.</param>
    public static ToolCommand Detect(string directory)
    {
        var manifestsEnded = false;
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (!manifestsEnded)
            {
                foreach (var manifest in new[] { Path.Combine(dir.FullName, ".config", "dotnet-tools.json"), Path.Combine(dir.FullName, "dotnet-tools.json") })
                {
                    var (lists, isRoot) = ReadManifest(manifest);
                    if (lists) return new ToolCommand(ToolInstallation.LocalTool, $"dotnet {Name}");
                    manifestsEnded |= isRoot;
                }
            }
            if (File.Exists(Path.Combine(dir.FullName, CheckoutProject, "RegressionGate.Cli.csproj")))
                return new ToolCommand(ToolInstallation.SourceCheckout, $"dotnet run --project {CheckoutProject} --");
        }
        return new ToolCommand(ToolInstallation.Global, Name);
    }

    /// <summary>The whole command line for <paramref name="arguments"/>, e.g. <c>dotnet regression-gate approve --dry-run</c>.</summary>
    public string With(string arguments) => $"{Prefix} {arguments}";

    /// <summary>A path as one shell argument: quoted when it holds a space.</summary>
    public static string Argument(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;

    /// <summary>The prefix alone.</summary>
    public override string ToString() => Prefix;

    /// <summary>Whether a manifest lists the command, and whether it ends the search. One that can't be read lists nothing: it is dotnet's file, not ours to judge.</summary>
    static (bool Lists, bool IsRoot) ReadManifest(string path)
    {
        if (!File.Exists(path)) return (false, false);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var isRoot = root.TryGetProperty("isRoot", out var flag) && flag.ValueKind == JsonValueKind.True;
            var lists = root.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object
                && tools.EnumerateObject().Any(tool => tool.Value.ValueKind == JsonValueKind.Object
                    && tool.Value.TryGetProperty("commands", out var commands) && commands.ValueKind == JsonValueKind.Array
                    && commands.EnumerateArray().Any(c => c.ValueKind == JsonValueKind.String && c.GetString() == Name));
            return (lists, isRoot);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return (false, false);
        }
    }
}

/// <summary>How <c>regression-gate</c> is available to the person reading a hint.</summary>
internal enum ToolInstallation
{
    /// <summary>A global tool, or anything else on the path: <c>regression-gate</c>.</summary>
    Global,

    /// <summary>Listed in a local tool manifest: <c>dotnet regression-gate</c>.</summary>
    LocalTool,

    /// <summary>RegressionGate's own source checkout: <c>dotnet run --project src/RegressionGate.Cli --</c>.</summary>
    SourceCheckout,
}
