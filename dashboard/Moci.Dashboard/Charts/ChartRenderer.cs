using System.Globalization;
using Microsoft.Extensions.Options;
using Moci.Dashboard.Options;
using Moci.Telemetry.Metrics;
using Moci.Telemetry.Readings;
using Moci.Telemetry.Time;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Renders charts to SVG on the server (ScottPlot's interactive Blazor control needs WebAssembly), in the
/// dashboard's time zone and culture. Thread-safe: each call builds and disposes its own plot.
/// </summary>
public sealed class ChartRenderer(IOptions<DashboardOptions> options)
{
    /// <summary>Default chart size in pixels.</summary>
    public const int Width = 760;

    public const int Height = 280;

    // Plot area is narrower than the image; reduce to the columns the data area really has.
    private const int AxisPixels = 90;

    private readonly TimeZoneInfo _zone = options.Value.Zone();
    private readonly CultureInfo _culture = options.Value.CultureInfo();

    /// <summary>Pixel columns of the plot area of a chart <paramref name="width"/> pixels wide: what the resolution of its data is chosen for.</summary>
    public static int Columns(int width = Width) => Math.Max(1, width - AxisPixels);

    /// <summary>The SVG document of one metric's chart of <paramref name="series"/> over <paramref name="range"/>.</summary>
    public string RenderSvg(Metric metric, ChartSeries series, TimeRange range, int width = Width, int height = Height) =>
        Render(metric, series.Points.Where(p => range.Contains(p.Timestamp) && double.IsFinite(p.Value)).ToList(), range, width, height);

    /// <summary>The SVG document of one metric's chart over <paramref name="range"/>.</summary>
    public string RenderSvg(Metric metric, IEnumerable<Reading> readings, TimeRange range, int width = Width, int height = Height)
    {
        // A value that is not a finite number (only a database of an earlier release holds one) cannot be
        // placed on the axis; it is left out, and the line does not get an infinite scale.
        var points = readings
            .Where(r => range.Contains(r.Timestamp) && double.IsFinite(r.Value))
            .Select(r => new ChartPoint(r.Timestamp, r.Value, r.Flags.IsSuspect()))
            .ToList();
        return Render(metric, points, range, width, height);
    }

    private string Render(Metric metric, List<ChartPoint> points, TimeRange range, int width, int height)
    {

        // ScottPlot formats date ticks with the current culture.
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = _culture;
        try
        {
            using var plot = TimeSeriesChart.Build(metric, points, range, _zone, Columns(width));
            return Scalable(plot.GetSvgXml(width, height), width, height);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>
    /// Adds a viewBox so the browser can scale the chart to its column; without one, a narrower SVG is
    /// clipped instead of shrunk and loses its time axis.
    /// </summary>
    private static string Scalable(string svg, int width, int height)
    {
        var root = svg.IndexOf("<svg ", StringComparison.Ordinal);
        return root < 0 || svg.Contains("viewBox", StringComparison.Ordinal)
            ? svg
            : svg.Insert(root + 5, $"viewBox=\"0 0 {width} {height}\" ");
    }
}
