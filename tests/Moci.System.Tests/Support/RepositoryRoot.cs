namespace Moci.SystemTests.Support;

/// <summary>The repository's top folder, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "MOCI.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("MOCI.sln not found above " + AppContext.BaseDirectory);
    }
}
