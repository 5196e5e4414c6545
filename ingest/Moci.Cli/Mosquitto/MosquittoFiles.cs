namespace Moci.Cli.Mosquitto;

/// <summary>The names of the files <c>moci mosquitto export</c> writes into its folder.</summary>
internal static class MosquittoFiles
{
    /// <summary>Mosquitto's password_file: <c>user:$7$…</c> lines.</summary>
    public const string Passwords = "passwords";

    /// <summary>Mosquitto's acl_file.</summary>
    public const string Acl = "acl";

    /// <summary>The intake's password, for the ingest's <c>Broker:PasswordFile</c>.</summary>
    public const string IntakeSecret = "ingest.secret";

    /// <summary>The settings the ingests of a shared subscription have in common (only with <c>--ingests</c> 2 or more).</summary>
    public const string IngestEnvironment = "ingest.env";

    /// <summary>Mosquitto's configuration, to start it with <c>mosquitto -c</c>.</summary>
    public const string Config = "mosquitto.conf";
}
