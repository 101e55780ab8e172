package io.shoplens.app.startup;

/** A main for {@link CdsArchiveTest}: "train" is the archive's class-loading run, "use" a later start. */
public final class CdsProbe {

    private CdsProbe() {
    }

    public static void main(String[] args) {
        System.out.println(args[0] + " ran");
    }
}
