using Moci.Ingest.Storage;

namespace Moci.Cli.Commands.DeadLetters;

/// <summary>A dead letter as <c>dead-letters list</c> shows it: everything but the payload, of which only the size is shown.</summary>
/// <param name="Id">Its id; the hub's <c>GET /api/v1/dead-letters/{id}</c> shows its stored payload.</param>
/// <param name="ReceivedAt">When the hub received it (UTC).</param>
/// <param name="Topic">The MQTT topic, or <c>http:/api/v1/airrohr</c> for a Sensor.Community kit's post.</param>
/// <param name="Reason">Why it is not stored.</param>
/// <param name="PayloadSize">Size of the payload as received, in bytes.</param>
/// <param name="Truncated">Whether only the start of the payload is stored (it was over the hub's cap); such a letter cannot be replayed.</param>
internal sealed record DeadLetterView(long Id, DateTimeOffset ReceivedAt, string Topic, string Reason, long PayloadSize, bool Truncated)
{
    public static DeadLetterView From(DeadLetter letter) =>
        new(letter.Id, letter.ReceivedAt, letter.Topic, letter.Reason, letter.PayloadSize, letter.Truncated);
}
