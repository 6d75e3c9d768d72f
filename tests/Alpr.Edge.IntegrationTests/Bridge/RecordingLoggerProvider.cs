using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.IntegrationTests.Bridge;

/// <summary>Keeps every log line of a bridge under test, so a test can assert on them and fail on hidden errors.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _logs = new();

    public IReadOnlyList<RecordedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(categoryName, _logs);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(string category, ConcurrentQueue<RecordedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue(new RecordedLog(category, logLevel, eventId.Id, formatter(state, exception), exception));
            }
        }
    }
}
