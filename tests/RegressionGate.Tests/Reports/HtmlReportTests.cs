using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using RegressionGate.Reports;

namespace RegressionGate.Tests.Reports;

/// <summary>The page as a file: self-contained, its user text encoded. <see cref="HtmlChartsInChromiumTests"/> checks the drawing.</summary>
public sealed class HtmlReportTests
{
    const string GoldenDir = "/work/golden";

    [Fact]
    public void Nothing_is_loaded_from_the_network()
    {
        var html = HtmlReport.Render(Scenarios.FailingRun(GoldenDir));

        Assert.DoesNotMatch(new Regex(@"\b(src|href|srcset|action|poster|data|xlink:href)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<(link|iframe|object|embed|img|base)\b|@import", RegexOptions.IgnoreCase), html);
        // The answer quotes a URL; it stays text.
        Assert.Contains("[link](https://example.org/x)", html);
    }

    [Fact]
    public void A_content_security_policy_allows_only_the_pages_own_script_and_style()
    {
        var html = HtmlReport.Render(Scenarios.FailingRun(GoldenDir));

        var script = Regex.Match(html, "<script>(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline).Groups[1].Value;
        var policy = WebUtility.HtmlDecode(Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">").Groups[1].Value);
        Assert.StartsWith("default-src 'none';", policy);
        Assert.Contains($"script-src 'sha256-{Sha256(script)}';", policy);
        Assert.Contains($"style-src 'sha256-{Sha256(style)}';", policy);
    }

    [Fact]
    public void User_text_is_encoded()
    {
        var html = HtmlReport.Render(Scenarios.FailingRun(GoldenDir));

        Assert.DoesNotContain("<b id=\"injected\">", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("Resposta com &lt;b id=&quot;injected&quot;&gt;marcação&lt;/b&gt; | barra &amp;", html);
        Assert.Contains("Score: 3 &lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void A_question_id_cannot_end_the_chart_data_script()
    {
        var result = new GateResultBuilder(GoldenDir).Question("</script><script>alert(1)</script>").Build();

        var html = HtmlReport.Render(result);

        Assert.Equal(2, Regex.Matches(html, "</script", RegexOptions.IgnoreCase).Count);
        Assert.Contains("\\u003C/script\\u003E", html);
    }

    [Fact]
    public void Every_question_has_its_ranking_beside_the_baseline_and_a_link_to_its_record()
    {
        var html = HtmlReport.Render(Scenarios.FailingRun(GoldenDir));

        var section = html[html.IndexOf("id=\"q-105\"", StringComparison.Ordinal)..html.IndexOf("id=\"q-201\"", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"num\">1</td><td><span class=\"id\">s3</span></td><td class=\"num\">0.8500</td><td class=\"num\">3</td><td class=\"num\">0.8300</td><td>▲ 2</td>", section);
        Assert.Contains("<span class=\"id\">s11</span></td><td class=\"num\">0.8300</td><td class=\"num\">—</td><td class=\"num\">—</td><td>entered</td>", section);
        Assert.Contains("<tr class=\"fail\"><td class=\"num\">—</td><td><span class=\"id\">s2</span> ★ relevant</td>", section);
        Assert.Contains("<a href=\"records/000_", section);
    }

    [Fact]
    public void Questions_are_anchored_by_their_id_and_causes_link_to_them()
    {
        var html = HtmlReport.Render(Scenarios.FailingRun(GoldenDir));

        foreach (var id in new[] { "105", "201", "202", "203", "204" }) Assert.Contains($"<details class=\"question\" id=\"q-{id}\">", html);
        var causes = html[html.IndexOf("<section id=\"causes\">", StringComparison.Ordinal)..];
        causes = causes[..causes.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<a href=\"#q-202\">202</a>", causes);
        Assert.True(html.IndexOf("id=\"aggregates\"", StringComparison.Ordinal) < html.IndexOf("id=\"causes\"", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"causes\"", StringComparison.Ordinal) < html.IndexOf("id=\"failing\"", StringComparison.Ordinal));
        Assert.Equal("q-a~20b~2Fc", HtmlReport.Anchor("a b/c"));
    }

    static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
