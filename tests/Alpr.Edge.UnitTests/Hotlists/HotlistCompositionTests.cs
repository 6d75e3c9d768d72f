using Alpr.Edge.Firmware.Hosting;
using Alpr.Edge.Firmware.Hotlists;
using Alpr.Edge.Firmware.Uplink;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class HotlistCompositionTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TestBundles _bundles = new();

    [Fact]
    public void The_firmware_host_runs_the_saved_bundle_and_the_local_file_and_takes_bundles_from_the_broker()
    {
        var key = _data.File("bridge.pub.pem", _bundles.PublicKeyPem);
        new LastGoodBundleFile(_data.Path).Write(_bundles.Sign(11, Entry("7ABC123")));
        var csv = _data.File("local.csv", "plate,list,category\n4XYZ567,local,warrant\n");

        using var host = Build(csv, key);
        var installed = host.Services.GetRequiredService<InstalledHotlists>();

        Assert.Equal(11, installed.Version);
        Assert.Equal(2, installed.Count);
        Assert.Contains(host.Services.GetServices<IInboundMessageHandler>(), h => h.Topic("pole-3") == "alpr/v1/pole-3/hotlist");
        Assert.Contains(host.Services.GetServices<IStatusContributor>(), c => c is HotlistStatusContributor);
    }

    [Fact]
    public void A_trusted_key_file_that_is_missing_or_not_a_key_stops_the_start_naming_the_setting()
    {
        var notAKey = _data.File("junk.pem", "hello");

        using var host = Build(null, Path.Combine(_data.Path, "absent.pem"), notAKey);
        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<HotlistOptions>>().Value);

        Assert.Contains("Hotlists:TrustedKeyFiles:0 '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Hotlists:TrustedKeyFiles:1 '", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not a P-256 public key", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _bundles.Dispose();
        _data.Dispose();
    }

    private IHost Build(string? csv, params string[] keyFiles)
    {
        var configuration = new Dictionary<string, string?>();
        for (var i = 0; i < keyFiles.Length; i++)
        {
            configuration[$"Hotlists:TrustedKeyFiles:{i}"] = keyFiles[i];
        }

        return FirmwareHost.Build(new FirmwareRunSettings
        {
            DataDirectory = _data.Path,
            HotlistFile = csv,
            BrokerUrl = "mqtt://127.0.0.1:1",
            DeviceId = "pole-3",
            Configuration = configuration,
            TimeProvider = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now),
            ConfigureLogging = _ => { },
        });
    }
}
