// Pulumi's test deployment is process-wide state: its mock tests must run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
