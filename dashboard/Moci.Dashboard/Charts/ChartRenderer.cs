using System.Globalization;
using Microsoft.Extensions.Options;
using Moci.Dashboard.Options;
using ScottPlot;

namespace Moci.Dashboard.Charts;

/// <summary>
/// Renders charts to SVG and PNG on the server (ScottPlot's interactive Blazor control needs WebAssembly), in the
/// dashboard's time zone and culture, with the source and licence of <see cref="ChartOptions"/>. The station page and
/// the chart API draw through here, so a downloaded image is the chart on the page. Thread-safe: each call builds and
/// disposes its own plot.
/// </summary>
public sealed class ChartRenderer(IOptions<DashboardOptions> dashboard, IOptions<ChartOptions> charts)
{
    /// <summary>Default chart width in pixels.</summary>
    public const int Width = 760;

    /// <summary>Default chart height in pixels with a footnote of two lines (time zone, credit); each further note adds <see cref="NoteHeight"/>.</summary>
    public const int Height = 380;

    /// <summary>Pixels added to the height per footnote line beyond two, so the plot area keeps its size.</summary>
    public const int NoteHeight = 15;

    // Plot area is narrower than the image; reduce to the columns the data area really has.
    private const int AxisPixels = 90;

    private readonly CultureInfo _culture = dashboard.Value.CultureInfo();

    /// <summary>The zone, culture, source and licence every chart is drawn with.</summary>
    public ChartCredits Credits { get; } = new(dashboard.Value.Zone(), dashboard.Value.CultureInfo(), charts.Value.Source, charts.Value.Licence, charts.Value.LicenceUrl);

    /// <summary>Pixel columns of the plot area of a chart <paramref name="width"/> pixels wide: what the resolution of its data is chosen for.</summary>
    public static int Columns(int width = Width) => Math.Max(1, width - AxisPixels);

    /// <summary>The SVG document of the chart of <paramref name="series"/>, scalable through its viewBox.</summary>
    public string RenderSvg(ChartSubject subject, ChartSeries series, int width = Width) =>
        Render(subject, series, width, (plot, w, h) => Scalable(plot.GetSvgXml(w, h), w, h));

    /// <summary>The PNG image of the chart of <paramref name="series"/>.</summary>
    public byte[] RenderPng(ChartSubject subject, ChartSeries series, int width = Width) =>
        Render(subject, series, width, (plot, w, h) => plot.GetImageBytes(w, h, ImageFormat.Png));

    private T Render<T>(ChartSubject subject, ChartSeries series, int width, Func<Plot, int, int, T> render)
    {
        // ScottPlot formats date ticks with the current culture.
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = _culture;
        try
        {
            using var plot = TimeSeriesChart.Build(subject, series, Credits, Columns(width));
            var height = Height + NoteHeight * Math.Max(0, TimeSeriesChart.FootnoteLines(plot) - 2);
            return render(plot, width, height);
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
