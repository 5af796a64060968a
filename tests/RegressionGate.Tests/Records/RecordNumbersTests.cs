using System.Globalization;
using RegressionGate.Records;

namespace RegressionGate.Tests.Records;

public sealed class RecordNumbersTests
{
    // Expected texts are Python's repr() of the same doubles (bits given exactly), the printer of the team's records.
    [Theory]
    [InlineData(0x0000000000000000UL, "0.0")]
    [InlineData(0x8000000000000000UL, "-0.0")]
    [InlineData(0x3FF0000000000000UL, "1.0")]
    [InlineData(0x3FE0000000000000UL, "0.5")]
    [InlineData(0x3FB999999999999AUL, "0.1")]
    [InlineData(0x3EE4F8B588E368F1UL, "1e-05")]
    [InlineData(0x3F1A36E2EB1C432DUL, "0.0001")]
    [InlineData(0x3F202E4B6CE5DC68UL, "0.00012345")]
    [InlineData(0x4341C37937E08000UL, "1e+16")]
    [InlineData(0x430C6BF526340000UL, "1000000000000000.0")]
    [InlineData(0x437B69B4BA630F35UL, "1.2345678901234568e+17")]
    [InlineData(0x3FEB509CC0000000UL, "0.8535903692245483")]
    [InlineData(0x3FB99999A0000000UL, "0.10000000149011612")]
    [InlineData(0x3FEB333340000000UL, "0.8500000238418579")]
    [InlineData(0x3FE5555555555555UL, "0.6666666666666666")]
    [InlineData(0xBFD0000000000000UL, "-0.25")]
    [InlineData(0x3E8421F5F40D8376UL, "1.5e-07")]
    [InlineData(0x3F1A36E2EB1C432CUL, "9.999999999999999e-05")]
    [InlineData(0x40C81CD6C8B43958UL, "12345.678")]
    [InlineData(0x4480F0CF064DD592UL, "1e+22")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0xBDDB7CDFD9D7BDBBUL, "-1e-10")]
    [InlineData(0x3F50624DD2F1A9FCUL, "0.001")]
    public void A_score_prints_as_python_repr_prints_it(ulong bits, string python)
    {
        Assert.Equal(python, RecordNumbers.FormatScore(BitConverter.UInt64BitsToDouble(bits)));
    }

    [Fact]
    public void Every_score_reads_back_as_the_same_double()
    {
        // Scores come from float32 embeddings widened to double, plus arbitrary doubles for good measure.
        var random = new Random(20240611);
        for (var i = 0; i < 200_000; i++)
        {
            var value = i % 2 == 0
                ? (double)(float)random.NextDouble()
                : BitConverter.Int64BitsToDouble(random.NextInt64()) is var d && double.IsFinite(d) ? d : random.NextDouble();
            var text = RecordNumbers.FormatScore(value);
            Assert.True(RecordNumbers.TryParseScore(text, out var back), text);
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(back));
        }
    }

    [Theory]
    [InlineData("0.8535903692245483")]
    [InlineData("0.8531779646873474")]
    [InlineData("0.8513674736022949")]
    [InlineData("0.8513163328170776")]
    [InlineData("0.8506190180778503")]
    [InlineData("0.8498561978340149")]
    [InlineData("0.8489440083503723")]
    [InlineData("0.8488137722015381")]
    [InlineData("0.8477416038513184")]
    [InlineData("0.8475674390792847")]
    public void The_seeds_scores_print_back_unchanged(string printed)
    {
        Assert.True(RecordNumbers.TryParseScore(printed, out var value));
        Assert.Equal(printed, RecordNumbers.FormatScore(value));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("0,85")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1e999")]
    public void Text_that_is_not_a_finite_number_is_not_a_score(string text)
    {
        Assert.False(RecordNumbers.TryParseScore(text, out _));
    }

    [Theory]
    [InlineData(2.0 / 3, "0.67")]
    [InlineData(1.0 / 3, "0.33")]
    [InlineData(1.0, "1.00")]
    [InlineData(0.0, "0.00")]
    [InlineData(0.125, "0.12")] // exactly halfway: Python rounds to even
    [InlineData(0.375, "0.38")]
    [InlineData(0.675, "0.68")] // really 0.67500000000000004…
    [InlineData(2.675, "2.67")] // really 2.67499999999999982…
    public void The_ar_score_prints_with_two_decimals_as_python_does(double value, string python)
    {
        Assert.Equal(python, RecordNumbers.FormatRelevance(value));
    }

    [Fact]
    public void Formatting_does_not_depend_on_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("pt-BR");
            Assert.Equal("0.8535903692245483", RecordNumbers.FormatScore(0.8535903692245483));
            Assert.Equal("0.67", RecordNumbers.FormatRelevance(2.0 / 3));
            Assert.True(RecordNumbers.TryParseScore("0.5", out var half));
            Assert.Equal(0.5, half);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
