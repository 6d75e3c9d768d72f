using Microsoft.Extensions.Logging;

namespace Alpr.Edge.Hardware.Events;

/// <summary>
/// The seam between the hardware services and the rest of the firmware: subscribe to these events (storage, uplink,
/// recognition gating). A subscriber that throws is logged and does not stop the hardware loop or the other subscribers.
/// </summary>
public sealed class PoleHardwareEvents
{
    private readonly ILogger<PoleHardwareEvents> _logger;

    /// <summary>Creates the event hub.</summary>
    public PoleHardwareEvents(ILogger<PoleHardwareEvents> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>The enclosure was opened or closed.</summary>
    public event EventHandler<TamperEvent>? Tamper;

    /// <summary>The vehicle trigger changed.</summary>
    public event EventHandler<VehicleTriggerEvent>? VehicleTrigger;

    /// <summary>Day/night changed.</summary>
    public event EventHandler<DayNightChangedEvent>? DayNightChanged;

    /// <summary>The illuminator's safety limit changed (over-temperature among others).</summary>
    public event EventHandler<IlluminatorLimitChangedEvent>? IlluminatorLimitChanged;

    /// <summary>Publishes a tamper change.</summary>
    public void Publish(TamperEvent change) => Deliver(Tamper, change, nameof(Tamper));

    /// <summary>Publishes a trigger change.</summary>
    public void Publish(VehicleTriggerEvent change) => Deliver(VehicleTrigger, change, nameof(VehicleTrigger));

    /// <summary>Publishes a day/night change.</summary>
    public void Publish(DayNightChangedEvent change) => Deliver(DayNightChanged, change, nameof(DayNightChanged));

    /// <summary>Publishes an illuminator limit change.</summary>
    public void Publish(IlluminatorLimitChangedEvent change) => Deliver(IlluminatorLimitChanged, change, nameof(IlluminatorLimitChanged));

    private void Deliver<T>(EventHandler<T>? handlers, T change, string name)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler<T>>())
        {
            try
            {
                handler(this, change);
            }
            catch (Exception ex)
            {
                HardwareLog.SubscriberFailed(_logger, name, ex);
            }
        }
    }
}
