namespace Moci.Ingest.Exports;

/// <summary>
/// What every export says about its licence and time. Section <c>Exports</c>. The defaults publish the
/// network's data under Creative Commons Attribution 4.0 and show local time in Albania.
/// </summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Short name of the data licence, written into every export. Default "CC BY 4.0".</summary>
    public string Licence { get; set; } = "CC BY 4.0";

    /// <summary>Absolute http(s) URL of the licence text, also sent as <c>Link: &lt;url&gt;; rel="license"</c> (RFC 8288, RFC 4946).</summary>
    public string LicenceUrl { get; set; } = "https://creativecommons.org/licenses/by/4.0/";

    /// <summary>Whom a re-user must credit, as CC BY 4.0 §3(a) asks. One line of text.</summary>
    public string Attribution { get; set; } = "MOCI Environmental Monitoring network";

    /// <summary>IANA time zone of the local-time column when a request names none. Default <c>Europe/Tirane</c>.</summary>
    public string TimeZone { get; set; } = "Europe/Tirane";
}
