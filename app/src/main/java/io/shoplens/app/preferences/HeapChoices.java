package io.shoplens.app.preferences;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The maximum-memory sizes the Preferences dialog offers: automatic, then whole gigabytes up to
 * three quarters of the machine's memory (the rest is for the OS and Spark's off-heap buffers).
 */
public final class HeapChoices {

    private static final int[] GIGABYTES = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128};
    static final double SHARE_LIMIT = 0.75;

    private HeapChoices() {
    }

    /** {@link MaxHeapSetting#AUTOMATIC} first, then megabytes; always at least 1 GB, and {@code current} if set. */
    public static List<Integer> forMachine(long totalMemoryBytes, int currentMb) {
        long limitMb = (long) (totalMemoryBytes * SHARE_LIMIT / (1024 * 1024));
        List<Integer> sizes = new ArrayList<>();
        sizes.add(MaxHeapSetting.AUTOMATIC);
        IntStream.of(GIGABYTES).map(gb -> gb * 1024).filter(mb -> mb == 1024 || mb <= limitMb).forEach(sizes::add);
        if (currentMb > 0 && !sizes.contains(currentMb)) {
            // Chosen on a bigger machine (or by hand): still shown, so opening the dialog changes nothing.
            sizes.add(currentMb);
            sizes.sort(null);
        }
        return List.copyOf(sizes);
    }

    /** This machine's memory, or 0 when the JVM cannot tell. */
    public static long totalMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
