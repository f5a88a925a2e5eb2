using Program287g.LocalServers;

namespace Program287g.UnitTests;

public class InfrastructureModeSelectionTests
{
    [Theory]
    [InlineData(null, InfrastructureMode.Auto)]
    [InlineData("", InfrastructureMode.Auto)]
    [InlineData("auto", InfrastructureMode.Auto)]
    [InlineData("Containers", InfrastructureMode.Containers)]
    [InlineData(" NATIVE ", InfrastructureMode.Native)]
    [InlineData("external", InfrastructureMode.External)]
    public void A_configured_mode_is_read_in_any_case(string? value, InfrastructureMode expected) =>
        InfrastructureModeSelector.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData("docker")]
    [InlineData("3")]
    public void An_unknown_mode_is_refused_with_the_valid_ones_listed(string value) =>
        Should.Throw<ArgumentException>(() => InfrastructureModeSelector.Parse(value))
            .Message.ShouldContain("Auto, Containers, Native, External");

    [Fact]
    public void Auto_uses_containers_when_the_container_runtime_is_healthy() =>
        InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, () => true, () => true)
            .ShouldBe(InfrastructureMode.Containers);

    [Fact]
    public void Auto_uses_native_servers_when_no_container_runtime_answers() =>
        InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, () => false, () => true)
            .ShouldBe(InfrastructureMode.Native);

    [Fact]
    public void Auto_fails_with_advice_when_neither_containers_nor_native_servers_are_available() =>
        Should.Throw<InvalidOperationException>(() =>
                InfrastructureModeSelector.Resolve(InfrastructureMode.Auto, () => false, () => false))
            .Message.ShouldContain("Infrastructure:Mode=External");

    [Theory]
    [InlineData(InfrastructureMode.Containers)]
    [InlineData(InfrastructureMode.Native)]
    [InlineData(InfrastructureMode.External)]
    public void An_explicit_mode_is_kept_without_probing_anything(InfrastructureMode mode)
    {
        var probes = 0;
        InfrastructureModeSelector.Resolve(mode, () => { probes++; return true; }, () => { probes++; return false; })
            .ShouldBe(mode);
        probes.ShouldBe(0);
    }

    [Fact]
    public void A_container_client_that_is_not_installed_counts_as_unhealthy() =>
        ContainerRuntimeProbe.IsHealthy("no-such-container-runtime-" + Guid.NewGuid().ToString("N"), TimeSpan.FromSeconds(5))
            .ShouldBeFalse();

    [Theory]
    [InlineData(null, "docker")]
    [InlineData("podman", "podman")]
    public void The_container_runtime_defaults_to_docker(string? configured, string expected) =>
        ContainerRuntimeProbe.RuntimeName(configured).ShouldBe(expected);
}
