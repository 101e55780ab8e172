package io.shoplens.app.heap;

import java.util.OptionalInt;

/** A tiny app for {@link HeapRelaunchTest}: wants {@code args[0]} MB, prints what it ends up with. */
public final class HeapProbe {

    private HeapProbe() {
    }

    public static void main(String[] args) {
        OptionalInt exit = HeapRelaunch.relaunchIfNeeded(Integer.parseInt(args[0]), HeapProbe.class, args, () -> { });
        if (exit.isPresent()) {
            System.exit(exit.getAsInt());
        }
        System.out.println("relaunched=" + Boolean.getBoolean(HeapRelaunch.APPLIED_PROPERTY)
                + " maxMb=" + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " args=" + String.join(",", args));
    }
}
