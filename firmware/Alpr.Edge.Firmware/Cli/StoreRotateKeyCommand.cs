using System.CommandLine;
using System.Text.Json;
using Alpr.Edge.Storage.Keys;
using Microsoft.Data.Sqlite;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// <c>alpr-edge store rotate-key</c>: a new device key, every store key re-wrapped under it and a new data-key
/// generation; old records stay readable. Safe while <c>alpr-edge run</c> uses the store.
/// </summary>
internal static class StoreRotateKeyCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var command = new Command("rotate-key", "Rotate the device key: re-wrap every store key under a new one and start a new data-key generation.");
        options.AddTo(command);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            using var store = StoreCli.TryOpen("rotate-key", parseResult.GetValue(options.Data), parseResult.GetValue(options.Config), error, out var exitCode);
            if (store is null)
            {
                return exitCode;
            }

            long keyId;
            try
            {
                keyId = store.RotateKey();
            }
            catch (Exception ex) when (ex is StoreKeyException or SqliteException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"alpr-edge store rotate-key: {ex.Message}");
                return ExitCodes.Failure;
            }

            if (parseResult.GetValue(options.Json))
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteBoolean("rotated", true);
                    json.WriteNumber("dataKeyId", keyId);
                    json.WriteNumber("keyGenerations", store.GetStats().KeyGenerations);
                    json.WriteEndObject();
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                output.WriteLine($"rotated: new device key written, every store key re-wrapped, new records use data key {keyId}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
