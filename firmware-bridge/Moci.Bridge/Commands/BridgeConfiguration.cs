using Microsoft.Extensions.Configuration;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Commands;

/// <summary>Reads the configuration file for a command, printing why it cannot be used.</summary>
internal static class BridgeConfiguration
{
    /// <summary>The configuration, or null after printing each problem to <see cref="BridgeContext.Error"/>.</summary>
    public static async Task<IConfigurationRoot?> LoadAsync(string path, BridgeContext context)
    {
        try
        {
            return ConfigFile.Load(path);
        }
        catch (ConfigFileException ex)
        {
            await context.Error.WriteLineAsync($"{ex.Path} cannot be used:");
            foreach (var problem in ex.Problems)
            {
                await context.Error.WriteLineAsync("  " + problem);
            }

            return null;
        }
    }
}
