package org.safeguarding.chronology.command.files;

import java.io.Closeable;
import java.util.List;

/** The rows of a file's first sheet, read one at a time and forgotten: never the whole file in memory. */
interface SheetRows extends Closeable {

    /** The next row with a non-empty cell, or null at the end; {@link FileRefused} when the file is not readable. */
    Row next();

    /** A row's number in the sheet (the first row is 1) and its cells by column, from the first. */
    record Row(int number, List<SheetCell> cells) {

        boolean isEmpty() {
            return cells.stream().allMatch(SheetCell::isEmpty);
        }
    }

    @Override
    void close();
}
