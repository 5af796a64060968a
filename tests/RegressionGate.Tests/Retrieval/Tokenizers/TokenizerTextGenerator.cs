using System.Text;

namespace RegressionGate.Tests.Retrieval.Tokenizers;

/// <summary>Seeded random texts in the shape of Portuguese transcripts: accented words, numbers, punctuation and odd whitespace.</summary>
internal sealed class TokenizerTextGenerator(int seed)
{
    const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZáàâãéêíóôõúüçÁÀÂÃÉÊÍÓÔÕÚÇñ0123456789";
    const string Punctuation = ".,;:!?()[]{}\"'-/@#%&*—…«»“”¿¡";
    // Microsoft.ML.Tokenizers mishandles these (drops the symbols, glues "_" to the next word), so only tricky texts have them.
    const string Symbols = "$+=<>|^`~\\_";
    const string Spaces = " \t\n\r\u00A0\u3000";
    const string Invisible = "\0\u0007\u200B\u200D\u00AD\uFFFD";

    readonly Random random = new(seed);

    /// <summary>A text of <paramref name="parts"/> words and marks; <paramref name="tricky"/> adds symbols, tabs, newlines and invisible characters.</summary>
    public string Next(int parts, bool tricky)
    {
        var text = new StringBuilder();
        for (var p = 0; p < parts; p++)
        {
            var roll = random.Next(10);
            if (roll < 7)
            {
                var length = random.Next(1, 13);
                for (var i = 0; i < length; i++)
                {
                    text.Append(Letters[random.Next(Letters.Length)]);
                    if (tricky && random.Next(20) == 0) text.Append(Invisible[random.Next(Invisible.Length)]);
                }
            }
            else if (roll < 9 || !tricky)
            {
                text.Append(Punctuation[random.Next(Punctuation.Length)]);
            }
            else
            {
                text.Append(Symbols[random.Next(Symbols.Length)]);
            }
            text.Append(tricky ? Spaces[random.Next(Spaces.Length)] : random.Next(4) == 0 ? "" : " ");
        }
        return text.ToString();
    }
}
