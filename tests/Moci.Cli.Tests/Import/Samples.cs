namespace Moci.Cli.Tests.Import;

/// <summary>The Sensor.Community archive files under Import/Samples, copied beside the tests.</summary>
internal static class Samples
{
    /// <summary>SDS011 #12345: 8 rows, 3 good (one out of range), 5 bad for 5 different reasons.</summary>
    public static string Sds011 => Path.Combine(TestContext.CurrentContext.TestDirectory, "Import", "Samples", "2024-01-01_sds011_sensor_12345.csv");

    /// <summary>DHT22 #12346: 2 rows of temperature and humidity, LF line ends.</summary>
    public static string Dht22 => Path.Combine(TestContext.CurrentContext.TestDirectory, "Import", "Samples", "2024-01-01_dht22_sensor_12346.csv");

    /// <summary>BME280 #12347: 1 row with pressure in Pa.</summary>
    public static string Bme280 => Path.Combine(TestContext.CurrentContext.TestDirectory, "Import", "Samples", "2024-01-01_bme280_sensor_12347.csv");
}
