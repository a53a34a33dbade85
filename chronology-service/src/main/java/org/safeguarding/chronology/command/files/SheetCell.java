package org.safeguarding.chronology.command.files;

import java.time.LocalDateTime;

/**
 * One cell as read, trimmed: its text, and for an Excel date cell the date and time it holds (Excel keeps no time
 * zone; a whole number of days has the time 00:00).
 */
public record SheetCell(String text, LocalDateTime excelDate) {

    public static final SheetCell EMPTY = new SheetCell("", null);

    public SheetCell {
        text = text == null ? "" : text.strip();
    }

    public static SheetCell text(String text) {
        return new SheetCell(text, null);
    }

    public boolean isEmpty() {
        return text.isEmpty() && excelDate == null;
    }
}
