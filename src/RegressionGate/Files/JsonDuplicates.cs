using System.Text.Json;

namespace RegressionGate.Files;

/// <summary>
/// Finds a property given twice in one object. The JSON parser keeps both and a lookup answers with one of them, so a
/// pasted line would silently override a setting or a field; readers refuse such input instead.
/// </summary>
internal static class JsonDuplicates
{
    /// <summary>
    /// The path of the first property given twice in one object of <paramref name="element"/> (<c>retriever.k</c>,
    /// <c>references[0].url</c>), or null when every object names each property once.
    /// </summary>
    public static string? Find(JsonElement element, string path = "")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    var child = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (!names.Add(property.Name)) return child;
                    if (Find(property.Value, child) is { } inner) return inner;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, $"{path}[{index++}]") is { } inner) return inner;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>The problem readers report at the duplicate's field.</summary>
    public const string Problem = "is given twice; which one holds is anyone's guess";
}
