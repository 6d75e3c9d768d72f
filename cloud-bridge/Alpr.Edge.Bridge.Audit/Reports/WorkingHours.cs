namespace Alpr.Edge.Bridge.Audit.Reports;

/// <summary>The department's working hours, [<see cref="Start"/>, <see cref="End"/>) each day in <see cref="Zone"/>.</summary>
/// <param name="Start">Time of day work starts.</param>
/// <param name="End">Time of day work ends (after <paramref name="Start"/>).</param>
/// <param name="Zone">The time zone the hours are in.</param>
public sealed record WorkingHours(TimeSpan Start, TimeSpan End, TimeZoneInfo Zone)
{
    /// <summary>True when <paramref name="time"/> falls within the hours, in <see cref="Zone"/>.</summary>
    public bool Contains(DateTimeOffset time)
    {
        var local = TimeZoneInfo.ConvertTime(time, Zone).TimeOfDay;
        return local >= Start && local < End;
    }
}
