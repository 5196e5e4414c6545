using System.CommandLine;
using System.Globalization;
using Moci.Ingest.Options;
using Moci.Telemetry.Protocol;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>
/// <c>--backfill-window DAYS</c>: how far before a letter's reception time a reading may lie, as the hub's
/// <c>Intake:BackfillWindow</c>. Days, or a duration written as in the hub's settings (<c>d.hh:mm:ss</c>).
/// </summary>
internal sealed class BackfillWindowOption : Option<TimeSpan>
{
    public BackfillWindowOption()
        : base("--backfill-window")
    {
        var most = IntakeOptions.MaxBackfillWindow.TotalDays.ToString(CultureInfo.InvariantCulture);
        HelpName = "DAYS";
        Description = "How far before the time a letter was received a reading may lie and still be stored, as the hub's " +
                      $"Intake:BackfillWindow: days (e.g. 365) or days.hh:mm:ss. At most {most} days. Default " +
                      $"{TimeRules.DefaultBackfillWindow.TotalDays.ToString(CultureInfo.InvariantCulture)} days, the hub's default: this " +
                      "command does not read the hub's settings, so give the hub's value if it has another, or a wider one to " +
                      "store readings that arrived too late. The other time rules are the hub's defaults too (at most " +
                      $"{TimeRules.DefaultFutureTolerance.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes ahead of the time received, none before 2000).";
        DefaultValueFactory = _ => TimeRules.DefaultBackfillWindow;
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var window))
            {
                result.AddError($"--backfill-window: '{text}' is not a duration; give days, e.g. 365, or days.hh:mm:ss, e.g. 365.00:00:00.");
                return default;
            }

            if (window <= TimeSpan.Zero || window > IntakeOptions.MaxBackfillWindow)
            {
                result.AddError($"--backfill-window: {text} is out of range; give more than 0 and at most {most} days.");
                return default;
            }

            return window;
        };
    }
}
