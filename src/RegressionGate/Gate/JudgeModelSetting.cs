using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RegressionGate.Gate;

/// <summary>
/// Sets <c>judge.model</c> in the text of a gate.json that names none, changing nothing else: a person's layout,
/// comments and order of fields are theirs, so the value is put in place rather than the file written anew.
/// </summary>
internal static class JudgeModelSetting
{
    /// <summary>
    /// <paramref name="utf8"/> (a gate.json's bytes, byte order mark and all; empty for a file not there yet) with
    /// <c>judge.model</c> set to <paramref name="model"/>: a <c>null</c> model replaced, else the field put first in
    /// <c>judge</c>, else a <c>judge</c> section put first in the file, each laid out like the field after it.
    /// </summary>
    /// <remarks>The caller has read the file with <see cref="GateSettingsReader"/>, so it is valid JSON, and its model is unset.</remarks>
    public static byte[] With(byte[] utf8, string model)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var offset = utf8.AsSpan().StartsWith(bom) ? bom.Length : 0;
        var json = utf8.AsSpan(offset).Trim(" \t\r\n"u8).IsEmpty ? "{}\n"u8.ToArray() : utf8[offset..];
        var value = $"\"{JsonEncodedText.Encode(model, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";
        var (at, remove, insert) = Edit(json, value);
        var edited = new List<byte>(utf8.Length + insert.Length);
        edited.AddRange(utf8.AsSpan(0, offset).ToArray());
        edited.AddRange(json.AsSpan(0, at).ToArray());
        edited.AddRange(Encoding.UTF8.GetBytes(insert));
        edited.AddRange(json.AsSpan(at + remove).ToArray());
        return [.. edited];
    }

    /// <summary>Where to edit: at byte <c>At</c>, remove <c>Remove</c> bytes and put <c>Insert</c>.</summary>
    static (int At, int Remove, string Insert) Edit(byte[] json, string value)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int rootOpen = -1, firstRootField = -1;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 0) rootOpen = (int)reader.TokenStartIndex;
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            if (firstRootField < 0) firstRootField = (int)reader.TokenStartIndex;
            if (!reader.ValueTextEquals("judge"u8))
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
                return ((int)reader.TokenStartIndex, "null".Length, $"{{ \"model\": {value} }}");
            return InJudge(ref reader, json, value);
        }
        return firstRootField < 0
            ? (rootOpen + 1, 0, $" \"judge\": {{ \"model\": {value} }} ")
            : (firstRootField, 0, $"\"judge\": {{ \"model\": {value} }},{Between(json, rootOpen + 1, firstRootField)}");
    }

    /// <summary>The edit inside the <c>judge</c> object the reader stands at the start of.</summary>
    static (int At, int Remove, string Insert) InJudge(ref Utf8JsonReader reader, byte[] json, string value)
    {
        var open = (int)reader.TokenStartIndex;
        var depth = reader.CurrentDepth;
        var first = -1;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1) continue;
            if (first < 0) first = (int)reader.TokenStartIndex;
            if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                return (start, (int)reader.BytesConsumed - start, value);
            }
            reader.Skip();
        }
        return first < 0
            ? (open + 1, (int)reader.TokenStartIndex - open - 1, $" \"model\": {value} ")
            : (first, 0, $"\"model\": {value},{Between(json, open + 1, first)}");
    }

    /// <summary>
    /// The whitespace before a field, so a field put before it stands as it does: on a line of its own with its indent,
    /// or after a space. Anything else there (a comment) is left to the original and a space used.
    /// </summary>
    static string Between(byte[] json, int from, int to)
    {
        var gap = Encoding.UTF8.GetString(json, from, to - from);
        var last = gap.LastIndexOf('\n');
        if (last > 0 && gap[last - 1] == '\r') last--;
        var layout = last < 0 ? gap : gap[last..];
        return layout.Length > 0 && layout.All(char.IsWhiteSpace) ? layout : " ";
    }
}
