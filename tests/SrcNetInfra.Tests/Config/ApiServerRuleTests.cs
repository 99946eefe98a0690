namespace SrcNetInfra.Tests.Config;

/// <summary>
/// Values the API server (or the kubelet, for images) would refuse are refused by validation, with
/// the key: toleration values, Secret keys, image names, storage class names.
/// </summary>
public class ApiServerRuleTests
{
    [Theory]
    // A toleration's value is validated as a label value (kubernetes pkg/apis/core/validation, validateTolerations).
    [InlineData("srcnet:workflow.tolerations", "[{key: hpc, value: \"has space\", effect: NoSchedule}]", "srcnet:workflow.tolerations[0].value", "label value")]
    [InlineData("srcnet:workflow.tolerations", "[{key: hpc, value: \"-true\", effect: NoSchedule}]", "srcnet:workflow.tolerations[0].value", "label value")]
    // Secret keys: IsConfigMapKey refuses '.', '..' and a leading '..'.
    [InlineData("srcnet:secret.clientIdKey", "\".\"", "srcnet:secret.clientIdKey", "must not be '.' or '..'")]
    [InlineData("srcnet:secret.clientIdKey", "\"..\"", "srcnet:secret.clientIdKey", "must not be '.' or '..'")]
    [InlineData("srcnet:secret.clientSecretKey", "\"..x\"", "srcnet:secret.clientSecretKey", "start with '..'")]
    // Images: upper case in a repository path, a tag in the repository, a bad tag.
    [InlineData("srcnet:workflow.image.repository", "ghcr.io/I4DS/karabo-pipeline", "srcnet:workflow.image.repository", "lower-case")]
    [InlineData("srcnet:workflow.image.repository", "Karabo", "srcnet:workflow.image.repository", "lower-case")]
    [InlineData("srcnet:workflow.image.repository", "ghcr.io/i4ds/karabo:1.0", "srcnet:workflow.image.repository", "tag or digest")]
    [InlineData("srcnet:workflow.image.repository", "bad_host!/x", "srcnet:workflow.image.repository", "lower-case")]
    [InlineData("srcnet:workflow.image.tag", "\"-rc1\"", "srcnet:workflow.image.tag", "not starting with")]
    [InlineData("srcnet:ingestor.image.repository", "registry.gitlab.com/SKA/ingestor", "srcnet:ingestor.image.repository", "lower-case")]
    [InlineData("srcnet:ingestor.image.tag", "\"v1 2\"", "srcnet:ingestor.image.tag", "image tag")]
    // StorageClass names are object names: DNS subdomains.
    [InlineData("srcnet:ingestor.persistence.storageClass", "CephFS", "srcnet:ingestor.persistence.storageClass", "lower-case")]
    [InlineData("srcnet:scratch.storageClass", "local_path", "srcnet:scratch.storageClass", "lower-case")]
    public void What_the_api_server_refuses_is_refused(string key, string yaml, string errorKey, string fragment) =>
        Expect.Error(Stacks.Check(key, yaml), errorKey, fragment);

    [Theory]
    [InlineData("srcnet:workflow.image.repository", "localhost:5000/karabo")]
    [InlineData("srcnet:workflow.image.repository", "Registry.Example.org:443/i4ds/karabo-pipeline")] // a host may have upper case
    [InlineData("srcnet:workflow.image.repository", "karabo__pipeline/x-y.z")]
    [InlineData("srcnet:workflow.image.tag", "0.34.0_cuda-12")]
    [InlineData("srcnet:secret.clientIdKey", "\".client-id\"")]
    [InlineData("srcnet:ingestor.persistence.storageClass", "cephfs.rook-ceph")]
    public void What_the_api_server_accepts_is_accepted(string key, string yaml) =>
        Expect.Clean(Stacks.Check(key, yaml));
}
