using System.CommandLine;
using System.Globalization;
using System.Text;
using Alpr.Edge.Contracts;
using Alpr.Edge.Storage;
using Alpr.Edge.Storage.Evidence;
using Alpr.Edge.Storage.Outbox;
using Alpr.Edge.Storage.Ring;

namespace Alpr.Edge.Firmware.Cli;

/// <summary>
/// Hidden <c>alpr-edge store crash-writer --data DIR --seed N</c>: a test aid for kill tests. Writes batches of
/// reads (some with hits, some with images) and acknowledgements until killed, printing <c>C id</c> for every
/// record once its transaction has committed and <c>A id</c> for every acknowledgement once committed.
/// </summary>
internal static class StoreCrashWriterCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Data folder", Required = true, HelpName = "DIR" };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var command = new Command("crash-writer", "Test aid: write and acknowledge records until killed, reporting each commit.") { data, seed };
        command.Hidden = true;
        command.SetAction((parseResult, cancellationToken) => Task.FromResult(Run(
            parseResult.InvocationConfiguration.Output,
            parseResult.GetValue(data)!,
            parseResult.GetValue(seed),
            cancellationToken)));
        return command;
    }

    private static int Run(TextWriter output, string directory, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var image = new byte[2048];
        random.NextBytes(image);
        using var store = EncryptedStore.Open(
            new EncryptedStoreOptions { DataDirectory = directory, DeviceId = "crash-pole", Ring = new RingOptions { DiskBudgetBytes = 1L << 40 } },
            TimeProvider.System);
        output.WriteLine("ready");
        var line = new StringBuilder();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = new List<ReadToStore>();
            for (var i = random.Next(1, 9); i > 0; i--)
            {
                var read = new PlateReadMessage
                {
                    Id = Guid.NewGuid(),
                    DeviceId = "crash-pole",
                    Camera = "cam0",
                    Plate = string.Create(CultureInfo.InvariantCulture, $"CR{random.Next(100_000):D5}"),
                    Confidence = 0.9,
                    CapturedAt = DateTimeOffset.UtcNow,
                };
                HotlistHitMessage[] hits = random.Next(4) == 0
                    ? [new HotlistHitMessage { Id = Guid.NewGuid(), Read = read, ListName = "l", Category = "c", EntryPlate = read.Plate, MatchKind = "exact" }]
                    : [];
                var evidence = random.Next(3) == 0 ? new ReadEvidence { PlateCropJpeg = image, Site = new GeoPosition(1, 2) } : ReadEvidence.None;
                batch.Add(new ReadToStore(read, hits, evidence));
            }

            store.AddBatch(batch);
            line.Clear();
            foreach (var item in batch)
            {
                line.Append("C ").Append(item.Read.Id).Append('\n');
                foreach (var hit in item.Hits)
                {
                    line.Append("C ").Append(hit.Id).Append('\n');
                }
            }

            output.Write(line.ToString());
            output.Flush();
            if (random.Next(3) == 0)
            {
                var taken = store.TakeForSending(RecordKind.Read, 4, TimeSpan.FromSeconds(1)).Select(r => r.Id).ToList();
                store.MarkAcked(taken);
                output.Write(string.Concat(taken.Select(id => $"A {id}\n")));
                output.Flush();
            }
        }

        return ExitCodes.Success;
    }
}
