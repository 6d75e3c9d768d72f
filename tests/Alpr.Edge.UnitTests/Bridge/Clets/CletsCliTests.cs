using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Storage.Sqlite;
using Alpr.Edge.UnitTests.Bridge.Holds;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpr.Edge.UnitTests.Bridge.Clets;

public sealed class CletsCliTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("alpr-clets-cli-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task An_import_stores_every_record_by_reference_and_is_audited()
    {
        var file = Write("records.csv", "reference,details", "CL-1,\"stolen 2026-11-30, Sacramento PD\"", "", "CL-2,wanted: felony warrant 26-4411");

        var result = await CliRun.InvokeAsync("clets", "import", file, "--data", _data, "--by", "ops. kim");

        Assert.Equal((ExitCodes.Success, string.Empty), (result.ExitCode, result.Error));
        Assert.Contains("imported 2 CLETS records from records.csv", result.Output, StringComparison.Ordinal);
        using var store = await OpenAsync();
        var found = await store.GetCletsRecordsAsync(["CL-1", "CL-2"], CancellationToken.None);
        Assert.Equal("stolen 2026-11-30, Sacramento PD", found["CL-1"].Details);
        Assert.Equal("ops. kim", found["CL-2"].ImportedBy);
        var audit = await Alpr.Edge.Bridge.Hosting.CentralStores.AuditOf(store).GetRecentAuditEntriesAsync(5, CancellationToken.None);
        Assert.Equal(("clets.import", "ops. kim"), (audit[0].Action, audit[0].User));
    }

    [Theory]
    [InlineData("line 1: the header must be 'reference,details'", "ref,text", "CL-1,x")]
    [InlineData("line 3: details must be 1 to 4000 printable characters", "reference,details", "CL-1,fine", "CL-2,")]
    [InlineData("line 2: reference must be 1 to 128 printable characters", "reference,details", " ,no reference")]
    public async Task A_bad_file_is_refused_with_one_line_naming_the_line_and_nothing_is_imported(string expected, params string[] lines)
    {
        var file = Write("bad.csv", lines);

        var result = await CliRun.InvokeAsync("clets", "import", file, "--data", _data, "--by", "ops. kim");

        var line = CliRun.AssertOneLineUsageError(result);
        Assert.Contains("bad.csv " + expected, line, StringComparison.Ordinal);
        using var store = await OpenAsync();
        Assert.Empty(await store.GetCletsRecordsAsync(["CL-1"], CancellationToken.None));
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private async Task<SqliteCentralStore> OpenAsync()
    {
        var store = new SqliteCentralStore(Path.Combine(_data, "bridge.db"), NullLogger<SqliteCentralStore>.Instance);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
