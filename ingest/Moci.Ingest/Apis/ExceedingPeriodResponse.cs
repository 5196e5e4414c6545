namespace Moci.Ingest.Apis;

/// <summary>One hour or day above the limit: <c>[Start, End)</c> in UTC and its mean in the limit's unit.</summary>
public sealed record ExceedingPeriodResponse(DateTimeOffset Start, DateTimeOffset End, double Mean);
