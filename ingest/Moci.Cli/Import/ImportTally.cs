namespace Moci.Cli.Import;

/// <summary>What the import of one file did: rows read and refused (with the first reasons), readings stored.</summary>
internal sealed class ImportTally(string file)
{
    /// <summary>How many per-line errors are printed; the rest are only counted.</summary>
    public const int ShownErrors = 20;

    public string File { get; } = file;

    public long Rows { get; set; }

    public long Refused { get; private set; }

    public long Stored { get; set; }

    public long AlreadyStored { get; set; }

    public long Conflicts { get; set; }

    public long OutOfRange { get; set; }

    /// <summary>The first <see cref="ShownErrors"/> errors, as "line N: reason".</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Why the whole file could not be read, if it could not.</summary>
    public string? FileError { get; set; }

    public void Refuse(long line, string reason)
    {
        Refused++;
        if (Errors.Count < ShownErrors)
        {
            Errors.Add($"line {line}: {reason}");
        }
    }
}
