using System.Collections.Immutable;
using Pulumi;

namespace SrcNetInfra;

/// <summary>
/// One Kubernetes object as a Pulumi resource of its real type (<c>kubernetes:batch/v1:Job</c>, ...),
/// its fields given as plain inputs (some of them outputs of other resources, such as a Job's name
/// from the run id). The typed classes of Pulumi.Kubernetes take the same inputs through an internal
/// constructor (sdk/dotnet/Batch/V1/Job.cs, the ImmutableDictionary overload); this is that, public.
/// Every such resource is given the stack's provider explicitly, so the plugin version needs no option.
/// </summary>
public sealed class KubernetesObject : CustomResource
{
    public KubernetesObject(string name, string type, ImmutableDictionary<string, object?> fields, CustomResourceOptions options)
        : base(type, name, new DictionaryResourceArgs(fields), options)
    {
    }
}
