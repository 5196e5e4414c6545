namespace Moci.Cli.Commands.Stations;

/// <summary>Prints a new secret once, with how to put it on the station.</summary>
internal static class SecretText
{
    public static void Write(TextWriter output, string id, string secret)
    {
        output.WriteLine();
        output.WriteLine("Secret (shown only now; the hub keeps only a hash of it):");
        output.WriteLine();
        output.WriteLine($"    {secret}");
        output.WriteLine();
        output.WriteLine($"Put it on the station as its MQTT login: user name {id}, password the secret. For the station");
        output.WriteLine($"bridge, set its entry's Id and Secret, e.g. Simulation__Stations__0__Id={id} and");
        output.WriteLine("Simulation__Stations__0__Secret=<the secret>. Keep it out of version control and chats. If it is lost");
        output.WriteLine($"or leaked, `moci stations rotate-secret {id}` issues a new one and the old one stops working.");
    }
}
