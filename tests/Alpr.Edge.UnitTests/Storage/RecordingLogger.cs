using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.UnitTests.Storage;

/// <summary>Keeps every log entry (event id, level, text) so a test can look for a report or for leaked text.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(int EventId, LogLevel Level, string Message)> _entries = new();

    public IReadOnlyList<(int EventId, LogLevel Level, string Message)> Entries => [.. _entries];

    public IEnumerable<string> WithEvent(int eventId) => _entries.Where(e => e.EventId == eventId).Select(e => e.Message);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        => _entries.Enqueue((eventId.Id, logLevel, formatter(state, exception)));
}
