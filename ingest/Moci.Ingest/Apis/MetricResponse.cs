namespace Moci.Ingest.Apis;

/// <summary>A metric of the catalogue.</summary>
public sealed record MetricResponse(string Name, string Label, string Unit, string UnitSymbol, string Medium, double PlausibleMinimum, double PlausibleMaximum, int Decimals);
