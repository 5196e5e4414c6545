using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Moci.Ingest.Options;

namespace Moci.Ingest.Intake;

/// <summary>
/// The bounded queue between the MQTT handler and the batch writer. When it is full the handler waits,
/// which delays the broker's acknowledgements instead of dropping anything.
/// </summary>
public sealed class IntakeQueue(IOptions<StorageOptions> options)
{
    private readonly Channel<IntakeItem> _channel = Channel.CreateBounded<IntakeItem>(
        new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });

    public ChannelWriter<IntakeItem> Writer => _channel.Writer;

    public ChannelReader<IntakeItem> Reader => _channel.Reader;

    /// <summary>Messages waiting to be written.</summary>
    public int Depth => _channel.Reader.Count;
}
