using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>One log line of a bridge under test.</summary>
public sealed record RecordedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}[{EventId}] {Message} {Exception}";
}
