using System.CommandLine;
using System.Globalization;

namespace Moci.Cli.Commands.Stations;

/// <summary><c>--lat</c> or <c>--lon</c>: WGS84 decimal degrees with a '.' decimal point, within ±<c>limit</c>.</summary>
internal sealed class CoordinateOption : Option<double>
{
    /// <param name="name">The option, e.g. <c>--lat</c>.</param>
    /// <param name="what">"latitude" or "longitude".</param>
    /// <param name="limit">The largest magnitude allowed: 90 or 180 degrees.</param>
    /// <param name="example">A value shown in messages, e.g. 41.0755.</param>
    public CoordinateOption(string name, string what, double limit, string example)
        : base(name)
    {
        Required = true;
        HelpName = "DEGREES";
        Description = $"WGS84 {what} in decimal degrees, -{limit} to {limit}, e.g. {example}.";
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var degrees) || !double.IsFinite(degrees))
            {
                result.AddError($"{name}: '{text}' is not a number of degrees; write the {what} with a decimal point, e.g. {example}.");
                return default;
            }

            if (Math.Abs(degrees) > limit)
            {
                result.AddError($"{name}: {text} is out of range; a {what} lies between -{limit} and {limit} degrees.");
                return default;
            }

            return degrees;
        };
    }
}
