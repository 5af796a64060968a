using System.Text;

namespace RegressionGate.Benchmarks;

/// <summary>Deterministic (seeded) Portuguese lecture-transcript-like texts: spoken fillers, accents, numbers, technical words.</summary>
public static class PortugueseLectureTexts
{
    static readonly string[] Words =
    [
        "então", "aqui", "né", "tá", "ó", "gente", "vamos", "ver", "agora", "isso", "aquilo", "que", "de", "da", "do", "das", "dos",
        "uma", "um", "para", "com", "sem", "mais", "menos", "muito", "pouco", "também", "porque", "quando", "onde", "como",
        "camada", "camadas", "rede", "redes", "neural", "neurais", "neurônio", "neurônios", "entrada", "saída", "oculta", "ocultas",
        "pooling", "convolução", "convolucional", "filtro", "filtros", "mapa", "características", "ativação", "função", "sigmoide",
        "gradiente", "descendente", "taxa", "aprendizado", "treinamento", "validação", "teste", "conjunto", "dados", "amostra",
        "classificação", "regressão", "erro", "perda", "otimização", "época", "iteração", "lote", "peso", "pesos", "viés",
        "matriz", "vetor", "dimensão", "dimensionalidade", "espacial", "informação", "representação", "aproximador", "modelo",
        "parâmetro", "hiperparâmetro", "regularização", "dropout", "normalização", "média", "variância", "distribuição",
        "probabilidade", "estatística", "inferência", "previsão", "acurácia", "precisão", "revocação", "métrica", "avaliação",
        "árvore", "decisão", "floresta", "aleatória", "agrupamento", "vizinhos", "próximos", "distância", "similaridade",
        "transformação", "atenção", "sequência", "linguagem", "texto", "palavra", "token", "embedding", "espaço", "projeção",
        "é", "são", "está", "estão", "foi", "tem", "têm", "pode", "podem", "faz", "fazem", "consegue", "aprende", "detecta",
        "combina", "reduz", "aumenta", "calcula", "multiplica", "soma", "passa", "recebe", "coleta", "fornece", "explica",
        "exatamente", "basicamente", "historicamente", "tecnicamente", "potencialmente", "indesejável", "sofisticadas", "complexas",
        "lá", "cá", "já", "só", "até", "após", "através", "próxima", "última", "primeira", "segunda", "três", "vezes", "ao", "quadrado",
        "X1", "X2", "2,5", "10", "100", "0,01", "ReLU", "softmax", "CNN", "GPU", "Python", "PyTorch", "TensorFlow", "scikit-learn",
    ];

    static readonly string[] Fillers = ["né", "tá", "ok", "beleza", "então", "ó", "aí"];

    /// <summary><paramref name="count"/> texts of about <paramref name="words"/> words each; the same seed gives the same texts.</summary>
    public static string[] Generate(int count, int words = 300, int seed = 2024)
    {
        var random = new Random(seed);
        var texts = new string[count];
        for (var t = 0; t < count; t++)
        {
            var text = new StringBuilder();
            var length = words + random.Next(-20, 21);
            var sentence = 0;
            for (var w = 0; w < length; w++)
            {
                var word = random.Next(12) == 0 ? Fillers[random.Next(Fillers.Length)] : Words[random.Next(Words.Length)];
                if (sentence == 0) word = char.ToUpperInvariant(word[0]) + word[1..];
                text.Append(word);
                sentence++;
                if (sentence > 6 && random.Next(10) == 0)
                {
                    text.Append(random.Next(4) == 0 ? "?" : ".");
                    sentence = 0;
                }
                else if (random.Next(14) == 0)
                {
                    text.Append(',');
                }
                if (w < length - 1) text.Append(' ');
            }
            texts[t] = text.Append('.').ToString();
        }
        return texts;
    }
}
