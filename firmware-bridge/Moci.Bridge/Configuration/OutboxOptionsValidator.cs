using Microsoft.Extensions.Options;

namespace Moci.Bridge.Configuration;

/// <summary>Start-up checks of <see cref="OutboxOptions"/>.</summary>
internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDir) || !Path.IsPathFullyQualified(options.DataDir))
        {
            return ValidateOptionsResult.Fail(
                $"outbox:dataDir must be an absolute path (was '{options.DataDir}'); the usual one is /var/lib/moci-bridge, which the install script creates for the bridge's user.");
        }

        return ValidateOptionsResult.Success;
    }
}
