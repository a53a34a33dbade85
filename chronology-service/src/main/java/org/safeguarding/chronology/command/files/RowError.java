package org.safeguarding.chronology.command.files;

/**
 * Why a row of a chronology file, or the file's header row (row 1), cannot be imported.
 *
 * @param row    the row's number in the sheet; the first data row is 2
 * @param column the header of the column at fault, or null for a rule of the whole row
 */
public record RowError(int row, String column, String message) {

    static RowError of(SpreadsheetRow row, Column column, CellFault fault) {
        return new RowError(row.rowNumber(), column.header(), fault.getMessage());
    }

    static RowError of(int row, Column column, String message) {
        return new RowError(row, column == null ? null : column.header(), message);
    }
}
