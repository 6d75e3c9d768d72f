using System.Text.RegularExpressions;

namespace Alpr.Edge.CommandLine;

/// <summary>
/// Rewrites the parser's and the configuration binder's conversion errors, which name .NET types
/// (<c>System.Nullable`1[System.Int32]</c>), into what the value should look like.
/// </summary>
public static partial class ParseErrorText
{
    /// <summary>
    /// <paramref name="message"/> with a conversion error said plainly, for example
    /// <c>--frames: 'abc' is not a whole number</c>; any other message unchanged.
    /// </summary>
    public static string Describe(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var argument = ArgumentConversion().Match(message);
        if (argument.Success)
        {
            return $"{argument.Groups["option"].Value}: '{argument.Groups["value"].Value}' is not {Expected(argument.Groups["type"].Value)}";
        }

        var setting = SettingConversion().Match(message);
        return setting.Success
            ? $"{setting.Groups["key"].Value}: '{setting.Groups["value"].Value}' is not {Expected(setting.Groups["type"].Value)}"
            : message;
    }

    /// <summary>What a value of .NET type <paramref name="typeName"/> looks like, said for a person.</summary>
    public static string Expected(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var nullable = NullableOf().Match(typeName);
        var type = nullable.Success ? nullable.Groups["inner"].Value : typeName;
        return type switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt16" or "System.UInt32" or "System.Byte" => "a whole number",
            "System.Double" or "System.Single" or "System.Decimal" => "a number, such as 0.5",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a time span: hh:mm:ss or d.hh:mm:ss, such as 00:00:01.5 or 1.00:00:00",
            "System.Uri" => "an address such as mqtt://host:1883",
            "System.DateTimeOffset" or "System.DateTime" => "a date and time such as 2026-12-03T18:00:00Z",
            "System.Guid" => "an id such as 0190f0b2-0000-7000-8000-000000000001",
            _ => $"a valid {type[(type.LastIndexOf('.') + 1)..]}",
        };
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?<type>[^']+)'\.?$", RegexOptions.Singleline)]
    private static partial Regex ArgumentConversion();

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.?", RegexOptions.Singleline)]
    private static partial Regex SettingConversion();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>[^\]]+)\]$")]
    private static partial Regex NullableOf();
}
