namespace RegressionGate.Retrieval.Embedding;

/// <summary>An embedding model that cannot be used: a missing directory or file, no known tokenizer, an unexpected ONNX signature.</summary>
internal sealed class EmbeddingModelException(string message, Exception? inner = null) : Exception(message, inner);
