package org.safeguarding.chronology.command.files;

import java.util.Map;

/** One non-empty row of a chronology file under its header row: its number in the sheet (data start at 2). */
public record SpreadsheetRow(int rowNumber, Map<Column, SheetCell> cells) {

    public SpreadsheetRow {
        cells = Map.copyOf(cells);
    }

    public SheetCell cell(Column column) {
        return cells.getOrDefault(column, SheetCell.EMPTY);
    }
}
