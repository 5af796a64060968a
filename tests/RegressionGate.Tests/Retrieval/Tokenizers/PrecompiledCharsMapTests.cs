using System.Buffers.Binary;
using System.Text;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// The character map on maps written by <see cref="CharsMapBuilder"/>: SentencePiece's longest match and whitespace rules,
/// Hugging Face's grapheme-wise reading of the same map, and damaged maps from hostile files. (The maps <c>spm_train</c>
/// writes are compared with <c>spm_encode</c> in <see cref="SentencePieceReferenceParityTests"/>.)
/// </summary>
public class PrecompiledCharsMapTests
{
    static SentencePieceNormalizer Normalizer(CharsMapBuilder map, bool removeExtra = true, bool escape = true, bool suffix = false,
        params string[] userDefined) =>
        new(new SentencePieceNormalizerSpec { PrecompiledCharsMap = map.ToBytes(), RemoveExtraWhitespaces = removeExtra, EscapeWhitespaces = escape },
            suffix, userDefined, "test.model");

    [Fact]
    public void The_longest_key_wins_and_a_key_may_delete()
    {
        var normalizer = Normalizer(new CharsMapBuilder().Add("c", "k").Add("c\u0327", "ç").Add("c\u0327\u0327", "ÇÇ").Add("\u0001", ""));
        Assert.Equal("▁kaça", normalizer.Normalize("ca\u0001c\u0327a"));
        Assert.Equal("▁ÇÇ\u0327", normalizer.Normalize("c\u0327\u0327\u0327"));
    }

    [Fact]
    public void Spaces_from_the_map_are_trimmed_and_collapsed_like_typed_ones()
    {
        var normalizer = Normalizer(new CharsMapBuilder().Add("\t", " ").Add("Ｘ", "  x  "));
        Assert.Equal("▁a▁b", normalizer.Normalize("\t\ta \t b\t"));
        // After a space a replacement's leading spaces are dropped; inside one replacement spaces are not collapsed, and
        // the space typed after it then is.
        Assert.Equal("▁a▁x▁▁b", normalizer.Normalize("a Ｘ b"));
        Assert.Equal("▁x", normalizer.Normalize("Ｘ"));
    }

    [Fact]
    public void Whitespace_settings_are_followed()
    {
        var map = new CharsMapBuilder().Add("\t", " ");
        Assert.Equal("▁▁a▁▁b▁", Normalizer(map, removeExtra: false).Normalize(" a\t b "));
        Assert.Equal(" a b", Normalizer(map, escape: false).Normalize(" a\t\tb "));
        Assert.Equal("a▁b▁", Normalizer(map, suffix: true).Normalize(" a  b "));
    }

    [Fact]
    public void User_defined_pieces_are_kept_before_the_map_sees_them()
    {
        var normalizer = Normalizer(new CharsMapBuilder().Add("ｘ", "x").Add("ｙ", "y"), userDefined: ["ｘｙ", "ｘ"]);
        // ｘｙ and ｘ stay full-width; the ｙ no user-defined piece starts is mapped.
        Assert.Equal("▁ｘｙ▁ｘｙy▁y", normalizer.Normalize("ｘｙ ｘｙｙ ｙ"));
        Assert.Equal("▁ｘ", normalizer.Normalize("ｘ"));
    }

    [Fact]
    public void An_unpaired_surrogate_is_read_as_u_fffd()
    {
        var normalizer = Normalizer(new CharsMapBuilder().Add("\uFFFD", " "));
        Assert.Equal("▁a▁b", normalizer.Normalize("a\uD800b"));
        Assert.Equal("▁a▁b", normalizer.Normalize("a\uDC00\uD800b"));
    }

    [Fact]
    public void Hugging_face_replaces_a_short_grapheme_whole_by_its_first_key_and_maps_longer_ones_character_by_character()
    {
        var map = PrecompiledCharsMap.Parse(new CharsMapBuilder().Add("\uFB01", "fi").Add("\u0301", "´").ToBytes());
        var huggingFace = new HuggingFacePrecompiledNormalizer(map);
        // ﬁ + U+0301 is one grapheme of 5 bytes: replaced whole by ﬁ's replacement, the accent lost, as the reference does.
        Assert.Equal("fi", huggingFace.Normalize("\uFB01\u0301"));
        // Two accents make 7 bytes: each character is mapped on its own.
        Assert.Equal("fi´´", huggingFace.Normalize("\uFB01\u0301\u0301"));
        // SentencePiece itself maps character by character, longest key first.
        Assert.Equal("▁fi´", Normalizer(new CharsMapBuilder().Add("\uFB01", "fi").Add("\u0301", "´")).Normalize("\uFB01\u0301"));
    }

    [Fact]
    public void A_damaged_trie_never_reads_outside_itself()
    {
        var random = new Random(5);
        var text = "Ação ﬁ Ｒede 😀 한국어 \t\u0000\uFFFE" + string.Concat(Enumerable.Range(0, 64).Select(_ => (char)random.Next(0x20, 0x3000)));
        for (var round = 0; round < 500; round++)
        {
            var units = new byte[4 * random.Next(1, 64)];
            random.NextBytes(units);
            var replacements = new byte[random.Next(0, 32)];
            random.NextBytes(replacements);
            var blob = new byte[4 + units.Length + replacements.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(blob, (uint)units.Length);
            units.CopyTo(blob, 4);
            replacements.CopyTo(blob, 4 + units.Length);

            var spec = new SentencePieceNormalizerSpec { PrecompiledCharsMap = blob };
            var normalized = new SentencePieceNormalizer(spec, false, [], "hostile.model").Normalize(text);
            var huggingFace = new HuggingFacePrecompiledNormalizer(PrecompiledCharsMap.Parse(blob)).Normalize(text);
            Assert.NotNull(normalized);
            Assert.NotNull(huggingFace);
        }
    }

    [Fact]
    public void A_map_written_by_the_test_builder_reads_back_every_rule()
    {
        var rules = new Dictionary<string, string> { ["a"] = "1", ["ab"] = "2", ["abc"] = "", ["b"] = "333", ["😀"] = ":)", ["é"] = "e" };
        var builder = new CharsMapBuilder();
        foreach (var (key, value) in rules) builder.Add(key, value);
        var map = PrecompiledCharsMap.Parse(builder.ToBytes());
        foreach (var (key, value) in rules)
        {
            var utf8 = Encoding.UTF8.GetBytes(key + "zz");
            Assert.Equal(Encoding.UTF8.GetByteCount(key), map.Match(utf8, out var replacement));
            Assert.Equal(value, Encoding.UTF8.GetString(replacement));
        }
        Assert.Equal(0, map.Match("zz"u8, out _));
        // Nothing matches from inside a key: the tail of a key is not a key.
        Assert.Equal(1, map.Match("bc"u8, out _));
        Assert.Equal(0, map.Match(Encoding.UTF8.GetBytes("😀").AsSpan(1), out _));
    }
}
