using System.Globalization;
using Alpr.Edge.Firmware.Tracking;
using Alpr.Edge.Recognition;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>What <c>alpr-edge fusion-bench</c> counts: per method, the passes whose one text is the plate's.</summary>
internal sealed class FusionBenchTally
{
    /// <summary>The methods compared, in the order printed; the first three are the figures asked for.</summary>
    public static IReadOnlyList<(string Name, Func<IReadOnlyList<PlateReading>, string> Text)> Methods { get; } =
    [
        ("best single frame (most confident)", s => PlateTextFusion.BestFrame(s).Text),
        ("majority (the tracker before fusion)", s => PlateTextFusion.Majority(s).Text),
        ("fused vote (Tracking:Fusion=Vote)", s => PlateTextFusion.Vote(s).Text),
        ("  vote without runner-up characters", s => PlateTextFusion.Vote(s, FusionVoteSettings.Default with { UseAlternatives = false }).Text),
        ("  vote, length voted by whole readings", s => PlateTextFusion.Vote(s, FusionVoteSettings.Default with { LengthByColumns = false }).Text),
        ("  vote, overall confidence only", s => PlateTextFusion.Vote([.. s.Select(r => r with { CharacterConfidences = [] })]).Text),
    ];

    private readonly int[] _exact = new int[Methods.Count];

    public int Passes { get; private set; }

    public int Frames { get; private set; }

    public int FramesRead { get; private set; }

    public int FramesExact { get; private set; }

    public int PassesWithAnExactFrame { get; private set; }

    public int PassesWithoutText { get; private set; }

    /// <summary>Passes the vote read right although no frame did.</summary>
    public int VoteRightNoFrameRight { get; private set; }

    /// <summary>Passes the best frame read right and the vote did not.</summary>
    public int VoteWrongBestFrameRight { get; private set; }

    public int TrackerReads { get; private set; }

    public int TrackerPassesWithOneRead { get; private set; }

    public int TrackerExact { get; private set; }

    /// <summary>Counts one pass of <paramref name="frames"/> frames of <paramref name="truth"/>, its readings, and the reads the tracker made of it.</summary>
    public void Add(string truth, int frames, IReadOnlyList<PlateReading> readings, IReadOnlyList<TrackedRead> trackerReads)
    {
        Passes++;
        Frames += frames;
        FramesRead += readings.Count;
        var exactFrames = readings.Count(r => r.Text == truth);
        FramesExact += exactFrames;
        PassesWithAnExactFrame += exactFrames > 0 ? 1 : 0;
        TrackerReads += trackerReads.Count;
        TrackerPassesWithOneRead += trackerReads.Count == 1 ? 1 : 0;
        TrackerExact += trackerReads.Count == 1 && trackerReads[0].Text == truth ? 1 : 0;
        if (readings.Count == 0)
        {
            PassesWithoutText++;
            return;
        }

        var right = Methods.Select(m => m.Text(readings) == truth).ToArray();
        for (var i = 0; i < right.Length; i++)
        {
            _exact[i] += right[i] ? 1 : 0;
        }

        VoteRightNoFrameRight += right[2] && exactFrames == 0 ? 1 : 0;
        VoteWrongBestFrameRight += right[0] && !right[2] ? 1 : 0;
    }

    /// <summary>Passes read exactly by method <paramref name="index"/> of <see cref="Methods"/>.</summary>
    public int Exact(int index) => _exact[index];

    /// <summary><c>38/60  63.3 %</c>.</summary>
    public static string Share(int count, int of) =>
        string.Create(CultureInfo.InvariantCulture, $"{count,5}/{of,-5} {(of == 0 ? 0 : 100.0 * count / of),5:F1} %");
}
