package io.shoplens.app.audience;

/** What the sweet apples hit: any pay, a pay holding a category, or a pay holding a product. */
public enum TargetKind {
    ANY_PAY, CATEGORY, PRODUCT;

    /** The messages key of the kind's name. */
    public String key() {
        return "audience.target." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
