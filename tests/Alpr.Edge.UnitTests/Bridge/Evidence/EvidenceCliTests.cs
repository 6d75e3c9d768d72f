using Alpr.Edge.Bridge.Cli;
using Alpr.Edge.Bridge.Evidence;
using Alpr.Edge.UnitTests.Bridge.Holds;

namespace Alpr.Edge.UnitTests.Bridge.Evidence;

public sealed class EvidenceCliTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("alpr-evidence-cli-").FullName;

    private string Data => Path.Combine(_root, "data");

    private string Usb => Path.Combine(_root, "usb");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Keygen_export_and_verify_through_the_command_line()
    {
        var keygen = await CliRun.InvokeAsync("evidence", "keygen", "--data", Data);
        Assert.Equal(ExitCodes.Success, keygen.ExitCode);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(EvidenceKey.In(Data).PrivatePath));
        }

        Assert.Equal(ExitCodes.Success, (await CliRun.InvokeAsync("holds", "place", "--data", Data, "--case", "C-9", "--plate", "7ABC123", "--by", "Det. Reyes", "--reason", "x")).ExitCode);

        var export = await CliRun.InvokeAsync("evidence", "export", "--data", Data, "--case", "C-9", "--to", Usb, "--by", "Det. Reyes", "--reason", "court");
        Assert.Equal(ExitCodes.Success, export.ExitCode);
        Assert.StartsWith("exported case C-9: 0 reads, 0 hits, 0 files", export.Output, StringComparison.Ordinal);

        var intact = await CliRun.InvokeAsync("evidence", "verify", Usb, "--data", Data);
        Assert.Equal(ExitCodes.Success, intact.ExitCode);
        Assert.StartsWith("intact: case C-9, 0 files, exported by Det. Reyes", intact.Output, StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(Usb, "extra.txt"), "planted");
        File.Delete(Path.Combine(Usb, EvidenceExporter.SignatureFileName));
        var broken = await CliRun.InvokeAsync("evidence", "verify", Usb, "--public-key", EvidenceKey.In(Data).PublicPath);
        Assert.Equal(ExitCodes.Failure, broken.ExitCode);
        Assert.Equal(["signature: missing (manifest.sig)", "added: extra.txt (not in the manifest)"], broken.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"alpr-bridge: '{Usb}' is NOT intact: 2 problem(s)", broken.Error.Trim());
    }

    [Fact]
    public async Task Export_without_a_key_or_a_hold_and_verify_without_a_public_key_fail_with_one_line()
    {
        var noHold = await CliRun.InvokeAsync("evidence", "export", "--data", Data, "--case", "C-9", "--to", Usb, "--by", "Det. Reyes", "--reason", "court");
        Assert.Contains("case C-9 has no hold in force", CliRun.AssertOneLineUsageError(noHold), StringComparison.Ordinal);

        await CliRun.InvokeAsync("holds", "place", "--data", Data, "--case", "C-9", "--plate", "7ABC123", "--by", "Det. Reyes", "--reason", "x");
        var noKey = await CliRun.InvokeAsync("evidence", "export", "--data", Data, "--case", "C-9", "--to", Usb, "--by", "Det. Reyes", "--reason", "court");
        Assert.Equal(ExitCodes.Failure, noKey.ExitCode);
        Assert.Contains("create one with 'alpr-bridge evidence keygen'", Assert.Single(noKey.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);

        Directory.CreateDirectory(Usb);
        var noPublicKey = await CliRun.InvokeAsync("evidence", "verify", Usb, "--data", Data);
        Assert.Contains("pass the evidence public key with --public-key FILE", CliRun.AssertOneLineUsageError(noPublicKey), StringComparison.Ordinal);
    }
}
