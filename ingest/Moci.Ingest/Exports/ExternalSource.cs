using Moci.Ingest.Stations;

namespace Moci.Ingest.Exports;

/// <summary>
/// Data from outside the network, imported as reference stations so that students can compare their kit with
/// public sensors nearby. Such data keeps its own licence, which every export that holds it states.
/// </summary>
/// <param name="IdPrefix">The prefix of the ids of its stations, e.g. <c>sc-</c>.</param>
/// <param name="Initiative">What its stations carry as <see cref="Station.Initiative"/>, marking them external.</param>
/// <param name="Licence">Short name of the data's licence.</param>
/// <param name="LicenceUrl">Where the licence text is.</param>
/// <param name="Attribution">Whom to credit.</param>
public sealed record ExternalSource(string IdPrefix, string Initiative, string Licence, string LicenceUrl, string Attribution)
{
    /// <summary>
    /// The Sensor.Community archive (archive.sensor.community): the database under the Open Database License
    /// 1.0, its contents under the Database Contents License 1.0, as the archive's disclaimer states.
    /// </summary>
    public static readonly ExternalSource SensorCommunity = new(
        "sc-",
        "Sensor.Community (external reference)",
        "ODbL 1.0 (contents DbCL 1.0)",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "Sensor.Community contributors, archive.sensor.community");

    /// <summary>The external source a station's data comes from, or null for the network's own stations.</summary>
    public static ExternalSource? Of(Station station) =>
        station.Id.StartsWith(SensorCommunity.IdPrefix, StringComparison.Ordinal) && station.Initiative == SensorCommunity.Initiative
            ? SensorCommunity
            : null;
}
