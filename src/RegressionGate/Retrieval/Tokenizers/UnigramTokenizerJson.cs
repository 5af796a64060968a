using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>
/// Reads a Hugging Face <c>tokenizer.json</c> whose model is Unigram (as multilingual E5 / XLM-RoBERTa exports ship it) into a
/// <see cref="SentencePieceTokenizer"/> with the ids the file lists.
/// </summary>
/// <remarks>
/// Understood: the normalizers <c>Precompiled</c> (the SentencePiece character map, applied as Hugging Face applies it),
/// <c>NFKC</c>, <c>NFC</c>, <c>NFD</c>, <c>NFKD</c>, <c>Lowercase</c>, <c>Replace</c>, <c>Strip</c>, <c>Prepend</c> and <c>Sequence</c>;
/// the pre-tokenizer <c>Metaspace</c> (alone, or after <c>WhitespaceSplit</c>); <c>&lt;s&gt;</c> and
/// <c>&lt;/s&gt;</c> from the post-processor (<c>RobertaProcessing</c>, <c>BertProcessing</c>, <c>TemplateProcessing</c>) or the
/// vocabulary. Anything else is refused with its name rather than tokenized differently from the reference. Special added
/// tokens are never matched inside text, as SentencePiece never matches its control pieces.
/// </remarks>
internal static class UnigramTokenizerJson
{
    public const string FileName = "tokenizer.json";

    public static SentencePieceTokenizer Load(Stream json, string source = FileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({e.Message})", e);
        }
        using (document)
        {
            try
            {
                return Read(document.RootElement, source);
            }
            catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"{source}: unexpected layout ({e.Message})", e);
            }
        }
    }

    /// <summary>The model type a <c>tokenizer.json</c> declares (<c>Unigram</c>, <c>WordPiece</c>, <c>BPE</c>…), read without loading it.</summary>
    public static string? ModelType(Stream json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.TryGetProperty("model", out var model) && model.TryGetProperty("type", out var type)
                ? type.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static SentencePieceTokenizer Read(JsonElement root, string source)
    {
        var model = root.GetProperty("model");
        var type = model.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type != "Unigram")
            throw new InvalidDataException($"{source}: the model is {type ?? "of no declared type"}, not Unigram; a WordPiece model needs its vocab.txt");

        var vocabulary = new List<(string Piece, double Score)>();
        foreach (var entry in model.GetProperty("vocab").EnumerateArray())
            vocabulary.Add((entry[0].GetString()!, entry[1].GetDouble()));
        if (vocabulary.Count == 0) throw new InvalidDataException($"{source}: model.vocab is empty");
        if (!model.TryGetProperty("unk_id", out var unk) || unk.ValueKind != JsonValueKind.Number)
            throw new InvalidDataException($"{source}: model.unk_id is missing, so unknown characters would have no id");
        var unknownId = unk.GetInt32();

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++) ids.TryAdd(vocabulary[id].Piece, id);
        var special = new HashSet<int>();
        var size = vocabulary.Count;
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in added.EnumerateArray())
            {
                var id = token.GetProperty("id").GetInt32();
                var content = token.GetProperty("content").GetString()!;
                ids.TryAdd(content, id);
                size = Math.Max(size, id + 1);
                if (token.TryGetProperty("special", out var s) && s.ValueKind == JsonValueKind.True) special.Add(id);
            }
        }

        var byteFallback = model.TryGetProperty("byte_fallback", out var b) && b.ValueKind == JsonValueKind.True;
        var scores = new double[vocabulary.Count];
        var matchable = new List<(string, int)>();
        double lowest = double.MaxValue, highest = double.MinValue;
        for (var id = 0; id < vocabulary.Count; id++)
        {
            scores[id] = vocabulary[id].Score;
            if (special.Contains(id) || id == unknownId) continue;
            matchable.Add((vocabulary[id].Piece, id));
            lowest = Math.Min(lowest, vocabulary[id].Score);
            highest = Math.Max(highest, vocabulary[id].Score);
        }
        var pieces = new PieceVocabulary(matchable, unknownId, byteFallback ? matchable : null);
        var segmenter = new UnigramSegmenter(pieces, scores, null, lowest, highest, singlePrecision: false);

        var normalize = Normalizer(root.TryGetProperty("normalizer", out var n) ? n : default, source);
        var (metaspace, split) = PreTokenizer(root.TryGetProperty("pre_tokenizer", out var p) ? p : default, source);
        var (beginId, endId) = BeginAndEnd(root, ids, source);
        var padId = root.TryGetProperty("padding", out var padding) && padding.ValueKind == JsonValueKind.Object
            && padding.TryGetProperty("pad_id", out var pad) ? pad.GetInt32()
            : ids.TryGetValue("<pad>", out var padPiece) ? padPiece : endId;
        return new SentencePieceTokenizer(text => metaspace(normalize(text)), split, segmenter, unknownId, null,
            beginId, endId, padId, unknownId, size);
    }

    static Func<string, string> Normalizer(JsonElement spec, string source)
    {
        if (spec.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return text => text;
        var type = spec.GetProperty("type").GetString();
        switch (type)
        {
            case "Sequence":
                var steps = spec.GetProperty("normalizers").EnumerateArray().Select(s => Normalizer(s, source)).ToList();
                return text => steps.Aggregate(text, (current, step) => step(current));
            case "Precompiled":
                return Precompiled(spec, source);
            case "NFKC":
                return text => UnicodeNormalization.Normalize(text, NormalizationForm.FormKC);
            case "NFC":
                return text => UnicodeNormalization.Normalize(text, NormalizationForm.FormC);
            case "NFD":
                return text => UnicodeNormalization.Normalize(text, NormalizationForm.FormD);
            case "NFKD":
                return text => UnicodeNormalization.Normalize(text, NormalizationForm.FormKD);
            case "Lowercase":
                return text => text.ToLowerInvariant();
            case "Strip":
                var left = !spec.TryGetProperty("strip_left", out var l) || l.ValueKind == JsonValueKind.True;
                var right = !spec.TryGetProperty("strip_right", out var r) || r.ValueKind == JsonValueKind.True;
                return text => left && right ? text.Trim() : left ? text.TrimStart() : right ? text.TrimEnd() : text;
            case "Prepend":
                var prefix = spec.GetProperty("prepend").GetString()!;
                return text => text.Length == 0 ? text : prefix + text;
            case "Replace":
                var content = spec.GetProperty("content").GetString()!;
                var pattern = spec.GetProperty("pattern");
                if (pattern.TryGetProperty("String", out var literal))
                {
                    var from = literal.GetString()!;
                    return text => text.Replace(from, content, StringComparison.Ordinal);
                }
                var regex = new Regex(pattern.GetProperty("Regex").GetString()!, RegexOptions.CultureInvariant);
                return text => regex.Replace(text, content);
            default:
                throw new InvalidDataException($"{source}: normalizer '{type}' is not supported");
        }
    }

    /// <summary>The model's own character map (base64), applied as Hugging Face applies it.</summary>
    static Func<string, string> Precompiled(JsonElement spec, string source)
    {
        var encoded = spec.TryGetProperty("precompiled_charsmap", out var value) ? value.GetString() : null;
        // No map maps nothing, as SentencePiece treats a model without one (Hugging Face would refuse to load it).
        if (string.IsNullOrEmpty(encoded)) return text => text;
        PrecompiledCharsMap map;
        try
        {
            map = PrecompiledCharsMap.Parse(Convert.FromBase64String(encoded));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: normalizer Precompiled: {e.Message}", e);
        }
        return new HuggingFacePrecompiledNormalizer(map).Normalize;
    }

    /// <summary>The Metaspace step (spaces to ▁, the ▁ prefix) and whether words are cut apart at each ▁.</summary>
    static (Func<string, string> Prepare, bool Split) PreTokenizer(JsonElement spec, string source)
    {
        if (spec.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            throw new InvalidDataException($"{source}: there is no pre_tokenizer; a Unigram tokenizer needs Metaspace to mark spaces with ▁");
        var type = spec.GetProperty("type").GetString();
        if (type == "Sequence")
        {
            var steps = spec.GetProperty("pretokenizers").EnumerateArray().ToList();
            if (steps.Count == 2 && steps[0].GetProperty("type").GetString() == "WhitespaceSplit" && steps[1].GetProperty("type").GetString() == "Metaspace")
            {
                var (metaspace, split) = Metaspace(steps[1], source);
                // Splitting on whitespace first leaves single spaces between words and none around them.
                return (text => metaspace(string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))), split);
            }
            throw new InvalidDataException($"{source}: pre_tokenizer Sequence [{string.Join(", ", steps.Select(s => s.GetProperty("type").GetString()))}] is not supported");
        }
        if (type != "Metaspace") throw new InvalidDataException($"{source}: pre_tokenizer '{type}' is not supported; Unigram models use Metaspace");
        return Metaspace(spec, source);
    }

    static (Func<string, string> Prepare, bool Split) Metaspace(JsonElement spec, string source)
    {
        var replacement = spec.TryGetProperty("replacement", out var r) ? r.GetString()! : "\u2581";
        if (replacement != "\u2581") throw new InvalidDataException($"{source}: Metaspace replacement '{replacement}' is not ▁ (U+2581)");
        var prepend = spec.TryGetProperty("prepend_scheme", out var scheme)
            ? scheme.GetString() is "always" or "first"
            : !spec.TryGetProperty("add_prefix_space", out var add) || add.ValueKind == JsonValueKind.True;
        var split = !spec.TryGetProperty("split", out var s) || s.ValueKind == JsonValueKind.True;
        return (text =>
        {
            // Empty text has no word to prefix: Hugging Face gives no tokens at all, even after a character the map deleted.
            if (text.Length == 0) return text;
            var escaped = text.Replace(' ', SentencePieceNormalizer.SpaceSymbol);
            return prepend && !escaped.StartsWith(SentencePieceNormalizer.SpaceSymbol) ? SentencePieceNormalizer.SpaceSymbol + escaped : escaped;
        }, split);
    }

    static (int Begin, int End) BeginAndEnd(JsonElement root, Dictionary<string, int> ids, string source)
    {
        if (root.TryGetProperty("post_processor", out var post) && post.ValueKind == JsonValueKind.Object)
        {
            var found = FromPostProcessor(post);
            if (found is { } pair) return pair;
        }
        if (ids.TryGetValue("<s>", out var begin) && ids.TryGetValue("</s>", out var end)) return (begin, end);
        throw new InvalidDataException($"{source}: neither the post_processor nor the vocabulary names the <s> and </s> tokens that wrap a text");
    }

    static (int, int)? FromPostProcessor(JsonElement post)
    {
        switch (post.GetProperty("type").GetString())
        {
            case "RobertaProcessing" or "BertProcessing":
                return (post.GetProperty("cls")[1].GetInt32(), post.GetProperty("sep")[1].GetInt32());
            case "TemplateProcessing":
                var single = post.GetProperty("single").EnumerateArray().ToList();
                var sequence = single.FindIndex(item => item.TryGetProperty("Sequence", out _));
                if (sequence != 1 || single.Count != 3) return null;
                var specials = post.GetProperty("special_tokens");
                int IdOf(JsonElement item) => specials.GetProperty(item.GetProperty("SpecialToken").GetProperty("id").GetString()!).GetProperty("ids")[0].GetInt32();
                return (IdOf(single[0]), IdOf(single[2]));
            case "Sequence":
                foreach (var processor in post.GetProperty("processors").EnumerateArray())
                {
                    if (FromPostProcessor(processor) is { } pair) return pair;
                }
                return null;
            default:
                return null;
        }
    }
}
