using System.Text;

namespace Moci.Ingest.Storage.Influx;

/// <summary>
/// Reads the annotated CSV that InfluxDB 2.x answers a Flux query with (its API reference, "Annotated CSV"): tables
/// separated by blank lines, each with annotation rows (<c>#datatype</c>, <c>#group</c>, <c>#default</c>) and one header
/// row, every row starting with an annotation column that is empty in records; fields quoted as RFC 4180 says. A
/// query that fails after the answer started comes as a table with the columns <c>error</c> and <c>reference</c>,
/// which is thrown. Only the columns are read; their types are the caller's to know (it wrote the query).
/// <para>
/// InfluxDB.Client has a parser of its own, but version 5.1.0 is built against CsvHelper 33 and calls a constructor
/// that CsvHelper 34 (which the hub uses) no longer has, so the store takes the raw answer from the client and reads it
/// here. Thread-safe: stateless.
/// </para>
/// </summary>
internal static class AnnotatedCsv
{
    /// <summary>The records of every table in <paramref name="csv"/>, in order.</summary>
    /// <exception cref="FluxQueryException">The answer holds an error table, or a record before any header.</exception>
    public static IEnumerable<FluxRow> Parse(string csv)
    {
        Dictionary<string, int>? columns = null;
        string[] defaults = [];
        var annotationsSeen = false;
        foreach (var row in Rows(csv))
        {
            if (row is [""] or [])
            {
                // A blank line ends a table; the next one brings its own annotations and header.
                columns = null;
                annotationsSeen = false;
                continue;
            }

            if (row[0].StartsWith('#'))
            {
                if (!annotationsSeen)
                {
                    defaults = [];
                    annotationsSeen = true;
                }

                if (row[0] == "#default")
                {
                    defaults = row;
                }

                columns = null;
                continue;
            }

            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 1; i < row.Length; i++)
                {
                    columns.TryAdd(row[i], i);
                }

                annotationsSeen = false;
                continue;
            }

            var record = new FluxRow(columns, row, defaults);
            if (columns.Count == 2 && columns.ContainsKey("error") && columns.ContainsKey("reference") && record.Has("error"))
            {
                throw new FluxQueryException($"the Flux query failed: {record.String("error")}");
            }

            yield return record;
        }
    }

    /// <summary>The rows of <paramref name="csv"/> split into fields: a quoted field may hold commas, quotes ("") and line breaks.</summary>
    private static IEnumerable<string[]> Rows(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    // InfluxDB ends lines with CRLF; the LF ends the row.
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return [.. fields];
                    fields.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return [.. fields];
        }
    }
}
