using System.Text;

namespace RegressionGate.Files;

/// <summary>UTF-8 that refuses invalid bytes instead of silently turning them into U+FFFD, for every reader of user files.</summary>
internal static class StrictUtf8
{
    public static UTF8Encoding Encoding { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
