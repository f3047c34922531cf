namespace OneStop.Protocol.Transport;

/// <summary>Header names and values of the gRPC-over-HTTP/2 mapping.</summary>
internal static class GrpcHeaders
{
    public const string ContentType = "application/grpc";
    public const string Status = "grpc-status";
    public const string Message = "grpc-message";
    public const string Timeout = "grpc-timeout";
    public const string Encoding = "grpc-encoding";
    public const string AcceptEncoding = "grpc-accept-encoding";
    public const string Identity = "identity";
    public const string Gzip = "gzip";
    public const string SupportedEncodings = "identity,gzip";

    // "application/grpc+proto" and "application/grpc; charset=..." are valid spellings of the same thing.
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }

    /// <summary>Whether a comma-separated accept list names <paramref name="encoding"/>.</summary>
    public static bool ListContains(string? list, string encoding)
    {
        if (string.IsNullOrEmpty(list))
        {
            return false;
        }

        foreach (var item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(item, encoding, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
