package io.shoplens.engine.imports;

/** One source record cannot be typed; the message is the rejection reason (column and value). */
final class RowRejectedException extends Exception {
    RowRejectedException(String reason) {
        super(reason, null, false, false); // thrown per bad line: no stack trace needed
    }
}
