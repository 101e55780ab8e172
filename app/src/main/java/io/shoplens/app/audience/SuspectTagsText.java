package io.shoplens.app.audience;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.shoplens.app.common.Messages;
import io.shoplens.engine.audience.TagComparison;

/**
 * The audience's sentence about the fake-order suspects: which tags' shares and odds ratios move
 * when the switch is flipped (shown → other), the biggest moves named, the rest counted.
 */
final class SuspectTagsText {

    /** Tags named per list; a longer list would not read as a sentence. */
    static final int NAMED = 3;

    private final Messages messages;
    private final Function<Object, String> tagText;

    /** @param tagText a tag as the view shows it (category names beside the ids) */
    SuspectTagsText(Messages messages, Function<Object, String> tagText) {
        this.messages = messages;
        this.tagText = tagText;
    }

    /** @param excluded whether the result shown is the one without the suspects */
    String of(TagComparison comparison, boolean excluded) {
        if (comparison.same()) {
            return messages.get("suspects.none");
        }
        if (comparison.usersLeftOut() == 0) {
            return messages.get("suspects.tags.untagged");
        }
        NumberFormat count = NumberFormat.getIntegerInstance(messages.locale());
        String points = count.format(Math.round(TagComparison.SHARE_POINTS * 100));
        String factor = number(TagComparison.ODDS_FACTOR, 1);
        String shares = comparison.shares().isEmpty() ? messages.get("suspects.tags.noShares", points)
                : messages.get("suspects.tags.shares", comparison.shares().size(), points,
                        named(comparison.shares(), move -> messages.get("suspects.tags.move", tagText.apply(move.tag()),
                                percent(excluded ? move.without() : move.with()),
                                percent(excluded ? move.with() : move.without()))));
        String odds = comparison.odds().isEmpty() ? messages.get("suspects.tags.noOdds", factor)
                : messages.get("suspects.tags.odds", comparison.odds().size(), factor,
                        named(comparison.odds(), move -> messages.get("suspects.tags.move", tagText.apply(move.tag()),
                                odds(excluded ? move.without() : move.with()),
                                odds(excluded ? move.with() : move.without()))));
        return messages.get(excluded ? "suspects.tags.excluded" : "suspects.tags.included",
                comparison.usersLeftOut(), shares, odds);
    }

    private <T> String named(List<T> moves, Function<T, String> text) {
        List<String> parts = new ArrayList<>(moves.stream().limit(NAMED).map(text).toList());
        if (moves.size() > NAMED) {
            parts.add(messages.get("suspects.tags.more", moves.size() - NAMED));
        }
        return String.join(messages.get("suspects.separator"), parts);
    }

    private String percent(double share) {
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        return percent.format(share);
    }

    /** An odds ratio with two decimals; where tag_lift does not list the tag, that it has too few users there. */
    private String odds(Double ratio) {
        return ratio == null ? messages.get("suspects.tags.tooFew") : number(ratio, 2);
    }

    private String number(double value, int decimals) {
        NumberFormat number = NumberFormat.getNumberInstance(messages.locale());
        number.setMinimumFractionDigits(decimals);
        number.setMaximumFractionDigits(decimals);
        return number.format(value);
    }
}
