using System.Reflection;
using System.Text.RegularExpressions;
using Booking.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Booking.Tests.Cluster;

/// <summary>
/// docker-compose.yml cannot be run here (no Docker engine), so it is checked against the code: it parses as YAML, has the
/// services the README promises, and every environment variable it (or the Dockerfile) gives to the project's images is a
/// configuration key the code binds, with a value the binder accepts.
/// </summary>
[Trait("Category", "Cluster")]
public sealed partial class DockerComposeTests
{
    // Read by ASP.NET Core itself, not by an options class of the project.
    private static readonly string[] FrameworkKeys = ["ASPNETCORE_URLS"];

    private static readonly YamlMappingNode Compose = Load();

    [Fact]
    public void The_compose_file_runs_postgres_two_silos_and_an_api_host_in_client_mode()
    {
        var services = Map(Compose, "services");
        Assert.Equal(["postgres", "silo", "web"], services.Children.Keys.Select(k => k.ToString()).Order());

        var postgres = Map(services, "postgres");
        Assert.Matches("^postgres:[0-9]+$", Scalar(postgres, "image"));
        Assert.NotEmpty(Map(postgres, "healthcheck").Children);
        var volume = ((YamlSequenceNode)postgres.Children["volumes"]).Children.Select(v => v.ToString()).Single();
        Assert.Contains(volume.Split(':')[0], Map(Compose, "volumes").Children.Keys.Select(k => k.ToString()));

        var silo = Map(services, "silo");
        Assert.Equal("silo", Scalar(Map(silo, "build"), "target"));
        Assert.Equal("2", Scalar(Map(silo, "deploy"), "replicas"));
        Assert.Equal("service_healthy", Scalar(Map(Map(silo, "depends_on"), "postgres"), "condition"));

        var web = Map(services, "web");
        Assert.Equal("web", Scalar(Map(web, "build"), "target"));
        Assert.Equal("Client", Scalar(Map(web, "environment"), "Booking__Cluster__Role"));
        Assert.Contains("8080:8080", ((YamlSequenceNode)web.Children["ports"]).Children.Select(p => p.ToString()));

        // Both Dockerfile targets it builds exist, and silo and API host meet in one database and one cluster.
        var dockerfile = File.ReadAllText(RepositoryFile("Dockerfile"));
        Assert.All(new[] { "silo", "web" }, target => Assert.Matches($"(?m)^FROM .+ AS {target}$", dockerfile));
        foreach (var key in new[] { "Booking__Storage__Provider", "Booking__Storage__ConnectionString", "Booking__Cluster__ClusterId", "Booking__Cluster__ServiceId" })
        {
            Assert.Equal(Scalar(Map(silo, "environment"), key), Scalar(Map(web, "environment"), key));
        }
    }

    [Fact]
    public void Every_environment_variable_given_to_the_project_images_is_a_configuration_key_the_code_binds()
    {
        var services = Map(Compose, "services");
        var settings = new List<(string Service, string Key, string Value)>();
        foreach (var name in new[] { "silo", "web" })
        {
            foreach (var (key, value) in Map(Map(services, name), "environment").Children)
            {
                settings.Add((name, key.ToString(), WithDefaults(value.ToString())));
            }
        }

        // The silo image's entrypoint sets the advertised address of each replica.
        var dockerfile = File.ReadAllText(RepositoryFile("Dockerfile"));
        settings.AddRange(DockerfileSettingPattern().Matches(dockerfile).Select(m => m.Groups["key"].Value).Distinct().Select(k => ("Dockerfile", k, "10.0.0.2")));
        Assert.Contains(settings, s => s.Key == "Booking__Cluster__AdvertisedAddress");

        var sections = OptionsSections();
        foreach (var (service, key, value) in settings)
        {
            if (FrameworkKeys.Contains(key))
            {
                continue;
            }

            // As the host reads environment variables: "__" separates sections.
            var path = key.Replace("__", ":", StringComparison.Ordinal);
            var section = path[..path.LastIndexOf(':')];
            Assert.True(sections.TryGetValue(section, out var type), $"{service}: {key} is in no configuration section the code binds ({section}).");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(path, value)]).Build();

            // The binder the code uses, told to refuse keys it has no property for and values it cannot convert.
            var bound = configuration.GetSection(section).Get(type, o => o.ErrorOnUnknownConfiguration = true);
            Assert.True(bound is not null, $"{service}: {key} bound nothing.");
        }

        Assert.Equal(ClusterRole.Client, new ConfigurationBuilder().AddInMemoryCollection([new("Booking:Cluster:Role", "Client")]).Build()
            .GetSection(BookingClusterOptions.SectionName).Get<BookingClusterOptions>()!.Role);
    }

    /// <summary>Every options class of the project's assemblies that names its configuration section (<c>SectionName</c>).</summary>
    private static Dictionary<string, Type> OptionsSections() =>
        new[] { typeof(Program).Assembly, typeof(BookingClusterOptions).Assembly, typeof(Booking.Grains.Accounts.AccountOptions).Assembly }
            .SelectMany(a => a.GetTypes())
            .Select(t => (Type: t, Field: t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static)))
            .Where(t => t.Field is { IsLiteral: true } && t.Field.FieldType == typeof(string))
            .ToDictionary(t => (string)t.Field!.GetRawConstantValue()!, t => t.Type);

    // Compose's ${NAME:-default} interpolation, resolved to its default as `docker compose` would with NAME unset.
    private static string WithDefaults(string value) => InterpolationPattern().Replace(value, m => m.Groups["default"].Value);

    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(RepositoryFile("docker-compose.yml"));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;

    private static string RepositoryFile(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Booking.sln")))
            {
                return Path.Combine(directory.FullName, name);
            }
        }

        throw new FileNotFoundException($"No Booking.sln above {AppContext.BaseDirectory}.", name);
    }

    [GeneratedRegex(@"\$\{[A-Z_]+:-(?<default>[^}]*)\}")]
    private static partial Regex InterpolationPattern();

    // What the Dockerfile sets: `ENV Booking__...` or `export Booking__...=` in an entrypoint.
    [GeneratedRegex(@"(?:\bENV\s+|\bexport\s+)(?<key>Booking__[A-Za-z]+(?:__[A-Za-z]+)+)")]
    private static partial Regex DockerfileSettingPattern();
}
