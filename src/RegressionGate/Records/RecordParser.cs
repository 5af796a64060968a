using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using RegressionGate.Files;
using RegressionGate.Golden;

namespace RegressionGate.Records;

/// <summary>
/// Reads the team's Markdown evaluation records (the layout of <c>seed/000_2d96afdaa130e795.txt</c>). A file may hold
/// several records, each ended by a <c>---</c> line. Anything out of place is a <see cref="InputFileException"/>
/// naming the file, the line and the field, as the record prints it ("Score", "Anotação manual").
/// </summary>
internal static partial class RecordParser
{
    /// <summary>Reads a record file; errors name it as <paramref name="displayName"/> (the path itself by default).</summary>
    public static IReadOnlyList<ParsedRecord> ReadFile(string path, string? displayName = null)
    {
        var file = displayName ?? path;
        if (!File.Exists(path)) throw new InputFileException(file, null, null, "the record file does not exist");
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(e.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new InputFileException(file, line, null, "the file is not valid UTF-8");
        }
        return Parse(text, file);
    }

    /// <summary>Parses the text of a record file. A BOM and CRLF line ends are accepted.</summary>
    public static IReadOnlyList<ParsedRecord> Parse(string text, string file) => new Reader(text, file).ReadAll();

    [GeneratedRegex(@"^- \[(?<text>.*)\]\((?<url>[^()\s]*)\)$")]
    private static partial Regex ReferenceLine();

    sealed class Reader
    {
        readonly string file;
        readonly string[] lines;
        int at;

        public Reader(string text, string file)
        {
            this.file = file;
            if (text.StartsWith('\uFEFF')) text = text[1..];
            var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
            if (normalised.EndsWith('\n')) normalised = normalised[..^1];
            lines = normalised.Length == 0 ? [] : normalised.Split('\n');
        }

        public IReadOnlyList<ParsedRecord> ReadAll()
        {
            var records = new List<ParsedRecord>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            while (true)
            {
                SkipBlank();
                if (at >= lines.Length) break;
                var parsed = ReadRecord();
                if (!firstLine.TryAdd(parsed.Record.QuestionId, parsed.Line))
                    throw Error(parsed.Line, RecordLayout.QuestionHeading,
                        $"question {parsed.Record.QuestionId} appears twice in this file (first on line {firstLine[parsed.Record.QuestionId]})");
                records.Add(parsed);
            }
            if (records.Count == 0) throw new InputFileException(file, null, RecordLayout.QuestionHeading, "the file holds no record");
            return records;
        }

        ParsedRecord ReadRecord()
        {
            var questionLine = at + 1;
            if (!TryHeading(lines[at], out var name, out var first) || !IsQuestionHeading(name))
                throw Error(questionLine, RecordLayout.QuestionHeading, $"expected '**{RecordLayout.QuestionHeading} N**: …', found {Quote(lines[at])}");
            var id = name[(RecordLayout.QuestionHeading.Length + 1)..].Trim();
            if (id.Length == 0 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                throw Error(questionLine, RecordLayout.QuestionHeading, $"{Quote(id)} is not a question number");
            at++;
            var question = Body(first);
            if (question.Length == 0) throw Error(questionLine, RecordLayout.QuestionHeading, "the question is empty");

            var segmentsLine = ExpectHeading(RecordLayout.SegmentsHeading, out var segmentsFirst);
            if (segmentsFirst.Length > 0) throw Error(segmentsLine, RecordLayout.SegmentsHeading, "expected the segments on the lines below the heading");
            var (segments, segmentLines) = Segments();

            ExpectHeading(RecordLayout.AnswerHeading, out var answerFirst);
            var answer = Body(answerFirst);

            var referencesLine = ExpectHeading(RecordLayout.ReferencesHeading, out var referencesFirst);
            if (referencesFirst.Length > 0) throw Error(referencesLine, RecordLayout.ReferencesHeading, "expected the references on the lines below the heading");
            var references = References();

            var manual = LabelSection(RecordLayout.ManualHeading);
            var relevance = RelevanceSection();
            var automated = LabelSection(RecordLayout.AutomatedHeading);

            ExpectHeading(RecordLayout.ReasoningHeading, out var reasoningFirst);
            var reasoning = Body(reasoningFirst);
            if (at < lines.Length)
            {
                if (lines[at] != RecordLayout.Separator)
                    throw Error(at + 1, RecordLayout.Separator, $"expected '{RecordLayout.Separator}' to end the record of question {id}, found {Quote(lines[at])}");
                at++;
            }

            var record = new EvaluationRecord(id, question, segments, answer, references, manual, relevance, automated, reasoning);
            return new ParsedRecord(record, file, questionLine, segmentLines);
        }

        (IReadOnlyList<RecordSegment>, IReadOnlyList<SegmentLines>) Segments()
        {
            var segments = new List<RecordSegment>();
            var lineOf = new List<SegmentLines>();
            var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
            while (true)
            {
                SkipBlank();
                if (at >= lines.Length || IsBoundary(lines[at])) break;
                var number = segments.Count + 1;
                var id = Field(RecordLayout.CorpusIdField, number, out var idLine).Trim();
                if (id.Length == 0 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
                    throw Error(idLine, RecordLayout.CorpusIdField, $"segment {number}: {Quote(id)} is not a corpus id");
                if (!firstLine.TryAdd(id, idLine))
                    throw Error(idLine, RecordLayout.CorpusIdField, $"segment {id} is listed twice (first on line {firstLine[id]})");

                var scoreText = Field(RecordLayout.ScoreField, number, out var scoreLine).Trim();
                if (!RecordNumbers.TryParseScore(scoreText, out var score))
                    throw Error(scoreLine, RecordLayout.ScoreField, $"segment {id}: {Quote(scoreText)} is not a number");

                var url = Field(RecordLayout.UrlField, number, out _);
                var start = Time(RecordLayout.StartField, number, id, out var startLine);
                var end = Time(RecordLayout.EndField, number, id, out var endLine);
                if (end <= start)
                    throw Error(endLine, RecordLayout.EndField, $"segment {id}: {end} does not come after {RecordLayout.StartField} {start}");

                var transcript = Field(RecordLayout.TranscriptField, number, out var transcriptLine, multiLine: true);
                if (string.IsNullOrWhiteSpace(transcript))
                    throw Error(transcriptLine, RecordLayout.TranscriptField, $"segment {id}: the transcript is empty");

                segments.Add(new RecordSegment(id, score, url, start, end, transcript));
                lineOf.Add(new SegmentLines(idLine, startLine, endLine, transcriptLine));
            }
            return (segments, lineOf);
        }

        TimeCode Time(string field, int number, string id, out int line)
        {
            var text = Field(field, number, out line).Trim();
            return TimeCode.TryParse(text, out var time)
                ? time
                : throw Error(line, field, $"segment {id}: {Quote(text)} is not a time of the form hh:mm:ss");
        }

        /// <summary>The value of the segment field expected on the next non-blank line, and that line's number.</summary>
        string Field(string expected, int segmentNumber, out int line, bool multiLine = false)
        {
            SkipBlank();
            line = at + 1;
            if (at >= lines.Length || !TryField(lines[at], out var name, out var value) || name != expected)
            {
                var found = at >= lines.Length ? "the end of the file" : Quote(lines[at]);
                throw Error(Math.Min(at + 1, lines.Length), expected, $"segment {segmentNumber}: expected '- *{expected}:* …', found {found}");
            }
            at++;
            if (!multiLine) return value;
            var body = new List<string> { value };
            while (at < lines.Length && !IsBoundary(lines[at]) && !(TryField(lines[at], out var next, out _) && next == RecordLayout.CorpusIdField))
                body.Add(lines[at++]);
            return Join(body);
        }

        IReadOnlyList<RecordReference> References()
        {
            var references = new List<RecordReference>();
            for (; at < lines.Length && !IsBoundary(lines[at]); at++)
            {
                if (string.IsNullOrWhiteSpace(lines[at])) continue;
                var match = ReferenceLine().Match(lines[at]);
                if (!match.Success)
                    throw Error(at + 1, RecordLayout.ReferencesHeading, $"expected a reference '- [texto](url)', found {Quote(lines[at])}");
                references.Add(new RecordReference(match.Groups["text"].Value, match.Groups["url"].Value));
            }
            return references;
        }

        Label? LabelSection(string heading)
        {
            var line = ExpectHeading(heading, out var first);
            var text = SingleValue(heading, line, first);
            if (text.Length == 0) return null;
            return Labels.TryParse(text, out var label) ? label : throw Error(line, heading, $"{Quote(text)} is not a label; use C, P or I");
        }

        double? RelevanceSection()
        {
            var heading = RecordLayout.RelevanceHeading;
            var line = ExpectHeading(heading, out var first);
            var text = SingleValue(heading, line, first);
            if (text.Length == 0) return null;
            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1)
                throw Error(line, heading, $"{Quote(text)} is not a score between 0 and 1");
            return value;
        }

        string SingleValue(string heading, int line, string first)
        {
            var value = Body(first);
            if (value.Contains('\n', StringComparison.Ordinal)) throw Error(line, heading, "expected a single value on the heading's line");
            return value.Trim();
        }

        /// <summary>Moves past the heading the layout requires next, or says which section is missing.</summary>
        int ExpectHeading(string expected, out string firstValue)
        {
            if (at < lines.Length && TryHeading(lines[at], out var name, out firstValue) && name == expected) return ++at;
            var where = at >= lines.Length ? "the file ends first" : $"expected before {Quote(lines[at])}";
            throw Error(Math.Min(at + 1, lines.Length), expected, $"the section '**{expected}**:' is missing; {where}");
        }

        /// <summary>A section's text: the rest of its heading line and every line up to the next heading or separator.</summary>
        string Body(string first)
        {
            var body = new List<string> { first };
            while (at < lines.Length && !IsBoundary(lines[at])) body.Add(lines[at++]);
            return Join(body);
        }

        static string Join(List<string> body)
        {
            // The layout puts blank lines between sections; they belong to the layout, not to the value.
            var end = body.Count;
            while (end > 0 && body[end - 1].Length == 0) end--;
            var start = 0;
            if (body[0].Length == 0) while (start < end && body[start].Length == 0) start++;
            return string.Join('\n', body.Skip(start).Take(end - start));
        }

        void SkipBlank()
        {
            while (at < lines.Length && string.IsNullOrWhiteSpace(lines[at])) at++;
        }

        static bool IsBoundary(string line) =>
            line == RecordLayout.Separator || (TryHeading(line, out var name, out _) && (IsQuestionHeading(name) || RecordLayout.SectionsAfterQuestion.Contains(name)));

        static bool IsQuestionHeading(string name) => name.StartsWith(RecordLayout.QuestionHeading + " ", StringComparison.Ordinal);

        /// <summary><c>**Name**: value</c>.</summary>
        static bool TryHeading(string line, out string name, out string value)
        {
            name = value = "";
            if (!line.StartsWith("**", StringComparison.Ordinal)) return false;
            var close = line.IndexOf("**:", 2, StringComparison.Ordinal);
            if (close < 0) return false;
            name = line[2..close];
            value = AfterColon(line[(close + 3)..]);
            return true;
        }

        /// <summary><c>- *Name:* value</c>.</summary>
        static bool TryField(string line, out string name, out string value)
        {
            name = value = "";
            if (!line.StartsWith("- *", StringComparison.Ordinal)) return false;
            var close = line.IndexOf(":*", 3, StringComparison.Ordinal);
            if (close < 0) return false;
            name = line[3..close];
            value = AfterColon(line[(close + 2)..]);
            return true;
        }

        static string AfterColon(string rest) => rest.StartsWith(' ') ? rest[1..] : rest;

        static string Quote(string text) => text.Length <= 60 ? $"'{text}'" : $"'{text[..57]}…'";

        InputFileException Error(int line, string field, string problem) => new(file, line, field, problem);
    }
}
