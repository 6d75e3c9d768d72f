using System.Globalization;

namespace Alpr.Edge.Capture.Ffmpeg;

/// <summary>The ffmpeg command line for a source: decode the input, optionally reduce the rate and scale, write JPEGs to stdout.</summary>
public static class FfmpegArguments
{
    /// <summary>The arguments (without the program) for <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> For(FfmpegSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var microseconds = ((long)options.IoTimeout.TotalMicroseconds).ToString(CultureInfo.InvariantCulture);
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-loglevel", "error" };
        switch (options.Kind)
        {
            case FfmpegInputKind.Rtsp:
                arguments.AddRange(["-rtsp_transport", options.RtspTransport]);
                arguments.AddRange(options.Listen ? ["-rtsp_flags", "listen"] : ["-timeout", microseconds]);
                arguments.AddRange(["-fflags", "nobuffer", "-flags", "low_delay"]);
                break;
            case FfmpegInputKind.Http:
                // MJPEG over HTTP carries no timestamps: stamp frames on arrival so that the fps filter sees the real rate.
                arguments.AddRange(["-rw_timeout", microseconds, "-fflags", "nobuffer", "-use_wallclock_as_timestamps", "1"]);
                break;
            case FfmpegInputKind.File:
                if (options.Loop)
                {
                    arguments.AddRange(["-stream_loop", "-1"]);
                }

                if (options.FramesPerSecond is null)
                {
                    // The file's own rate; with a rate given, the source paces every decoded frame itself.
                    arguments.Add("-re");
                }

                break;
        }

        arguments.AddRange(["-i", options.Input, "-an", "-sn", "-dn"]);
        var filters = new List<string>();
        if (options.IsLive && options.FramesPerSecond is { } fps)
        {
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"fps={fps}"));
        }

        if (options.Width is not null || options.Height is not null)
        {
            filters.Add(string.Create(CultureInfo.InvariantCulture, $"scale={options.Width ?? -2}:{options.Height ?? -2}"));
        }

        if (filters.Count > 0)
        {
            arguments.AddRange(["-vf", string.Join(',', filters)]);
        }

        // One output frame per decoded frame: image2pipe would otherwise duplicate frames up to a constant 25 fps. Frames stamped
        // on arrival (HTTP) that come in one burst fall on the same tick of the encoder's default time base, which the JPEG
        // encoder refuses ("Invalid pts <= last") and ffmpeg exits: there, a microsecond time base keeps them apart and vfr
        // drops only a frame that would still repeat a timestamp (measured: 20 frames piped at once, 19 out instead of an exit).
        arguments.AddRange(options.Kind == FfmpegInputKind.Http ? ["-fps_mode", "vfr", "-enc_time_base", "1:1000000"] : ["-fps_mode", "passthrough"]);
        arguments.AddRange(["-f", "image2pipe", "-c:v", "mjpeg", "-q:v", options.JpegQuality.ToString(CultureInfo.InvariantCulture), "pipe:1"]);
        return arguments;
    }
}
