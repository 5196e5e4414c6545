using System.CommandLine;

namespace Moci.Cli;

/// <summary>The global <c>--db PATH</c> option: which hub database the commands work on.</summary>
internal sealed class DatabaseOption : Option<string>
{
    /// <summary>The environment variable read when <c>--db</c> is not given.</summary>
    public const string Variable = "MOCI_DB";

    /// <summary>
    /// The database of the hub started as the README says (<c>dotnet run --project dashboard/Moci.Dashboard</c>
    /// keeps <c>data/moci.db</c> under its project folder), relative to the current folder: the repository's root.
    /// </summary>
    public const string DefaultPath = "dashboard/Moci.Dashboard/data/moci.db";

    public DatabaseOption()
        : base("--db")
    {
        HelpName = "PATH";
        Recursive = true;
        Description = $"The hub's database file (the hub's Storage:DatabasePath). Default: ${Variable} if set, " +
                      $"else {DefaultPath} (the file of the hub the README starts, relative to the current folder).";
    }

    /// <summary>The absolute path of the database the user chose.</summary>
    /// <exception cref="CliException">An empty path was given.</exception>
    public string Resolve(ParseResult result, CliContext context)
    {
        var given = result.GetValue(this);
        if (given is not null && string.IsNullOrWhiteSpace(given))
        {
            throw CliException.BadArgument("--db: the path is empty; give the hub's database file, e.g. --db /srv/moci/data/moci.db.");
        }

        var path = given ?? (context.Environment(Variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultPath);
        return context.FullPath(path);
    }
}
