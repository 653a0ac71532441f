package dev.shophealth.common;

/** Cells of a CSV file people open in a spreadsheet. */
public final class CsvCells {

    private CsvCells() {
    }

    /** A cell a spreadsheet would take for a formula (a leading =, +, - or @) is defused with a quote. */
    public static String defused(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
