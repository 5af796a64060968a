using RegressionGate.Files;

namespace RegressionGate.Golden;

/// <summary>Reads <c>corpus.jsonl</c>: one transcript segment a line.</summary>
internal static class CorpusReader
{
    public static IReadOnlyList<Segment> Read(string path, string displayName)
    {
        var segments = new List<Segment>();
        var ids = new UniqueIds("segment", "Windows and macOS would take them for one");
        foreach (var (line, value) in JsonLines.Read(path, displayName))
        {
            var f = new JsonFields(value, displayName, line);
            f.RejectUnknown("id", "videoId", "title", "url", "start", "end", "text");
            var id = f.RequiredId("id");
            ids.Add(id, line, f);
            var start = Time(f, "start");
            var end = Time(f, "end");
            if (end <= start) throw f.Error("end", $"{end} does not come after start {start}");
            segments.Add(new Segment(
                id,
                f.RequiredString("videoId"),
                f.OptionalString("title") ?? "",
                f.OptionalString("url"),
                start,
                end,
                f.RequiredString("text")));
        }
        return segments;
    }

    static TimeCode Time(JsonFields f, string name)
    {
        var text = f.RequiredString(name);
        return TimeCode.TryParse(text, out var time) ? time : throw f.Error(name, $"'{text}' is not a time of the form hh:mm:ss");
    }
}
