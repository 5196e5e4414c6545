using Moci.Telemetry.Metrics;

namespace Moci.Telemetry.Tests.Metrics;

public sealed class MetricCatalogueTests
{
    [TestCase("pm1", "ug/m3")]
    [TestCase("pm2_5", "ug/m3")]
    [TestCase("pm10", "ug/m3")]
    [TestCase("temperature", "Cel")]
    [TestCase("humidity", "%RH")]
    [TestCase("pressure", "hPa")]
    [TestCase("co2", "ppm")]
    [TestCase("water_temperature", "Cel")]
    [TestCase("ph", "pH")]
    [TestCase("conductivity", "uS/cm")]
    [TestCase("turbidity", "NTU")]
    [TestCase("dissolved_oxygen", "mg/L")]
    [TestCase("battery_voltage", "V")]
    [TestCase("latitude", "lat")]
    [TestCase("longitude", "lon")]
    [TestCase("tds", "mg/L")]
    public void TryGet_WireProtocolName_FindsMetricWithUnit(string name, string unit)
    {
        Assert.That(MetricCatalogue.TryGet(name, out var metric), Is.True);
        Assert.That(metric!.Unit, Is.EqualTo(unit));
        Assert.That(metric.PlausibleMinimum, Is.LessThan(metric.PlausibleMaximum));
    }

    [TestCase("PM2_5")]
    [TestCase("pm25")]
    [TestCase("")]
    public void TryGet_UnknownName_ReturnsFalse(string name)
    {
        Assert.That(MetricCatalogue.TryGet(name, out _), Is.False);
    }

    [Test]
    public void All_NamesAreUniqueAndValidSenMLNameParts()
    {
        var names = MetricCatalogue.All.Select(m => m.Name).ToList();

        Assert.That(names, Is.Unique);
        Assert.That(names, Has.All.Matches("^[a-z0-9_]+$"));
    }

    [Test]
    public void All_KeepsEveryEarlierNameInItsPlace()
    {
        string[] earlier =
        [
            "pm1", "pm2_5", "pm10", "temperature", "humidity", "pressure", "co2",
            "water_temperature", "ph", "conductivity", "turbidity", "dissolved_oxygen", "battery_voltage",
        ];

        Assert.That(MetricCatalogue.All.Take(earlier.Length).Select(m => m.Name), Is.EqualTo(earlier));
    }

    [TestCase("latitude")]
    [TestCase("longitude")]
    public void Position_IsADeviceMetricEveryKindOfStationMaySend(string name)
    {
        MetricCatalogue.TryGet(name, out var metric);

        Assert.That(metric!.Medium, Is.EqualTo(Medium.Device));
    }

    [TestCase("pressure", "Pa", 101325, 1013.25)]
    [TestCase("tds", "kg/m3", 0.707, 707)]
    [TestCase("temperature", "K", 293.15, 20)]
    [TestCase("pm2_5", "kg/m3", 1.23e-8, 12.3)]
    [TestCase("conductivity", "S/m", 0.045, 450)]
    [TestCase("co2", "/", 0.000415, 415)]
    [TestCase("dissolved_oxygen", "kg/m3", 0.0091, 9.1)]
    [TestCase("pm10", null, 20, 20)]
    [TestCase("pm10", "ug/m3", 20, 20)]
    public void TryConvertFrom_AcceptedUnit_ConvertsIntoCatalogueUnit(string name, string? unit, double value, double expected)
    {
        MetricCatalogue.TryGet(name, out var metric);

        Assert.That(metric!.TryConvertFrom(unit, value, out var converted), Is.True);
        Assert.That(converted, Is.EqualTo(expected).Within(1e-9));
    }

    [TestCase("pm10", "Cel")]
    [TestCase("temperature", "Far")]
    [TestCase("humidity", "/")]
    [TestCase("latitude", "lon")]
    [TestCase("longitude", "rad")]
    public void TryConvertFrom_UnacceptedUnit_ReturnsFalse(string name, string unit)
    {
        MetricCatalogue.TryGet(name, out var metric);

        Assert.That(metric!.TryConvertFrom(unit, 1, out _), Is.False);
    }

    [TestCase("humidity", 100, true)]
    [TestCase("humidity", 100.5, false)]
    [TestCase("humidity", -0.1, false)]
    [TestCase("pm2_5", 800, true)]
    [TestCase("pm2_5", 801, false)]
    [TestCase("ph", 14.01, false)]
    [TestCase("temperature", -40, true)]
    [TestCase("pressure", 250, false)]
    [TestCase("pm10", double.NaN, false)]
    [TestCase("latitude", -90, true)]
    [TestCase("latitude", 90.0001, false)]
    [TestCase("longitude", 180, true)]
    [TestCase("longitude", -180.0001, false)]
    [TestCase("tds", 707, true)]
    [TestCase("tds", -1, false)]
    public void IsPlausible_ChecksDatasheetRange(string name, double value, bool plausible)
    {
        MetricCatalogue.TryGet(name, out var metric);

        Assert.That(metric!.IsPlausible(value), Is.EqualTo(plausible));
    }

    [Test]
    public void Format_UsesMetricPrecision()
    {
        Assert.Multiple(() =>
        {
            Assert.That(MetricCatalogue.Ph.Format(7.0), Is.EqualTo("7.00"));
            Assert.That(MetricCatalogue.Pm2_5.Format(12.345), Is.EqualTo("12.3"));
            Assert.That(MetricCatalogue.Co2.Format(415.4), Is.EqualTo("415"));
            Assert.That(MetricCatalogue.Latitude.Format(41.3275123), Is.EqualTo("41.32751"));
            Assert.That(MetricCatalogue.Temperature.Format(21.46, new System.Globalization.CultureInfo("sq-AL")), Is.EqualTo("21,5"));
        });
    }
}
