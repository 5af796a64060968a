using System.Text;
using System.Text.Json;
using RegressionGate.Files;

namespace RegressionGate.Tests.Files;

/// <summary>
/// JSON Lines streamed through a reused buffer (1 MB to start): lines across its refills, lines longer than it, and the
/// ways a line can be blank or broken, each reported on the right line.
/// </summary>
public sealed class JsonLinesTests : IDisposable
{
    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    string Write(string contents, bool bom = false)
    {
        var path = temp.Combine($"{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, contents, new UTF8Encoding(encoderShouldEmitUTF8Identifier: bom));
        return path;
    }

    static List<(int Line, string Text)> Texts(string path) =>
        [.. JsonLines.Read(path, "test.jsonl").Select(e => (e.Line, e.Value.GetProperty("text").GetString()!))];

    [Fact]
    public void Lines_across_buffer_refills_and_a_line_longer_than_the_buffer_read_whole_with_their_numbers()
    {
        // 4,000 lines of about 1 KB (several refills, lines cut at arbitrary places) around one line of 2.5 MB.
        var lines = Enumerable.Range(0, 4001).Select(i => i == 2000
            ? new string('á', 1_250_000)
            : $"segmento {i} " + new string((char)('a' + i % 26), 1000 + i % 37)).ToList();
        var path = Write(string.Join("\r\n", lines.Select(t => JsonSerializer.Serialize(new { text = t }))) + "\n");

        var read = Texts(path);

        Assert.Equal(lines.Count, read.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(i + 1, read[i].Line);
            Assert.Equal(lines[i], read[i].Text);
        }
    }

    [Fact]
    public void A_byte_order_mark_blank_lines_and_a_last_line_without_a_newline_are_accepted()
    {
        var path = Write("{\"text\":\"um\"}\n\n \t\r\n\u00a0\n{\"text\":\"dois\"}", bom: true);
        Assert.Equal([(1, "um"), (5, "dois")], Texts(path));
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "not valid UTF-8")]
    [InlineData(new byte[] { (byte)'[', (byte)'1', (byte)']' }, "expected a JSON object, found an array")]
    [InlineData(new byte[] { (byte)'{', (byte)'"' }, "malformed JSON at column")]
    public void A_broken_line_far_into_the_file_is_blamed_on_its_own_line(byte[] broken, string problem)
    {
        var good = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 500) + "\"}\n");
        var path = temp.Combine("broken.jsonl");
        using (var file = File.Create(path))
        {
            for (var i = 0; i < 3000; i++) file.Write(good);
            file.Write(broken);
            file.Write("\n"u8);
            file.Write(good);
        }

        var error = Assert.Throws<InputFileException>(() => JsonLines.Read(path, "test.jsonl").Count());

        Assert.Equal(3001, error.Line);
        Assert.Contains(problem, error.Message);
    }
}
