using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Alpr.Edge.Contracts;

/// <summary>Serialises and parses wire messages; parsing never throws on bad input.</summary>
public static class WireFormat
{
    /// <summary>Largest payload either side accepts, in bytes.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    /// <summary>UTF-8 JSON of a message.</summary>
    public static byte[] Serialize<T>(T message, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(message, typeInfo);

    /// <summary>Parses a payload; on failure returns false with a one-line reason.</summary>
    public static bool TryParse<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, out T? message, out string? error)
        where T : class
    {
        message = null;
        if (payload.Length > MaxPayloadBytes)
        {
            error = $"payload of {payload.Length} bytes exceeds the {MaxPayloadBytes}-byte limit";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize(payload, typeInfo);
            error = message is null ? "payload is JSON null" : null;
            return message is not null;
        }
        catch (JsonException ex)
        {
            error = $"malformed {typeof(T).Name}: {ex.Message}";
            return false;
        }
    }
}
