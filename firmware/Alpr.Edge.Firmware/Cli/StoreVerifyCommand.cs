using System.CommandLine;
using System.Text.Json;

namespace Alpr.Edge.Firmware.Cli;

/// <summary><c>alpr-edge store verify</c>: SQLite integrity check plus decryption of every record; exit 1 on any failure.</summary>
internal static class StoreVerifyCommand
{
    public static Command Create()
    {
        var options = new StoreCommandOptions();
        var command = new Command("verify", "Integrity check of the file and decryption of every record and image; exits 1 on any failure.");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            using var store = StoreCli.TryOpen("verify", parseResult.GetValue(options.Data), parseResult.GetValue(options.Config), parseResult.InvocationConfiguration.Error, out var exitCode);
            if (store is null)
            {
                return Task.FromResult(exitCode);
            }

            var report = store.Verify(cancellationToken);
            if (parseResult.GetValue(options.Json))
            {
                using var buffer = new MemoryStream();
                using (var json = new Utf8JsonWriter(buffer))
                {
                    json.WriteStartObject();
                    json.WriteBoolean("ok", report.Ok);
                    json.WriteNumber("recordsChecked", report.RecordsChecked);
                    json.WriteNumber("imagesChecked", report.ImagesChecked);
                    json.WriteStartArray("integrityErrors");
                    foreach (var line in report.IntegrityErrors)
                    {
                        json.WriteStringValue(line);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("unreadable");
                    foreach (var record in report.Unreadable)
                    {
                        json.WriteStartObject();
                        json.WriteString("id", record.Id);
                        json.WriteString("reason", record.Reason);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                output.WriteLine($"integrity  {(report.IntegrityErrors.Count == 0 ? "ok" : string.Join("; ", report.IntegrityErrors))}");
                output.WriteLine($"decrypted  {report.RecordsChecked - report.Unreadable.Count} of {report.RecordsChecked} records, {report.ImagesChecked} image blobs");
                foreach (var record in report.Unreadable)
                {
                    output.WriteLine($"unreadable {record.Id}: {record.Reason}");
                }

                output.WriteLine(report.Ok ? "ok" : "FAILED");
            }

            return Task.FromResult(report.Ok ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }
}
