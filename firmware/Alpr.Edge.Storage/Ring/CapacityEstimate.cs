namespace Alpr.Edge.Storage.Ring;

/// <summary>How many days of reads the disk budget holds at a traffic rate.</summary>
/// <param name="ReadsPerDay">The rate used: measured from the store when it holds enough history, else the configured one.</param>
/// <param name="BytesPerRead">Stored bytes per read used (measured or configured), overhead included.</param>
/// <param name="Days">Days the budget holds at that rate.</param>
/// <param name="Measured">True when the rate and size come from the store's own records.</param>
public readonly record struct CapacityEstimate(double ReadsPerDay, double BytesPerRead, double Days, bool Measured)
{
    /// <summary>History the store needs before its own rate is trusted.</summary>
    public static readonly TimeSpan MinimumObservation = TimeSpan.FromHours(1);

    /// <summary>Days a budget holds at <paramref name="readsPerDay"/> reads of <paramref name="bytesPerRead"/> bytes (plus the record overhead).</summary>
    public static double DaysAt(long budgetBytes, double readsPerDay, double bytesPerRead)
        => readsPerDay <= 0 ? double.PositiveInfinity : budgetBytes / (readsPerDay * (bytesPerRead + RingOptions.RecordOverheadBytes));

    /// <summary>
    /// Estimates from the store: <paramref name="recentReads"/> reads captured over <paramref name="observed"/>
    /// (at most the last day) and <paramref name="records"/> records taking <paramref name="liveBytes"/>.
    /// </summary>
    public static CapacityEstimate Compute(RingOptions options, long recentReads, TimeSpan observed, long records, long liveBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (observed >= MinimumObservation && recentReads > 0 && records > 0)
        {
            var rate = recentReads / observed.TotalDays;
            var bytes = (double)liveBytes / records;
            return new CapacityEstimate(rate, bytes, options.DiskBudgetBytes / (rate * bytes), Measured: true);
        }

        var configured = DaysAt(options.DiskBudgetBytes, options.ExpectedReadsPerDay, options.ExpectedBytesPerRead);
        return new CapacityEstimate(options.ExpectedReadsPerDay, options.ExpectedBytesPerRead + RingOptions.RecordOverheadBytes, configured, Measured: false);
    }
}
