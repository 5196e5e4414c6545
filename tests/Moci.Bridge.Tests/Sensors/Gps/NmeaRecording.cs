using System.Text;

namespace Moci.Bridge.Tests.Sensors.Gps;

/// <summary>
/// NMEA 0183 sentences as a receiver sends them, each with its checksum (the XOR of the characters between '$' and
/// '*'). The first two are the well-known example of the NMEA reference texts (48°07.038' N 11°31.000' E); the others
/// a bicycle crossing Tirana on 20 November 2026, and a receiver without a fix as it sends after a cold start.
/// </summary>
internal static class NmeaRecording
{
    public const string ReferenceGga = "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47";
    public const string ReferenceRmc = "$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A";

    public const string TiranaRmc1 = "$GPRMC,081502.00,A,4119.65000,N,01949.10000,E,3.2,45.0,201126,,,A*6C";
    public const string TiranaGga1 = "$GPGGA,081502.00,4119.65000,N,01949.10000,E,1,09,0.95,110.2,M,45.1,M,,*5F";
    public const string TiranaRmc2 = "$GPRMC,081503.00,A,4119.66200,N,01949.11800,E,3.1,44.0,201126,,,A*67";
    public const string TiranaGga2 = "$GPGGA,081503.00,4119.66200,N,01949.11800,E,1,09,0.95,110.4,M,45.1,M,,*50";

    public const string ColdStartRmc = "$GPRMC,,V,,,,,,,,,,N*53";
    public const string ColdStartGga = "$GPGGA,,,,,,0,00,99.99,,,,,,*48";
    public const string Satellites = "$GPGSV,1,1,00*79";
    public const string FixLostRmc = "$GPRMC,081504.00,V,4119.66200,N,01949.11800,E,,,201126,,,N*4A";
    public const string FixLostGga = "$GPGGA,081504.00,4119.66200,N,01949.11800,E,0,03,9.99,110.4,M,45.1,M,,*59";

    public static byte[] Bytes(params string[] sentences) => Encoding.ASCII.GetBytes(string.Concat(sentences.Select(s => s + "\r\n")));
}
