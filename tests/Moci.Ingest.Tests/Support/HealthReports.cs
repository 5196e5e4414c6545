using System.Globalization;

namespace Moci.Ingest.Tests.Support;

/// <summary>Health reports as moci-bridge publishes them (docs/wire-protocol.md, "Station health").</summary>
internal static class HealthReports
{
    /// <summary>A report of <paramref name="station"/> made at <paramref name="at"/>, with a failing dust sensor when asked for.</summary>
    public static string Json(string station, DateTimeOffset at, bool dustFailing = false, long depth = 3, long dropped = 0) =>
        $$"""
        {
          "station": "{{station}}",
          "at": "{{at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)}}",
          "uptimeSeconds": 86412.3,
          "bridgeUptimeSeconds": 3600.0,
          "cpuTemperatureCelsius": 48.3,
          "diskFreeBytes": 12884901888,
          "outbox": { "depth": {{depth}}, "oldestAgeSeconds": null, "dropped": {{dropped}} },
          "clock": { "source": "ntp", "synchronised": true },
          "sensors": [
            { "name": "air", "type": "bme280", "state": "ok", "lastError": null, "lastErrorAt": null, "lastSampleAt": "2026-11-20T10:04:50+00:00" },
            { "name": "dust", "type": "sds011", "state": "{{(dustFailing ? "failing" : "ok")}}", "lastError": {{(dustFailing ? "\"sensor 'dust' (sds011): no frame within 3 s\"" : "null")}}, "lastErrorAt": null, "lastSampleAt": null }
          ]
        }
        """;
}
