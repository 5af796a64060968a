using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace RegressionGate.Reports;

/// <summary>Builds HTML where every piece of text is encoded on the way in; only tag and attribute names are written raw.</summary>
sealed class HtmlWriter
{
    /// <summary>Encodes &lt; &gt; &amp; and quotes, leaves letters of every script readable (Portuguese stays Portuguese).</summary>
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    readonly StringBuilder html = new();

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>Opens <paramref name="tag"/> with attributes given as name/value pairs; a null value leaves the attribute out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        }
        html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding only text.</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    public HtmlWriter Text(string text)
    {
        html.Append(Encode(text));
        return this;
    }

    /// <summary>Markup the report itself wrote (never user text).</summary>
    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public HtmlWriter Line()
    {
        html.Append('\n');
        return this;
    }

    public override string ToString() => html.ToString();
}
