package io.shoplens.engine.live;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.shoplens.engine.audience.AudienceParams;
import io.shoplens.engine.pages.PageConversionAnalysis.PageParams;

/**
 * What the live GMV tables are counted with; saved with the connection, beside the order mapping.
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
        if (paidChannels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a paid channel needs a name");
        }
    }

    public static LiveGmvParams defaults() {
        return new LiveGmvParams(PageParams.DEFAULT_FLOW, AudienceParams.DEFAULT_PAID_CHANNELS);
    }

    /**
     * From the texts a person types and the catalog keeps: page ids and channel names separated by
     * commas ({@link #flowText()}, {@link #paidChannelsText()}). Throws IllegalArgumentException
     * saying which part is wrong.
     */
    public static LiveGmvParams parse(String flowText, String paidChannelsText) {
        return new LiveGmvParams(parseFlow(flowText), parsePaidChannels(paidChannelsText));
    }

    /** Page ids, in order; a page may come back (1,2,1). */
    public static List<Long> parseFlow(String text) {
        List<Long> pages = new ArrayList<>();
        for (String part : parts(text)) {
            long page;
            try {
                page = Long.parseLong(part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a page id: '" + part + "'");
            }
            if (page < 0) {
                throw new IllegalArgumentException("not a page id: '" + part + "'");
            }
            pages.add(page);
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("the page flow needs at least one page");
        }
        return pages;
    }

    /**
     * Channel names; a repeated one is kept once. At least one: with none, the paid/free split
     * would say "free" of everything, which is never what a shop that asks for it means.
     */
    public static List<String> parsePaidChannels(String text) {
        List<String> channels = new ArrayList<>(new LinkedHashSet<>(parts(text)));
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("name at least one paid channel");
        }
        return channels;
    }

    private static List<String> parts(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("an empty item between commas in '" + text.strip() + "'");
            }
            parts.add(part.strip());
        }
        return parts;
    }

    public String flowText() {
        return String.join(",", flow.stream().map(String::valueOf).toList());
    }

    public String paidChannelsText() {
        return String.join(",", paidChannels);
    }
}
