namespace Alpr.Edge.Contracts;

/// <summary>The kinds of <see cref="DeviceEventMessage"/> a device raises.</summary>
public static class DeviceEventKinds
{
    /// <summary>The enclosure's tamper switch opened (alarm) or closed again (info).</summary>
    public const string Tamper = "tamper";

    /// <summary>A hot-list bundle was refused (unsigned, wrong signature, malformed, expired...).</summary>
    public const string HotlistRejected = "hotlist-rejected";

    /// <summary>A new hot-list version was installed.</summary>
    public const string HotlistInstalled = "hotlist-installed";

    /// <summary>A message from the broker was refused (malformed, wrong schema, oversized, unknown command).</summary>
    public const string InboundRejected = "inbound-rejected";

    /// <summary>The store's disk budget is exhausted by un-transferred reads: images are being dropped.</summary>
    public const string StoreBudgetExhausted = "store-budget-exhausted";

    /// <summary>A camera stopped delivering frames or came back.</summary>
    public const string CameraHealth = "camera-health";

    /// <summary>The illuminator was derated or cut off for temperature.</summary>
    public const string IlluminatorLimit = "illuminator-limit";

    /// <summary>A hold from the bridge was placed or released.</summary>
    public const string Hold = "hold";
}
