using System.Text;
using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Hotlists;
using Microsoft.Extensions.Options;
using static Alpr.Edge.UnitTests.Hotlists.HotlistBuilder;

namespace Alpr.Edge.UnitTests.Hotlists;

public sealed class HotlistBundleHandlerTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly TestBundles _bundles = new();

    [Fact]
    public void The_handler_takes_the_device_hot_list_topic_with_the_configured_size_limit()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var handler = new HotlistBundleHandler(device.Installer, Options.Create(new HotlistOptions { MaxBundleBytes = 5000 }));

        Assert.Equal("alpr/v1/pole-7/hotlist", handler.Topic("pole-7"));
        Assert.Equal(5000, handler.MaxPayloadBytes);
    }

    [Fact]
    public async Task A_bundle_from_the_broker_is_installed()
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var handler = new HotlistBundleHandler(device.Installer, Options.Create(new HotlistOptions()));

        await handler.HandleAsync(_bundles.Sign(4, Entry("7ABC123")), CancellationToken.None);

        Assert.Equal(4, device.Installed.Version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u0000\u0001garbage")]
    [InlineData("{\"format\":1}")]
    [InlineData("null")]
    public async Task Bad_input_from_the_broker_is_refused_with_an_event_and_never_throws(string payload)
    {
        using var device = new DeviceHotlists(_data.Path, _bundles.PublicKey);
        var handler = new HotlistBundleHandler(device.Installer, Options.Create(new HotlistOptions()));

        await handler.HandleAsync(Encoding.UTF8.GetBytes(payload), CancellationToken.None);

        var rejected = Assert.Single(device.Events.Raised);
        Assert.Equal(DeviceEventKinds.HotlistRejected, rejected.Kind);
        Assert.Equal(0, device.Installed.Version);
    }

    public void Dispose()
    {
        _bundles.Dispose();
        _data.Dispose();
    }
}
