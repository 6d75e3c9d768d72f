using Alpr.Edge.Bridge.Cli;

return await BridgeCli.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
