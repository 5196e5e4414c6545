using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Moci.Ingest.Queries;
using Moci.Ingest.Stations;
using Moci.Telemetry.Readings;

namespace Moci.Ingest.Exports;

/// <summary>
/// What an export says about itself so that a file stands on its own as evidence: licence and attribution,
/// the range and time zone, the stations with their coordinates, and what the flags mean; and the HTTP headers
/// (<c>Link</c> with <c>rel="license"</c>, RFC 8288 and RFC 4946, and the download file name). Thread-safe: immutable.
/// </summary>
public sealed class ExportNotice(ExportOptions options)
{
    public ExportNotice(IOptions<ExportOptions> options)
        : this(options.Value)
    {
    }

    /// <summary>The configured licence, URL and attribution.</summary>
    public ExportOptions Options { get; } = options;

    /// <summary>The value of the <c>Link</c> header that points at the licence.</summary>
    public string LinkHeader => $"<{Options.LicenceUrl}>; rel=\"license\"";

    /// <summary>The default zone of the local-time column.</summary>
    public TimeZoneInfo DefaultTimeZone => ExportTimeZone.TryFind(Options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The external sources whose data the export holds, each once.</summary>
    public static IReadOnlyList<ExternalSource> ExternalSources(ExportRequest request) =>
        request.Stations.Select(ExternalSource.Of).OfType<ExternalSource>().Distinct().ToList();

    /// <summary>A file name that says what is in the file, e.g. <c>moci_rrg-school-01_pm2_5-pm10_20261124T0000Z_20261125T0000Z.csv</c>.</summary>
    public static string FileName(ExportRequest request)
    {
        var stations = request.Stations.Count <= 3 ? string.Join('-', request.Stations.Select(s => s.Id)) : $"{request.Stations.Count}-stations";
        var metrics = request.Metrics.Count <= 3 ? string.Join('-', request.Metrics.Select(m => m.Name)) : $"{request.Metrics.Count}-metrics";
        var layout = (request.Layout == ExportLayout.Wide ? "_wide" : "") + (request.Aggregated ? "_" + ExportPeriodsCsv.Name(request.Resolution) : "");
        return string.Create(CultureInfo.InvariantCulture,
            $"moci_{stations}_{metrics}_{request.From.UtcDateTime:yyyyMMdd'T'HHmm'Z'}_{request.To.UtcDateTime:yyyyMMdd'T'HHmm'Z'}{layout}.{request.Extension}");
    }

    /// <summary>
    /// The lines that head a CSV export (without the comment prefix). They are written as they are, so every
    /// character that could end a cell in a spreadsheet (separators, quotes, tabs, line breaks) is replaced by a
    /// space: the line stays one text cell that starts with '#', which no spreadsheet runs as a formula.
    /// </summary>
    public IEnumerable<string> CsvLines(ExportRequest request)
    {
        yield return Clean($"Licence: {Options.Licence} <{Options.LicenceUrl}> - credit: {Options.Attribution}");
        foreach (var source in ExternalSources(request))
        {
            var ids = string.Join(" ", request.Stations.Where(s => ExternalSource.Of(s) == source).Select(s => s.Id));
            yield return Clean($"Stations {ids} are external: licence {source.Licence} <{source.LicenceUrl}> - credit: {source.Attribution}");
        }

        yield return Clean(string.Create(CultureInfo.InvariantCulture,
            $"Range: from {request.From.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} to {request.To.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'} (UTC - the end is excluded). Local time: {request.TimeZone.Id}"));
        if (request.Aggregated)
        {
            yield return request.Resolution == Resolution.Hour
                ? "Resolution: UTC hours from the hourly rollups - mean of the valid readings only when the hour holds 75 % of the readings expected of it (Directive 2008/50/EC Annex VII A.2) - coverage 0 to 1 - incomplete 1: no mean"
                : "Resolution: UTC days from the rollups - mean of the complete hours' means only when the day has 18 of them (Directive 2008/50/EC Annex XI A) - coverage: complete hours / 24 - incomplete 1: no mean";
        }

        foreach (var station in request.Stations)
        {
            yield return Clean(string.Create(CultureInfo.InvariantCulture,
                $"Station {station.Id}: {station.Name} - latitude {station.Latitude} longitude {station.Longitude} (WGS84) - {station.Kind.ToString().ToLowerInvariant()}"));
        }

        yield return "Flags: out_of_range (outside what the sensor can measure) - clock_suspect (time guessed by the hub) - hub_timed (time of arrival). validity: 1 valid - -1 not valid (EEA observation validity)";
    }

    /// <summary>The EEA observation validity of a reading: 1 valid, −1 not valid (a flag casts doubt on it).</summary>
    public static int Validity(QaFlags flags) => flags.IsSuspect() ? -1 : 1;

    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is ',' or ';' or '"' or '\t' or '\r' or '\n' ? ' ' : c);
        }

        return builder.ToString();
    }
}
