namespace SrcNetInfra.Tests.Support;

/// <summary>The smallest stack file that validates: only the site values without defaults.</summary>
public static class MinimalStack
{
    public const string Yaml = """
        config:
          srcnet:ingestor:
            config:
              rucioIngestRseName: TEST_RSE
              rucioCfgClientAccount: service_test_ingestion
            persistence:
              storageClass: cephfs
          srcnet:workflow:
            image:
              tag: 0.34.0

        """;
}
