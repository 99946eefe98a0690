using Pulumi;

namespace SrcNetInfra.Pulumi.Tests;

/// <summary>
/// One resource as the SDK constructs it: its type, name, and the args and options it registers
/// it with. A stack-wide ResourceTransformation sees them inside the Resource constructor, after the
/// program's own rule and before the SDK registers the resource (sdk/Pulumi/Resources/Resource.cs:
/// transformations run, then <c>Deployment.InternalInstance.ReadOrRegisterResource(..., args, options)</c>).
/// </summary>
/// <param name="Wire">Its inputs as the SDK serializes them for the engine, ready once the run has resolved them.</param>
public sealed record Registration(Resource Resource, string Type, string Name, ResourceArgs Args, ResourceOptions Options, Task<WireForm> Wire);

/// <summary>Records every resource of a run, in the order the program constructs them.</summary>
public sealed class Recorder
{
    private readonly List<Registration> _registrations = [];

    public IReadOnlyList<Registration> Registrations
    {
        get { lock (_registrations) return [.. _registrations]; }
    }

    public ResourceTransformationResult? Record(ResourceTransformationArgs args)
    {
        // Started here, inside the deployment, whose context the serializer needs (Task.Run carries it).
        var resourceArgs = args.Args;
        var wire = Task.Run(() => WireInputs.Serialize(resourceArgs));
        lock (_registrations)
            _registrations.Add(new Registration(args.Resource, args.Resource.GetResourceType(), args.Resource.GetResourceName(), args.Args, args.Options, wire));
        return null;
    }
}
