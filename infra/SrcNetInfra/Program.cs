using Pulumi;
using SrcNetInfra;

return await Deployment.RunAsync(() => EnvironmentStack.Deploy(StackSettings.FromPulumiConfig()).Outputs);
