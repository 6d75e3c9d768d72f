namespace Alpr.Edge.Bridge.Hosting;

/// <summary>How long the bridge keeps reads, and how often it purges those past that age (<c>retention</c> in the config file).</summary>
public sealed class RetentionOptions
{
    /// <summary>The legal minimum: Government Code § 34090.6 has reads kept at least one year.</summary>
    public static readonly TimeSpan LegalMinimum = TimeSpan.FromDays(365);

    /// <summary>Reads captured longer ago than this are purged, unless a legal hold selects them. At least <see cref="LegalMinimum"/>.</summary>
    public TimeSpan ReadsKeptFor { get; set; } = LegalMinimum;

    /// <summary>How often the purge runs (also once at start-up).</summary>
    public TimeSpan PurgeEvery { get; set; } = TimeSpan.FromDays(1);
}
