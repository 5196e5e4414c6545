using Moci.Ingest.Queries;
using Moci.Ingest.Storage;

namespace Moci.Ingest.Exports;

/// <summary>
/// Writes an export from the store to a stream in the requested format and layout, streaming from the store's
/// reader to the destination: memory does not grow with the number of rows. Used by the API and by
/// <c>moci export</c>. Thread-safe: holds no state between calls.
/// </summary>
public sealed class ExportWriter(IReadingStore store, ExportNotice notice)
{
    /// <summary>The notice (licence, headers) this writer puts on every export.</summary>
    public ExportNotice Notice => notice;

    /// <summary>Writes the export of <paramref name="request"/> to <paramref name="destination"/>, which stays open.</summary>
    /// <param name="progress">Updated as rows are written, for a progress bar; null when nobody watches.</param>
    /// <returns>The number of data rows written.</returns>
    public async Task<long> WriteAsync(Stream destination, ExportRequest request, ExportProgress? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= new ExportProgress();
        if (request.Aggregated)
        {
            await WritePeriodsAsync(destination, request, progress, cancellationToken);
            return progress.Rows;
        }

        switch (request.Format, request.Layout)
        {
            case (ExportFormat.Csv, ExportLayout.Long):
                await ExportCsv.WriteLongAsync(destination, request, notice, ExportSource.LongAsync(store, request, cancellationToken), progress, cancellationToken);
                break;
            case (ExportFormat.Csv, ExportLayout.Wide):
                await ExportCsv.WriteWideAsync(destination, request, notice, ExportSource.WideAsync(store, request, cancellationToken), progress, cancellationToken);
                break;
            case (ExportFormat.Json, ExportLayout.Long):
                await ExportJson.WriteLongAsync(destination, request, notice, ExportSource.LongAsync(store, request, cancellationToken), progress, cancellationToken);
                break;
            default:
                await ExportJson.WriteWideAsync(destination, request, notice, ExportSource.WideAsync(store, request, cancellationToken), progress, cancellationToken);
                break;
        }

        return progress.Rows;
    }

    /// <summary>Hours or days through the same query service as <c>GET /api/v1/readings</c>.</summary>
    private async Task WritePeriodsAsync(Stream destination, ExportRequest request, ExportProgress progress, CancellationToken cancellationToken)
    {
        var queries = new SeriesQueries(store);
        switch (request.Format, request.Layout)
        {
            case (ExportFormat.Csv, ExportLayout.Long):
                await ExportPeriodsCsv.WriteLongAsync(destination, request, notice, ExportPeriodSource.LongAsync(queries, request, cancellationToken), progress, cancellationToken);
                break;
            case (ExportFormat.Csv, ExportLayout.Wide):
                await ExportPeriodsCsv.WriteWideAsync(destination, request, notice, ExportPeriodSource.WideAsync(queries, request, cancellationToken), progress, cancellationToken);
                break;
            case (ExportFormat.Json, ExportLayout.Long):
                await ExportPeriodsJson.WriteLongAsync(destination, request, notice, ExportPeriodSource.LongAsync(queries, request, cancellationToken), progress, cancellationToken);
                break;
            default:
                await ExportPeriodsJson.WriteWideAsync(destination, request, notice, ExportPeriodSource.WideAsync(queries, request, cancellationToken), progress, cancellationToken);
                break;
        }
    }
}
