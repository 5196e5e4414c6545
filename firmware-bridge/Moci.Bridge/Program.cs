using Moci.Bridge.Commands;

return await BridgeCli.RunAsync(args, BridgeContext.FromConsole());
