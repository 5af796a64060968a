namespace RegressionGate.Retrieval.Tokenizers;

/// <summary>One vocabulary entry: the piece (▁ stands for a space), its log-probability score, and its type.</summary>
internal readonly record struct SentencePiece(string Piece, float Score, SentencePieceType Type);
