package io.shoplens.engine.live;

import java.util.List;

import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;

/**
 * What the live GMV tables are counted with.
 *
 * @param flow         the page flow of page_jumps and session_funnel (the pages analysis' default)
 * @param paidChannels channels that are paid traffic; every other channel, unknown included, is free
 */
public record LiveGmvParams(List<Long> flow, List<String> paidChannels) {

    public LiveGmvParams {
        flow = List.copyOf(flow);
        paidChannels = List.copyOf(paidChannels);
        if (flow.isEmpty()) {
            throw new IllegalArgumentException("the page flow needs at least one page");
        }
    }

    public static LiveGmvParams defaults() {
        return new LiveGmvParams(PageParams.DEFAULT_FLOW, AudienceParams.DEFAULT_PAID_CHANNELS);
    }
}
