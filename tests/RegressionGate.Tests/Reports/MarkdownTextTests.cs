using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

public sealed class MarkdownTextTests
{
    const string Zw = MarkdownText.Break;

    [Theory]
    [InlineData("pergunte ao @time-de-ml", "pergunte ao @" + Zw + "time-de-ml")]
    [InlineData("veja #12 e GH-7", "veja #" + Zw + "12 e GH" + Zw + "-7")]
    [InlineData("em octo/repo#3", "em octo/repo#" + Zw + "3")]
    [InlineData("https://example.org/x", "https:" + Zw + "//example.org/x")]
    [InlineData("www.example.org", "www" + Zw + ".example.org")]
    [InlineData("escreva para ana@example.org", "escreva para ana@" + Zw + "example.org")]
    [InlineData("commit 1a2b3c4d5e6f", "commit 1a2b3c" + Zw + "4d5e6f")]
    public void GitHub_auto_links_in_user_text_are_broken_by_a_zero_width_space(string text, string expected)
    {
        Assert.Equal(expected, MarkdownText.Inline(text));
    }

    [Theory]
    [InlineData("recall@10 caiu")]
    [InlineData("segmento 1009 na posição 3")]
    [InlineData("a média #é alta")]
    public void Text_that_GitHub_would_not_link_is_left_as_it_is(string text)
    {
        Assert.Equal(text, MarkdownText.Inline(text));
    }

    [Fact]
    public void Character_references_the_HTML_encoder_writes_stay_intact()
    {
        // The encoder writes ' as &#x27; or &#39;: the '#' before a digit there is no issue reference.
        var html = MarkdownText.HtmlInline("o 'pooling' de @ana e #5");

        Assert.DoesNotContain("&#" + Zw, html);
        Assert.Contains("@" + Zw + "ana", html);
        Assert.Contains("#" + Zw + "5", html);
    }
}
