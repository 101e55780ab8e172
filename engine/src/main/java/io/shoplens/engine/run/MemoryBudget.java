package io.shoplens.engine.run;

import org.apache.spark.sql.SparkSession;

import io.shoplens.engine.memory.MemoryModel;

/**
 * How many actions a workspace's model may hold in this JVM's heap.
 *
 * <p>Spark plans its own memory as {@code spark.memory.fraction} (0.6 by default) of the heap
 * above a 300 MB reserve, for its execution and its cache, and may fill all of it: a spilling
 * aggregation, or the session model of a workspace too big to hold here, which it then caches
 * itself. It never counts the objects the process keeps on its own, which live in the rest of the
 * heap ("user memory", 40 % by default). The held model is such an object, so it must fit there,
 * and gets half of it: the other half is for what an analysis builds while it answers (a user
 * funnel's paths, the lists of who dropped off, the result tables) and for what Spark keeps there
 * itself. A model held here is one Spark does not cache, so the two never take the heap twice.
 *
 * @param heapBytes     the most heap the JVM will use ({@link Runtime#maxMemory()})
 * @param sparkFraction {@code spark.memory.fraction}
 */
public record MemoryBudget(long heapBytes, double sparkFraction) {

    /** Spark's reserve below the memory it plans (its {@code RESERVED_SYSTEM_MEMORY_BYTES}). */
    public static final long SPARK_RESERVED_BYTES = 300L * 1024 * 1024;
    /** Spark's default {@code spark.memory.fraction}. */
    public static final double SPARK_DEFAULT_FRACTION = 0.6;

    /** This JVM's heap and {@code spark}'s fraction. */
    public static MemoryBudget of(SparkSession spark) {
        String fraction = spark.conf().get("spark.memory.fraction", Double.toString(SPARK_DEFAULT_FRACTION));
        return new MemoryBudget(Runtime.getRuntime().maxMemory(), Double.parseDouble(fraction.trim()));
    }

    /**
     * This JVM's heap and the fraction Spark will take once started: the one given as a system
     * property ({@code -Dspark.memory.fraction}, which Spark reads too), else Spark's default.
     */
    public static MemoryBudget beforeSpark() {
        String fraction = System.getProperty("spark.memory.fraction", Double.toString(SPARK_DEFAULT_FRACTION));
        return new MemoryBudget(Runtime.getRuntime().maxMemory(), Double.parseDouble(fraction.trim()));
    }

    /** The heap Spark does not plan, as Spark computes its own share (rounded down). */
    public long userBytes() {
        long usable = Math.max(0, heapBytes - SPARK_RESERVED_BYTES);
        return usable - (long) (usable * sparkFraction);
    }

    /** The heap the held model may take: half of user memory. */
    public long modelBytes() {
        return userBytes() / 2;
    }

    /** The most actions whose model is held in this JVM at {@link MemoryModel#BYTES_PER_ACTION}. */
    public long maxActions() {
        return modelBytes() / MemoryModel.BYTES_PER_ACTION;
    }
}
