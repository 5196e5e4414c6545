namespace Moci.Bridge.Sensors.Water;

/// <summary>
/// A two- or three-point calibration of a pH probe and its amplifier (e.g. DFRobot Gravity pH V2): the probe's
/// voltage in two or three buffer solutions. Between and beyond the points the pH is interpolated linearly; with three
/// points the acid and the alkaline side each get their own slope, as a glass electrode's slope differs slightly on
/// either side of neutral. Thread-safe: immutable.
/// </summary>
/// <param name="Id">
/// Names this calibration in every reading computed with it, e.g. <c>ph-2026-11-20</c>: a reading can then be traced
/// to the calibration it was computed with, and corrected if that calibration turns out wrong.
/// </param>
/// <param name="Points">Two or three buffers, in any order.</param>
internal sealed record PhCalibration(string Id, IReadOnlyList<PhCalibrationPoint> Points)
{
    /// <summary>What is wrong with this calibration, each naming the setting; empty when it can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id))
        {
            problems.Add("Id is empty: name the calibration (e.g. ph-2026-11-20) so that readings say which one they were computed with.");
        }

        if (Points is null || Points.Count is < 2 or > 3)
        {
            problems.Add($"Points must hold two or three buffers (has {Points?.Count ?? 0}): measure the probe in pH 7 and pH 4 (and pH 10) buffer.");
            return problems;
        }

        foreach (var point in Points)
        {
            if (!(point.Ph is >= 0 and <= 14) || !double.IsFinite(point.Volts))
            {
                problems.Add($"Point {point.Ph} pH at {point.Volts} V: a buffer's pH is 0–14 and its voltage a number.");
            }
        }

        var sorted = Sorted();
        var slopes = sorted.Zip(sorted.Skip(1), (a, b) => (b.Ph - a.Ph) / (b.Volts - a.Volts)).ToList();
        if (sorted.Zip(sorted.Skip(1)).Any(p => p.First.Volts == p.Second.Volts))
        {
            problems.Add("Two buffers have the same voltage: the probe did not respond (dry, or not connected), or the same buffer was measured twice.");
        }
        else if (slopes.Any(s => Math.Sign(s) != Math.Sign(slopes[0])))
        {
            problems.Add("The buffers' voltages do not rise or fall steadily with pH: a buffer was mislabelled or the probe had not settled.");
        }

        return problems;
    }

    /// <summary>The pH for a probe voltage.</summary>
    /// <param name="volts">The probe's output voltage, in volts.</param>
    /// <exception cref="InvalidOperationException">The calibration has <see cref="Problems"/>.</exception>
    public double ToPh(double volts)
    {
        if (Problems() is [var first, ..])
        {
            throw new InvalidOperationException($"pH calibration '{Id}': {first}");
        }

        var sorted = Sorted();

        // The segment the voltage falls in, or the nearest end segment beyond the calibrated range.
        var i = 0;
        while (i < sorted.Count - 2 && volts > sorted[i + 1].Volts)
        {
            i++;
        }

        var (a, b) = (sorted[i], sorted[i + 1]);
        return a.Ph + (volts - a.Volts) * (b.Ph - a.Ph) / (b.Volts - a.Volts);
    }

    private List<PhCalibrationPoint> Sorted() => [.. Points.OrderBy(p => p.Volts)];
}
