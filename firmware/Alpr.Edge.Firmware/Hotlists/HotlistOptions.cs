namespace Alpr.Edge.Firmware.Hotlists;

/// <summary>Hot-list settings (config section <c>Hotlists</c>).</summary>
public sealed class HotlistOptions
{
    /// <summary>Config section name.</summary>
    public const string SectionName = "Hotlists";

    /// <summary>CSV file (<c>plate,list,category,case</c>); none means no hot list (every read is still kept and sent).</summary>
    public string? File { get; set; }
}
