namespace SrcNetInfra.Tests.Config;

public class BandRuleTests
{
    [Fact]
    public void A_vanishing_channel_width_is_too_many_channels_not_a_crash() =>
        // 71 MHz / 1e-27 Hz overflowed the decimal the channel count was computed in.
        Expect.Error(Stacks.Check("srcnet:workflow.simulation.freqIncHz", "1e-27"), "srcnet:workflow.simulation.freqIncHz", "10,000,000 channels");
}
