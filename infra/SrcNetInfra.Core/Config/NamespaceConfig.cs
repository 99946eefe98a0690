using SrcNetInfra.Core.Model;

namespace SrcNetInfra.Core.Config;

/// <summary>Reads <c>srcnet:namespace</c>.</summary>
internal static class NamespaceConfig
{
    public static readonly string[] PodSecurityLevels = ["privileged", "baseline", "restricted"];

    public static NamespaceSpec Read(ConfigSection s, Problems problems)
    {
        var name = s.String("name", "datalake-ingestion");
        if (Names.CheckLabelName(name) is { } bad) problems.Error(s.KeyOf("name"), bad);
        else if (name.StartsWith("kube-", StringComparison.Ordinal))
            problems.Error(s.KeyOf("name"),
                $"{name} is a Kubernetes system namespace (the prefix kube- is reserved): srcnet would label and limit it, " +
                "and pulumi destroy would delete it; give the environment a namespace of its own, such as srcnet-dev");
        else if (name == "default")
            problems.Warning(s.KeyOf("name"),
                "default is where everything without a namespace lands: the quota would limit other workloads too, and " +
                "pulumi destroy cannot delete it; give the environment a namespace of its own, such as srcnet-dev");

        var labels = s.StringMap("labels");
        foreach (var (key, value) in labels)
        {
            var complaint = Names.CheckLabelKey(key) ?? Names.CheckLabelValue(value);
            if (complaint is not null) problems.Error($"{s.KeyOf("labels")}.{UserText.Show(key)}", complaint);
            else if (key.StartsWith("app.kubernetes.io/", StringComparison.Ordinal) || key.StartsWith("pod-security.kubernetes.io/", StringComparison.Ordinal))
                problems.Error($"{s.KeyOf("labels")}.{UserText.Show(key)}", "is set by srcnet itself; choose a label outside app.kubernetes.io/ and pod-security.kubernetes.io/");
        }

        // baseline: the workflow and the ingestor run as ordinary pods; nothing needs host access.
        var podSecurity = s.Choice("podSecurity", "baseline", PodSecurityLevels);
        if (podSecurity == "restricted")
            problems.Error(s.KeyOf("podSecurity"),
                "restricted admits only pods that run as non-root with a seccomp profile and no capabilities; the simulation's " +
                "pod (and the ingestor chart's) set no such securityContext and would never start; use baseline");
        var create = s.Bool("create", true);
        s.Done();
        if (!create && labels.Count > 0)
            problems.Warning(s.KeyOf("labels"), "only applies when srcnet creates the namespace (create: true); the existing namespace keeps its own labels");
        if (!create && s.Has("podSecurity"))
            problems.Warning(s.KeyOf("podSecurity"), "only applies when srcnet creates the namespace (create: true); label the existing namespace yourself");
        return new NamespaceSpec(name, labels, podSecurity, create);
    }
}
