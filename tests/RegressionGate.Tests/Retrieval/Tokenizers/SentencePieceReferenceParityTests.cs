using System.Globalization;
using System.Text;
using RegressionGate.Retrieval.Tokenizers;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>
/// The tokenizer against Google's own <c>spm_encode</c>, on models <c>spm_train</c> made from the tests' Portuguese text:
/// for every line, the same SentencePiece ids and the same normalized text (the pieces <c>spm_encode</c> prints, joined).
/// Each model (nmt_nfkc, nfkc_cf and identity Unigram models, and an nmt_nfkc BPE one) is run over hard cases and over every
/// Unicode scalar value, batched many to a line through one process.
/// </summary>
/// <remarks>
/// Ids alone would miss a character normalized to another unknown one, so the pieces are compared too. The text reaches
/// <c>spm_encode</c> as UTF-8, where an unpaired surrogate can only be U+FFFD: the gate's side gets the surrogate itself,
/// which proves it is read as U+FFFD. U+000A cannot be inside a line; it is tested as the end of one.
/// </remarks>
public sealed class SentencePieceReferenceParityTests(TrainedSentencePieceModels models) : IClassFixture<TrainedSentencePieceModels>, IDisposable
{
    const int CodePointsPerLine = 64;

    readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string> Models => ["nmt_nfkc", "nfkc_cf", "identity", "nmt_nfkc bpe"];

    /// <summary>Characters where NFKC by .NET and SentencePiece's map part ways, and the usual suspects around them.</summary>
    static readonly string[] HardCases =
    [
        // Found to diverge: zero-width non-joiner, Greek dialytika tonos, modifier capital C / F, modifier small capital ʙ.
        "a\u200Cb", "\u200C", "\u0344", "ὰ\u0344", "\uA7F2", "\uA7F3", "x\uA7F2\uA7F3y", "\U000107A5", "a\U000107A5b",
        // Combining marks, composed and not, reordered, stacked.
        "iteração", "iterac\u0327a\u0303o", "e\u0301", "a\u0301\u0316", "a\u0316\u0301", "\u0301", "\u0301a", "Å", "A\u030A", "\u212B",
        "\u0F73", "\u0F75", "\u0F77", "ḍ\u0307", "q\u0307\u0323", "\u1E9B\u0323", "\u0958",
        // Full-width and half-width forms, the full-width tilde, half-width katakana with a voicing mark (a two-character key).
        "ｒｅｄｅ ｎｅｕｒａｌ", "ＡＢＣ１２３！", "a\uFF5Eb", "\uFF5E", "ｶﾞｷﾞ", "ﾊﾟ", "\uFF9E", "ｱ\uFF9Eｲ", "\u3000",
        // Compatibility characters.
        "ﬁm", "ﬃ", "㍿", "\uFDFA", "①②", "½", "ℌ", "\u2126", "㈱", "™", "x²", "\u1E9E", "ß", "İstanbul", "ΣΑΣ", "ǅ",
        // Whitespace: runs, ends, other spaces, the ▁ symbol itself.
        "  rede   neural  ", "rede\t\tneural\t", "\r\vrede\u00A0\u00A0neural\f", "rede\u2028\u200Bneural", " \u200B ", "\u3000a\u3000\u3000b",
        "a \u2581 b", "\u2581\u2581a", "a\u2581", "\u2581", " ", "   ", "\t", "\u00A0", "\u1680a", "\u2000\u2001\u200A", "\u205F\u202F",
        "a\u0085b", "\u180E", "\uFEFFa", "a\uFEFF",
        // Control characters.
        "a\u0001b", "\u0001", "\u007F", "a\u0000b", "\u0000", "\r", "a\rb", "\u001F\u001E", "\u009F", "\u008F", "\u200E\u200Fa\u202A\u202E",
        // Invalid, reserved and private-use code points; unpaired surrogates (read as U+FFFD).
        "\uFFFE", "a\uFFFEb", "\uFFFF", "\U0010FFFF", "\U0010FFFE", "\uFDD0", "\uFFFD", "a\uFFFDb", "\uE000", "\U000F0000", "\u0378",
        "\uD800", "a\uDC00b", "\uDBFF\uDBFF", "x\uD83D", "\uDE00y",
        // Emoji: plain, with modifiers, joined, flags, keycaps.
        "😀", "redes 😀😀 rede", "👩‍👩‍👧", "👍🏽", "🇧🇷", "❤️", "1️⃣", "#️⃣",
        // Hangul: syllables, conjoining jamo, compatibility jamo, half-width.
        "한국어", "\u1100\u1161\u11A8", "\u1100\u1161", "ㄱㅏ", "ﾡ", "\u3164", "\u115F\u1160",
        // Other scripts.
        "Привет мир", "مرحبا بالعالم", "\u0644\u0627", "ﻻ", "שָׁלוֹם", "नमस्ते", "こんにちは世界", "ｺﾝﾆﾁﾊ", "ไทย", "Ελληνικά",
        // User-defined pieces of the nmt_nfkc model (ﬁ, Ｒ, <ctl>) and text that only looks like them or like control pieces.
        "Ｒede ﬁm <ctl>", "ＲＲ", "<ctl><ctl>", "<s> </s> <unk>",
        // Plain Portuguese, with upper case for nfkc_cf.
        "A REDE NEURAL aprende com os Dados.", "Ação, Atenção, Coração!", "18h30, 40% da nota, 3.11",
    ];

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Hard_cases_match_spm_encode(string name)
    {
        var tokenizer = Trained(name);
        var reference = Encode(name, HardCases);
        var mismatches = HardCases.Select((text, i) => Compare(tokenizer, text, reference[i])).OfType<string>().ToList();
        Assert.True(mismatches.Count == 0, $"{name}: {mismatches.Count} of {HardCases.Length} hard cases differ from spm_encode:\n{string.Join('\n', mismatches)}");
    }

    [SkippableTheory]
    [MemberData(nameof(Models))]
    public void Every_unicode_scalar_value_matches_spm_encode(string name)
    {
        var tokenizer = Trained(name);
        var scalars = Enumerable.Range(0, 0x110000).Where(c => c is not (>= 0xD800 and <= 0xDFFF) && c != '\n').ToList();
        var lines = scalars.Chunk(CodePointsPerLine).Select(chunk => string.Concat(chunk.Select(char.ConvertFromUtf32))).ToList();
        var reference = Encode(name, lines);
        var differing = Enumerable.Range(0, lines.Count).Where(i => Compare(tokenizer, lines[i], reference[i]) is not null).ToList();
        if (differing.Count == 0) return;

        // Name the culprits: each code point of a differing line on its own line, through spm_encode again.
        var suspects = differing.SelectMany(i => scalars.Skip(i * CodePointsPerLine).Take(CodePointsPerLine)).ToList();
        var alone = suspects.Select(char.ConvertFromUtf32).ToList();
        var aloneReference = Encode(name, alone);
        var report = alone.Select((text, i) => Compare(tokenizer, text, aloneReference[i])).OfType<string>().ToList();
        if (report.Count == 0)
            report = differing.Select(i => $"the line U+{scalars[i * CodePointsPerLine]:X4}… differs only as a whole: " + Compare(tokenizer, lines[i], reference[i])).ToList();
        Assert.Fail($"{name}: {differing.Count} of {lines.Count} lines differ from spm_encode; {report.Count} cases:\n{string.Join('\n', report.Take(200))}");
    }

    [SkippableFact]
    public void A_line_break_ends_the_text_like_any_other_whitespace()
    {
        var tokenizer = Trained("nmt_nfkc");
        // spm_encode reads lines, so U+000A is compared where it can be: the reference for "rede" against ours for "rede\n".
        var reference = Encode("nmt_nfkc", ["rede neural"]);
        Assert.Null(Compare(tokenizer, "rede neural\n", reference[0]));
        Assert.Null(Compare(tokenizer, "\nrede\nneural", reference[0]));
    }

    [SkippableFact]
    public void User_defined_pieces_are_matched_before_the_map_as_spm_does()
    {
        var tokenizer = Trained("nmt_nfkc");
        // NFKC would make Ｒ an R and ﬁ "fi"; as user-defined pieces they stay, each one piece.
        Assert.Equal("▁Ｒede▁ﬁm", tokenizer.Normalize("Ｒede ﬁm"));
        Assert.Equal(Encode("nmt_nfkc", ["Ｒede ﬁm"])[0].Normalized, tokenizer.Normalize("Ｒede ﬁm"));
    }

    SentencePieceTokenizer Trained(string name)
    {
        Skip.If(models.Tools is null, ReferenceSentencePiece.MissingReason);
        return models.Tokenizer(name);
    }

    /// <summary>The gate's ids and normalized text against the reference's, or null when they agree.</summary>
    static string? Compare(SentencePieceTokenizer tokenizer, string text, Reference reference)
    {
        var ids = string.Join(' ', tokenizer.Pieces(text));
        var normalized = tokenizer.Normalize(text);
        if (ids == reference.Ids && normalized == reference.Normalized) return null;
        return $"{Describe(text)}: spm_encode [{reference.Ids}] {Describe(reference.Normalized)}, ours [{ids}] {Describe(normalized)}";
    }

    /// <summary>A text as its code points, so invisible and look-alike characters can be told apart in a failure.</summary>
    static string Describe(string text)
    {
        var points = new List<string>();
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
            points.Add("U+" + (char.IsSurrogatePair(text, i) ? char.ConvertToUtf32(text, i) : text[i]).ToString("X4", CultureInfo.InvariantCulture));
        return points.Count <= 8 ? $"'{string.Join(' ', points)}'" : $"'{string.Join(' ', points.Take(8))} … ({points.Count})'";
    }

    readonly record struct Reference(string Ids, string Normalized);

    /// <summary>Runs <c>spm_encode</c> once for ids and once for pieces over all <paramref name="lines"/>.</summary>
    List<Reference> Encode(string name, IReadOnlyList<string> lines)
    {
        var input = temp.Combine($"{Guid.NewGuid():N}.txt");
        // UTF-8 without a byte-order mark; an unpaired surrogate is written as U+FFFD.
        File.WriteAllText(input, string.Join('\n', lines) + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        string[] Run(string format) =>
            ReferenceSentencePiece.Run(models.Tools!, "spm_encode", $"--model={models.Models[name]}", $"--output_format={format}", $"--input={input}")
                .Split('\n'); // only \n: a piece may hold a \r
        var ids = Run("id");
        var pieces = Run("piece");
        Assert.True(ids.Length == lines.Count + 1 && pieces.Length == lines.Count + 1,
            $"spm_encode printed {ids.Length - 1} and {pieces.Length - 1} lines for {lines.Count}");
        // With whitespace escaped no piece holds a space, so the pieces joined are the normalized text.
        return lines.Select((_, i) => new Reference(ids[i], pieces[i].Replace(" ", "", StringComparison.Ordinal))).ToList();
    }
}
