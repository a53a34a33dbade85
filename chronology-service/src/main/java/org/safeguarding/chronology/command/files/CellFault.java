package org.safeguarding.chronology.command.files;

/** A cell whose value cannot be read as its column's; the message names the column and quotes the value. */
final class CellFault extends Exception {

    CellFault(String message) {
        super(message, null, false, false);
    }
}
