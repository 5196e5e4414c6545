using System.Globalization;

namespace Moci.Dashboard.Charts;

/// <summary>How a chart prints time, and the data source and licence it states under itself.</summary>
/// <param name="Zone">Time zone of the axis and the dates of the title.</param>
/// <param name="Culture">Culture of dates on the axis and in the title.</param>
/// <param name="Source">Whose data it is: "MOCI community stations".</param>
/// <param name="Licence">"CC BY 4.0".</param>
/// <param name="LicenceUrl">Where the licence text is.</param>
public sealed record ChartCredits(TimeZoneInfo Zone, CultureInfo Culture, string Source, string Licence, string LicenceUrl);
