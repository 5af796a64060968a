using System.Text.Json;
using System.Text.Json.Nodes;
using RegressionGate.Files;
using RegressionGate.Judging;
using RegressionGate.Judging.Metrics;
using RegressionGate.Retrieval;

namespace RegressionGate.Gate;

/// <summary>
/// One setting changed for a single run or comparison without editing <c>gate.json</c> (<c>--set retriever.kind=bm25</c>):
/// a dotted path into the settings and a value, read as JSON where it is a JSON value (<c>20</c>, <c>true</c>,
/// <c>[0.3, 0.5, 0.7]</c>, <c>"text"</c>) and as text otherwise (<c>bm25</c>). The overridden settings are checked by
/// the same readers as the file, so a misspelt path or a bad value is an error naming the override.
/// </summary>
internal sealed record SettingOverride(string Path, string Value)
{
    /// <summary><c>retriever.kind=bm25</c>; null when <paramref name="text"/> has no <c>=</c> or an empty path part.</summary>
    public static SettingOverride? TryParse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0) return null;
        var path = text[..equals].Trim();
        if (path.Split('.').Any(part => part.Length == 0 || part.Any(char.IsWhiteSpace))) return null;
        return new SettingOverride(path, text[(equals + 1)..]);
    }

    public override string ToString() => $"{Path}={Value}";

    /// <summary>The value as a JSON node: parsed when it is JSON, else (a bare word such as <c>bm25</c>) a string.</summary>
    JsonNode? Node()
    {
        try
        {
            return JsonNode.Parse(Value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(Value);
        }
    }

    /// <summary>
    /// <paramref name="input"/> under other settings: <paramref name="settingsFile"/> (a whole other <c>gate.json</c>;
    /// the golden set's own when null) with <paramref name="overrides"/> on top. The golden set is the same.
    /// </summary>
    public static GateInput ApplyTo(GateInput input, IReadOnlyList<SettingOverride> overrides, string? settingsFile = null)
    {
        if (settingsFile is not null && !File.Exists(settingsFile))
            throw new InputFileException(settingsFile, null, null, "the settings file does not exist");
        var file = settingsFile ?? System.IO.Path.Combine(input.Golden.Directory, Golden.GoldenSet.SettingsFile);
        var display = settingsFile ?? Relative(file);
        return input with { Settings = Apply(file, display, overrides, input.Retrievers, input.Judges, input.Metrics) };
    }

    /// <summary>A path as a person would type it from here: relative to the working directory when under it.</summary>
    static string Relative(string path)
    {
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>
    /// The settings of <paramref name="settingsFile"/> (every default when it does not exist) with
    /// <paramref name="overrides"/> applied in order. A fault an override causes is an
    /// <see cref="InputFileException"/> naming the overrides and the field; <paramref name="displayName"/> names the file.
    /// </summary>
    public static GateSettings Apply(string settingsFile, string displayName, IReadOnlyList<SettingOverride> overrides,
        RetrieverRegistry? retrievers = null, JudgeRegistry? judges = null, MetricRegistry? metrics = null)
    {
        retrievers ??= RetrieverRegistry.BuiltIn;
        judges ??= JudgeRegistry.BuiltIn;
        metrics ??= MetricRegistry.BuiltIn;
        // The file on its own first, so its own faults point at its own lines.
        var settings = GateSettingsReader.Read(settingsFile, displayName, retrievers, judges, metrics);
        if (overrides.Count == 0) return settings;

        var where = $"{displayName} with --set {string.Join(" --set ", overrides)}";
        var root = File.Exists(settingsFile)
            ? JsonNode.Parse(File.ReadAllText(settingsFile), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject()
            : new JsonObject();
        foreach (var change in overrides)
        {
            var parts = change.Path.Split('.');
            var parent = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                var next = parent[parts[i]];
                if (next is null) parent[parts[i]] = next = new JsonObject();
                if (next is not JsonObject section)
                    throw new InputFileException(where, null, string.Join('.', parts[..(i + 1)]), $"is not a section, so --set {change} has nowhere to go");
                parent = section;
            }
            parent[parts[^1]] = change.Node();
        }
        // Errors name the overrides, not a line: the document read here is the file with the overrides, which has no lines of its own.
        using var document = JsonDocument.Parse(root.ToJsonString());
        return GateSettingsReader.Read(new JsonFields(document.RootElement, where, _ => null), retrievers, judges, metrics);
    }
}
