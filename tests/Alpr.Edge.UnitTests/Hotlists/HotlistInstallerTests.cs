using System.Text;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Hotlists.Bundles;
using Alpr.Edge.Hotlists.Matching;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class HotlistInstallerTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TestBundles _bundles = new();

    [Fact]
    public async Task A_signed_bundle_is_installed_saved_and_announced()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);

        var result = await device.Installer.InstallAsync(_bundles.Sign(3, Entry("7ABC123")), "broker", CancellationToken.None);

        Assert.True(result.Installed, result.Message);
        Assert.Equal(3, device.Installed.Version);
        Assert.Single(device.Installed.Match("7ABC123", [], Now));
        Assert.True(File.Exists(device.File.Path));
        var installed = Assert.Single(device.Events.Raised);
        Assert.Equal(DeviceEventKinds.HotlistInstalled, installed.Kind);
        Assert.Equal("info", installed.Severity);
        Assert.Equal("3", installed.Data["version"]);
        Assert.Equal("true", installed.Data["saved"]);
    }

    [Theory]
    [InlineData("unsigned", "not-signed", "alarm")]
    [InlineData("tampered", "bad-signature", "alarm")]
    [InlineData("other-key", "unknown-key", "alarm")]
    [InlineData("malformed", "malformed", "warning")]
    [InlineData("wrong-schema", "wrong-schema", "warning")]
    public async Task A_bad_bundle_is_refused_with_an_event_and_the_running_list_stays(string kind, string reason, string severity)
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        await device.Installer.InstallAsync(_bundles.Sign(3, Entry("7ABC123")), "broker", CancellationToken.None);
        var saved = File.ReadAllBytes(device.File.Path);

        var result = await device.Installer.InstallAsync(BadBundle(kind), "broker", CancellationToken.None);

        Assert.False(result.Installed);
        Assert.Equal(3, device.Installed.Version);
        Assert.Single(device.Installed.Match("7ABC123", [], Now));
        Assert.Equal(saved, File.ReadAllBytes(device.File.Path));
        var rejected = device.Events.Raised[^1];
        Assert.Equal(DeviceEventKinds.HotlistRejected, rejected.Kind);
        Assert.Equal(severity, rejected.Severity);
        Assert.Equal(reason, rejected.Data["reason"]);
        Assert.Equal("3", rejected.Data["runningVersion"]);
    }

    [Fact]
    public async Task An_older_version_is_refused_as_a_rollback()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        await device.Installer.InstallAsync(_bundles.Sign(5), "broker", CancellationToken.None);

        var result = await device.Installer.InstallAsync(_bundles.Sign(4), "broker", CancellationToken.None);

        Assert.Equal(BundleRejectionReason.Rollback, result.Reason);
        Assert.Equal(5, device.Installed.Version);
        Assert.Equal("rollback", device.Events.Raised[^1].Data["reason"]);
    }

    [Fact]
    public async Task The_same_bundle_delivered_again_changes_nothing_and_raises_nothing()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var bundle = _bundles.Sign(5);
        await device.Installer.InstallAsync(bundle, "broker", CancellationToken.None);

        var again = await device.Installer.InstallAsync(bundle, "broker", CancellationToken.None);
        var resigned = await device.Installer.InstallAsync(_bundles.Sign(5), "broker", CancellationToken.None);

        Assert.Equal(BundleRejectionReason.AlreadyRunning, again.Reason);
        Assert.Equal(BundleRejectionReason.AlreadyRunning, resigned.Reason);
        Assert.Single(device.Events.Raised);
    }

    [Fact]
    public async Task The_last_good_bundle_runs_again_after_a_restart()
    {
        using (var before = new DeviceHotlists(_data.Path, _bundles.PublicKey))
        {
            await before.Installer.InstallAsync(_bundles.Sign(8, Entry("7ABC123")), "broker", CancellationToken.None);
            await before.Installer.InstallAsync(BadBundle("tampered"), "broker", CancellationToken.None);
        }

        using var after = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var restored = after.Installer.RestoreLastGood();

        Assert.True(restored!.Installed, restored.Message);
        Assert.Equal(8, after.Installed.Version);
        Assert.Single(after.Installed.Match("7ABC123", [], Now));
        Assert.Equal(DeviceEventKinds.HotlistInstalled, Assert.Single(after.Events.Raised).Kind);
    }

    [Fact]
    public void A_saved_bundle_altered_on_disk_is_refused_at_restart_and_kept()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_bundles.Sign(8)).Replace("\"keyId\":\"", "\"keyId\":\"0", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.GetDirectoryName(device.File.Path)!);
        File.WriteAllBytes(device.File.Path, altered);

        var restored = device.Installer.RestoreLastGood();

        Assert.False(restored!.Installed);
        Assert.Equal(0, device.Installed.Version);
        Assert.Equal(DeviceEventKinds.HotlistRejected, Assert.Single(device.Events.Raised).Kind);
        Assert.Equal(altered, File.ReadAllBytes(device.File.Path));
    }

    [Fact]
    public void No_saved_bundle_means_nothing_to_restore()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);

        Assert.Null(device.Installer.RestoreLastGood());
        Assert.Empty(device.Events.Raised);
    }

    [Fact]
    public async Task A_local_csv_list_keeps_matching_beside_the_bridge_list()
    {
        var csv = _data.File("local.csv", "plate,list,category,case\n4XYZ567,local,warrant,L-1\n");
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey, csv);

        await device.Installer.InstallAsync(_bundles.Sign(2, Entry("7ABC123")), "broker", CancellationToken.None);

        Assert.Equal(0, Assert.Single(device.Installed.Match("4XYZ567", [], Now)).ListVersion);
        Assert.Equal(2, Assert.Single(device.Installed.Match("7ABC123", [], Now)).ListVersion);
        Assert.Equal(2, device.Installed.Count);
    }

    [Fact]
    public async Task Swapping_lists_while_reads_are_matched_never_shows_half_a_list()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        await device.Installer.InstallAsync(_bundles.Sign(1, Versioned(1)), "broker", CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var matched = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            long lastVersion = 0;
            while (!stop.IsCancellationRequested)
            {
                var matches = device.Installed.Match("7ABC123", ["4XYZ567"], Now);
                var versions = matches.Select(m => m.ListVersion).Distinct().ToList();
                if (matches.Count != 2 || versions.Count != 1 || versions[0] < lastVersion || matches.Any(m => m.Entry.Id != $"{m.Entry.Plate}-v{m.ListVersion}"))
                {
                    Interlocked.Increment(ref failures);
                }

                lastVersion = versions.FirstOrDefault();
                Interlocked.Increment(ref matched);
            }
        })).ToArray();

        for (var version = 2; version <= 12; version++)
        {
            var result = await device.Installer.InstallAsync(_bundles.Sign(version, Versioned(version)), "broker", CancellationToken.None);
            Assert.True(result.Installed, result.Message);
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        Assert.Equal(0, failures);
        Assert.True(matched > 0);
        Assert.Equal(12, device.Installed.Version);
    }

    [Fact]
    public async Task The_status_reports_the_version_running()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var contributor = new HotlistStatusContributor(device.Installed);
        var status = new DeviceHealthMessage
        {
            DeviceId = "pole-1",
            At = Now,
            FirmwareVersion = "test",
            Backlog = new BacklogStatus(0, 0, 0, null),
            Disk = new DiskStatus(1, 1, 1),
            UptimeSeconds = 1,
        };

        Assert.Null(contributor.Contribute(status).HotlistVersion);
        await device.Installer.InstallAsync(_bundles.Sign(42), "broker", CancellationToken.None);
        Assert.Equal("42", contributor.Contribute(status).HotlistVersion);
    }

    public void Dispose()
    {
        _bundles.Dispose();
        _data.Dispose();
    }

    private static Alpr.Edge.Hotlists.Entries.HotlistEntry[] Versioned(int version) =>
        [Entry("7ABC123", id: $"7ABC123-v{version}"), Entry("4XYZ567", id: $"4XYZ567-v{version}")];

    private byte[] BadBundle(string kind)
    {
        var good = Encoding.UTF8.GetString(_bundles.Sign(9, Entry("4XYZ567")));
        switch (kind)
        {
            case "unsigned":
                var node = System.Text.Json.Nodes.JsonNode.Parse(good)!.AsObject();
                node.Remove("signature");
                return Encoding.UTF8.GetBytes(node.ToJsonString());
            case "tampered":
                var tampered = System.Text.Json.Nodes.JsonNode.Parse(good)!;
                var payload = Convert.FromBase64String(tampered["payload"]!.GetValue<string>());
                payload[20] ^= 0x10;
                tampered["payload"] = Convert.ToBase64String(payload);
                return Encoding.UTF8.GetBytes(tampered.ToJsonString());
            case "other-key":
                using (var other = new TestBundles())
                {
                    return other.Sign(9);
                }

            case "malformed":
                return Encoding.UTF8.GetBytes(good[..^10]);
            default:
                return Encoding.UTF8.GetBytes("{\"format\":\"alpr-hotlist-bundle/1\",\"unexpected\":true}");
        }
    }
}
