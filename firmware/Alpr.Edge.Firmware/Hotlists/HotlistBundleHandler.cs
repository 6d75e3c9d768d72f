using Alpr.Edge.Contracts;
using Alpr.Edge.Firmware.Uplink;
using Microsoft.Extensions.Options;

namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>
/// Takes the signed bundle the bridge publishes (retained) on <c>alpr/v1/{deviceId}/hotlist</c> and hands it to the
/// <see cref="HotlistInstaller"/>, which verifies, installs or refuses it with a logged reason and a device event.
/// </summary>
internal sealed class HotlistBundleHandler(HotlistInstaller installer, IOptions<HotlistOptions> options) : IInboundMessageHandler
{
    public int MaxPayloadBytes => options.Value.MaxBundleBytes;

    public string Topic(string deviceId) => MqttTopics.Hotlist(deviceId);

    public Task HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        installer.InstallAsync(payload, "broker", cancellationToken);
}
