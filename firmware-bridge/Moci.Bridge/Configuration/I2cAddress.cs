using System.Globalization;

namespace Moci.Bridge.Configuration;

/// <summary>I2C addresses as the configuration writes them: <c>"0x76"</c> (as <c>i2cdetect</c> shows them) or decimal.</summary>
internal static class I2cAddress
{
    /// <summary>Parses an address; false when it is not a number from 0 to 127 (7-bit addressing, I2C-bus specification UM10204 §3.1.10).</summary>
    public static bool TryParse(string? text, out int address)
    {
        address = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var parsed = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out address)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out address);
        return parsed && address is >= 0 and <= 0x7F;
    }

    /// <summary>Writes an address as <c>i2cdetect</c> does: <c>0x76</c>.</summary>
    public static string Format(int address) => "0x" + address.ToString("x2", CultureInfo.InvariantCulture);
}
