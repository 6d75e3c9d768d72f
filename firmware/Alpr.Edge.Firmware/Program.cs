using Alpr.Edge.Firmware.Cli;

return await FirmwareCli.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
