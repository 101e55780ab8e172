package io.shoplens.engine.audience;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Which tags the users who hit the target share (docs/ANALYSES.md, audience, tag_lift): S = users
 * active in the base period who hit the target there, F = the other users active there; per tag,
 * s and f = its users in S and F.
 */
final class TagLift {

    static final String NAME = "tag_lift";
    static final List<String> COLUMNS = List.of("tag", "seed_users", "other_users", "lift", "odds_ratio");

    /** S and F. */
    record Groups(long seeds, long others) {
    }

    private TagLift() {
    }

    /**
     * tag, seed_users (s), other_users (f), lift = (s/(s+f)) / (S/(S+F)) (empty when S is 0),
     * odds_ratio = ((s+1)(F−f+1)) / ((S−s+1)(f+1)), without the target's own tags and the tags with
     * s + f under {@code minUsers}; in no order.
     *
     * @param userTags {@link UserTags}
     * @param seeds    the ids of S (column {@code user_id})
     */
    static Dataset<Row> of(Dataset<Row> userTags, Dataset<Row> seeds, Groups groups, Target target, int minUsers) {
        Dataset<Row> counted = userTags
                .join(seeds.withColumn("seed", lit(true)), PeriodActions.USER_ID, "left")
                .filter(not(target.leavesOut(col(UserTags.TAG))))
                .groupBy(UserTags.TAG)
                .agg(count(col("seed")).as("seed_users"), count(when(col("seed").isNull(), 1)).as("other_users"))
                .filter(col("seed_users").plus(col("other_users")).geq(minUsers));
        Column s = col("seed_users");
        Column f = col("other_users");
        long all = groups.seeds() + groups.others();
        // The seed share S/(S+F) as one double, then the tag's seed share over it, in the order the
        // contract writes the formula; whole-number products first, so the odds ratio is one division.
        Column lift = groups.seeds() == 0 ? lit(null).cast(DataTypes.DoubleType)
                : asDouble(s).divide(asDouble(s.plus(f))).divide(lit((double) groups.seeds() / all));
        Column oddsRatio = asDouble(s.plus(1).multiply(lit(groups.others()).minus(f).plus(1)))
                .divide(asDouble(lit(groups.seeds()).minus(s).plus(1).multiply(f.plus(1))));
        return counted.select(col(UserTags.TAG), s, f, lift.as("lift"), oddsRatio.as("odds_ratio"));
    }

    private static Column asDouble(Column value) {
        return value.cast(DataTypes.DoubleType);
    }
}
