using System.Globalization;
using Moci.Ingest.Options;

namespace Moci.Cli.Mosquitto;

/// <summary>
/// A configuration for Mosquitto 2.0 (tested with 2.0.11) that admits only the registry's stations and the
/// intake, with the embedded broker's limits, and that never drops a message it has acknowledged to a station.
/// </summary>
internal static class MosquittoConfig
{
    /// <summary>Seconds between saves of Mosquitto's in-memory state (sessions, queued messages) to mosquitto.db.</summary>
    public const int AutosaveSeconds = 10;

    /// <summary>
    /// Messages sent to one client (in practice the intake) and not yet acknowledged by it. The intake acknowledges
    /// a message only once it is committed, in batches; a wide window lets one commit cover many messages.
    /// </summary>
    public const int MaxInflightMessages = 1000;

    /// <param name="header">Comment lines (each starting with '#') to put first.</param>
    /// <param name="directory">The export folder, absolute: the password and ACL files and the persistence live there.</param>
    /// <param name="port">The MQTT port, 1–65535.</param>
    /// <param name="account">The OS account Mosquitto switches to when started as root: the one that owns the export.</param>
    public static string Render(string header, string directory, int port, string account)
    {
        var broker = new BrokerOptions();
        return string.Create(CultureInfo.InvariantCulture, $"""
            {header}
            # Started as root, Mosquitto switches to this account, which owns the files of this folder.
            user {account}

            # One set of rules for every listener.
            per_listener_settings false

            listener {port}

            # Only the stations of the registry and the hub's intake may connect, each to its own topics.
            allow_anonymous false
            password_file {Path.Combine(directory, MosquittoFiles.Passwords)}
            acl_file {Path.Combine(directory, MosquittoFiles.Acl)}

            # The client id is replaced by the user name (the station id), so no client can take over another
            # client's session by connecting with its client id.
            use_username_as_clientid true

            # Sessions and queued messages survive a restart of Mosquitto. The default autosave is every 30 minutes;
            # every {AutosaveSeconds} s a crash costs at most the last {AutosaveSeconds} s (and stations send again what the hub has
            # not acknowledged). Each save writes the whole queue, so a long ingest outage on an SD card writes a lot.
            persistence true
            persistence_location {directory}
            autosave_interval {AutosaveSeconds}

            # Keep-alive at most {broker.MaxKeepAlive.TotalSeconds:0} s, as the embedded broker: a dead connection is noticed within 1.5 times that.
            max_keepalive {broker.MaxKeepAlive.TotalSeconds:0}

            # Largest MQTT packet, as the embedded broker ({broker.MaxPacketBytes / 1024} KiB; a day of one-minute readings of ten
            # metrics is about 60 KiB of SenML). A client sending more is disconnected.
            max_packet_size {broker.MaxPacketBytes}

            # A retained message (a station's status) is passed on only while its publisher may still publish it.
            check_retain_source true

            # Queues. Mosquitto acknowledges a station's message as soon as it has it, then queues it for the intake.
            # With a bounded queue it silently drops what no longer fits while the ingest is down or slow: with the
            # default max_queued_messages 1000, 2,008 of 3,000 messages sent during an ingest restart were lost.
            # So the queue is unbounded, in messages and in bytes: nothing acknowledged is ever dropped.
            # The price is memory: Mosquitto holds every queued message in RAM (and writes it at each autosave)
            # until the intake takes it, about 0.8 KB per message of 300 bytes of SenML (measured with 2.0.11).
            # A station sending one batch a minute queues about 50 KB per hour of ingest outage; 100 stations for a
            # day, about 115 MB. Keep the ingest's outages short and watch Mosquitto's memory while it is down.
            # memory_limit is deliberately not set: when reached, Mosquitto drops messages instead.
            max_queued_messages 0
            max_queued_bytes 0

            # In flight: messages sent to a client and awaiting its acknowledgement. They are never dropped; the
            # window only paces delivery. The intake acknowledges after each commit, so a wide window lets one
            # commit cover many messages and the queue drains fast after an outage.
            max_inflight_messages {MaxInflightMessages}
            max_inflight_bytes 0

            """);
    }
}
