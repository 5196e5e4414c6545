using System.CommandLine;
using Moci.Bridge.Configuration;

namespace Moci.Bridge.Commands;

/// <summary>An option taking a duration written as people do (<c>1s</c>, <c>10m</c>), within bounds.</summary>
internal sealed class DurationOption : Option<TimeSpan>
{
    /// <param name="name">The option, e.g. <c>--interval</c>.</param>
    /// <param name="defaultValue">Taken when the option is not given.</param>
    /// <param name="min">Shortest allowed.</param>
    /// <param name="max">Longest allowed.</param>
    public DurationOption(string name, TimeSpan defaultValue, TimeSpan min, TimeSpan max)
        : base(name)
    {
        HelpName = "DURATION";
        DefaultValueFactory = _ => defaultValue;
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!Duration.TryParse(text, out var duration))
            {
                result.AddError($"{name}: '{text}' is not a duration; write {Duration.Expected}.");
                return default;
            }

            if (duration < min || duration > max)
            {
                result.AddError($"{name}: {Duration.Format(duration)} is not between {Duration.Format(min)} and {Duration.Format(max)}.");
            }

            return duration;
        };
    }
}
