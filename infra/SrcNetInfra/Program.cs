using Pulumi;
using SrcNetInfra;

return await Deployment.RunAsync(() => EnvironmentStack.DeployAsync(StackSettings.FromPulumiConfig()), EnvironmentStack.Options());
