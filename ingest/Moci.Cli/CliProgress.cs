using Spectre.Console;

namespace Moci.Cli;

/// <summary>
/// A progress bar on the error stream (results stay alone on stdout) for long commands. On a terminal it is
/// redrawn in place; when stderr is a file or a test's writer, Spectre.Console prints plain lines instead.
/// </summary>
internal static class CliProgress
{
    /// <summary>Runs <paramref name="work"/> and shows how far it has got, as <paramref name="fraction"/> (0 … 1) and <paramref name="status"/> tell.</summary>
    public static async Task<T> RunAsync<T>(CliContext context, Task<T> work, Func<double> fraction, Func<string> status)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Error),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = ReferenceEquals(context.Error, Console.Error) ? InteractionSupport.Detect : InteractionSupport.No,
        });
        return await console.Progress()
            .AutoClear(false)

            // Redrawn by the loop below, not by Spectre's refresh thread: that thread can still write after the command
            // has returned and its writer is closed (in tests, a disposed StringWriter crashed the test host).
            .AutoRefresh(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask(Markup.Escape(status()), maxValue: 1.0);
                while (!work.IsCompleted)
                {
                    task.Value = fraction();
                    task.Description = Markup.Escape(status());
                    progress.Refresh();

                    // A screen refresh, not logic: the real clock is right even when the command's clock is fake.
                    await Task.WhenAny(work, Task.Delay(TimeSpan.FromMilliseconds(200)));
                }

                var result = await work;
                task.Value = 1.0;
                task.Description = Markup.Escape(status());
                task.StopTask();
                progress.Refresh();
                return result;
            });
    }
}
