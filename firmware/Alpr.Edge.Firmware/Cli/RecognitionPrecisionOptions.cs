using System.CommandLine;
using Alpr.Edge.Recognition;
using Alpr.Edge.Recognition.Cpu;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>--precision auto|int8|fp32</c> and <c>--cpu-class CLASS</c>, shared by <c>recognize</c> and <c>bench</c>.</summary>
internal static class RecognitionPrecisionOptions
{
    public static Option<string> CreatePrecision()
    {
        var option = new Option<string>("--precision")
        {
            Description = "Which file an int8 model loads: auto (the int8 file where the manifest verified it on this CPU class, its fp32 fallback elsewhere), int8, fp32 (as Recognition:Precision).",
            DefaultValueFactory = _ => "auto",
        };
        option.AcceptOnlyFromAmong("auto", "int8", "fp32");
        return option;
    }

    public static Option<string?> CreateCpuClass()
    {
        var option = new Option<string?>("--cpu-class") { Description = "Take this CPU class instead of detecting it (as Recognition:CpuClass), to see what another CPU would load." };
        option.AcceptOnlyFromAmong([.. CpuClasses.All]);
        return option;
    }

    public static RecognitionPrecision Parse(string? value) =>
        Enum.TryParse<RecognitionPrecision>(value, ignoreCase: true, out var precision) ? precision : RecognitionPrecision.Auto;
}
