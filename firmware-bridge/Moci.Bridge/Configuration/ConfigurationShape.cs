using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Moci.Bridge.Configuration;

/// <summary>
/// Checks the keys and value kinds of the configuration file against the options classes before they are bound, so
/// that a misspelt key (<c>adress</c>) or a word where a number belongs is named, instead of being ignored or failing
/// deep inside the binder. Durations may be written the short way (<c>10s</c>); the check returns them in the binder's
/// <c>[d.]hh:mm:ss</c> form.
/// </summary>
internal static class ConfigurationShape
{
    /// <summary>The sections of the file and the type each binds to; null for a section the host reads (logging).</summary>
    private static readonly (string Key, Type? Type)[] Sections =
    [
        (StationOptions.Section, typeof(StationOptions)),
        (BrokerOptions.Section, typeof(BrokerOptions)),
        (OutboxOptions.Section, typeof(OutboxOptions)),
        (SamplingOptions.Section, typeof(SamplingOptions)),
        (HealthOptions.Section, typeof(HealthOptions)),
        (SensorListOptions.Section, typeof(List<SensorOptions>)),
        ("logging", null),
    ];

    /// <summary>Checks <paramref name="configuration"/>, adding each problem to <paramref name="problems"/>.</summary>
    /// <returns>The durations, by key, in the form the binder reads.</returns>
    public static Dictionary<string, string?> Check(IConfiguration configuration, List<string> problems)
    {
        var durations = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in configuration.GetChildren())
        {
            var known = Array.Find(Sections, s => string.Equals(s.Key, section.Key, StringComparison.OrdinalIgnoreCase));
            if (known.Key is null)
            {
                problems.Add($"{section.Key}: not a section of the bridge's configuration{Suggest(section.Key, Sections.Select(s => s.Key))}; " +
                             $"it has {string.Join(", ", Sections.Select(s => s.Key))}.");
            }
            else if (known.Type is not null)
            {
                Walk(section, known.Type, problems, durations);
            }
        }

        return durations;
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> problems, Dictionary<string, string?> durations)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null || !type.IsValueType;
        type = underlying ?? type;
        var children = section.GetChildren().ToList();
        if (IsLeaf(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{section.Path}: expected {Describe(type)}, not a {{…}} or […] block.");
            }
            else
            {
                CheckValue(section, type, nullable, problems, durations);
            }

            return;
        }

        if (children.Count == 0)
        {
            if (!string.IsNullOrEmpty(section.Value))
            {
                problems.Add($"{section.Path}: expected {(IsList(type, out _) ? "a list [ … ]" : "a block { … }")}, not '{section.Value}'.");
            }

            return;
        }

        if (IsList(type, out var item))
        {
            foreach (var child in children)
            {
                if (!int.TryParse(child.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    problems.Add($"{section.Path}: expected a list [ … ], not a block {{ … }}.");
                    return;
                }

                Walk(child, item, problems, durations);
            }

            return;
        }

        var settings = Settings(type);
        foreach (var child in children)
        {
            if (settings.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase)) is { } property)
            {
                Walk(child, property.PropertyType, problems, durations);
            }
            else
            {
                var names = settings.Select(p => Camel(p.Name)).ToList();
                problems.Add($"{child.Path}: not a setting{Suggest(child.Key, names)}; {section.Path} takes {string.Join(", ", names)}.");
            }
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, bool nullable, List<string> problems, Dictionary<string, string?> durations)
    {
        var value = section.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (!nullable)
            {
                problems.Add($"{section.Path}: needs {Describe(type)}.");
            }

            return;
        }

        var ok = true;
        if (type == typeof(TimeSpan))
        {
            ok = Duration.TryParse(value, out var duration);
            if (ok)
            {
                durations[section.Path] = duration.ToString("c", CultureInfo.InvariantCulture);
            }
        }
        else if (type == typeof(int))
        {
            ok = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
        }
        else if (type == typeof(double))
        {
            ok = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }
        else if (type == typeof(bool))
        {
            ok = bool.TryParse(value, out _);
        }

        if (!ok)
        {
            problems.Add($"{section.Path}: '{value}' is not {Describe(type)}.");
        }
    }

    private static string Describe(Type type) =>
        type == typeof(TimeSpan) ? "a duration: " + Duration.Expected
        : type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number (with a decimal point, e.g. 2.5)"
        : type == typeof(bool) ? "true or false"
        : "a text";

    private static bool IsLeaf(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(double) || type == typeof(bool) || type == typeof(TimeSpan);

    private static bool IsList(Type type, out Type item)
    {
        item = typeof(object);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            item = type.GetGenericArguments()[0];
            return true;
        }

        return false;
    }

    /// <summary>The properties the binder sets: public, with a setter, or a list it fills.</summary>
    private static List<PropertyInfo> Settings(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsList(p.PropertyType, out _))];

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>", did you mean 'address'?" when a known name is one or two edits away.</summary>
    private static string Suggest(string given, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(k => k.Distance <= 2)
            .OrderBy(k => k.Distance)
            .FirstOrDefault();
        return best.Name is null ? "" : $" (did you mean '{best.Name}'?)";
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
