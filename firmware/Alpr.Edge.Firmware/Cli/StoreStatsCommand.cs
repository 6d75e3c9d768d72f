using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alpr.Edge.Storage;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge store stats</c>: records, bytes, oldest/newest, backlog, held, days of capacity. Counts and times only.</summary>
internal static class StoreStatsCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var command = new Command("stats", "Records, bytes, oldest and newest capture, un-transferred backlog, held records and days of capacity.");
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = StoreCli.TryOpen("stats", parseResult.GetValue(options.Data), parseResult.GetValue(options.Config), parseResult.InvocationConfiguration.Error, out var exitCode);
            if (store is null)
            {
                return exitCode;
            }

            var stats = store.GetStats();
            if (parseResult.GetValue(options.Json))
            {
                WriteJson(output, stats);
            }
            else
            {
                WriteText(output, stats);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, StoreStats stats)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine($"store      {stats.Path} (schema {stats.SchemaVersion}, {stats.KeyGenerations} data-key generations)");
        output.WriteLine(string.Create(c, $"records    {stats.Reads} reads, {stats.Hits} hits; {stats.ReadsWithImages} reads with images"));
        output.WriteLine(string.Create(c, $"backlog    {stats.Backlog} not yet acknowledged by the bridge"));
        output.WriteLine(string.Create(c, $"held       {stats.Held} records under {stats.ActiveHolds} holds; {stats.Unreadable} unreadable"));
        output.WriteLine(string.Create(c, $"bytes      {stats.LiveBytes} of a {stats.BudgetBytes} budget ({stats.FileBytes} on disk with the WAL)"));
        output.WriteLine(string.Create(c, $"captured   {stats.Oldest?.ToString("o", c) ?? "-"} .. {stats.Newest?.ToString("o", c) ?? "-"}"));
        output.WriteLine(string.Create(c, $"capacity   {stats.Capacity.Days:0.0} days at {stats.Capacity.ReadsPerDay:0} reads/day of {stats.Capacity.BytesPerRead:0} bytes ({(stats.Capacity.Measured ? "measured" : "configured")})"));
    }

    private static void WriteJson(TextWriter output, StoreStats stats)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("path", stats.Path);
            json.WriteNumber("schemaVersion", stats.SchemaVersion);
            json.WriteNumber("reads", stats.Reads);
            json.WriteNumber("hits", stats.Hits);
            json.WriteNumber("readsWithImages", stats.ReadsWithImages);
            json.WriteNumber("backlog", stats.Backlog);
            json.WriteNumber("held", stats.Held);
            json.WriteNumber("activeHolds", stats.ActiveHolds);
            json.WriteNumber("unreadable", stats.Unreadable);
            json.WriteNumber("liveBytes", stats.LiveBytes);
            json.WriteNumber("budgetBytes", stats.BudgetBytes);
            json.WriteNumber("fileBytes", stats.FileBytes);
            WriteTime(json, "oldest", stats.Oldest);
            WriteTime(json, "newest", stats.Newest);
            json.WriteNumber("daysOfCapacity", Math.Round(stats.Capacity.Days, 2));
            json.WriteNumber("readsPerDay", Math.Round(stats.Capacity.ReadsPerDay, 1));
            json.WriteNumber("bytesPerRead", Math.Round(stats.Capacity.BytesPerRead, 1));
            json.WriteBoolean("capacityMeasured", stats.Capacity.Measured);
            json.WriteNumber("keyGenerations", stats.KeyGenerations);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
