using Alpr.Edge.Bridge.Storage.Sqlite;
using Alpr.Edge.UnitTests.Storage;
using Microsoft.Extensions.Logging;

namespace Alpr.Edge.UnitTests.Bridge;

/// <summary>The bridge's SQLite store keeps its folder 0700 and its files 0600: made so, and narrowed with a warning when found wider.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StoreFileModeTests : IDisposable
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Directory.CreateTempSubdirectory("alpr-store-modes-").FullName;
    private readonly RecordingLogger _log = new();

    [Fact]
    public async Task A_new_store_makes_its_folder_0700_and_its_database_and_wal_0600()
    {
        var folder = Path.Combine(_root, "data", "bridge");
        using var store = new SqliteCentralStore(Path.Combine(folder, "bridge.db"), new Typed(_log));

        await store.InitializeAsync(CancellationToken.None);
        await store.AddReadAsync(TestRecords.Read("pole-1"), TestRecords.Noon, CancellationToken.None);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(file) & GroupOrOthers);
        }

        Assert.Contains(Path.Combine(folder, "bridge.db-wal"), Directory.GetFiles(folder));
        Assert.Empty(_log.WithEvent(5005));
    }

    [Fact]
    public async Task A_folder_and_database_readable_by_others_are_narrowed_with_a_warning_and_keep_their_reads()
    {
        var folder = Path.Combine(_root, "old");
        var path = Path.Combine(folder, "bridge.db");
        var read = TestRecords.Read("pole-1");
        using (var first = new SqliteCentralStore(path, new Typed(_log)))
        {
            await first.InitializeAsync(CancellationToken.None);
            await first.AddReadAsync(read, TestRecords.Noon, CancellationToken.None);
        }

        File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("755", 8));
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));
        using var again = new SqliteCentralStore(path, new Typed(_log));

        await again.InitializeAsync(CancellationToken.None);

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
        Assert.Equal(2, _log.Entries.Count(e => e.EventId == 5005 && e.Level == LogLevel.Warning));
        Assert.NotNull(await again.GetReadAsync(read.Id, CancellationToken.None));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class Typed(RecordingLogger inner) : ILogger<SqliteCentralStore>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
